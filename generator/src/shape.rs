//! The structure of an OpenAPI 3.0 document: every known field of every object, its type, and
//! which fields are required, checked on the raw JSON value.
//!
//! serde stops at the first field of the wrong type, and its message names a Rust type. This walk
//! reports every wrong-typed, missing or unknown field at once, in OpenAPI's words, each at its
//! JSON pointer. On the way it notes where the schemas and `$ref`s are, for the later checks.

use std::fmt::Write;

use serde_json::{Map, Value};

use crate::diagnostic::{escape_segment, Diagnostic};

/// The kinds of OpenAPI object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Document,
    Info,
    Contact,
    License,
    Server,
    ServerVariable,
    Paths,
    PathItem,
    Operation,
    ExternalDocs,
    Parameter,
    RequestBody,
    MediaType,
    Encoding,
    Responses,
    Response,
    Header,
    Example,
    Link,
    Callback,
    Components,
    Schema,
    Discriminator,
    Xml,
    SecurityScheme,
    OAuthFlows,
    OAuthFlow,
    Tag,
    SecurityRequirement,
}

impl Kind {
    /// How the object is named in messages.
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Document => "OpenAPI document",
            Kind::Info => "info object",
            Kind::Contact => "contact object",
            Kind::License => "license object",
            Kind::Server => "server",
            Kind::ServerVariable => "server variable",
            Kind::Paths => "paths object",
            Kind::PathItem => "path item",
            Kind::Operation => "operation",
            Kind::ExternalDocs => "external documentation object",
            Kind::Parameter => "parameter",
            Kind::RequestBody => "request body",
            Kind::MediaType => "media type object",
            Kind::Encoding => "encoding object",
            Kind::Responses => "responses object",
            Kind::Response => "response",
            Kind::Header => "header",
            Kind::Example => "example",
            Kind::Link => "link",
            Kind::Callback => "callback",
            Kind::Components => "components object",
            Kind::Schema => "schema",
            Kind::Discriminator => "discriminator",
            Kind::Xml => "XML object",
            Kind::SecurityScheme => "security scheme",
            Kind::OAuthFlows => "OAuth flows object",
            Kind::OAuthFlow => "OAuth flow",
            Kind::Tag => "tag",
            Kind::SecurityRequirement => "security requirement",
        }
    }

    /// The `components` section that holds objects of this kind, if any.
    pub fn section(self) -> Option<&'static str> {
        Some(match self {
            Kind::Schema => "schemas",
            Kind::Response => "responses",
            Kind::Parameter => "parameters",
            Kind::Example => "examples",
            Kind::RequestBody => "requestBodies",
            Kind::Header => "headers",
            Kind::SecurityScheme => "securitySchemes",
            Kind::Link => "links",
            Kind::Callback => "callbacks",
            _ => return None,
        })
    }
}

