//! `$ref`s as a graph: each must resolve to a component of the right kind, no chain of them
//! may loop or run on forever, and every component should be used by something.
//!
//! Every walk here is iterative: a chain of ten thousand `$ref`s must not cost ten thousand
//! stack frames.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde_json::Value;

use crate::diagnostic::{escape_segment, Diagnostic};
use crate::shape::{Kind, RefUse};

/// The longest chain of `$ref`s to `$ref`s followed (the pipeline's followers give up after
/// this many, see `refs.rs`).
pub const MAX_CHAIN: usize = 32;

/// The sections of `components` that `$ref`s point into.
const SECTIONS: &[&str] = &["schemas", "responses", "parameters", "examples", "requestBodies", "headers", "links", "callbacks"];

/// Checks every reference in `uses`; returns nothing, adds a diagnostic per problem.
pub fn check(root: &Value, uses: &[RefUse], found: &mut Vec<Diagnostic>) {
    let mut resolved: Vec<(&RefUse, String)> = Vec::new();
    for used in uses {
        if let Some(target) = resolve(root, used, found) {
            resolved.push((used, target));
        }
    }
    let graph = Graph::build(&resolved);
    graph.report_cycles(found);
    graph.report_long_chains(found);
    report_unused(root, &resolved, found);
}

/// The component a reference names, as a JSON pointer, or `None` after reporting why not.
fn resolve(root: &Value, used: &RefUse, found: &mut Vec<Diagnostic>) -> Option<String> {
    let reference = &used.reference;
    let here = format!("{}/$ref", used.at);
    let Some(target) = reference.strip_prefix('#') else {
        found.push(
            Diagnostic::error(here, format!("external reference `{reference}` is not supported"))
                .help("bundle the referenced document into this one, under `components`, and refer to it as `#/components/...`"),
        );
        return None;
    };
    let segments: Vec<&str> = target.split('/').collect();
    let section = used.kind.section().unwrap_or("schemas");
    if root.pointer(target).is_none() {
        let help = match (segments.as_slice(), root.pointer(&format!("/components/{section}")).and_then(Value::as_object)) {
            (["", "components", written, name], Some(known)) if *written == section => {
                let wanted = unescape(name).to_ascii_lowercase();
                let close = known
                    .keys()
                    .map(|key| (crate::shape::distance(&key.to_ascii_lowercase(), &wanted), key))
                    .filter(|&(distance, _)| crate::shape::close_enough(&wanted, distance))
                    .min();
                match close.map(|(_, key)| key) {
                    Some(close) => format!("did you mean `#/components/{section}/{}`?", escape_segment(close)),
                    None => format!("no {} is named `{}`; check the spelling, or add it under `components/{section}`", used.kind.noun(), unescape(name)),
                }
            }
            _ => format!("check the spelling, or add the {} under `components/{section}`", used.kind.noun()),
        };
        let fallback = match section {
            "schemas" => "an untyped JSON value stands in its place",
            _ => "it is left out of the client",
        };
        found.push(Diagnostic::error(here, format!("`{reference}` points at nothing in this document")).help(help).lenient(fallback));
        return None;
    }
    match segments.as_slice() {
        ["", "components", written, _] if *written == section && used.kind != Kind::PathItem => Some(target.to_owned()),
        ["", "components", written, _] if SECTIONS.contains(written) || *written == "securitySchemes" => {
            found.push(
                Diagnostic::error(here, format!("`{reference}` is in `components/{written}`, but a {} is expected here", used.kind.noun()))
                    .help(format!("refer to a {} in `components/{section}`", used.kind.noun())),
            );
            None
        }
        // A schema is a schema wherever it is written: a member of a component's `allOf`, a
        // parameter's `schema`, a response's (a JSON Reference may point at any node). So is a
        // path item (OpenAPI 3.0 has no `components` section for them).
        _ if matches!(used.kind, Kind::Schema | Kind::PathItem) && root.pointer(target).is_some_and(Value::is_object) => {
            Some(target.to_owned())
        }
        _ => {
            found.push(
                Diagnostic::error(here, format!("`{reference}` does not name a component; only references to `#/components/{section}/<name>` are supported"))
                    .help(format!("move the {} into `components/{section}` and refer to it there", used.kind.noun())),
            );
            None
        }
    }
}

