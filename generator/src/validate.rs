//! Stage 2: check that the document is OpenAPI 3.0 and that a correct client can be made from it.
//!
//! Every problem is collected, not just the first, so that a maintainer fixes a spec in one
//! pass. The checks read the raw JSON value, so a wrong-typed field in one place does not hide
//! a broken `$ref` in another; only when none of them finds an error is the document read into
//! openapiv3's types. Errors stop the pipeline; warnings travel on with the result.
//!
//! - `shape`: every known field's type, required and unknown fields;
//! - `schemas`: schema rules (types, patterns, enums, unchecked constraints);
//! - `references`: `$ref` targets, loops, chains, unused components;
//! - `extensions`: a warning for every `x-` extension the generator does not read;
//! - this module: operations, parameters, path templates, names, security and servers.

use std::collections::{BTreeMap, BTreeSet};

use openapiv3::OpenAPI;
use serde::Deserialize as _;
use serde_json::{Map, Value};

use crate::diagnostic::{escape_segment, pointer, Diagnostic, Diagnostics};
use crate::input::Document;
use crate::references::MAX_CHAIN;
use crate::shape::METHODS;
use crate::template::PathPart;
use crate::{extensions, naming, references, schemas, shape, template, Severity};

pub use crate::shape::MAX_SCHEMA_DEPTH;
pub use crate::input::MAX_DEPTH;

/// Checks `document` and returns it as a typed OpenAPI document plus any warnings.
///
/// With `lenient`, spec bugs the generator can work around (a `$ref` to nothing, an array
/// without `items`, an operation without responses, an enum value or default of another type
/// than the schema's, a declared path parameter the template lacks) are warnings that say what
/// stands in.
pub fn validate(document: &Document, lenient: bool) -> Result<(OpenAPI, Diagnostics), Diagnostics> {
    let (openapi, warnings) = check(document, lenient)?;
    Ok((openapi, warnings.with_source(document).sorted()))
}

/// [`validate`], with the warnings not yet located in the spec's text (`with_source`), so that
/// the pipeline can locate them beside the stages that follow; errors are located.
pub fn check(document: &Document, lenient: bool) -> Result<(OpenAPI, Diagnostics), Diagnostics> {
    let fail = |items: Vec<Diagnostic>| Diagnostics::detached(items).with_source(document).sorted();
    let root = &document.value;
    check_version(root).map_err(|diagnostic| fail(vec![diagnostic]))?;

    let mut found = Vec::new();
    let facts = shape::check(root, &mut found);
    // The typed reading depends on the shape's facts only, not on what the other checks find,
    // so it runs beside them (its result is used only when they find no error).
    let (typed, mut found, schemas_readable) = std::thread::scope(|scope| {
        let reader = crate::Lane::start(scope, "typed-reading", facts.schemas.len() >= MIN_SCHEMAS_TO_SHARE, || read_typed(root, &facts, lenient));
        let (found, schemas_readable) = check_more(root, &facts, found);
        let typed = reader.join("the typed reading").unwrap_or_else(|_| Err(Diagnostic::bug("stopped while reading the document")));
        (typed, found, schemas_readable)
    });
    // Where the typed reader refused the document, each schema read alone says which it could
    // not read. With an error already found in the schemas, its messages would only repeat it in
    // serde's words.
    if typed.is_err() && schemas_readable {
        schemas::check_typed_each(&facts.schemas, &mut found);
    }
    // A path item reached through a `$ref` is checked for each path that uses it.
    let mut seen = BTreeSet::new();
    found.retain(|diagnostic| seen.insert((diagnostic.pointer.clone(), diagnostic.message.clone())));
    if lenient {
        found = found.into_iter().map(Diagnostic::relaxed).collect();
    }
    if found.iter().any(|diagnostic| diagnostic.severity == Severity::Error) {
        return Err(fail(found));
    }
    match typed {
        Ok(api) => Ok((api, Diagnostics::detached(found))),
        Err(diagnostic) => {
            found.push(diagnostic);
            Err(fail(found))
        }
    }
}