/// What a field's value must be.
#[derive(Clone, Copy)]
enum Shape {
    Any,
    Str,
    Bool,
    Number,
    /// A non-negative integer.
    Count,
    Object(Kind),
    /// A `$ref` or the object itself.
    RefOr(Kind),
    List(&'static Shape),
    Map(&'static Shape),
    /// `additionalProperties`: a boolean or a schema.
    SchemaOrBool,
}

struct Field {
    name: &'static str,
    shape: Shape,
    required: bool,
}

const fn opt(name: &'static str, shape: Shape) -> Field {
    Field { name, shape, required: false }
}

const fn req(name: &'static str, shape: Shape) -> Field {
    Field { name, shape, required: true }
}

const STRINGS: Shape = Shape::List(&Shape::Str);
const SERVERS: Shape = Shape::List(&Shape::Object(Kind::Server));
const PARAMETERS: Shape = Shape::List(&Shape::RefOr(Kind::Parameter));
const EXAMPLES: Shape = Shape::Map(&Shape::RefOr(Kind::Example));
const CONTENT: Shape = Shape::Map(&Shape::Object(Kind::MediaType));
const HEADERS: Shape = Shape::Map(&Shape::RefOr(Kind::Header));
const SCHEMA: Shape = Shape::RefOr(Kind::Schema);
const SCHEMAS: Shape = Shape::List(&Shape::RefOr(Kind::Schema));
const SECURITY: Shape = Shape::List(&Shape::Object(Kind::SecurityRequirement));
const DOCS: Shape = Shape::Object(Kind::ExternalDocs);
const OPERATION: Shape = Shape::Object(Kind::Operation);

/// How deeply schemas may nest inside schemas (through `properties`, `items`, `allOf`...).
/// The type generator recurses once per level with large frames; real specs nest a handful of
/// levels and put anything deeper into `components`.
pub const MAX_SCHEMA_DEPTH: usize = 32;

/// The HTTP methods a path item can hold.
pub const METHODS: &[&str] = &["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/// The Parameter Object's fields; `name` and `in` come first so that the Header Object can
/// take the rest.
const PARAMETER_FIELDS: &[Field] = {
    use Shape::*;
    &[
        req("name", Str),
        req("in", Str),
        opt("description", Str),
        opt("required", Bool),
        opt("deprecated", Bool),
        opt("allowEmptyValue", Bool),
        opt("style", Str),
        opt("explode", Bool),
        opt("allowReserved", Bool),
        opt("schema", SCHEMA),
        opt("example", Any),
        opt("examples", EXAMPLES),
        opt("content", CONTENT),
    ]
};

fn fields(kind: Kind) -> &'static [Field] {
    use Shape::*;
    match kind {
        Kind::Document => {
            const FIELDS: &[Field] = &[
                req("openapi", Str),
                req("info", Object(Kind::Info)),
                opt("servers", SERVERS),
                req("paths", Object(Kind::Paths)),
                opt("components", Object(Kind::Components)),
                opt("security", SECURITY),
                opt("tags", List(&Object(Kind::Tag))),
                opt("externalDocs", DOCS),
            ];
            FIELDS
        }
        Kind::Info => {
            const FIELDS: &[Field] = &[
                req("title", Str),
                opt("description", Str),
                opt("termsOfService", Str),
                opt("contact", Object(Kind::Contact)),
                opt("license", Object(Kind::License)),
                req("version", Str),
            ];
            FIELDS
        }
        Kind::Contact => {
            const FIELDS: &[Field] = &[opt("name", Str), opt("url", Str), opt("email", Str)];
            FIELDS
        }
        Kind::License => {
            const FIELDS: &[Field] = &[req("name", Str), opt("url", Str)];
            FIELDS
        }
        Kind::Server => {
            const FIELDS: &[Field] = &[req("url", Str), opt("description", Str), opt("variables", Map(&Object(Kind::ServerVariable)))];
            FIELDS
        }
        Kind::ServerVariable => {
            const FIELDS: &[Field] = &[opt("enum", STRINGS), req("default", Str), opt("description", Str)];
            FIELDS
        }
        Kind::PathItem => {
            const FIELDS: &[Field] = &[
                opt("$ref", Str),
                opt("summary", Str),
                opt("description", Str),
                opt("get", OPERATION),
                opt("put", OPERATION),
                opt("post", OPERATION),
                opt("delete", OPERATION),
                opt("options", OPERATION),
                opt("head", OPERATION),
                opt("patch", OPERATION),
                opt("trace", OPERATION),
                opt("servers", SERVERS),
                opt("parameters", PARAMETERS),
            ];
            FIELDS
        }
        Kind::Operation => {
            const FIELDS: &[Field] = &[
                opt("tags", STRINGS),
                opt("summary", Str),
                opt("description", Str),
                opt("externalDocs", DOCS),
                opt("operationId", Str),
                opt("parameters", PARAMETERS),
                opt("requestBody", RefOr(Kind::RequestBody)),
                req("responses", Object(Kind::Responses)),
                opt("callbacks", Map(&RefOr(Kind::Callback))),
                opt("deprecated", Bool),
                opt("security", SECURITY),
                opt("servers", SERVERS),
            ];
            FIELDS
        }
        Kind::ExternalDocs => {
            const FIELDS: &[Field] = &[opt("description", Str), req("url", Str)];
            FIELDS
        }
        Kind::Parameter => PARAMETER_FIELDS,
        // OpenAPI: a Header Object is a Parameter Object without `name` and `in`.
        Kind::Header => &PARAMETER_FIELDS[2..],
        Kind::RequestBody => {
            const FIELDS: &[Field] = &[opt("description", Str), req("content", CONTENT), opt("required", Bool)];
            FIELDS
        }
        Kind::MediaType => {
            const FIELDS: &[Field] = &[
                opt("schema", SCHEMA),
                opt("example", Any),
                opt("examples", EXAMPLES),
                opt("encoding", Map(&Object(Kind::Encoding))),
            ];
            FIELDS
        }
        Kind::Encoding => {
            const FIELDS: &[Field] = &[
                opt("contentType", Str),
                opt("headers", HEADERS),
                opt("style", Str),
                opt("explode", Bool),
                opt("allowReserved", Bool),
            ];
            FIELDS
        }
        Kind::Response => {
            const FIELDS: &[Field] = &[
                req("description", Str),
                opt("headers", HEADERS),
                opt("content", CONTENT),
                opt("links", Map(&RefOr(Kind::Link))),
            ];
            FIELDS
        }
        Kind::Example => {
            const FIELDS: &[Field] = &[opt("summary", Str), opt("description", Str), opt("value", Any), opt("externalValue", Str)];
            FIELDS
        }
        Kind::Link => {
            const FIELDS: &[Field] = &[
                opt("operationRef", Str),
                opt("operationId", Str),
                opt("parameters", Map(&Any)),
                opt("requestBody", Any),
                opt("description", Str),
                opt("server", Object(Kind::Server)),
            ];
            FIELDS
        }
        Kind::Components => {
            const FIELDS: &[Field] = &[
                opt("schemas", Map(&SCHEMA)),
                opt("responses", Map(&RefOr(Kind::Response))),
                opt("parameters", Map(&RefOr(Kind::Parameter))),
                opt("examples", EXAMPLES),
                opt("requestBodies", Map(&RefOr(Kind::RequestBody))),
                opt("headers", HEADERS),
                opt("securitySchemes", Map(&RefOr(Kind::SecurityScheme))),
                opt("links", Map(&RefOr(Kind::Link))),
                opt("callbacks", Map(&RefOr(Kind::Callback))),
            ];
            FIELDS
        }
        Kind::Schema => {
            const FIELDS: &[Field] = &[
                opt("title", Str),
                opt("multipleOf", Number),
                opt("maximum", Number),
                opt("exclusiveMaximum", Bool),
                opt("minimum", Number),
                opt("exclusiveMinimum", Bool),
                opt("maxLength", Count),
                opt("minLength", Count),
                opt("pattern", Str),
                opt("maxItems", Count),
                opt("minItems", Count),
                opt("uniqueItems", Bool),
                opt("maxProperties", Count),
                opt("minProperties", Count),
                opt("required", STRINGS),
                opt("enum", List(&Any)),
                opt("type", Str),
                opt("allOf", SCHEMAS),
                opt("oneOf", SCHEMAS),
                opt("anyOf", SCHEMAS),
                opt("not", SCHEMA),
                opt("items", SCHEMA),
                opt("properties", Map(&SCHEMA)),
                opt("additionalProperties", SchemaOrBool),
                opt("description", Str),
                opt("format", Str),
                opt("default", Any),
                opt("nullable", Bool),
                opt("discriminator", Object(Kind::Discriminator)),
                opt("readOnly", Bool),
                opt("writeOnly", Bool),
                opt("xml", Object(Kind::Xml)),
                opt("externalDocs", DOCS),
                opt("example", Any),
                opt("deprecated", Bool),
            ];
            FIELDS
        }
        Kind::Discriminator => {
            const FIELDS: &[Field] = &[req("propertyName", Str), opt("mapping", Map(&Str))];
            FIELDS
        }
        Kind::Xml => {
            const FIELDS: &[Field] = &[opt("name", Str), opt("namespace", Str), opt("prefix", Str), opt("attribute", Bool), opt("wrapped", Bool)];
            FIELDS
        }
        Kind::SecurityScheme => {
            const FIELDS: &[Field] = &[
                req("type", Str),
                opt("description", Str),
                opt("name", Str),
                opt("in", Str),
                opt("scheme", Str),
                opt("bearerFormat", Str),
                opt("flows", Object(Kind::OAuthFlows)),
                opt("openIdConnectUrl", Str),
            ];
            FIELDS
        }
        Kind::OAuthFlows => {
            const FIELDS: &[Field] = &[
                opt("implicit", Object(Kind::OAuthFlow)),
                opt("password", Object(Kind::OAuthFlow)),
                opt("clientCredentials", Object(Kind::OAuthFlow)),
                opt("authorizationCode", Object(Kind::OAuthFlow)),
            ];
            FIELDS
        }
        Kind::OAuthFlow => {
            const FIELDS: &[Field] = &[opt("authorizationUrl", Str), opt("tokenUrl", Str), opt("refreshUrl", Str), req("scopes", Map(&Str))];
            FIELDS
        }
        Kind::Tag => {
            const FIELDS: &[Field] = &[req("name", Str), opt("description", Str), opt("externalDocs", DOCS)];
            FIELDS
        }
        // Objects whose keys are names chosen by the spec: checked by `walk_named`.
        Kind::Paths | Kind::Responses | Kind::Callback | Kind::SecurityRequirement => {
            const FIELDS: &[Field] = &[];
            FIELDS
        }
    }
}

/// The most fields an object kind has (the schema's 35), the size of the walk's table of which
/// fields an object has.
const MAX_FIELDS: usize = 40;

/// `map[key]`: a small object (nearly every one) is searched in place, which is cheaper than
/// hashing the key.
fn get<'m>(map: &'m Map<String, Value>, key: &str) -> Option<&'m Value> {
    if map.len() <= 8 {
        map.iter().find_map(|(name, value)| (name == key).then_some(value))
    } else {
        map.get(key)
    }
}

