//! Bundling: `$ref`s to other files resolved into one document.
//!
//! Vendors spread a spec over many files joined by relative `$ref`s (`./paths/menu.yaml`,
//! `../definitions/cluster.yaml#/properties/x`). The rest of the pipeline reads one document
//! whose `$ref`s all point into its own components, so each external reference is replaced
//! according to where it sits:
//!
//! - at a component's own place (`components/schemas/Pet: {$ref: ./pet.yaml}`), the referenced
//!   node is copied there, and that place becomes its home;
//! - where a component could be referred to (a schema, parameter, response, request body,
//!   header, example), it becomes a local `$ref` to the target's home, which is made under
//!   `components/<section>/<name>` (named after the file or the pointer's last segment) the
//!   first time the target is met;
//! - anywhere else (a path item, a whole section such as `paths: {$ref: ...}`), the node is
//!   copied in place.
//!
//! Homes are decided before their contents are walked, so files that refer to each other in a
//! loop make an ordinary recursive type; a loop through places that can only be copied (a path
//! item that includes itself) is an error. Every copied or homed subtree is recorded in the
//! source map with the file and pointer it came from. Nothing is ever fetched: a `$ref` to an
//! `http(s)` URL is an error at the `$ref`.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use serde_json::{Map, Value};

use super::read;
use crate::diagnostic::Diagnostic;
use crate::source::{child, escape_segment, segments, FileId, Origin, SourceFile, SourceMap, ROOT};

/// The most files one spec may be made of (Onezone's is a few hundred).
const MAX_FILES: usize = 10_000;

/// The deepest nesting of copied-in files (a longer chain is almost surely a loop).
const MAX_INLINE_DEPTH: usize = 64;

/// Nodes copied in, at most, per byte of the spec's files (and at least [`MIN_COPY_BUDGET`]): a
/// file copied twice into a file copied twice into... grows exponentially, like a YAML alias
/// bomb, and is stopped the same way.
const COPIES_PER_BYTE: usize = 2;

/// The copy budget of a small spec.
const MIN_COPY_BUDGET: usize = 1 << 18;

/// A node of some file: the file and the node's pointer in it.
type Target = (FileId, String);

/// Resolves every `$ref` to another file in `root` (the root file's value; its file is the
/// source map's first). Returns the bundled document, or every problem found.
pub(super) fn bundle(root: Value, sources: &mut SourceMap) -> Result<Value, Vec<Diagnostic>> {
    let layout = if root.get("swagger").is_some() { Layout::Swagger2 } else { Layout::OpenApi3 };
    if !has_external_refs(&root, layout, "", "") {
        return Ok(root);
    }
    let mut bundler = Bundler {
        sources,
        values: vec![None],
        by_path: BTreeMap::new(),
        homes: BTreeMap::new(),
        taken: BTreeMap::new(),
        inlining: Vec::new(),
        pending: VecDeque::new(),
        found: Vec::new(),
        layout,
        copied: 0,
    };
    let root_path = bundler.sources.file(ROOT).map(|file| file.path.clone()).unwrap_or_default();
    bundler.by_path.insert(identity(&root_path), ROOT);
    for section in layout.sections() {
        let names = root.pointer(section).and_then(Value::as_object).map(|map| map.keys().cloned().collect()).unwrap_or_default();
        bundler.taken.insert((*section).to_owned(), names);
    }
    bundler.claim_slots(&root);
    let mut bundled = bundler.walk(&root, ROOT, "", "");
    while let Some((home, target)) = bundler.pending.pop_front() {
        let content = bundler.copy(&target, &home, &format!("{home}/$ref"));
        insert(&mut bundled, &home, content);
    }
    if bundler.found.is_empty() {
        Ok(bundled)
    } else {
        Err(bundler.found)
    }
}

/// Where a spec keeps its components: OpenAPI 3's `components/<section>`, or Swagger 2.0's
/// top-level `definitions`, `parameters` and `responses`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Layout {
    OpenApi3,
    Swagger2,
}

/// What a `$ref` at some place of the document may become.
enum Place {
    /// The place of a component itself (`/components/schemas/Pet`): the target is copied here.
    Slot,
    /// A place that may refer to a component in this section (a pointer, `/components/schemas`).
    Use(&'static str),
    /// Anywhere else: the target is copied here.
    Copy,
}

impl Layout {
    fn sections(self) -> &'static [&'static str] {
        match self {
            Layout::OpenApi3 => &[
                "/components/schemas",
                "/components/parameters",
                "/components/responses",
                "/components/requestBodies",
                "/components/headers",
                "/components/examples",
                "/components/links",
                "/components/callbacks",
                "/components/securitySchemes",
                "/components/pathItems",
            ],
            Layout::Swagger2 => &["/definitions", "/parameters", "/responses"],
        }
    }