/// Below this many schemas, a thread of its own for the typed reading costs more than it saves.
const MIN_SCHEMAS_TO_SHARE: usize = 64;

/// The checks that need the shape's facts: schemas, references, extensions, paths,
/// parameters, security, servers. Also whether no error was found up to the schemas' checks.
fn check_more(root: &Value, facts: &shape::Facts, mut found: Vec<Diagnostic>) -> (Vec<Diagnostic>, bool) {
    schemas::check(&facts.schemas, &mut found);
    let schemas_readable = !found.iter().any(|diagnostic| diagnostic.severity == Severity::Error);
    references::check(root, &facts.refs, &mut found);
    extensions::check(&facts.extensions, &mut found);
    check_paths(root, &mut found);
    check_component_parameters(root, &mut found);
    check_security(root, &mut found);
    check_servers(root, &mut found);
    (found, schemas_readable)
}

/// The document read into openapiv3's types, or where and why the typed reader refused it.
fn read_typed(root: &Value, facts: &shape::Facts, lenient: bool) -> Result<OpenAPI, Diagnostic> {
    // What `--lenient` let through is read soundly here, so that the typed reader accepts it:
    // a field with no value as absent, an enum value or default of another type as the schema's.
    // Only the schemas that could be read otherwise are looked up in a copy, and only a
    // document with something to repair is copied at all.
    let to_repair: Vec<&str> = if lenient {
        facts.schemas.iter().filter(|(_, schema)| schemas::may_read_soundly(schema)).map(|(at, _)| at.as_str()).collect()
    } else {
        Vec::new()
    };
    let repaired = (lenient && !(facts.empty_fields.is_empty() && to_repair.is_empty())).then(|| {
        let mut repaired = root.clone();
        for at in &facts.empty_fields {
            let (parent, key) = at.rsplit_once('/').unwrap_or_default();
            if let Some(Value::Object(parent)) = repaired.pointer_mut(parent) {
                parent.remove(&key.replace("~1", "/").replace("~0", "~"));
            }
        }
        for at in &to_repair {
            if let Some(Value::Object(schema)) = repaired.pointer_mut(at) {
                schemas::read_soundly(schema);
            }
        }
        repaired
    });
    let document = repaired.as_ref().unwrap_or(root);
    // Read without tracking the path first: it costs a third more, and is only needed to say
    // where a document the checks let through is refused (read again then).
    OpenAPI::deserialize(document).or_else(|_| {
        serde_path_to_error::deserialize::<_, OpenAPI>(document).map_err(|error| {
            // The checks should have caught whatever the typed reader refuses; this is the
            // backstop, located at the node serde stopped at.
            Diagnostic::error(path_to_pointer(error.path()), format!("not a valid OpenAPI 3.0 document: {}", error.inner()))
                .help("see the OpenAPI 3.0.3 specification for this object's fields")
        })
    })
}

fn check_version(value: &Value) -> Result<(), Diagnostic> {
    let Some(object) = value.as_object() else {
        return Err(Diagnostic::error("", format!("the document is {}, not a mapping of OpenAPI fields", shape::describe(value)))
            .help("an OpenAPI document starts with `openapi: 3.0.3`, `info:` and `paths:`"));
    };
    match (object.get("openapi"), object.get("swagger")) {
        (Some(Value::String(version)), _) if version.starts_with("3.0.") => Ok(()),
        (Some(Value::String(version)), _) => Err(Diagnostic::error("/openapi", format!("unsupported OpenAPI version `{version}`"))
            .help("this generator reads OpenAPI 3.0.x and 3.1.x, and Swagger 2.0; set `openapi: 3.0.3`")),
        (Some(version), _) => Err(Diagnostic::error("/openapi", format!("the OpenAPI version must be a string, not {}", shape::describe(version)))
            .help("quote the version: `openapi: '3.0.3'` (unquoted, YAML may read it as a number)")),
        (None, Some(version)) => Err(Diagnostic::error(
            "/swagger",
            format!("Swagger {} is not supported; this generator reads Swagger 2.0 and OpenAPI 3.0.x and 3.1.x", version.as_str().map_or_else(|| version.to_string(), str::to_owned)),
        )
        .help("write `swagger: '2.0'` (quoted) for a Swagger 2.0 document")),
        (None, None) => Err(Diagnostic::error("", "the document has no `openapi` field, so it is not an OpenAPI document")
            .help("add `openapi: 3.0.3` at the top")),
    }
}