/// A `$ref` found in the document.
#[derive(Debug)]
pub struct RefUse {
    /// The pointer of the object that holds the `$ref`.
    pub at: String,
    /// The reference as written.
    pub reference: String,
    /// What kind of object is expected there.
    pub kind: Kind,
}

/// What the walk found besides problems.
#[derive(Debug, Default)]
pub struct Facts<'a> {
    /// Every schema object written inline (not a `$ref`), outermost first, with its pointer
    /// (the later checks read it from here: resolving each pointer again cost more than them).
    pub schemas: Vec<(String, &'a Map<String, Value>)>,
    /// Every `$ref`.
    pub refs: Vec<RefUse>,
    /// Every specification extension (`x-...` key where the OpenAPI objects allow one): its name
    /// and the pointer of the key.
    pub extensions: Vec<(String, String)>,
    /// Fields written with no value (`schema:` with nothing after it, or JSON `null`) where a
    /// value is expected: `--lenient` reads them as absent.
    pub empty_fields: Vec<String>,
}

/// Checks the document's structure; returns what it found and adds a diagnostic per problem.
pub fn check<'v>(document: &'v Value, found: &mut Vec<Diagnostic>) -> Facts<'v> {
    let mut walk = Walk { facts: Facts::default(), found, schema_depth: 0 };
    walk.object(document, &mut String::new(), Kind::Document);
    walk.facts
}