    fn schemas(self) -> &'static str {
        match self {
            Layout::OpenApi3 => "/components/schemas",
            Layout::Swagger2 => "/definitions",
        }
    }

    /// What a `$ref` at `at` (a pointer in the bundled document) may become.
    fn place(self, at: &str) -> Place {
        let segments = segments(at);
        let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
        let last = segments.last().copied().unwrap_or("");
        let parent = segments.len().checked_sub(2).map_or("", |index| segments[index]);
        let numbered = last.parse::<usize>().is_ok();
        match (self, segments.as_slice()) {
            (Layout::OpenApi3, ["components", section, _]) if self.sections().contains(&format!("/components/{section}").as_str()) => {
                return Place::Slot
            }
            (Layout::Swagger2, [section, _]) if self.sections().contains(&format!("/{section}").as_str()) => return Place::Slot,
            _ => {}
        }
        let schema_place = ["schema", "items", "additionalProperties", "not", "contains", "propertyNames", "if", "then", "else"]
            .contains(&last)
            || ["properties", "patternProperties", "allOf", "anyOf", "oneOf", "prefixItems", "$defs", "definitions", "dependentSchemas"]
                .contains(&parent);
        match self {
            Layout::OpenApi3 => match (parent, last) {
                ("parameters", _) if numbered => Place::Use("/components/parameters"),
                ("responses", _) if last == "default" || last.len() == 3 => Place::Use("/components/responses"),
                (_, "requestBody") => Place::Use("/components/requestBodies"),
                ("headers", _) => Place::Use("/components/headers"),
                ("examples", _) if !numbered => Place::Use("/components/examples"),
                _ if schema_place => Place::Use("/components/schemas"),
                _ => Place::Copy,
            },
            Layout::Swagger2 => match (parent, last) {
                ("parameters", _) if numbered => Place::Use("/parameters"),
                ("responses", _) if last == "default" || last.len() == 3 => Place::Use("/responses"),
                _ if schema_place => Place::Use("/definitions"),
                _ => Place::Copy,
            },
        }
    }
}

struct Bundler<'s> {
    sources: &'s mut SourceMap,
    /// Each file's parsed value, by id (the root's is walked directly, so it is not kept).
    values: Vec<Option<Value>>,
    /// Files already read, by canonical path.
    by_path: BTreeMap<PathBuf, FileId>,
    /// Where each target lives in the bundled document, once decided.
    homes: BTreeMap<Target, String>,
    /// Component names in use, per section pointer.
    taken: BTreeMap<String, BTreeSet<String>>,
    /// The targets being copied, innermost last (a target met again inside itself is a loop).
    inlining: Vec<Target>,
    /// Homes decided but not yet filled: (home pointer, target).
    pending: VecDeque<(String, Target)>,
    found: Vec<Diagnostic>,
    layout: Layout,
    /// Nodes copied in so far.
    copied: usize,
}

