//! Swagger 2.0 -> OpenAPI 3.0.
//!
//! | Swagger 2.0 | OpenAPI 3.0 |
//! | --- | --- |
//! | `host`, `basePath`, `schemes` | `servers` (https before http; `ws`/`wss` are warned about) |
//! | `definitions` | `components/schemas` |
//! | `parameters` (top level) | `components/parameters`, or `components/requestBodies` for `in: body` |
//! | `responses` (top level) | `components/responses` |
//! | `securityDefinitions` (basic, apiKey, oauth2) | `components/securitySchemes` (http basic, apiKey, oauth2 flows) |
//! | a parameter's `type`, `format`, `items`, `enum`, bounds... | its `schema` |
//! | `collectionFormat` | `style` and `explode` (`tsv` has none: warned) |
//! | `in: body` | `requestBody`, one media type per `consumes` |
//! | `in: formData` (`type: file`) | a form or multipart `requestBody` with a property per field |
//! | `consumes` / `produces` (global or per operation) | request and response media types, hence `Content-Type` and `Accept` |
//! | a response's `schema`, `headers`, `examples` | `content` per `produces`, headers with schemas, media type examples |
//! | `x-nullable`, `type: file`, `discriminator: name` | `nullable`, `format: binary`, `discriminator.propertyName` |
//!
//! Path templates with regexes (`{id:[0-9]+}`) are kept as written; the generator reads them
//! in any version.

use serde_json::{json, Map, Value};

use super::{each_schema, schema_roots, Upgraded, OPENAPI_VERSION};
use crate::diagnostic::Diagnostic;
use crate::source::{child, escape_segment, SourceMap};

/// The media type assumed when neither the operation nor the document lists any.
const DEFAULT_MEDIA_TYPE: &str = "application/json";

/// The methods of a path item.
const METHODS: &[&str] = &["get", "put", "post", "delete", "options", "head", "patch"];

/// The fields a Swagger parameter or header shares with a schema.
const SCHEMA_FIELDS: &[&str] = &[
    "type",
    "format",
    "items",
    "enum",
    "default",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "multipleOf",
    "x-nullable",
];

pub(super) fn upgrade(mut document: Value, sources: &mut SourceMap) -> Upgraded {
    let mut upgrade = Upgrade { found: Vec::new(), sources, globals: Map::new() };
    upgrade.schemas(&mut document);
    let Value::Object(mut old) = document else { return Upgraded { value: document, found: upgrade.found } };
    let global_consumes = media_types(old.get("consumes"));
    let global_produces = media_types(old.get("produces"));
    upgrade.globals = old.get("parameters").and_then(Value::as_object).cloned().unwrap_or_default();

    let mut new = Map::new();
    new.insert("openapi".into(), json!(OPENAPI_VERSION));
    upgrade.sources.moved("/openapi", "/swagger");
    for key in ["info", "tags", "externalDocs", "security"] {
        if let Some(value) = old.remove(key) {
            new.insert(key.into(), value);
        }
    }
    if let Some(servers) = upgrade.servers(&old) {
        new.insert("servers".into(), servers);
    }

    let mut paths = Map::new();
    if let Some(Value::Object(old_paths)) = old.remove("paths") {
        for (path, item) in old_paths {
            let at = child("/paths", &path);
            let item = match item {
                Value::Object(item) if !path.starts_with("x-") => Value::Object(upgrade.path_item(item, &at, &global_consumes, &global_produces)),
                other => other,
            };
            paths.insert(path, item);
        }
    }
    new.insert("paths".into(), Value::Object(paths));

    let mut components = Map::new();
    if let Some(definitions) = old.remove("definitions") {
        upgrade.sources.moved("/components/schemas", "/definitions");
        components.insert("schemas".into(), definitions);
    }
    let mut parameters = Map::new();
    let mut bodies = Map::new();
    for (name, parameter) in std::mem::take(&mut upgrade.globals) {
        let at = child("/parameters", &name);
        match parameter.get("in").and_then(Value::as_str) {
            Some("body") => {
                upgrade.sources.moved(&child("/components/requestBodies", &name), &at);
                let home = child("/components/requestBodies", &name);
                bodies.insert(name, upgrade.body(&parameter, &at, &home, &global_consumes));
            }
            // A form field is only a part of a body: it is copied into each operation using it.
            Some("formData") => {}
            _ => {
                upgrade.sources.moved(&child("/components/parameters", &name), &at);
                parameters.insert(name, upgrade.parameter(parameter, &at));
            }
        }
    }
    if !parameters.is_empty() {
        components.insert("parameters".into(), Value::Object(parameters));
    }
    if !bodies.is_empty() {
        components.insert("requestBodies".into(), Value::Object(bodies));
    }
    if let Some(Value::Object(responses)) = old.remove("responses") {
        let mut converted = Map::new();
        for (name, response) in responses {
            let at = child("/responses", &name);
            upgrade.sources.moved(&child("/components/responses", &name), &at);
            converted.insert(name, upgrade.response(response, &at, &global_produces));
        }
        components.insert("responses".into(), Value::Object(converted));
    }
    if let Some(Value::Object(schemes)) = old.remove("securityDefinitions") {
        let mut converted = Map::new();
        for (name, scheme) in schemes {
            let at = child("/securityDefinitions", &name);
            upgrade.sources.moved(&child("/components/securitySchemes", &name), &at);
            converted.insert(name, upgrade.security_scheme(scheme, &at));
        }
        components.insert("securitySchemes".into(), Value::Object(converted));
    }
    if !components.is_empty() {
        new.insert("components".into(), Value::Object(components));
    }
    for (key, value) in old {
        if key.starts_with("x-") {
            new.insert(key, value);
        }
    }
    let mut value = Value::Object(new);
    rewrite_refs(&mut value);
    Upgraded { value, found: upgrade.found }
}