struct Walk<'a, 'v> {
    facts: Facts<'v>,
    found: &'a mut Vec<Diagnostic>,
    /// How many schemas enclose the node being walked.
    schema_depth: usize,
}

impl<'v> Walk<'_, 'v> {
    fn value(&mut self, value: &'v Value, at: &mut String, shape: Shape, name: &str) {
        let expected = match shape {
            Shape::Any => return,
            Shape::Str if value.is_string() => return,
            Shape::Bool if value.is_boolean() => return,
            Shape::Number if value.is_number() => return,
            Shape::Count if value.is_u64() => return,
            Shape::Str => "a string",
            Shape::Bool => "`true` or `false`",
            Shape::Number => "a number",
            Shape::Count => "a whole number, zero or more",
            Shape::Object(kind) => {
                if value.is_object() {
                    return self.object(value, at, kind);
                }
                kind_article(kind)
            }
            Shape::RefOr(kind) => {
                if value.is_object() {
                    return self.reference_or(value, at, kind);
                }
                kind_article(kind)
            }
            Shape::SchemaOrBool => {
                if value.is_boolean() {
                    return;
                }
                if value.is_object() {
                    return self.reference_or(value, at, Kind::Schema);
                }
                "`true`, `false` or a schema"
            }
            Shape::List(item) => {
                if let Value::Array(items) = value {
                    for (index, child) in items.iter().enumerate() {
                        let length = at.len();
                        let _ = write!(at, "/{index}");
                        self.value(child, at, *item, name);
                        at.truncate(length);
                    }
                    return;
                }
                "a list"
            }
            Shape::Map(item) => {
                if let Value::Object(map) = value {
                    for (key, child) in map {
                        self.child(at, key, |walk, at| walk.value(child, at, *item, key));
                    }
                    return;
                }
                "a mapping"
            }
        };
        let help = match (shape, value) {
            (Shape::Str, Value::Number(_) | Value::Bool(_)) => format!("quote the value: `{name}: '{value}'`"),
            (Shape::Bool, Value::String(text)) if matches!(text.as_str(), "true" | "false") => {
                format!("remove the quotes: `{name}: {text}`")
            }
            (Shape::Str, Value::Array(_)) if name == "type" => {
                "a list of types is OpenAPI 3.1; in 3.0 write one type, and `nullable: true` for null".to_owned()
            }
            (Shape::List(_), _) => format!("write `{name}` as a list (`- item` lines, or `[a, b]`)"),
            _ => format!("see the OpenAPI 3.0.3 specification for `{name}`"),
        };
        let problem = Diagnostic::error(at.clone(), format!("`{name}` must be {expected}, not {}", describe(value))).help(help);
        if value.is_null() {
            self.facts.empty_fields.push(at.clone());
            self.found.push(problem.lenient("the field is read as absent"));
        } else {
            self.found.push(problem);
        }
    }

    fn extension(&mut self, at: &str, key: &str) {
        self.facts.extensions.push((key.to_owned(), format!("{at}/{}", escape_segment(key))));
    }

    fn child(&mut self, at: &mut String, key: &str, visit: impl FnOnce(&mut Self, &mut String)) {
        let length = at.len();
        at.push('/');
        at.push_str(&escape_segment(key));
        visit(self, at);
        at.truncate(length);
    }

    fn reference_or(&mut self, value: &'v Value, at: &mut String, kind: Kind) {
        let Some(map) = value.as_object() else { return };
        match get(map, "$ref") {
            None => self.object(value, at, kind),
            Some(Value::String(reference)) => {
                self.facts.refs.push(RefUse { at: at.clone(), reference: reference.clone(), kind });
            }
            Some(other) => self.found.push(
                Diagnostic::error(format!("{at}/$ref"), format!("`$ref` must be a string, not {}", describe(other)))
                    .help("write the reference as a string, e.g. `$ref: '#/components/schemas/Name'`"),
            ),
        }
    }

    fn object(&mut self, value: &'v Value, at: &mut String, kind: Kind) {
        if kind != Kind::Schema {
            return self.fields(value, at, kind);
        }
        if self.schema_depth >= MAX_SCHEMA_DEPTH {
            self.found.push(
                Diagnostic::error(at.clone(), format!("schemas nest more than {MAX_SCHEMA_DEPTH} levels deep here"))
                    .help("move the inner schemas into `components/schemas` and refer to them with `$ref`"),
            );
            return;
        }
        if let Some(map) = value.as_object() {
            self.facts.schemas.push((at.clone(), map));
        }
        self.schema_depth += 1;
        self.fields(value, at, kind);
        self.schema_depth -= 1;
    }

    fn fields(&mut self, value: &'v Value, at: &mut String, kind: Kind) {
        let Some(map) = value.as_object() else { return };
        match kind {
            Kind::Paths | Kind::Responses | Kind::Callback | Kind::SecurityRequirement => return self.named(map, at, kind),
            Kind::PathItem => {
                if let Some(Value::String(reference)) = get(map, "$ref") {
                    self.facts.refs.push(RefUse { at: at.clone(), reference: reference.clone(), kind });
                }
            }
            _ => {}
        }
        let known = fields(kind);
        // One pass over the object's keys finds which known fields it has; the fields are then
        // walked in the table's order (a lookup per known field was most of the walk's time: a
        // schema has 35).
        let mut present: [Option<&'v Value>; MAX_FIELDS] = [None; MAX_FIELDS];
        let mut others = false;
        for (key, child) in map {
            match known.iter().position(|field| field.name == key).and_then(|index| present.get_mut(index)) {
                Some(slot) => *slot = Some(child),
                None => others = true,
            }
        }
        for (field, child) in known.iter().zip(present) {
            match child {
                Some(child) => self.child(at, field.name, |walk, at| walk.value(child, at, field.shape, field.name)),
                None if field.required => self.missing(at, kind, field.name),
                None => {}
            }
        }
        if others {
            for key in map.keys() {
                if key.starts_with("x-") {
                    self.extension(at, key);
                } else if !known.iter().any(|field| field.name == key) {
                    self.unknown(at, kind, key, known);
                }
            }
        }
        match kind {
            Kind::SecurityScheme => self.security_scheme(map, at),
            Kind::Parameter => self.parameter(map, at),
            _ => {}
        }
    }

    /// Objects whose keys the spec chooses: paths, status codes, callback expressions, scheme names.
    fn named(&mut self, map: &'v Map<String, Value>, at: &mut String, kind: Kind) {
        for (key, child) in map {
            if key.starts_with("x-") {
                // A security requirement's keys are scheme names, never extensions.
                if kind != Kind::SecurityRequirement {
                    self.extension(at, key);
                }
                continue;
            }
            self.child(at, key, |walk, at| match kind {
                Kind::Paths if !key.starts_with('/') => walk.found.push(
                    Diagnostic::error(at.clone(), format!("the path `{key}` does not start with `/`"))
                        .help(format!("write it as `/{key}`; paths are relative to the server URL")),
                ),
                Kind::Paths | Kind::Callback => walk.value(child, at, Shape::Object(Kind::PathItem), key),
                Kind::Responses => {
                    if key != "default" && !is_status_key(key) {
                        walk.found.push(
                            Diagnostic::error(at.clone(), format!("`{key}` is not a response status"))
                                .help("a response key is an HTTP status code from 100 to 599 (`'404'`), a range (`'4XX'`) or `default`"),
                        );
                    }
                    walk.value(child, at, Shape::RefOr(Kind::Response), key);
                }
                _ => walk.value(child, at, STRINGS, key),
            });
        }
        if kind == Kind::Responses && map.keys().all(|key| key.starts_with("x-")) {
            self.found.push(
                Diagnostic::error(at.clone(), "the operation documents no response")
                    .help("add at least the success response, e.g. `'200': {description: OK}`")
                    .lenient("any 2xx response is returned as raw bytes"),
            );
        }
    }

    fn missing(&mut self, at: &str, kind: Kind, field: &str) {
        let help = match (kind, field) {
            (Kind::Response, "description") => "every response needs a `description`, even a short one such as `OK`".to_owned(),
            (Kind::Document, "openapi") => "add `openapi: 3.0.3` at the top".to_owned(),
            (Kind::Document, "paths") => "add `paths:` with the API's operations (`paths: {}` if it has none yet)".to_owned(),
            (Kind::Operation, "responses") => "document at least the success response, e.g. `responses: {'200': {description: OK}}`".to_owned(),
            _ => format!("add `{field}:` to this {}", kind.noun()),
        };
        self.found.push(Diagnostic::error(at, format!("this {} has no `{field}`, which is required", kind.noun())).help(help));
    }

    fn unknown(&mut self, at: &str, kind: Kind, key: &str, known: &[Field]) {
        let pointer = format!("{at}/{}", escape_segment(key));
        let closest = known
            .iter()
            .map(|field| (distance(&key.to_ascii_lowercase(), &field.name.to_ascii_lowercase()), field.name))
            .filter(|&(distance, _)| close_enough(key, distance))
            .min();
        let swagger_type = matches!(kind, Kind::Parameter | Kind::Header)
            && fields(Kind::Schema).iter().any(|field| field.name == key);
        let help = match closest {
            _ if swagger_type => format!("in OpenAPI 3 a parameter's type is its `schema`: move `{key}` under `schema:` (`schema: {{type: string}}`)"),
            Some((_, name)) => format!("did you mean `{name}`?"),
            None if key == "<<" => "YAML merge keys (`<<: *anchor`) are not supported; write the fields out".to_owned(),
            None if kind == Kind::Schema => format!("`{key}` is not a keyword of OpenAPI 3.0 schemas; extensions start with `x-`"),
            None => format!("a {} has no field `{key}`; extensions start with `x-`", kind.noun()),
        };
        self.found.push(Diagnostic::warning(pointer, format!("unknown field `{key}` in this {}; it is ignored", kind.noun())).help(help));
    }

    fn security_scheme(&mut self, map: &Map<String, Value>, at: &str) {
        let needs: &[&str] = match map.get("type").and_then(Value::as_str) {
            Some("apiKey") => &["name", "in"],
            Some("http") => &["scheme"],
            Some("oauth2") => &["flows"],
            Some("openIdConnect") => &["openIdConnectUrl"],
            Some(other) => {
                self.found.push(
                    Diagnostic::error(format!("{at}/type"), format!("`{other}` is not a security scheme type"))
                        .help("use `apiKey`, `http`, `oauth2` or `openIdConnect`"),
                );
                &[]
            }
            None => &[],
        };
        for field in needs {
            if !map.contains_key(*field) {
                self.missing(at, Kind::SecurityScheme, field);
            }
        }
        if map.get("type").and_then(Value::as_str) == Some("apiKey") {
            if let Some(Value::String(location)) = map.get("in") {
                if !["query", "header", "cookie"].contains(&location.as_str()) {
                    self.found.push(
                        Diagnostic::error(format!("{at}/in"), format!("an API key cannot travel in `{location}`"))
                            .help("use `in: header`, `in: query` or `in: cookie`"),
                    );
                }
            }
        }
        if let Some(Value::Object(flows)) = map.get("flows") {
            for (name, flow) in flows {
                let needs: &[&str] = match name.as_str() {
                    "implicit" => &["authorizationUrl"],
                    "password" | "clientCredentials" => &["tokenUrl"],
                    "authorizationCode" => &["authorizationUrl", "tokenUrl"],
                    _ => &[],
                };
                for field in needs {
                    if flow.is_object() && flow.get(*field).is_none() {
                        self.missing(&format!("{at}/flows/{name}"), Kind::OAuthFlow, field);
                    }
                }
            }
        }
    }

    fn parameter(&mut self, map: &Map<String, Value>, at: &str) {
        if let (Some(Value::String(location)), Some(Value::String(style))) = (map.get("in"), map.get("style")) {
            let styles: &[&str] = match location.as_str() {
                "path" => &["matrix", "label", "simple"],
                "query" => &["form", "spaceDelimited", "pipeDelimited", "deepObject"],
                "header" => &["simple"],
                "cookie" => &["form"],
                _ => &[],
            };
            if !styles.is_empty() && !styles.contains(&style.as_str()) {
                let allowed: Vec<String> = styles.iter().map(|style| format!("`{style}`")).collect();
                self.found.push(
                    Diagnostic::error(format!("{at}/style"), format!("a {location} parameter cannot have `style: {style}`"))
                        .help(format!("use {}, or leave `style` out for the default", allowed.join(", "))),
                );
            }
        }
        if let Some(Value::String(location)) = map.get("in") {
            if !["path", "query", "header", "cookie"].contains(&location.as_str()) {
                let help = if location == "body" || location == "formData" {
                    "OpenAPI 3 has no body or form parameters: describe the body under the operation's `requestBody`"
                } else {
                    "use `in: path`, `in: query`, `in: header` or `in: cookie`"
                };
                self.found.push(
                    Diagnostic::error(format!("{at}/in"), format!("a parameter cannot be `in: {location}`")).help(help),
                );
            }
        }
        match (map.get("schema"), map.get("content")) {
            (None, None) => self.found.push(
                Diagnostic::error(at, "this parameter has neither `schema` nor `content`, so its type is unknown")
                    .help("add a `schema`, e.g. `schema: {type: string}`"),
            ),
            (Some(_), Some(_)) => self.found.push(
                Diagnostic::error(format!("{at}/content"), "a parameter has `schema` or `content`, not both")
                    .help("remove one of the two"),
            ),
            _ => {}
        }
    }
}