impl Bundler<'_> {
    /// Components the root file defines by a `$ref` to another file are the homes of those
    /// targets, decided before anything refers to them, so that no duplicate is made.
    fn claim_slots(&mut self, root: &Value) {
        for section in self.layout.sections() {
            let Some(Value::Object(entries)) = root.pointer(section) else { continue };
            for (name, entry) in entries {
                let Some(reference) = entry.get("$ref").and_then(Value::as_str) else { continue };
                if reference.starts_with('#') || entry.as_object().is_some_and(|map| map.len() > 1) {
                    continue;
                }
                let at = child(section, name);
                if let Some(target) = self.resolve(reference, ROOT, &format!("{at}/$ref")) {
                    self.homes.entry(target).or_insert(at);
                }
            }
        }
    }

    /// The bundled copy of `value`, a node of `file` placed at `at` in the bundled document.
    fn walk(&mut self, value: &Value, file: FileId, at_file: &str, at: &str) -> Value {
        match value {
            Value::Object(map) => match map.get("$ref") {
                Some(Value::String(reference)) => self.reference(map, reference, file, at_file, at),
                _ => Value::Object(self.walk_map(map, file, at_file, at, None)),
            },
            Value::Array(items) => Value::Array(
                items
                    .iter()
                    .enumerate()
                    .map(|(index, item)| self.walk(item, file, &format!("{at_file}/{index}"), &format!("{at}/{index}")))
                    .collect(),
            ),
            other => other.clone(),
        }
    }

    fn walk_map(&mut self, map: &Map<String, Value>, file: FileId, at_file: &str, at: &str, skip: Option<&str>) -> Map<String, Value> {
        let mut out = Map::new();
        let mut up = at.rsplit('/').map(crate::source::unescape_segment);
        let (holder, parent) = (up.next().unwrap_or_default(), up.next().unwrap_or_default());
        for (key, item) in map {
            if Some(key.as_str()) == skip {
                continue;
            }
            if is_literal(key, item, &holder, &parent, self.layout) {
                out.insert(key.clone(), item.clone());
                continue;
            }
            let (item_file, item_at) = (child(at_file, key), child(at, key));
            let copied = if key == "discriminator" {
                self.discriminator(item, file, &item_at)
            } else {
                self.walk(item, file, &item_file, &item_at)
            };
            out.insert(key.clone(), copied);
        }
        out
    }

    /// A `{$ref: ...}` node (with any siblings) of `file`, placed at `at`.
    fn reference(&mut self, map: &Map<String, Value>, reference: &str, file: FileId, at_file: &str, at: &str) -> Value {
        let siblings = self.walk_map(map, file, at_file, at, Some("$ref"));
        let local = |pointer: &str, siblings: Map<String, Value>| {
            let mut out = Map::new();
            out.insert("$ref".into(), Value::String(format!("#{pointer}")));
            out.extend(siblings);
            Value::Object(out)
        };
        let here = format!("{at}/$ref");
        let Some(target) = self.resolve(reference, file, &here) else {
            // Reported; the `$ref` stays so that nothing else is reported about its absence.
            return local("", siblings);
        };
        if target.0 == ROOT {
            return local(&target.1.clone(), siblings);
        }
        let home = match self.layout.place(at) {
            Place::Slot => match self.homes.get(&target) {
                Some(home) if home != at => Some(home.clone()),
                _ => {
                    self.homes.insert(target.clone(), at.to_owned());
                    None
                }
            },
            Place::Use(section) => Some(self.home(&target, section)),
            Place::Copy => None,
        };
        if let Some(home) = home {
            return local(&home, siblings);
        }
        match self.copy(&target, at, &here) {
            Value::Object(mut content) => {
                for (key, value) in siblings {
                    content.entry(key).or_insert(value);
                }
                Value::Object(content)
            }
            other => other,
        }
    }

    /// Rewrites a discriminator's `mapping` values that name schemas in other files.
    fn discriminator(&mut self, value: &Value, file: FileId, at: &str) -> Value {
        let mut value = value.clone();
        let schemas = self.layout.schemas();
        if let Some(Value::Object(mapping)) = value.get_mut("mapping") {
            for (key, target) in mapping.iter_mut() {
                let Value::String(reference) = target else { continue };
                if !names_a_file(reference) {
                    continue;
                }
                let here = child(&format!("{at}/mapping"), key);
                if let Some(resolved) = self.resolve(reference, file, &here) {
                    let home = if resolved.0 == ROOT { resolved.1.clone() } else { self.home(&resolved, schemas) };
                    *target = Value::String(format!("#{home}"));
                }
            }
        }
        value
    }

    /// The home of `target`, deciding one in `section` when it has none yet.
    fn home(&mut self, target: &Target, section: &str) -> String {
        if let Some(home) = self.homes.get(target) {
            return home.clone();
        }
        let wanted = match target.1.rsplit('/').next().filter(|last| !last.is_empty()) {
            Some(last) => crate::source::unescape_segment(last),
            None => self.sources.file(target.0).and_then(|file| file.path.file_stem()).map(|stem| stem.to_string_lossy().into_owned()).unwrap_or_default(),
        };
        let taken = self.taken.entry(section.to_owned()).or_default();
        let name = unique_name(&wanted, taken);
        let home = format!("{section}/{}", escape_segment(&name));
        self.homes.insert(target.clone(), home.clone());
        self.pending.push_back((home.clone(), target.clone()));
        home
    }

    /// The bundled copy of the node `target` names, placed at `at`; `here` is the `$ref` that
    /// asked for it (where a loop is reported).
    fn copy(&mut self, target: &Target, at: &str, here: &str) -> Value {
        if self.inlining.contains(target) || self.inlining.len() >= MAX_INLINE_DEPTH {
            self.found.push(
                Diagnostic::error(here, "this `$ref` loops back into the node it is part of")
                    .help("files may refer to each other in a loop only through schemas, parameters, responses and the other components; a path item or a section cannot include itself"),
            );
            return Value::Null;
        }
        let Some(node) = self.values.get(target.0).and_then(Option::as_ref).and_then(|value| value.pointer(&target.1)).cloned() else {
            return Value::Null;
        };
        self.copied += count_nodes(&node);
        let text_bytes: usize = self.sources.files().iter().map(|file| file.text.len()).sum();
        let budget = text_bytes.saturating_mul(COPIES_PER_BYTE).max(MIN_COPY_BUDGET);
        if self.copied > budget {
            self.found.push(
                Diagnostic::error(here, format!("bundling copies more than {budget} nodes; files that include other files several times grow without bound"))
                    .help("refer to the repeated part where a component can be (a schema, parameter, response...), so that it is kept once"),
            );
            return Value::Null;
        }
        self.sources.bundled_from(at, Origin { file: target.0, pointer: target.1.clone() });
        self.inlining.push(target.clone());
        let copied = self.walk(&node, target.0, &target.1, at);
        self.inlining.pop();
        copied
    }

    /// The target of `reference`, written in `file`; `None` after reporting why there is none.
    fn resolve(&mut self, reference: &str, file: FileId, here: &str) -> Option<Target> {
        let (path_part, fragment) = reference.split_once('#').unwrap_or((reference, ""));
        if !fragment.is_empty() && !fragment.starts_with('/') {
            self.found.push(
                Diagnostic::error(here, format!("`{reference}` is not a JSON pointer reference"))
                    .help("write the part after `#` as a JSON pointer, e.g. `#/components/schemas/Name`"),
            );
            return None;
        }
        let fragment = percent_decode(fragment);
        if path_part.is_empty() {
            return Some((file, fragment));
        }
        if let Some((scheme, _)) = path_part.split_once("://") {
            let help = if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") {
                "the generator never uses the network: download the document beside the spec and refer to it by relative path"
            } else {
                "refer to other files by relative path (`./schemas/pet.yaml`)"
            };
            self.found.push(Diagnostic::error(here, format!("`{reference}` refers to a URL; only files beside the spec can be referred to")).help(help));
            return None;
        }
        let base = self.sources.file(file).and_then(|file| file.path.parent().map(Path::to_path_buf)).unwrap_or_default();
        let path = normalize(&base.join(percent_decode(path_part)));
        let id = self.open(&path, path_part, here)?;
        let exists = id == ROOT || self.values.get(id).and_then(Option::as_ref).is_some_and(|value| value.pointer(&fragment).is_some());
        if !exists {
            self.found.push(
                Diagnostic::error(here, format!("`{reference}` points at nothing: `{path_part}` has no node at `{fragment}`"))
                    .help("check the part after `#`: it is a JSON pointer into that file"),
            );
            return None;
        }
        Some((id, fragment))
    }

    /// The id of the file at `path`, reading it the first time; `None` after reporting why it
    /// cannot be read.
    fn open(&mut self, path: &Path, written: &str, here: &str) -> Option<FileId> {
        let key = identity(path);
        if let Some(&id) = self.by_path.get(&key) {
            // A file that failed to read was reported where it was first referred to.
            return (id == ROOT || self.values.get(id).is_some_and(Option::is_some)).then_some(id);
        }
        let shown = path.display().to_string();
        if !path.is_file() {
            self.found.push(
                Diagnostic::error(here, format!("the file `{written}` this `$ref` names does not exist"))
                    .help("a relative `$ref` is resolved from the folder of the file it is written in"),
            );
            return None;
        }
        if self.values.len() >= MAX_FILES {
            self.found.push(Diagnostic::error(here, format!("the spec is made of more than {MAX_FILES} files")).help("check for a runaway reference"));
            return None;
        }
        let (text, value, positions, problem) = match read::read(path) {
            Ok((text, parsed)) => (text, Some(parsed.value), parsed.positions.map(Arc::new), None),
            Err(unreadable) => (unreadable.text, None, None, Some(unreadable.diagnostic)),
        };
        let id = self.sources.add_file(SourceFile { path: path.to_owned(), name: shown, text, positions });
        self.by_path.insert(key, id);
        self.values.push(value);
        if let Some(problem) = problem {
            self.found.push(Diagnostic::in_file(*problem, id));
            return None;
        }
        Some(id)
    }
}