fn path_to_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    pointer(path.iter().filter_map(|segment| match segment {
        Segment::Seq { index } => Some(index.to_string()),
        Segment::Map { key } => Some(key.clone()),
        Segment::Enum { .. } | Segment::Unknown => None,
    }))
}

/// The object a value stands for, following `$ref`s within the document (broken references are
/// reported by [`references`]; here they just resolve to nothing).
fn follow<'a>(root: &'a Value, value: &'a Value) -> Option<&'a Value> {
    let mut current = value;
    for _ in 0..=MAX_CHAIN {
        match current.get("$ref") {
            Some(Value::String(reference)) => current = root.pointer(reference.strip_prefix('#')?)?,
            Some(_) => return None,
            None => return Some(current),
        }
    }
    None
}

/// A parameter as declared: its pointer, name and location.
struct Declared<'a> {
    at: String,
    name: &'a str,
    location: &'a str,
}

fn declared<'a>(root: &'a Value, list: Option<&'a Value>, at: &str) -> Vec<Declared<'a>> {
    let Some(Value::Array(items)) = list else { return Vec::new() };
    items
        .iter()
        .enumerate()
        .filter_map(|(index, item)| {
            let object = follow(root, item)?.as_object()?;
            Some(Declared {
                at: format!("{at}/parameters/{index}"),
                name: object.get("name")?.as_str()?,
                location: object.get("in")?.as_str()?,
            })
        })
        .collect()
}

/// Names across operations: operation ids, method names and type names must each be unique.
#[derive(Default)]
struct Names {
    ids: BTreeMap<String, String>,
    methods: BTreeMap<String, String>,
    types: BTreeMap<String, (String, String)>,
}

fn check_paths(root: &Value, found: &mut Vec<Diagnostic>) {
    let Some(Value::Object(paths)) = root.get("paths") else { return };
    let mut names = Names::default();
    for (path, item) in paths {
        if !path.starts_with('/') {
            continue;
        }
        let path_pointer = pointer(["paths", path.as_str()]);
        // A path item may be a `$ref` to one written elsewhere (a broken one is reported by
        // `references`); what it holds is checked for this path, where it is.
        let (item, item_pointer) = match item.get("$ref").and_then(Value::as_str) {
            Some(reference) => (follow(root, item), reference.trim_start_matches('#').to_owned()),
            None => (Some(item), path_pointer.clone()),
        };
        let Some(Value::Object(item)) = item else { continue };
        let parts = match template::parse(path) {
            Ok(parts) => Some(parts),
            Err(problem) => {
                found.push(
                    Diagnostic::error(&path_pointer, format!("the path template `{path}` is malformed: {problem}"))
                        .help("a template parameter is written `{name}`, or `{name:regex}`"),
                );
                None
            }
        };
        let in_template: BTreeSet<&str> = parts.as_deref().map(|parts| template::parameter_names(parts).collect()).unwrap_or_default();
        for part in parts.iter().flatten() {
            if let PathPart::Parameter { name, pattern: Some(pattern) } = part {
                if let Err(error) = regress::Regex::new(&format!("^(?:{pattern})$")) {
                    found.push(
                        Diagnostic::error(&path_pointer, format!("the regular expression of path parameter `{name}` is invalid: {error}"))
                            .help("the part after `:` in `{name:regex}` is an ECMAScript regular expression"),
                    );
                }
            }
        }
        let shared = declared(root, item.get("parameters"), &item_pointer);
        check_duplicates(&shared, found);
        if parts.is_some() {
            for parameter in shared.iter().filter(|parameter| parameter.location == "path") {
                if !in_template.contains(parameter.name) {
                    found.push(not_in_template(parameter, path));
                }
            }
        }
        check_inline_parameters(item.get("parameters"), &item_pointer, found);
        warn_own_servers(item, &item_pointer, found);
        for method in METHODS {
            let Some(Value::Object(operation)) = item.get(*method) else { continue };
            let at = format!("{item_pointer}/{method}");
            warn_own_servers(operation, &at, found);
            check_operation_names(operation, method, path, &at, &mut names, found);
            let own = declared(root, operation.get("parameters"), &at);
            check_duplicates(&own, found);
            check_inline_parameters(operation.get("parameters"), &at, found);
            if parts.is_none() {
                continue;
            }
            for parameter in own.iter().filter(|parameter| parameter.location == "path") {
                if !in_template.contains(parameter.name) {
                    found.push(not_in_template(parameter, path));
                }
            }
            let path_names: BTreeSet<&str> =
                shared.iter().chain(&own).filter(|parameter| parameter.location == "path").map(|parameter| parameter.name).collect();
            for name in &in_template {
                if !path_names.contains(name) {
                    let here = if operation.contains_key("parameters") { format!("{at}/parameters") } else { at.clone() };
                    found.push(
                        Diagnostic::error(here, format!("path parameter `{name}` in `{path}` is not declared"))
                            .help(format!("add a parameter with `name: {name}`, `in: path`, `required: true` and a `schema`")),
                    );
                }
            }
            lint_operation(operation, &at, found);
        }
    }
}

