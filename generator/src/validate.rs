//! Stage 2: check that the document is OpenAPI 3.0 and that a correct client can be made from it.
//!
//! Every problem is collected, not just the first, so that a maintainer fixes a spec in one
//! pass. Errors stop the pipeline; warnings travel on with the result.

use std::collections::{BTreeMap, BTreeSet};

use openapiv3::{OpenAPI, Parameter};
use serde_json::Value;

use crate::diagnostic::{pointer, Diagnostic, Diagnostics};
use crate::load::Document;
use crate::{naming, refs, template};

/// Checks `document` and returns it as a typed OpenAPI document plus any warnings.
pub fn validate(document: &Document) -> Result<(OpenAPI, Diagnostics), Diagnostics> {
    let fail = |items: Vec<Diagnostic>| Diagnostics::detached(items).with_source(document);
    check_version(&document.value).map_err(|diagnostic| fail(vec![diagnostic]))?;
    let api: OpenAPI = serde_path_to_error::deserialize(&document.value).map_err(|error| {
        let at = path_to_pointer(error.path());
        let message = error.inner().to_string();
        let help = if message.contains("untagged enum ReferenceOr") {
            "this must be either a `$ref` or the object itself; check its keys and their types"
        } else {
            "see the OpenAPI 3.0.3 specification for this object's fields"
        };
        fail(vec![Diagnostic::error(at, format!("not a valid OpenAPI 3.0 document: {message}")).help(help)])
    })?;

    let mut found = Vec::new();
    check_references(&document.value, &mut String::new(), &document.value, &mut found);
    check_operations(&api, &mut found);
    check_security(&api, &mut found);
    let diagnostics = fail(found);
    if diagnostics.has_errors() {
        Err(diagnostics)
    } else {
        Ok((api, diagnostics))
    }
}

fn check_version(value: &Value) -> Result<(), Diagnostic> {
    let Some(object) = value.as_object() else {
        return Err(Diagnostic::error("", "the document is not a mapping of OpenAPI fields")
            .help("an OpenAPI document starts with `openapi: 3.0.3`, `info:` and `paths:`"));
    };
    match (object.get("openapi"), object.get("swagger")) {
        (Some(Value::String(version)), _) if version.starts_with("3.0.") => Ok(()),
        (Some(Value::String(version)), _) if version.starts_with("3.1") => Err(Diagnostic::error(
            "/openapi",
            format!("OpenAPI {version} is not supported; this generator reads OpenAPI 3.0.x"),
        )
        .help("write the spec as OpenAPI 3.0.3 (`nullable: true` instead of type arrays)")),
        (Some(version), _) => Err(Diagnostic::error("/openapi", format!("unsupported OpenAPI version {version}"))
            .help("set `openapi: 3.0.3`")),
        (None, Some(version)) => Err(Diagnostic::error(
            "/swagger",
            format!("this is a Swagger {} document; this generator reads OpenAPI 3.0.x", version.as_str().unwrap_or("2.0")),
        )
        .help("convert it to OpenAPI 3.0 first (for example with swagger2openapi)")),
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

/// Every `$ref` must be local and point at something that exists.
fn check_references(root: &Value, at: &mut String, value: &Value, found: &mut Vec<Diagnostic>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(reference)) = map.get("$ref") {
                let here = format!("{at}/$ref");
                match refs::local_pointer(reference) {
                    None => found.push(
                        Diagnostic::error(here, format!("external reference `{reference}` is not supported"))
                            .help("bundle the referenced document into this one, under `components`"),
                    ),
                    Some(target) if root.pointer(target).is_none() => found.push(
                        Diagnostic::error(here, format!("`{reference}` points at nothing in this document"))
                            .help("check the spelling, or add the component it names"),
                    ),
                    Some(_) => {}
                }
            }
            for (key, child) in map {
                let length = at.len();
                at.push('/');
                at.push_str(&crate::diagnostic::escape_segment(key));
                check_references(root, at, child, found);
                at.truncate(length);
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                let length = at.len();
                at.push_str(&format!("/{index}"));
                check_references(root, at, child, found);
                at.truncate(length);
            }
        }
        _ => {}
    }
}