fn unescape(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

/// The component that holds `pointer`: its first three segments (`/components/schemas/A`).
fn component_of(pointer: &str) -> Option<&str> {
    let mut slashes = pointer.match_indices('/').map(|(index, _)| index);
    let first = slashes.next()?;
    if first != 0 || !pointer.starts_with("/components/") {
        return None;
    }
    let _section = slashes.next()?;
    Some(match slashes.nth(1) {
        Some(end) => &pointer[..end],
        None => pointer,
    })
}

/// Components and the edges between them that add no structure: a component that is only a
/// `$ref`, and a schema's `allOf`, `oneOf`, `anyOf` and `not` members. A loop of such edges is
/// a type defined as itself; a loop through `properties` or `items` is an ordinary recursive type.
struct Graph {
    /// Edges out of each component, in document order.
    edges: BTreeMap<String, Vec<String>>,
    /// Components whose value is only a `$ref`, and to what.
    aliases: HashMap<String, String>,
}

impl Graph {
    fn build(resolved: &[(&RefUse, String)]) -> Graph {
        let mut edges: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut aliases = HashMap::new();
        for (used, target) in resolved {
            let Some(component) = component_of(&used.at) else { continue };
            if used.at == component {
                aliases.insert(component.to_owned(), target.clone());
                edges.entry(component.to_owned()).or_default().push(target.clone());
            } else if used.kind == Kind::Schema && transparent(component, &used.at) {
                edges.entry(component.to_owned()).or_default().push(target.clone());
            }
        }
        Graph { edges, aliases }
    }

    /// Reports each loop once, at the component where the walk entered it.
    fn report_cycles(&self, found: &mut Vec<Diagnostic>) {
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            Open,
            Done,
        }
        let mut marks: HashMap<&str, Mark> = HashMap::new();
        for start in self.edges.keys() {
            if marks.contains_key(start.as_str()) {
                continue;
            }
            // Depth-first, with an explicit stack of (node, next edge to follow).
            let mut stack: Vec<(&str, usize)> = vec![(start, 0)];
            marks.insert(start, Mark::Open);
            while let Some((node, next)) = stack.last().copied() {
                let out = self.edges.get(node).map(Vec::as_slice).unwrap_or_default();
                let Some(target) = out.get(next) else {
                    marks.insert(node, Mark::Done);
                    stack.pop();
                    continue;
                };
                if let Some(top) = stack.last_mut() {
                    top.1 += 1;
                }
                match marks.get(target.as_str()) {
                    None => {
                        marks.insert(target, Mark::Open);
                        stack.push((target, 0));
                    }
                    Some(Mark::Open) => {
                        let from = stack.iter().position(|(node, _)| *node == target).unwrap_or(0);
                        let mut names: Vec<&str> = stack[from..].iter().map(|(node, _)| name_of(node)).collect();
                        names.push(name_of(target));
                        found.push(
                            Diagnostic::error(target.clone(), format!("`{}` is defined as itself: {}", name_of(target), names.join(" -> ")))
                                .help("a type must add something on the way round (a property, or list items); point one of these `$ref`s at a real schema"),
                        );
                    }
                    Some(Mark::Done) => {}
                }
            }
        }
    }

    /// Reports each chain of aliases longer than [`MAX_CHAIN`] once, at its first link.
    fn report_long_chains(&self, found: &mut Vec<Diagnostic>) {
        let targeted: BTreeSet<&str> = self.aliases.values().map(String::as_str).collect();
        let mut heads: Vec<&String> = self.aliases.keys().filter(|alias| !targeted.contains(alias.as_str())).collect();
        heads.sort();
        for head in heads {
            let mut length = 0;
            let mut current = head.as_str();
            while let Some(next) = self.aliases.get(current) {
                length += 1;
                if length > MAX_CHAIN {
                    found.push(
                        Diagnostic::error(head.clone(), format!("`{}` starts a chain of more than {MAX_CHAIN} `$ref`s to `$ref`s", name_of(head)))
                            .help("refer to the component at the end of the chain directly"),
                    );
                    break;
                }
                current = next;
            }
        }
    }
}

/// Whether the `$ref` at `at`, inside the schema component `component`, is reached from the
/// component only through `allOf`, `oneOf`, `anyOf` and `not`.
fn transparent(component: &str, at: &str) -> bool {
    let Some(rest) = at.strip_prefix(component) else { return false };
    let mut segments = rest.split('/').skip(1);
    while let Some(segment) = segments.next() {
        match segment {
            "allOf" | "oneOf" | "anyOf" if segments.next().is_some() => {}
            "not" => {}
            _ => return false,
        }
    }
    true
}

fn name_of(pointer: &str) -> &str {
    pointer.rsplit('/').next().unwrap_or(pointer)
}

/// Warns about every component nothing reaches from the paths (a component used only by unused
/// components is unused too).
fn report_unused(root: &Value, resolved: &[(&RefUse, String)], found: &mut Vec<Diagnostic>) {
    let mut inside: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut reached: BTreeSet<&str> = BTreeSet::new();
    let mut work: Vec<&str> = Vec::new();
    for (used, target) in resolved {
        // A reference into a component uses the component.
        let target = component_of(target).unwrap_or(target);
        match component_of(&used.at) {
            Some(component) => inside.entry(component).or_default().push(target),
            None => work.push(target),
        }
    }
    while let Some(component) = work.pop() {
        if reached.insert(component) {
            work.extend(inside.get(component).into_iter().flatten());
        }
    }
    for section in SECTIONS {
        let Some(Value::Object(components)) = root.pointer(&format!("/components/{section}")) else { continue };
        for name in components.keys() {
            let pointer = format!("/components/{section}/{}", escape_segment(name));
            if !reached.contains(pointer.as_str()) {
                let noun = section.trim_end_matches('s').replace("requestBodie", "request body");
                found.push(
                    Diagnostic::warning(pointer, format!("the {noun} `{name}` is never used"))
                        .help("refer to it with `$ref` where it belongs, or remove it"),
                );
            }
        }
    }
}