/// `servers` on a path item or an operation: the client sends every request to its one base
/// URL, so these requests would go to the wrong server unless the caller knows.
fn warn_own_servers(object: &Map<String, Value>, at: &str, found: &mut Vec<Diagnostic>) {
    if object.get("servers").and_then(Value::as_array).is_some_and(|servers| !servers.is_empty()) {
        found.push(
            Diagnostic::warning(format!("{at}/servers"), "servers of a single path or operation are not supported: the client sends these requests to its base URL too")
                .help("if they are served elsewhere, build a second client with that server's URL for them"),
        );
    }
}

fn not_in_template(parameter: &Declared, path: &str) -> Diagnostic {
    Diagnostic::error(&parameter.at, format!("path parameter `{}` is declared but `{path}` has no `{{{}}}`", parameter.name, parameter.name))
        .help("remove the parameter, add it to the path, or fix the spelling of one of the two")
        .lenient("the parameter is left out of the client, which cannot send it anywhere")
}

fn check_duplicates(parameters: &[Declared], found: &mut Vec<Diagnostic>) {
    let mut seen: BTreeMap<(&str, &str), &str> = BTreeMap::new();
    for parameter in parameters {
        if let Some(first) = seen.insert((parameter.name, parameter.location), &parameter.at) {
            found.push(
                Diagnostic::error(&parameter.at, format!("the {} parameter `{}` is declared twice", parameter.location, parameter.name))
                    .help(format!("the first declaration is at {first}; remove one")),
            );
        }
    }
}

fn check_operation_names(operation: &Map<String, Value>, method: &str, path: &str, at: &str, names: &mut Names, found: &mut Vec<Diagnostic>) {
    let id = operation.get("operationId").and_then(Value::as_str);
    if let Some(id) = id {
        if let Some(first) = names.ids.insert(id.to_owned(), at.to_owned()) {
            found.push(
                Diagnostic::error(format!("{at}/operationId"), format!("operationId `{id}` is used twice"))
                    .help(format!("the first use is at {first}; operation ids must be unique")),
            );
            return;
        }
    }
    let here = if id.is_some() { format!("{at}/operationId") } else { at.to_owned() };
    let method_name = naming::operation_name(id, method, path);
    // `with_<scheme>` methods turn a login response into an authenticated client.
    if naming::CLIENT_METHODS.contains(&method_name.as_str()) || method_name.starts_with("with_") {
        found.push(
            Diagnostic::error(&here, format!("this operation's method name `{method_name}` is taken by the client itself"))
                .help("give the operation another operationId"),
        );
    }
    if let Some(first) = names.methods.insert(method_name.clone(), at.to_owned()) {
        found.push(
            Diagnostic::error(&here, format!("this operation's method name `{method_name}` is already taken by {first}"))
                .help("give one of the two a different operationId"),
        );
        return;
    }
    let type_name = naming::pascal(&method_name);
    if naming::ROOT_TYPES.contains(&format!("{type_name}Error").as_str()) {
        found.push(
            Diagnostic::error(&here, format!("this operation's error type `{type_name}Error` is a name the client already uses"))
                .help("give the operation another operationId"),
        );
    }
    if let Some((other, first)) = names.types.insert(type_name.clone(), (method_name.clone(), at.to_owned())) {
        found.push(
            Diagnostic::error(&here, format!("the methods `{method_name}` and `{other}` (at {first}) both get the type name `{type_name}Error`"))
                .help("rename one of the two operations so that they differ in more than `_` and case"),
        );
    }
}