/// Whether anything in `value` refers to another file (a `$ref` or a discriminator mapping not
/// starting with `#`).
/// `key` and `parent` are the keys of `value` and of the mapping holding it.
fn has_external_refs(value: &Value, layout: Layout, key: &str, parent: &str) -> bool {
    match value {
        Value::Object(map) => map.iter().any(|(child, item)| match (child.as_str(), item) {
            _ if is_literal(child, item, key, parent, layout) => false,
            ("$ref", Value::String(reference)) => !reference.starts_with('#'),
            ("mapping", Value::Object(mapping)) => {
                mapping.values().any(|target| target.as_str().is_some_and(names_a_file)) || has_external_refs(item, layout, child, key)
            }
            _ => has_external_refs(item, layout, child, key),
        }),
        Value::Array(items) => items.iter().any(|item| has_external_refs(item, layout, "", key)),
        _ => false,
    }
}

/// Mappings whose keys are names the spec chooses (a property may be called `default`, and so
/// is the `default` response): their entries are never data.
const NAMED_ENTRIES: &[&str] = &[
    "properties",
    "patternProperties",
    "definitions",
    "$defs",
    "dependentSchemas",
    "schemas",
    "responses",
    "parameters",
    "headers",
    "requestBodies",
    "securitySchemes",
    "securityDefinitions",
    "links",
    "callbacks",
    "variables",
    "paths",
    "mapping",
    "encoding",
    "content",
];