fn kind_article(kind: Kind) -> &'static str {
    match kind {
        Kind::Info => "an info object (a mapping)",
        Kind::Operation => "an operation (a mapping)",
        Kind::ExternalDocs => "an external documentation object (a mapping)",
        Kind::OAuthFlow | Kind::OAuthFlows => "an OAuth flow object (a mapping)",
        Kind::Xml => "an XML object (a mapping)",
        Kind::Encoding => "an encoding object (a mapping)",
        Kind::Example => "an example object (a mapping)",
        _ => "a mapping",
    }
}

/// A status key: `100` to `599`, or a range `1XX` to `5XX`.
pub fn is_status_key(key: &str) -> bool {
    match key.as_bytes() {
        [b'1'..=b'5', rest @ ..] if rest.len() == 2 => rest.iter().all(u8::is_ascii_digit) || rest.eq_ignore_ascii_case(b"XX"),
        _ => false,
    }
}

/// How a value is named in a message: `a number (5)`.
pub fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null (an empty value)".into(),
        Value::Bool(flag) => format!("a boolean ({flag})"),
        Value::Number(number) => format!("a number ({number})"),
        Value::String(text) if text.chars().count() > 40 => "a string".into(),
        Value::String(text) => format!("a string ('{text}')"),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "a mapping".into(),
    }
}