struct Upgrade<'s> {
    found: Vec<Diagnostic>,
    sources: &'s mut SourceMap,
    /// The top-level parameters, to see what a `$ref` to one stands for.
    globals: Map<String, Value>,
}

impl Upgrade<'_> {
    /// `x-nullable`, `type: file` and a discriminator's name in every schema, where they are.
    fn schemas(&mut self, document: &mut Value) {
        let mut convert = |schema: &mut Map<String, Value>, _at: &str| convert_schema(schema);
        if let Some(Value::Object(definitions)) = document.get_mut("definitions") {
            for (name, schema) in definitions.iter_mut() {
                each_schema(schema, &child("/definitions", name), &mut convert);
            }
        }
        // Body parameters' and responses' schemas, wherever those are.
        let mut roots = Vec::new();
        schema_roots(document, String::new(), &|_, key| key == "definitions", &mut roots);
        for at in roots {
            if let Some(schema) = document.pointer_mut(&at) {
                each_schema(schema, &at, &mut convert);
            }
        }
    }

    fn servers(&mut self, old: &Map<String, Value>) -> Option<Value> {
        let host = old.get("host").and_then(Value::as_str);
        let base = old.get("basePath").and_then(Value::as_str).unwrap_or("");
        let Some(host) = host else {
            // No host: the server is wherever the spec is served from; the base path is relative.
            return (!base.is_empty()).then(|| {
                self.sources.moved("/servers/0/url", "/basePath");
                json!([{ "url": base }])
            });
        };
        let listed: Vec<&str> = match old.get("schemes") {
            Some(Value::Array(schemes)) => schemes.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        let mut schemes: Vec<&str> = ["https", "http"].into_iter().filter(|scheme| listed.contains(scheme)).collect();
        for (index, scheme) in listed.iter().enumerate() {
            if !["https", "http"].contains(scheme) {
                self.found.push(
                    Diagnostic::warning(format!("/schemes/{index}"), format!("the scheme `{scheme}` is not HTTP; it is left out of the servers"))
                        .help("the client speaks HTTPS (and HTTP when allowed); list `https` in `schemes`"),
                );
            }
        }
        if schemes.is_empty() {
            // Swagger's default is the scheme the spec was fetched with; the client wants TLS.
            schemes.push("https");
        }
        self.sources.moved("/servers", "/host");
        Some(Value::Array(schemes.iter().map(|scheme| json!({ "url": format!("{scheme}://{host}{base}") })).collect()))
    }

    fn path_item(&mut self, mut item: Map<String, Value>, at: &str, consumes: &[String], produces: &[String]) -> Map<String, Value> {
        // Path-level body and form parameters belong to each operation's body.
        let mut shared_body = Vec::new();
        if let Some(Value::Array(parameters)) = item.remove("parameters") {
            let mut kept = Vec::new();
            for (index, parameter) in parameters.into_iter().enumerate() {
                let here = format!("{at}/parameters/{index}");
                match self.location(&parameter) {
                    Some("body" | "formData") => shared_body.push((here, parameter)),
                    _ => kept.push((here, parameter)),
                }
            }
            let kept: Vec<Value> = kept.into_iter().enumerate().map(|(index, (here, parameter))| self.parameter_use(parameter, &here, &format!("{at}/parameters/{index}"))).collect();
            if !kept.is_empty() {
                item.insert("parameters".into(), Value::Array(kept));
            }
        }
        for method in METHODS {
            if let Some(Value::Object(operation)) = item.remove(*method) {
                let converted = self.operation(operation, &child(at, method), consumes, produces, &shared_body);
                item.insert((*method).into(), Value::Object(converted));
            }
        }
        item
    }

    fn operation(&mut self, mut operation: Map<String, Value>, at: &str, consumes: &[String], produces: &[String], shared_body: &[(String, Value)]) -> Map<String, Value> {
        let consumes = operation.remove("consumes").map_or_else(|| consumes.to_vec(), |list| media_types(Some(&list)));
        let produces = operation.remove("produces").map_or_else(|| produces.to_vec(), |list| media_types(Some(&list)));
        if operation.remove("schemes").is_some() {
            self.found.push(
                Diagnostic::warning(format!("{at}/schemes"), "per-operation `schemes` are not supported; the operation uses the client's base URL")
                    .help("the client has one base URL for every operation"),
            );
        }
        let mut body = shared_body.to_vec();
        let mut parameters = Vec::new();
        if let Some(Value::Array(list)) = operation.remove("parameters") {
            for (index, parameter) in list.into_iter().enumerate() {
                let here = format!("{at}/parameters/{index}");
                match self.location(&parameter) {
                    Some("body" | "formData") => body.push((here, parameter)),
                    _ => parameters.push((here, parameter)),
                }
            }
        }
        let parameters: Vec<Value> =
            parameters.into_iter().enumerate().map(|(index, (here, parameter))| self.parameter_use(parameter, &here, &format!("{at}/parameters/{index}"))).collect();
        if !parameters.is_empty() {
            operation.insert("parameters".into(), Value::Array(parameters));
        }
        if let Some(request_body) = self.request_body(&body, at, &consumes) {
            operation.insert("requestBody".into(), request_body);
        }
        if let Some(Value::Object(responses)) = operation.remove("responses") {
            let mut converted = Map::new();
            for (status, response) in responses {
                let here = child(&format!("{at}/responses"), &status);
                let response = if status.starts_with("x-") { response } else { self.response(response, &here, &produces) };
                converted.insert(status, response);
            }
            operation.insert("responses".into(), Value::Object(converted));
        }
        operation
    }

    /// Where a parameter goes, following a `$ref` to a top-level one.
    fn location<'a>(&'a self, parameter: &'a Value) -> Option<&'a str> {
        let resolved = match parameter.get("$ref").and_then(Value::as_str).and_then(|reference| reference.strip_prefix("#/parameters/")) {
            Some(name) => self.globals.get(&crate::source::unescape_segment(name))?,
            None => parameter,
        };
        resolved.get("in").and_then(Value::as_str)
    }

    /// A path, query, header or cookie parameter (or a `$ref` to one) where an operation lists
    /// it; `was` is its pointer in the Swagger document, `at` in the new one.
    fn parameter_use(&mut self, parameter: Value, was: &str, at: &str) -> Value {
        self.sources.moved(at, was);
        if parameter.get("$ref").is_some() {
            return parameter;
        }
        self.parameter(parameter, was)
    }

    /// A non-body parameter: its schema fields move into `schema`, `collectionFormat` into
    /// `style` and `explode`.
    fn parameter(&mut self, parameter: Value, at: &str) -> Value {
        let Value::Object(mut parameter) = parameter else { return parameter };
        let location = parameter.get("in").and_then(Value::as_str).unwrap_or("").to_owned();
        let collection = parameter.remove("collectionFormat");
        let schema = schema_of(&mut parameter);
        let is_array = schema.get("type").and_then(Value::as_str) == Some("array");
        if is_array {
            let format = collection.as_ref().and_then(Value::as_str).unwrap_or("csv");
            let style = match (format, location.as_str()) {
                ("csv", "query" | "cookie") => Some(("form", false)),
                ("csv", _) => Some(("simple", false)),
                ("multi", "query") => Some(("form", true)),
                ("ssv", "query") => Some(("spaceDelimited", false)),
                ("pipes", "query") => Some(("pipeDelimited", false)),
                _ => None,
            };
            match style {
                Some((style, explode)) => {
                    parameter.insert("style".into(), json!(style));
                    parameter.insert("explode".into(), json!(explode));
                }
                None => {
                    self.found.push(
                        Diagnostic::warning(format!("{at}/collectionFormat"), format!("`collectionFormat: {format}` has no OpenAPI 3.0 equivalent in a {location} parameter; the values are sent comma-separated"))
                            .help("use `csv`, or `multi`, `ssv` or `pipes` in a query parameter"),
                    );
                    let style = if location == "query" || location == "cookie" { "form" } else { "simple" };
                    parameter.insert("style".into(), json!(style));
                    parameter.insert("explode".into(), json!(false));
                }
            }
        }
        if parameter.get("allowEmptyValue").is_some() && location != "query" {
            parameter.remove("allowEmptyValue");
        }
        parameter.insert("schema".into(), Value::Object(schema));
        Value::Object(parameter)
    }

    /// The request body made of an operation's body or form parameters.
    fn request_body(&mut self, body: &[(String, Value)], at: &str, consumes: &[String]) -> Option<Value> {
        let (first_at, first) = body.first()?;
        let resolve = |parameter: &Value| -> Option<(Option<String>, Value)> {
            match parameter.get("$ref").and_then(Value::as_str).and_then(|reference| reference.strip_prefix("#/parameters/")) {
                Some(name) => {
                    let name = crate::source::unescape_segment(name);
                    Some((Some(name.clone()), self.globals.get(&name)?.clone()))
                }
                None => Some((None, parameter.clone())),
            }
        };
        let here = format!("{at}/requestBody");
        if self.location(first) == Some("body") {
            for (extra, _) in &body[1..] {
                self.found.push(
                    Diagnostic::error(extra.clone(), "an operation has one body: this parameter comes after another `in: body` or `in: formData` one")
                        .help("Swagger 2.0 allows one `in: body` parameter, and no form fields beside it"),
                );
            }
            self.sources.moved(&here, first_at);
            let (global, parameter) = resolve(first)?;
            if let Some(name) = global {
                return Some(json!({ "$ref": format!("#/components/requestBodies/{}", escape_segment(&name)) }));
            }
            return Some(self.body(&parameter, first_at, &here, consumes));
        }
        // Form fields: one object schema with a property per field.
        let mut properties = Map::new();
        let mut required = Vec::new();
        let mut has_file = false;
        for (field_at, parameter) in body {
            let Some((_, parameter)) = resolve(parameter) else { continue };
            if parameter.get("in").and_then(Value::as_str) == Some("body") {
                self.found.push(
                    Diagnostic::error(field_at.clone(), "an `in: body` parameter cannot sit beside form fields").help("send the body or the form, not both"),
                );
                continue;
            }
            let Value::Object(mut parameter) = parameter else { continue };
            let Some(name) = parameter.get("name").and_then(Value::as_str).map(str::to_owned) else { continue };
            if parameter.get("required").and_then(Value::as_bool) == Some(true) {
                required.push(json!(name));
            }
            let format = parameter.remove("collectionFormat");
            if format.as_ref().and_then(Value::as_str).is_some_and(|format| !["csv", "multi"].contains(&format)) {
                self.found.push(
                    Diagnostic::warning(format!("{field_at}/collectionFormat"), "a form field's `collectionFormat` other than `csv` or `multi` is not supported; the values are sent as repeated fields")
                        .help("use `multi`"),
                );
            }
            let mut schema = schema_of(&mut parameter);
            has_file |= schema.get("format").and_then(Value::as_str) == Some("binary");
            if let Some(description) = parameter.get("description") {
                schema.insert("description".into(), description.clone());
            }
            properties.insert(name.clone(), Value::Object(schema));
        }
        let media = if has_file || consumes.iter().any(|media| media == "multipart/form-data") && !consumes.iter().any(|media| media == "application/x-www-form-urlencoded") {
            "multipart/form-data"
        } else {
            "application/x-www-form-urlencoded"
        };
        let mut schema = json!({ "type": "object", "properties": properties });
        if !required.is_empty() {
            schema["required"] = Value::Array(required.clone());
        }
        self.sources.moved(&here, first_at);
        for (field_at, parameter) in body {
            if let Some(name) = parameter.get("name").and_then(Value::as_str) {
                self.sources.moved(&format!("{here}/content/{}/schema/properties/{}", escape_segment(media), escape_segment(name)), field_at);
            }
        }
        Some(json!({ "required": !required.is_empty(), "content": { media: { "schema": schema } } }))
    }

    /// A body parameter as a request body: its schema under each media type it is sent as.
    /// `at` is the Swagger pointer; `home` the new one (for the source map).
    fn body(&mut self, parameter: &Value, at: &str, home: &str, consumes: &[String]) -> Value {
        let schema = parameter.get("schema").cloned().unwrap_or_else(|| json!({}));
        let consumes = if consumes.is_empty() { vec![DEFAULT_MEDIA_TYPE.to_owned()] } else { consumes.to_vec() };
        let mut content = Map::new();
        for media in &consumes {
            self.sources.moved(&format!("{home}/content/{}/schema", escape_segment(media)), &format!("{at}/schema"));
            content.insert(media.clone(), json!({ "schema": schema }));
        }
        let mut body = Map::new();
        if let Some(description) = parameter.get("description") {
            body.insert("description".into(), description.clone());
        }
        body.insert("required".into(), json!(parameter.get("required").and_then(Value::as_bool).unwrap_or(false)));
        body.insert("content".into(), Value::Object(content));
        if let Value::Object(fields) = parameter {
            for (key, value) in fields.iter().filter(|(key, _)| key.starts_with("x-")) {
                body.insert(key.clone(), value.clone());
            }
        }
        Value::Object(body)
    }

    /// A response: its schema under each media type the operation produces.
    fn response(&mut self, response: Value, at: &str, produces: &[String]) -> Value {
        let Value::Object(mut response) = response else { return response };
        if response.contains_key("$ref") {
            return Value::Object(response);
        }
        let schema = response.remove("schema");
        let examples = response.remove("examples");
        if let Some(schema) = schema {
            let produces = if produces.is_empty() { vec![DEFAULT_MEDIA_TYPE.to_owned()] } else { produces.to_vec() };
            let mut content = Map::new();
            for media in &produces {
                self.sources.moved(&format!("{at}/content/{}/schema", escape_segment(media)), &format!("{at}/schema"));
                let mut entry = json!({ "schema": schema });
                if let Some(example) = examples.as_ref().and_then(|examples| examples.get(media)) {
                    entry["example"] = example.clone();
                }
                content.insert(media.clone(), entry);
            }
            response.insert("content".into(), Value::Object(content));
        } else if examples.is_some() {
            self.found.push(
                Diagnostic::warning(format!("{at}/examples"), "examples of a response without a schema are left out").help("give the response a `schema`"),
            );
        }
        if let Some(Value::Object(headers)) = response.remove("headers") {
            let mut converted = Map::new();
            for (name, header) in headers {
                let here = child(&format!("{at}/headers"), &name);
                self.sources.moved(&format!("{here}/schema"), &here);
                let Value::Object(mut header) = header else { continue };
                header.remove("collectionFormat");
                let schema = schema_of(&mut header);
                header.insert("schema".into(), Value::Object(schema));
                converted.insert(name, Value::Object(header));
            }
            response.insert("headers".into(), Value::Object(converted));
        }
        response.entry("description").or_insert_with(|| json!(""));
        Value::Object(response)
    }

    fn security_scheme(&mut self, scheme: Value, at: &str) -> Value {
        let Value::Object(mut scheme) = scheme else { return scheme };
        let kind = scheme.get("type").and_then(Value::as_str).unwrap_or("").to_owned();
        match kind.as_str() {
            "basic" => {
                scheme.insert("type".into(), json!("http"));
                scheme.insert("scheme".into(), json!("basic"));
            }
            "oauth2" => {
                let flow = scheme.remove("flow").and_then(|flow| flow.as_str().map(str::to_owned)).unwrap_or_default();
                let mut converted = Map::new();
                for key in ["authorizationUrl", "tokenUrl"] {
                    if let Some(url) = scheme.remove(key) {
                        converted.insert(key.into(), url);
                    }
                }
                converted.insert("scopes".into(), scheme.remove("scopes").unwrap_or_else(|| json!({})));
                let name = match flow.as_str() {
                    "implicit" => "implicit",
                    "password" => "password",
                    "application" => "clientCredentials",
                    "accessCode" => "authorizationCode",
                    other => {
                        self.found.push(
                            Diagnostic::error(format!("{at}/flow"), format!("`{other}` is not an OAuth2 flow"))
                                .help("use `implicit`, `password`, `application` or `accessCode`"),
                        );
                        "implicit"
                    }
                };
                self.sources.moved(&format!("{at}/flows/{name}"), at);
                scheme.insert("flows".into(), json!({ name: converted }));
            }
            _ => {}
        }
        Value::Object(scheme)
    }
}