/// Whether the value under `key` is data, not spec: examples, defaults, enums and extensions
/// may hold anything, including a `$ref` key that is not a reference (GitHub's SCIM examples
/// do). `holder` is the key of the mapping `key` is in, `parent` the key of the mapping that
/// holds that one (an Example object's `value` is data when `parent` is `examples`).
fn is_literal(key: &str, value: &Value, holder: &str, parent: &str, layout: Layout) -> bool {
    if NAMED_ENTRIES.contains(&holder) || (holder == "examples" && layout == Layout::OpenApi3 && value.is_object()) {
        return false;
    }
    key.starts_with("x-")
        || matches!(key, "example" | "default" | "enum" | "const")
        // Swagger's `examples` map media types to data; in a 3.1 schema it is a list of data.
        || (key == "examples" && (layout == Layout::Swagger2 || value.is_array()))
        || (key == "value" && parent == "examples")
}

/// Whether a discriminator's mapping value names a node of another file (`./dog.yaml`,
/// `schemas.json#/Dog`) rather than a schema of this document (`Dog`, `Pet.v1`,
/// `#/components/schemas/Dog`).
fn names_a_file(target: &str) -> bool {
    if target.starts_with('#') {
        return false;
    }
    let path = target.split('#').next().unwrap_or(target);
    target.contains('#') || path.contains('/') || [".yaml", ".yml", ".json"].iter().any(|extension| path.ends_with(extension))
}

/// How many nodes a value holds.
fn count_nodes(value: &Value) -> usize {
    match value {
        Value::Object(map) => 1 + map.values().map(count_nodes).sum::<usize>(),
        Value::Array(items) => 1 + items.iter().map(count_nodes).sum::<usize>(),
        _ => 1,
    }
}

/// `wanted`, reduced to the characters a component name may have, and made unique in `taken`.
fn unique_name(wanted: &str, taken: &mut BTreeSet<String>) -> String {
    let clean: String = wanted.chars().map(|c| if c.is_ascii_alphanumeric() || "._-".contains(c) { c } else { '_' }).collect();
    let clean = if clean.is_empty() { "Component".to_owned() } else { clean };
    let mut name = clean.clone();
    let mut number = 2;
    while taken.contains(&name) {
        name = format!("{clean}{number}");
        number += 1;
    }
    taken.insert(name.clone());
    name
}

/// Puts `value` at `pointer` in `document`, creating the mappings on the way.
fn insert(document: &mut Value, pointer: &str, value: Value) {
    let mut current = document;
    let parts = segments(pointer);
    let Some((last, parents)) = parts.split_last() else { return };
    for part in parents {
        let Value::Object(map) = current else { return };
        current = map.entry(part.clone()).or_insert_with(|| Value::Object(Map::new()));
    }
    if let Value::Object(map) = current {
        map.insert(last.clone(), value);
    }
}

/// `a/./b/../c` as `a/c`, without touching the file system (the shown name stays relative).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir if matches!(out.components().next_back(), Some(Component::Normal(_))) => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The same file reached by two spellings of its path is one file.
fn identity(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| normalize(path))
}