/// Rules for each parameter written inline (a `$ref` is checked where it is defined).
fn check_inline_parameters(list: Option<&Value>, at: &str, found: &mut Vec<Diagnostic>) {
    let Some(Value::Array(items)) = list else { return };
    for (index, item) in items.iter().enumerate() {
        if let Value::Object(object) = item {
            if !object.contains_key("$ref") {
                check_parameter(object, &format!("{at}/parameters/{index}"), found);
            }
        }
    }
}

fn check_component_parameters(root: &Value, found: &mut Vec<Diagnostic>) {
    let Some(Value::Object(parameters)) = root.pointer("/components/parameters") else { return };
    for (name, parameter) in parameters {
        if let Value::Object(object) = parameter {
            if !object.contains_key("$ref") {
                check_parameter(object, &format!("/components/parameters/{}", escape_segment(name)), found);
            }
        }
    }
}

fn check_parameter(parameter: &Map<String, Value>, at: &str, found: &mut Vec<Diagnostic>) {
    let name = parameter.get("name").and_then(Value::as_str).unwrap_or_default();
    if parameter.get("in").and_then(Value::as_str) == Some("path") {
        // A `required` that is not a boolean is reported as such by the structural checks.
        let here = match parameter.get("required") {
            None => Some(at.to_owned()),
            Some(Value::Bool(false)) => Some(format!("{at}/required")),
            Some(_) => None,
        };
        if let Some(here) = here {
            found.push(
                Diagnostic::error(here, format!("path parameter `{name}` must be required"))
                    .help("add `required: true`: in OpenAPI 3 every path parameter is required"),
            );
        }
    }
    if !parameter.contains_key("description") {
        found.push(
            Diagnostic::warning(at, format!("parameter `{name}` has no description"))
                .help("add `description:`; it becomes the argument's documentation in the client"),
        );
    }
    let Some(Value::Object(schema)) = parameter.get("schema") else { return };
    let ty = schema.get("type").and_then(Value::as_str);
    if let Some(format) = schema.get("format").and_then(Value::as_str) {
        let (understood, what) = match ty {
            Some("integer") => (["int32", "int64"].contains(&format), "an `i64`"),
            Some("number") => (["float", "double"].contains(&format), "an `f64`"),
            _ => (false, "any string"),
        };
        if !understood {
            found.push(
                Diagnostic::warning(format!("{at}/schema/format"), format!("the format `{format}` of parameter `{name}` is not checked by the client"))
                    .help(format!("the argument takes {what}; say in the description what the server expects")),
            );
        }
    }
    if schema.contains_key("enum") && ty != Some("string") {
        found.push(
            Diagnostic::warning(format!("{at}/schema/enum"), format!("the `enum` of parameter `{name}` is not checked by the client"))
                .help("only string enums become Rust enums; other values are sent as given"),
        );
    }
}