/// The listed media types (`consumes`, `produces`).
fn media_types(list: Option<&Value>) -> Vec<String> {
    match list {
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).map(str::to_owned).collect(),
        _ => Vec::new(),
    }
}

/// Takes a parameter's or header's schema fields out of it, as a schema.
fn schema_of(parameter: &mut Map<String, Value>) -> Map<String, Value> {
    let mut schema = Map::new();
    for field in SCHEMA_FIELDS {
        if let Some(value) = parameter.remove(*field) {
            schema.insert((*field).into(), value);
        }
    }
    let mut schema = Value::Object(schema);
    each_schema(&mut schema, "", &mut |schema, _| convert_schema(schema));
    match schema {
        Value::Object(schema) => schema,
        _ => Map::new(),
    }
}

/// One schema's Swagger-only spellings, in place.
fn convert_schema(schema: &mut Map<String, Value>) {
    if let Some(nullable) = schema.remove("x-nullable") {
        schema.insert("nullable".into(), nullable);
    }
    if schema.get("type").and_then(Value::as_str) == Some("file") {
        schema.insert("type".into(), json!("string"));
        schema.insert("format".into(), json!("binary"));
    }
    if let Some(Value::String(property)) = schema.get("discriminator") {
        let property = property.clone();
        schema.insert("discriminator".into(), json!({ "propertyName": property }));
    }
    // A collection format inside `items` of a parameter is about nested arrays; the outer one wins.
    schema.remove("collectionFormat");
}

/// Local `$ref`s to Swagger's sections, pointed at their new places.
fn rewrite_refs(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(reference)) = map.get_mut("$ref") {
                for (from, to) in [("#/definitions/", "#/components/schemas/"), ("#/parameters/", "#/components/parameters/"), ("#/responses/", "#/components/responses/")] {
                    if let Some(rest) = reference.strip_prefix(from) {
                        *reference = format!("{to}{rest}");
                        break;
                    }
                }
            }
            if let Some(Value::Object(mapping)) = map.get_mut("discriminator").and_then(|discriminator| discriminator.get_mut("mapping")) {
                for target in mapping.values_mut() {
                    if let Value::String(reference) = target {
                        if let Some(rest) = reference.strip_prefix("#/definitions/") {
                            *reference = format!("#/components/schemas/{rest}");
                        }
                    }
                }
            }
            for (key, item) in map.iter_mut() {
                if key != "example" && key != "examples" {
                    rewrite_refs(item);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(rewrite_refs),
        _ => {}
    }
}