/// `%7B` and the like in a reference, as the characters they stand for (invalid escapes stay).
fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_owned();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let hex = |at: usize| bytes.get(at).and_then(|&byte| (byte as char).to_digit(16));
        match (bytes[index], hex(index + 1), hex(index + 2)) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                index += 3;
            }
            (byte, _, _) => {
                out.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_of_references() {
        let oas = Layout::OpenApi3;
        assert!(matches!(oas.place("/components/schemas/Pet"), Place::Slot));
        assert!(matches!(oas.place("/paths/~1pets/get/parameters/0"), Place::Use("/components/parameters")));
        assert!(matches!(oas.place("/paths/~1pets/get/responses/200"), Place::Use("/components/responses")));
        assert!(matches!(oas.place("/paths/~1pets/get/responses/200/content/application~1json/schema"), Place::Use("/components/schemas")));
        assert!(matches!(oas.place("/components/schemas/Pet/properties/owner"), Place::Use("/components/schemas")));
        assert!(matches!(oas.place("/paths/~1pets"), Place::Copy));
        assert!(matches!(oas.place("/paths"), Place::Copy));
        let swagger = Layout::Swagger2;
        assert!(matches!(swagger.place("/definitions/Pet"), Place::Slot));
        assert!(matches!(swagger.place("/paths/~1pets/get/parameters/1"), Place::Use("/parameters")));
        assert!(matches!(swagger.place("/paths/~1pets/get/responses/200/schema"), Place::Use("/definitions")));
    }

    #[test]
    fn paths_are_normalized_without_the_file_system() {
        assert_eq!(normalize(Path::new("specs/cafe/paths/../components/./x.yaml")), PathBuf::from("specs/cafe/components/x.yaml"));
        assert_eq!(normalize(Path::new("../x.yaml")), PathBuf::from("../x.yaml"));
        assert_eq!(percent_decode("menu_%7BmenuItemId%7D.yaml"), "menu_{menuItemId}.yaml");
    }

    #[test]
    fn data_is_not_read_for_references() {
        let oas = Layout::OpenApi3;
        assert!(is_literal("example", &Value::Null, "schema", "get", oas));
        assert!(is_literal("value", &Value::Null, "scim", "examples", oas));
        assert!(is_literal("x-code-samples", &Value::Null, "get", "~1pets", oas));
        // Names the spec chooses are not data: a property called `default`, the `default`
        // response, an example called `default`.
        assert!(!is_literal("default", &Value::Null, "properties", "Pet", oas));
        assert!(!is_literal("default", &Value::Null, "responses", "get", oas));
        assert!(!is_literal("default", &serde_json::json!({}), "examples", "application~1json", oas));
        assert!(is_literal("examples", &serde_json::json!({}), "200", "responses", Layout::Swagger2));
    }

    #[test]
    fn mapping_values_that_name_files() {
        assert!(names_a_file("./Dog.yaml") && names_a_file("schemas.json#/Dog") && names_a_file("Dog.yml"));
        assert!(!names_a_file("Dog") && !names_a_file("Pet.v1") && !names_a_file("#/components/schemas/Dog"));
    }

    #[test]
    fn files_that_copy_files_twice_are_stopped() {
        let dir = std::env::temp_dir().join(format!("bundle-bomb-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for level in 0..24 {
            let next = format!("l{}.yaml", level + 1);
            std::fs::write(dir.join(format!("l{level}.yaml")), format!("a: {{$ref: {next}}}\nb: {{$ref: {next}}}\n")).unwrap();
        }
        std::fs::write(dir.join("l24.yaml"), "leaf: 1\n").unwrap();
        let root = dir.join("root.yaml");
        std::fs::write(&root, "openapi: 3.0.3\npaths: {$ref: l0.yaml}\n").unwrap();
        let mut sources = SourceMap::single(&root, std::fs::read_to_string(&root).unwrap());
        let value = serde_json::json!({ "openapi": "3.0.3", "paths": { "$ref": "l0.yaml" } });
        let found = bundle(value, &mut sources).unwrap_err();
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(found.iter().any(|diagnostic| diagnostic.message.starts_with("bundling copies more than")), "{found:?}");
    }

    #[test]
    fn names_are_made_unique() {
        let mut taken = BTreeSet::from(["Pet".to_owned()]);
        assert_eq!(unique_name("Pet", &mut taken), "Pet2");
        assert_eq!(unique_name("menu item", &mut taken), "menu_item");
    }
}