fn lint_operation(operation: &Map<String, Value>, at: &str, found: &mut Vec<Diagnostic>) {
    if !operation.contains_key("summary") && !operation.contains_key("description") {
        found.push(
            Diagnostic::warning(at, "the operation has neither a summary nor a description")
                .help("add `summary:`; it becomes the method's documentation in the client"),
        );
    }
    let Some(Value::Object(responses)) = operation.get("responses") else { return };
    let success = responses.keys().any(|status| status.starts_with('2'));
    let documented = responses.keys().any(|status| !status.starts_with("x-"));
    if documented && !success {
        found.push(
            Diagnostic::warning(format!("{at}/responses"), "the operation documents no success (2xx) response")
                .help("document the success response so the client can return its body"),
        );
    }
}

fn check_security(root: &Value, found: &mut Vec<Diagnostic>) {
    let schemes = root.pointer("/components/securitySchemes").and_then(Value::as_object);
    let known: BTreeSet<&str> = schemes.into_iter().flat_map(|schemes| schemes.keys()).map(String::as_str).collect();
    let mut methods: BTreeMap<String, &str> = BTreeMap::new();
    for key in &known {
        if let Some(first) = methods.insert(naming::snake(key), key) {
            found.push(
                Diagnostic::error(pointer(["components", "securitySchemes", key]), format!("the security schemes `{first}` and `{key}` get the same builder method `{}`", naming::snake(key)))
                    .help("rename one of the two so that they differ in more than `_` and case"),
            );
        }
    }
    let mut check = |requirements: &Value, at: String| {
        let Value::Array(requirements) = requirements else { return };
        for (index, requirement) in requirements.iter().enumerate() {
            let Value::Object(requirement) = requirement else { continue };
            for scheme in requirement.keys() {
                if !known.contains(scheme.as_str()) {
                    found.push(
                        Diagnostic::error(format!("{at}/{index}/{}", escape_segment(scheme)), format!("security scheme `{scheme}` is not defined"))
                            .help("define it under `components.securitySchemes`, or fix the spelling")
                            .lenient("this alternative is left out; the client sends no credentials for it"),
                    );
                }
            }
        }
    };
    if let Some(requirements) = root.get("security") {
        check(requirements, "/security".into());
    }
    let Some(Value::Object(paths)) = root.get("paths") else { return };
    for (path, item) in paths {
        for method in METHODS {
            if let Some(requirements) = item.get(*method).and_then(|operation| operation.get("security")) {
                check(requirements, format!("{}/{method}/security", pointer(["paths", path.as_str()])));
            }
        }
    }
}

/// The client builds its base URL from the first server's template: every `{variable}` in it
/// must be defined, and the variables become arguments, so their Rust names must differ.
fn check_servers(root: &Value, found: &mut Vec<Diagnostic>) {
    let Some(Value::Array(servers)) = root.get("servers") else { return };
    for (index, server) in servers.iter().enumerate() {
        let at = format!("/servers/{index}");
        let Some(Value::String(url)) = server.get("url") else { continue };
        let variables = server.get("variables").and_then(Value::as_object);
        let mut used = BTreeSet::new();
        for name in url.split('{').skip(1).filter_map(|rest| rest.split_once('}')).map(|(name, _)| name) {
            used.insert(name);
            if !variables.is_some_and(|variables| variables.contains_key(name)) {
                found.push(
                    Diagnostic::error(format!("{at}/url"), format!("the server URL uses `{{{name}}}`, but no variable `{name}` is defined"))
                        .help(format!("add `variables: {{{name}: {{default: ...}}}}` to this server")),
                );
            }
        }
        let mut arguments: BTreeMap<String, &str> = BTreeMap::new();
        for name in variables.into_iter().flat_map(|variables| variables.keys()) {
            let here = format!("{at}/variables/{}", escape_segment(name));
            if !used.contains(name.as_str()) {
                found.push(
                    Diagnostic::warning(&here, format!("the server variable `{name}` is not used in the URL"))
                        .help(format!("use it as `{{{name}}}` in `url`, or remove it")),
                );
            }
            if let Some(first) = arguments.insert(naming::snake(name), name) {
                found.push(
                    Diagnostic::error(here, format!("the server variables `{first}` and `{name}` get the same argument name"))
                        .help("rename one of the two so that they differ in more than `_` and case"),
                );
            }
        }
    }
}