/// Whether a name `distance` edits away from `written` is worth suggesting: one slip in any
/// name, two in a long one.
pub(crate) fn close_enough(written: &str, distance: usize) -> bool {
    distance <= 1 || (distance == 2 && written.chars().count() >= 6)
}

/// Edit distance with transpositions (`requried` is one slip from `required`), for "did you
/// mean" (names are short).
pub(crate) fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut table: Vec<Vec<usize>> = (0..=a.len()).map(|i| (0..=b.len()).map(|j| if i == 0 { j } else { i }).collect()).collect();
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (table[i - 1][j] + 1).min(table[i][j - 1] + 1).min(table[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(table[i - 2][j - 2] + 1);
            }
            table[i][j] = best;
        }
    }
    table[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_keys() {
        for key in ["200", "404", "599", "100", "2XX", "5xx"] {
            assert!(is_status_key(key), "{key}");
        }
        for key in ["600", "20", "2000", "OK", "099", "6XX", "2X0", "", "20O"] {
            assert!(!is_status_key(key), "{key}");
        }
    }

    #[test]
    fn every_kind_fits_the_walks_table() {
        use Kind::*;
        let kinds = [
            Document, Info, Contact, License, Server, ServerVariable, Paths, PathItem, Operation, ExternalDocs, Parameter,
            RequestBody, MediaType, Encoding, Responses, Response, Header, Example, Link, Callback, Components, Schema,
            Discriminator, Xml, SecurityScheme, OAuthFlows, OAuthFlow, Tag, SecurityRequirement,
        ];
        for kind in kinds {
            assert!(fields(kind).len() <= MAX_FIELDS, "{kind:?}");
        }
    }

    #[test]
    fn reports_every_wrong_field_at_once() {
        let document = serde_json::json!({
            "openapi": "3.0.3",
            "info": {"title": 5, "version": true},
            "paths": {"/a": {"get": {"summary": ["x"], "responses": {"200": {}}}}},
        });
        let mut found = Vec::new();
        check(&document, &mut found);
        let pointers: Vec<&str> = found.iter().map(|diagnostic| &*diagnostic.pointer).collect();
        assert_eq!(pointers, ["/info/title", "/info/version", "/paths/~1a/get/summary", "/paths/~1a/get/responses/200"]);
    }
}