fn check_operations(api: &OpenAPI, found: &mut Vec<Diagnostic>) {
    let mut operation_ids: BTreeMap<&str, String> = BTreeMap::new();
    let mut method_names: BTreeMap<String, String> = BTreeMap::new();
    for (path, item) in api.paths.iter() {
        let path_pointer = pointer(["paths", path.as_str()]);
        let Some(item) = item.as_item() else {
            found.push(Diagnostic::error(&path_pointer, "a `$ref` as a whole path item is not supported")
                .help("write the path item inline"));
            continue;
        };
        let parts = match template::parse(path) {
            Ok(parts) => parts,
            Err(problem) => {
                found.push(Diagnostic::error(&path_pointer, format!("the path template `{path}` is malformed: {problem}")));
                continue;
            }
        };
        let in_template: BTreeSet<&str> = template::parameter_names(&parts).collect();
        for (method, operation) in item.iter() {
            let at = format!("{path_pointer}/{method}");
            if let Some(id) = operation.operation_id.as_deref() {
                if let Some(first) = operation_ids.insert(id, at.clone()) {
                    found.push(Diagnostic::error(format!("{at}/operationId"), format!("operationId `{id}` is used twice"))
                        .help(format!("the first use is at {first}; operation ids must be unique")));
                }
            }
            let name = naming::operation_name(operation.operation_id.as_deref(), method, path);
            if let Some(first) = method_names.insert(name.clone(), at.clone()) {
                found.push(Diagnostic::error(&at, format!("this operation's method name `{name}` is already taken by {first}"))
                    .help("give one of the two a different operationId"));
            }
            let declared = declared_path_parameters(api, &item.parameters, &operation.parameters);
            for name in &in_template {
                if !declared.contains(*name) {
                    found.push(Diagnostic::error(&at, format!("path parameter `{name}` in `{path}` is not declared"))
                        .help(format!("add a parameter with `name: {name}`, `in: path` and `required: true`")));
                }
            }
            for name in &declared {
                if !in_template.contains(name.as_str()) {
                    found.push(Diagnostic::error(&at, format!("path parameter `{name}` is declared but `{path}` has no `{{{name}}}`"))
                        .help("remove the parameter or add it to the path"));
                }
            }
            for (index, parameter) in operation.parameters.iter().enumerate() {
                if let Some(Parameter::Path { parameter_data, .. }) = refs::parameter(api, parameter) {
                    if !parameter_data.required {
                        found.push(Diagnostic::error(format!("{at}/parameters/{index}/required"), format!("path parameter `{}` must be required", parameter_data.name))
                            .help("add `required: true`: in OpenAPI 3 every path parameter is required"));
                    }
                }
            }
        }
    }
}

fn declared_path_parameters(
    api: &OpenAPI,
    shared: &[openapiv3::ReferenceOr<Parameter>],
    own: &[openapiv3::ReferenceOr<Parameter>],
) -> BTreeSet<String> {
    shared
        .iter()
        .chain(own)
        .filter_map(|parameter| match refs::parameter(api, parameter) {
            Some(Parameter::Path { parameter_data, .. }) => Some(parameter_data.name.clone()),
            _ => None,
        })
        .collect()
}

fn check_security(api: &OpenAPI, found: &mut Vec<Diagnostic>) {
    let known: BTreeSet<&str> = api
        .components
        .iter()
        .flat_map(|components| components.security_schemes.keys())
        .map(String::as_str)
        .collect();
    let mut check = |requirements: &[openapiv3::SecurityRequirement], at: String| {
        for (index, requirement) in requirements.iter().enumerate() {
            for scheme in requirement.keys() {
                if !known.contains(scheme.as_str()) {
                    found.push(Diagnostic::error(format!("{at}/{index}/{}", crate::diagnostic::escape_segment(scheme)), format!("security scheme `{scheme}` is not defined"))
                        .help("define it under `components.securitySchemes`"));
                }
            }
        }
    };
    if let Some(requirements) = &api.security {
        check(requirements, "/security".into());
    }
    for (path, item) in api.paths.iter() {
        for (method, operation) in item.as_item().into_iter().flat_map(|item| item.iter()) {
            if let Some(requirements) = &operation.security {
                check(requirements, format!("{}/{method}/security", pointer(["paths", path.as_str()])));
            }
        }
    }
}
