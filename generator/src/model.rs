//! Stage 3: lower a validated OpenAPI document into a plain model of the client to generate.
//!
//! The model is what the emitter needs and nothing more: every Rust name is decided here, every
//! `$ref` to a parameter, response or body is followed, every schema that becomes a Rust type
//! is listed under the name it will have. Later stages never look at the OpenAPI document for
//! operations again.

use std::collections::HashMap;

use indexmap::IndexMap;
use openapiv3::{
    OpenAPI, Operation as SpecOperation, Parameter, ParameterSchemaOrContent, ReferenceOr, Schema, SchemaKind,
    SecurityScheme as SpecScheme, StatusCode as SpecStatus, Type,
};
use serde_json::Value;

use crate::diagnostic::{pointer, Diagnostic, Diagnostics};
use crate::input::Document;
use crate::naming::{self, pascal, snake, unique};
use crate::refs;
pub use crate::template::PathPart;

/// Everything the emitter needs to write one client crate.
#[derive(Debug)]
pub struct Api {
    /// `info.title`.
    pub title: String,
    /// `info.version`: the version of the API, not of the crate.
    pub api_version: String,
    /// `info.description`.
    pub description: Option<String>,
    /// `servers`, in order.
    pub servers: Vec<Server>,
    /// `components.securitySchemes`, in order.
    pub schemes: Vec<SecurityScheme>,
    /// Every operation, in the order of the spec's paths.
    pub operations: Vec<Operation>,
    /// Every schema that becomes a named Rust type: the name, and the schema with its
    /// `$ref`s rewritten to those names.
    pub schemas: IndexMap<String, Value>,
    /// Where the named schemas that are written in `components` (or pointed into) are, for
    /// diagnostics: Rust name to JSON pointer.
    pub schema_pointers: IndexMap<String, String>,
    /// The crate's cargo features, one per group of operations, sorted; empty for a small
    /// spec, whose crate has none ([`crate::features`]).
    pub features: Vec<String>,
}

/// A `servers` entry.
#[derive(Debug)]
pub struct Server {
    /// The URL template, e.g. `https://{host}/api/v1`.
    pub url: String,
    /// Its description.
    pub description: Option<String>,
    /// Its variables: name, Rust argument name, default, description.
    pub variables: Vec<(String, String, String, Option<String>)>,
}

/// A security scheme and the builder method that configures it.
#[derive(Debug)]
pub struct SecurityScheme {
    /// Its key under `components.securitySchemes`.
    pub key: String,
    /// The builder method's name.
    pub method: String,
    /// How the credential travels.
    pub kind: SchemeKind,
    /// The scheme's description.
    pub description: Option<String>,
}

/// How a credential travels.
#[derive(Debug, PartialEq, Eq)]
pub enum SchemeKind {
    /// `Authorization: Basic base64(user:password)`.
    Basic,
    /// `Authorization: Bearer <token>` (also OAuth2 and OpenID Connect access tokens).
    Bearer,
    /// A header carrying the token, after an optional prefix (`x-auth-prefix`).
    Header { name: String, prefix: Option<String> },
    /// A query parameter carrying the token.
    Query { name: String },
    /// A cookie carrying the token.
    Cookie { name: String },
}

/// One operation: a method on the generated client.
#[derive(Debug)]
pub struct Operation {
    /// The `operationId`, or the derived method name when there is none (used in logs).
    pub id: String,
    /// The Rust method name.
    pub method_name: String,
    /// The prefix of the operation's Rust type names (`GetToken` for `GetTokenError`).
    pub type_name: String,
    /// `GET`, `POST`, ...
    pub http_method: String,
    /// The path template as written in the spec.
    pub path: String,
    /// The path template, parsed.
    pub path_parts: Vec<PathPart>,
    /// `summary`.
    pub summary: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// `deprecated`.
    pub deprecated: bool,
    /// Path, query, header and cookie parameters, path-level ones first.
    pub parameters: Vec<Param>,
    /// The request body, if any.
    pub body: Option<Body>,
    /// Documented 2xx responses.
    pub success: Vec<Outcome>,
    /// Documented error responses, `default` last.
    pub errors: Vec<Outcome>,
    /// The `Accept` header: every media type the operation's responses document.
    pub accept: Option<String>,
    /// The security requirement: alternatives, each a list of scheme keys. Empty: none.
    pub security: Vec<Vec<String>>,
    /// A login operation: its success body carries a credential for a scheme
    /// (`x-authenticates`).
    pub authenticates: Option<Authenticates>,
    /// The operation's group: its first tag, or its path's first segment when it has none.
    pub group: String,
    /// The cargo feature the operation is compiled under, if the crate has features.
    pub feature: Option<String>,
}

/// What `x-authenticates` on a login operation says: which field of its success body is a
/// credential for which scheme, and which field says when it expires.
#[derive(Debug)]
pub struct Authenticates {
    /// The security scheme's key.
    pub scheme: String,
    /// The success body's type name.
    pub body_type: String,
    /// The Rust field holding the token (a `Secret`), and whether it is always present.
    pub token: (String, bool),
    /// The Rust field holding the expiry, whether it is always present, and whether it is in
    /// milliseconds (`x-expiry-unit: milliseconds` on the property) rather than seconds.
    pub expiry: Option<(String, bool, bool)>,
}

/// Where a parameter goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ParamLocation {
    /// In the path.
    Path,
    /// In the query string.
    Query,
    /// In a header.
    Header,
    /// In a cookie.
    Cookie,
}

/// One parameter.
#[derive(Debug)]
pub struct Param {
    /// The name on the wire.
    pub name: String,
    /// The Rust argument name.
    pub rust_name: String,
    /// Where it goes.
    pub location: ParamLocation,
    /// Whether it must be given.
    pub required: bool,
    /// Its Rust type.
    pub ty: ParamType,
    /// Its description.
    pub description: Option<String>,
    /// Checks made before sending.
    pub constraints: Vec<Constraint>,
    /// How the value is laid out (`style`), for values that are not scalars.
    pub style: ParamStyle,
    /// `explode`.
    pub explode: bool,
}

/// OpenAPI's parameter `style`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamStyle {
    /// `form` (the query and cookie default).
    Form,
    /// `simple` (the path and header default).
    Simple,
    /// `spaceDelimited`.
    SpaceDelimited,
    /// `pipeDelimited`.
    PipeDelimited,
    /// `deepObject`.
    DeepObject,
}

/// The Rust type of a parameter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParamType {
    /// `&str`.
    Str,
    /// An integer type (`i32`, `i64`, ...).
    Integer(&'static str),
    /// `f64`.
    Number,
    /// `bool`.
    Bool,
    /// A generated type (a string enum, for example), by name.
    Named(String),
    /// A generated type, by name, sent as JSON text: the parameter has `content:
    /// application/json` instead of a `schema`.
    Json(String),
}

/// A constraint on a string parameter, checked before the request is sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Constraint {
    /// `minLength`.
    MinLength(usize),
    /// `maxLength`.
    MaxLength(usize),
    /// A regular expression the whole value must match (a path template regex).
    FullMatch(String),
    /// A regular expression some part of the value must match (a schema `pattern`).
    Pattern(String),
}

/// A request body.
#[derive(Debug)]
pub struct Body {
    /// The media type sent as `Content-Type`.
    pub media_type: String,
    /// Whether the body must be given.
    pub required: bool,
    /// How it is encoded.
    pub kind: BodyKind,
    /// The body's description.
    pub description: Option<String>,
}

/// A documented response.
#[derive(Debug)]
pub struct Outcome {
    /// Which statuses it covers.
    pub status: StatusKey,
    /// The Rust variant name (`NotFound`, `ClientError`, `Default`).
    pub variant: String,
    /// The response's description.
    pub description: String,
    /// What its body is.
    pub body: BodyKind,
    /// The headers it documents (`headers:`), except `Content-Type`.
    pub headers: Vec<ResponseHeader>,
}

/// A header a response documents.
#[derive(Clone, Debug)]
pub struct ResponseHeader {
    /// The name on the wire, as the spec writes it.
    pub name: String,
    /// The Rust field name.
    pub rust_name: String,
    /// Its Rust type: a string, an integer (`i64`), a number or a boolean; anything else is
    /// read as a string.
    pub ty: ParamType,
    /// Its description.
    pub description: Option<String>,
}

/// The statuses a response covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusKey {
    /// One status code.
    Code(u16),
    /// A range, by its first digit (`4` for `4XX`).
    Range(u16),
    /// Every status not documented otherwise.
    Default,
}

/// What a body is, as Rust sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BodyKind {
    /// No body.
    Empty,
    /// JSON, parsed as the named generated type.
    Json(String),
    /// Text (`text/*`), as a `String`.
    Text,
    /// Anything else, as bytes.
    Bytes,
    /// `application/x-www-form-urlencoded`, from the named generated type.
    Form(String),
    /// `multipart/form-data`, from the named generated type.
    Multipart(String),
}

/// How a media type is read or written.
fn media_kind(media_type: &str) -> MediaKind {
    let essence = media_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    if essence == "application/json" || essence.ends_with("+json") || essence.starts_with("application/json") {
        MediaKind::Json
    } else if essence == "application/x-www-form-urlencoded" {
        MediaKind::Form
    } else if essence == "multipart/form-data" {
        MediaKind::Multipart
    } else if essence.starts_with("text/") {
        MediaKind::Text
    } else {
        MediaKind::Bytes
    }
}

/// Media kinds, in the order one is preferred when an operation offers several.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum MediaKind {
    Json,
    Form,
    Multipart,
    Text,
    Bytes,
}

/// The preferred entry of a `content` map: JSON first, then form, multipart, text, bytes.
fn preferred_media<T>(content: &IndexMap<String, T>) -> Option<(&String, &T)> {
    content.iter().min_by_key(|(media_type, _)| media_kind(media_type))
}

/// Names a parameter cannot take as it is (see `emit/operations.rs`): it gets its location as a
/// suffix (`timeout_query`).
const RESERVED_ARGUMENTS: &[&str] =
    &["body", "request", "response", "client", "options", "header", "timeout", "credential", "retry", "send", "into_future"];

/// Builder methods a security scheme's method must not shadow.
const BUILDER_METHODS: &[&str] = &[
    "new", "build", "allow_http", "timeout", "no_timeout", "connect_timeout", "no_connect_timeout", "redirects",
    "user_agent", "http_client", "max_body_bytes", "retry", "add_root_certificate_pem", "identity_pem",
];

/// Lowers `api` (already validated) into the model; warnings come back beside it.
pub fn lower<'a>(api: &'a OpenAPI, document: &'a Document) -> Result<(Api, Diagnostics), Diagnostics> {
    let mut lowering = Lowering { api, schemas: SchemaNames::new(document), problems: Vec::new() };
    let operations = lowering.operations();
    let schemes = lowering.schemes();
    if lowering.problems.iter().any(|problem| problem.severity == crate::Severity::Error) {
        return Err(Diagnostics::detached(lowering.problems));
    }
    let api = Api {
        title: api.info.title.clone(),
        api_version: api.info.version.clone(),
        description: api.info.description.clone(),
        servers: api
            .servers
            .iter()
            .map(|server| Server {
                url: server.url.clone(),
                description: server.description.clone(),
                variables: server
                    .variables
                    .iter()
                    .flat_map(|variables| variables.iter())
                    .map(|(name, variable)| (name.clone(), snake(name), variable.default.clone(), variable.description.clone()))
                    .collect(),
            })
            .collect(),
        schemes,
        operations,
        schema_pointers: lowering.schemas.pointers.clone(),
        schemas: lowering.schemas.finish(),
        features: Vec::new(),
    };
    let api = crate::features::assign(api);
    Ok((api, Diagnostics::detached(lowering.problems)))
}

struct Lowering<'a> {
    api: &'a OpenAPI,
    schemas: SchemaNames<'a>,
    problems: Vec<Diagnostic>,
}

impl Lowering<'_> {
    fn schemes(&mut self) -> Vec<SecurityScheme> {
        let Some(components) = &self.api.components else { return Vec::new() };
        let mut schemes = Vec::new();
        for (key, scheme) in &components.security_schemes {
            let at = pointer(["components", "securitySchemes", key.as_str()]);
            let Some(scheme) = scheme.as_item() else {
                self.problems.push(Diagnostic::error(at, "a `$ref` as a security scheme is not supported").help("define the scheme inline"));
                continue;
            };
            let (kind, description) = match scheme {
                SpecScheme::HTTP { scheme, description, .. } => {
                    let kind = match scheme.to_ascii_lowercase().as_str() {
                        "basic" => SchemeKind::Basic,
                        "bearer" => SchemeKind::Bearer,
                        // Other HTTP schemes carry a token after their own name.
                        other => SchemeKind::Header { name: "Authorization".into(), prefix: Some(other.to_owned()) },
                    };
                    (kind, description)
                }
                SpecScheme::APIKey { location, name, description, extensions } => {
                    let kind = match location {
                        openapiv3::APIKeyLocation::Header => SchemeKind::Header {
                            name: name.clone(),
                            prefix: extensions.get("x-auth-prefix").and_then(Value::as_str).map(str::to_owned),
                        },
                        openapiv3::APIKeyLocation::Query => SchemeKind::Query { name: name.clone() },
                        openapiv3::APIKeyLocation::Cookie => SchemeKind::Cookie { name: name.clone() },
                    };
                    (kind, description)
                }
                SpecScheme::OAuth2 { description, .. } | SpecScheme::OpenIDConnect { description, .. } => {
                    (SchemeKind::Bearer, description)
                }
            };
            let mut method = snake(key);
            if BUILDER_METHODS.contains(&method.as_str()) {
                method.push_str("_auth");
            }
            schemes.push(SecurityScheme { key: key.clone(), method, kind, description: description.clone() });
        }
        schemes
    }

    fn operations(&mut self) -> Vec<Operation> {
        let api = self.api;
        let mut operations = Vec::new();
        for (path, item) in api.paths.iter() {
            let referenced;
            let item = match item {
                ReferenceOr::Item(item) => item,
                ReferenceOr::Reference { reference } => match self.referenced_path_item(reference) {
                    Some(item) => {
                        referenced = item;
                        &referenced
                    }
                    None => continue,
                },
            };
            let Ok(path_parts) = crate::template::parse(path) else { continue };
            for (method, operation) in item.iter() {
                let at = format!("{}/{method}", pointer(["paths", path.as_str()]));
                operations.push(self.operation(path, &path_parts, method, operation, &item.parameters, &at));
            }
        }
        operations
    }

    /// The path item a `$ref` points at, anywhere in the document (validation has checked it).
    fn referenced_path_item(&self, reference: &str) -> Option<openapiv3::PathItem> {
        let mut target = self.schemas.root.pointer(reference.strip_prefix('#')?)?;
        for _ in 0..refs::MAX_CHAIN {
            match target.get("$ref").and_then(Value::as_str) {
                Some(next) => target = self.schemas.root.pointer(next.strip_prefix('#')?)?,
                None => return serde_json::from_value(target.clone()).ok(),
            }
        }
        None
    }

    fn operation(
        &mut self,
        path: &str,
        path_parts: &[PathPart],
        method: &str,
        operation: &SpecOperation,
        shared_parameters: &[ReferenceOr<Parameter>],
        at: &str,
    ) -> Operation {
        let method_name = naming::operation_name(operation.operation_id.as_deref(), method, path);
        let type_name = pascal(&method_name);
        let parameters = self.parameters(path_parts, shared_parameters, &operation.parameters, &type_name);
        let body = operation.request_body.as_ref().and_then(|body| self.request_body(body, &type_name));
        let (success, errors, accept) = self.responses(operation, &type_name);
        let authenticates = operation
            .extensions
            .get("x-authenticates")
            .and_then(|extension| self.authenticates(extension, &success, &format!("{at}/x-authenticates")));
        let security = operation
            .security
            .as_ref()
            .or(self.api.security.as_ref())
            .map(|requirements| {
                // An alternative naming an undefined scheme (only when lenient; validation
                // reports it) cannot be met, so it is left out.
                let defined = |key: &String| self.api.components.as_ref().is_some_and(|components| components.security_schemes.contains_key(key));
                requirements
                    .iter()
                    .filter(|requirement| requirement.keys().all(defined))
                    .map(|requirement| requirement.keys().cloned().collect())
                    .collect()
            })
            .unwrap_or_default();
        Operation {
            id: operation.operation_id.clone().unwrap_or_else(|| method_name.clone()),
            method_name,
            type_name,
            http_method: method.to_ascii_uppercase(),
            path: path.to_owned(),
            path_parts: path_parts.to_vec(),
            summary: operation.summary.clone(),
            description: operation.description.clone(),
            deprecated: operation.deprecated,
            parameters,
            body,
            success,
            errors,
            accept,
            security,
            authenticates,
            group: operation.tags.first().cloned().unwrap_or_else(|| first_segment(path)),
            feature: None,
        }
    }

    fn authenticates(&mut self, extension: &Value, success: &[Outcome], at: &str) -> Option<Authenticates> {
        let field = |name: &str| extension.get(name).and_then(Value::as_str).map(str::to_owned);
        let (Some(scheme), Some(token)) = (field("scheme"), field("token")) else {
            self.problems.push(Diagnostic::error(at, "`x-authenticates` needs `scheme` and `token`")
                .help("write `x-authenticates: {scheme: <security scheme>, token: <property>, expiry: <property>}`"));
            return None;
        };
        let known_scheme = self.api.components.as_ref().and_then(|components| components.security_schemes.get(&scheme));
        if !matches!(known_scheme.and_then(ReferenceOr::as_item), Some(SpecScheme::APIKey { .. } | SpecScheme::HTTP { .. } | SpecScheme::OAuth2 { .. } | SpecScheme::OpenIDConnect { .. })) {
            self.problems.push(Diagnostic::error(format!("{at}/scheme"), format!("`{scheme}` is not a security scheme of this spec"))
                .help("name a key of `components.securitySchemes`"));
            return None;
        }
        let Some(BodyKind::Json(body_type)) = success.first().map(|outcome| outcome.body.clone()) else {
            self.problems.push(Diagnostic::error(at, "`x-authenticates` needs a JSON success response"));
            return None;
        };
        let schema = self.schemas.schema(&body_type).cloned().unwrap_or(Value::Null);
        let required = |name: &str| {
            schema.get("required").and_then(Value::as_array).is_some_and(|list| list.iter().any(|item| item == name))
        };
        let property = |name: &str| schema.get("properties").and_then(|properties| properties.get(name));
        match property(&token) {
            Some(definition) if definition.get("x-secret") == Some(&Value::Bool(true)) => {}
            Some(_) => {
                self.problems.push(Diagnostic::error(format!("{at}/token"), format!("the credential property `{token}` is not marked `x-secret: true`"))
                    .help("a credential must be held as a secret; add `x-secret: true` to the property"));
                return None;
            }
            None => {
                self.problems.push(Diagnostic::error(format!("{at}/token"), format!("the success body has no property `{token}`")));
                return None;
            }
        }
        let expiry = match field("expiry") {
            None => None,
            Some(expiry) => match property(&expiry) {
                Some(definition) => {
                    let milliseconds = definition.get("x-expiry-unit").and_then(Value::as_str) == Some("milliseconds");
                    Some((snake(&expiry), required(&expiry), milliseconds))
                }
                None => {
                    self.problems.push(Diagnostic::error(format!("{at}/expiry"), format!("the success body has no property `{expiry}`")));
                    None
                }
            },
        };
        Some(Authenticates { token: (snake(&token), required(&token)), expiry, scheme, body_type })
    }

    fn parameters(
        &mut self,
        path_parts: &[PathPart],
        shared: &[ReferenceOr<Parameter>],
        own: &[ReferenceOr<Parameter>],
        type_name: &str,
    ) -> Vec<Param> {
        // Operation-level parameters override path-level ones with the same name and location.
        let mut merged: IndexMap<(String, ParamLocation), &Parameter> = IndexMap::new();
        for parameter in shared.iter().chain(own) {
            if let Some(parameter) = refs::parameter(self.api, parameter) {
                merged.insert((parameter.parameter_data_ref().name.clone(), param_location(parameter)), parameter);
            }
        }
        let mut params: Vec<Param> = Vec::new();
        // The emitted method has a `body` argument and `request` and `response` locals.
        let mut rust_names: std::collections::BTreeSet<String> = ["body", "request", "response"].map(String::from).into();
        for (&(_, location), parameter) in &merged {
            let data = parameter.parameter_data_ref();
            // A declared path parameter the template lacks (only when lenient; validation
            // reports it) has nowhere to go.
            let in_template = path_parts.iter().any(|part| matches!(part, PathPart::Parameter { name, .. } if *name == data.name));
            if location == ParamLocation::Path && !in_template {
                continue;
            }
            let (ty, mut constraints) = match &data.format {
                ParameterSchemaOrContent::Schema(schema) => {
                    self.parameter_type(schema, &format!("{type_name}{}", pascal(&data.name)))
                }
                // A parameter described by a media type is sent as that media type's text: JSON
                // for JSON, the text itself for anything else.
                ParameterSchemaOrContent::Content(content) => match preferred_media(content) {
                    Some((media_type, media)) if media_kind(media_type) == MediaKind::Json => {
                        let value = media.schema.as_ref().map_or_else(|| serde_json::json!({}), |schema| serde_json::to_value(schema).unwrap_or(Value::Null));
                        (ParamType::Json(self.schemas.name_for(&value, &format!("{type_name}{}", pascal(&data.name)))), Vec::new())
                    }
                    _ => (ParamType::Str, Vec::new()),
                },
            };
            if location == ParamLocation::Path {
                let template_pattern = path_parts.iter().find_map(|part| match part {
                    PathPart::Parameter { name, pattern: Some(pattern) } if *name == data.name => Some(pattern.clone()),
                    _ => None,
                });
                if let Some(pattern) = template_pattern {
                    // A schema `pattern` that is the template regex anchored says the same
                    // thing twice; check it once.
                    constraints.retain(|constraint| *constraint != Constraint::Pattern(format!("^{pattern}$")));
                    constraints.push(Constraint::FullMatch(pattern));
                }
            }
            let (style, explode) = parameter_style(parameter, data.explode);
            // Names that differ on the wire can be one in Rust (`StartTime`, `StartTime<` and
            // `StartTime>`): a later one gets its location, then a number.
            let mut rust_name = snake(&data.name);
            // Clippy refuses placeholder names (`clippy::disallowed_names`) as arguments.
            if ["foo", "baz", "quux"].contains(&rust_name.as_str()) {
                rust_name.push('_');
            }
            // The emitted request builder has a `body` field and setter, `client` and `options`
            // fields, `request` and `response` locals, and per-call option methods.
            if rust_names.contains(&rust_name) || RESERVED_ARGUMENTS.contains(&rust_name.as_str()) {
                rust_name = format!("{rust_name}_{}", format!("{location:?}").to_ascii_lowercase());
            }
            let rust_name = unique(&rust_name, &mut rust_names);
            params.push(Param {
                name: data.name.clone(),
                rust_name,
                location,
                required: data.required || location == ParamLocation::Path,
                ty,
                description: data.description.clone(),
                constraints,
                style,
                explode,
            });
        }
        params
    }

    fn parameter_type(&mut self, schema: &ReferenceOr<Schema>, hoisted_name: &str) -> (ParamType, Vec<Constraint>) {
        let resolved = match schema {
            ReferenceOr::Item(schema) => Some(schema),
            ReferenceOr::Reference { reference } => refs::component_name(reference, "schemas")
                .and_then(|name| self.api.components.as_ref()?.schemas.get(name)?.as_item()),
        };
        let Some(resolved) = resolved else {
            let value = serde_json::to_value(schema).unwrap_or(Value::Null);
            return (ParamType::Named(self.schemas.name_for(&value, hoisted_name)), Vec::new());
        };
        match &resolved.schema_kind {
            SchemaKind::Type(Type::String(string)) if string.enumeration.is_empty() => {
                let mut constraints = Vec::new();
                // `minLength: 0` allows every string: nothing to check.
                if let Some(min) = string.min_length.filter(|min| *min > 0) {
                    constraints.push(Constraint::MinLength(min));
                }
                if let Some(max) = string.max_length {
                    constraints.push(Constraint::MaxLength(max));
                }
                if let Some(pattern) = &string.pattern {
                    constraints.push(Constraint::Pattern(pattern.clone()));
                }
                (ParamType::Str, constraints)
            }
            SchemaKind::Type(Type::Integer(integer)) => {
                let ty = match integer.format {
                    openapiv3::VariantOrUnknownOrEmpty::Item(openapiv3::IntegerFormat::Int32) => "i32",
                    _ => "i64",
                };
                (ParamType::Integer(ty), Vec::new())
            }
            SchemaKind::Type(Type::Number(_)) => (ParamType::Number, Vec::new()),
            SchemaKind::Type(Type::Boolean(_)) => (ParamType::Bool, Vec::new()),
            // Enums, arrays, objects and compositions become generated types, serialised by
            // the runtime according to the parameter's style.
            _ => {
                let value = serde_json::to_value(schema).unwrap_or(Value::Null);
                (ParamType::Named(self.schemas.name_for(&value, hoisted_name)), Vec::new())
            }
        }
    }

    fn request_body(&mut self, body: &ReferenceOr<openapiv3::RequestBody>, type_name: &str) -> Option<Body> {
        let body = refs::request_body(self.api, body)?;
        // Of several media types the client sends the preferred one (JSON, then form,
        // multipart, text, bytes): the server accepts each, and one typed argument is simpler.
        let (media_type, content) = preferred_media(&body.content)?;
        let kind = self.body_kind(media_type, content.schema.as_ref(), &format!("{type_name}Body"));
        Some(Body { media_type: media_type.clone(), required: body.required, kind, description: body.description.clone() })
    }

    fn responses(&mut self, operation: &SpecOperation, type_name: &str) -> (Vec<Outcome>, Vec<Outcome>, Option<String>) {
        let mut success = Vec::new();
        let mut errors = Vec::new();
        let mut media_types: Vec<String> = Vec::new();
        let documented = operation.responses.responses.iter().map(|(status, response)| {
            let key = match status {
                SpecStatus::Code(code) => StatusKey::Code(*code),
                SpecStatus::Range(range) => StatusKey::Range(*range),
            };
            (key, response)
        });
        let default = operation.responses.default.as_ref().map(|response| (StatusKey::Default, response));
        for (status, response) in documented.chain(default) {
            let Some(response) = refs::response(self.api, response) else { continue };
            let variant = match status {
                StatusKey::Code(code) => naming::status_variant(code),
                StatusKey::Range(4) => "ClientError".into(),
                StatusKey::Range(5) => "ServerError".into(),
                StatusKey::Range(2) => "Success".into(),
                StatusKey::Range(digit) => format!("Status{digit}xx"),
                StatusKey::Default => "Default".into(),
            };
            let body = match preferred_media(&response.content) {
                None => BodyKind::Empty,
                Some((media_type, content)) => {
                    for media_type in response.content.keys() {
                        if !media_types.contains(media_type) {
                            media_types.push(media_type.clone());
                        }
                    }
                    let suffix = if matches!(status, StatusKey::Code(200..=299)) { "Response".to_owned() } else { format!("{variant}Body") };
                    match self.body_kind(media_type, content.schema.as_ref(), &format!("{type_name}{suffix}")) {
                        // A form or multipart response is unusual; it is handed over as bytes.
                        BodyKind::Form(_) | BodyKind::Multipart(_) => BodyKind::Bytes,
                        kind => kind,
                    }
                }
            };
            let headers = self.response_headers(&response.headers);
            let outcome = Outcome { status, variant, description: response.description.clone(), body, headers };
            match status {
                StatusKey::Code(200..=299) | StatusKey::Range(2) => success.push(outcome),
                _ => errors.push(outcome),
            }
        }
        // An operation that documents no response at all (a spec bug, accepted when lenient;
        // validation reports it) still works: any 2xx is a success, handed over as bytes.
        if success.is_empty() && errors.is_empty() {
            success.push(Outcome {
                status: StatusKey::Range(2),
                variant: "Success".into(),
                description: "Any success; the spec documents no response.".into(),
                body: BodyKind::Bytes,
                headers: Vec::new(),
            });
        }
        // Success media types first: a server that honours only the first gets it right.
        media_types.sort_by_key(|media_type| !success_media(operation, media_type));
        let accept = (!media_types.is_empty()).then(|| media_types.join(", "));
        (success, errors, accept)
    }

    fn response_headers(&self, headers: &IndexMap<String, ReferenceOr<openapiv3::Header>>) -> Vec<ResponseHeader> {
        let mut taken = std::collections::BTreeSet::new();
        headers
            .iter()
            // OpenAPI: a `Content-Type` response header is ignored (the media type says it).
            .filter(|(name, _)| !name.eq_ignore_ascii_case("content-type"))
            .filter_map(|(name, header)| {
                let header = refs::header(self.api, header)?;
                let schema = match &header.format {
                    ParameterSchemaOrContent::Schema(ReferenceOr::Item(schema)) => Some(&schema.schema_kind),
                    _ => None,
                };
                let ty = match schema {
                    Some(SchemaKind::Type(Type::Integer(_))) => ParamType::Integer("i64"),
                    Some(SchemaKind::Type(Type::Number(_))) => ParamType::Number,
                    Some(SchemaKind::Type(Type::Boolean(_))) => ParamType::Bool,
                    _ => ParamType::Str,
                };
                let rust_name = unique(&snake(name), &mut taken);
                Some(ResponseHeader { name: name.clone(), rust_name, ty, description: header.description.clone() })
            })
            .collect()
    }

    fn body_kind(&mut self, media_type: &str, schema: Option<&ReferenceOr<Schema>>, hoisted_name: &str) -> BodyKind {
        let mut typed = || {
            let value = schema.map(|schema| serde_json::to_value(schema).unwrap_or(Value::Null)).unwrap_or_else(|| serde_json::json!({}));
            self.schemas.name_for(&value, hoisted_name)
        };
        match media_kind(media_type) {
            MediaKind::Json => BodyKind::Json(typed()),
            MediaKind::Form => BodyKind::Form(typed()),
            MediaKind::Multipart => BodyKind::Multipart(typed()),
            MediaKind::Text => BodyKind::Text,
            MediaKind::Bytes => BodyKind::Bytes,
        }
    }
}

fn param_location(parameter: &Parameter) -> ParamLocation {
    match parameter {
        Parameter::Path { .. } => ParamLocation::Path,
        Parameter::Query { .. } => ParamLocation::Query,
        Parameter::Header { .. } => ParamLocation::Header,
        Parameter::Cookie { .. } => ParamLocation::Cookie,
    }
}

/// The style and explode of a parameter, with OpenAPI's defaults.
fn parameter_style(parameter: &Parameter, explode: Option<bool>) -> (ParamStyle, bool) {
    use openapiv3::{CookieStyle, HeaderStyle, PathStyle, QueryStyle};
    let style = match parameter {
        Parameter::Query { style, .. } => match style {
            QueryStyle::Form => ParamStyle::Form,
            QueryStyle::SpaceDelimited => ParamStyle::SpaceDelimited,
            QueryStyle::PipeDelimited => ParamStyle::PipeDelimited,
            QueryStyle::DeepObject => ParamStyle::DeepObject,
        },
        // `label` and `matrix` path styles are rare; they are sent as `simple`.
        Parameter::Path { style, .. } => match style {
            PathStyle::Simple | PathStyle::Label | PathStyle::Matrix => ParamStyle::Simple,
        },
        Parameter::Header { style: HeaderStyle::Simple, .. } => ParamStyle::Simple,
        Parameter::Cookie { style: CookieStyle::Form, .. } => ParamStyle::Form,
    };
    (style, explode.unwrap_or(style == ParamStyle::Form))
}

fn success_media(operation: &SpecOperation, media_type: &str) -> bool {
    operation.responses.responses.iter().any(|(status, response)| {
        matches!(status, SpecStatus::Code(200..=299) | SpecStatus::Range(2))
            && response.as_item().is_some_and(|response| response.content.contains_key(media_type))
    })
}

/// Decides the Rust name of every schema that becomes a type: components keep their name (in
/// PascalCase), inline schemas used by operations are hoisted under a name derived from the
/// operation, and a schema that a `$ref` points at inside another node (`Tag/allOf/0`, a
/// parameter's `schema`) is hoisted under a name derived from its pointer.
struct SchemaNames<'a> {
    root: &'a Value,
    component_names: IndexMap<String, String>,
    /// The pointer of each schema hoisted because a `$ref` points inside another node.
    node_names: IndexMap<String, String>,
    schemas: IndexMap<String, Value>,
    /// Rust name to JSON pointer, for the schemas that have one.
    pointers: IndexMap<String, String>,
    /// Titled inline schemas already hoisted, by their text: the same titled schema written
    /// out under several operations is one type, as progenitor makes it.
    titled: std::collections::BTreeMap<String, String>,
    /// Every Rust name given so far (the components' and the hoisted schemas'), kept rather
    /// than collected for each new name: a large spec names thousands.
    taken: std::collections::BTreeSet<String>,
}

impl<'a> SchemaNames<'a> {
    fn new(document: &'a Document) -> Self {
        let root = &document.value;
        let components = root.pointer("/components/schemas").and_then(Value::as_object);
        let mut component_names = IndexMap::new();
        let mut taken = std::collections::BTreeSet::new();
        for name in components.into_iter().flat_map(|components| components.keys()) {
            // A schema named like an item at the crate root (`Error`) would sit beside it as
            // `types::Error`; it is `types::ErrorBody` instead.
            let mut rust_name = pascal(name);
            if naming::ROOT_TYPES.contains(&rust_name.as_str()) {
                rust_name.push_str("Body");
            }
            let rust_name = unique(&rust_name, &mut taken);
            component_names.insert(name.clone(), rust_name);
        }
        let mut names = SchemaNames {
            root,
            component_names,
            node_names: IndexMap::new(),
            schemas: IndexMap::new(),
            pointers: IndexMap::new(),
            titled: Default::default(),
            taken,
        };
        for (name, schema) in components.into_iter().flatten() {
            let rust_name = names.component_names[name].clone();
            names.pointers.insert(rust_name.clone(), pointer(["components", "schemas", name.as_str()]));
            let schema = names.rewrite(schema.clone());
            names.schemas.insert(rust_name, schema);
        }
        names
    }

    /// The type name for `schema`: its component's, if it is a `$ref` to one (or to a schema
    /// inside another node); otherwise the schema is hoisted under its `title`, or `suggested`
    /// when it has none (made unique). A titled schema identical to one hoisted before is that
    /// type.
    fn name_for(&mut self, schema: &Value, suggested: &str) -> String {
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            if let Some(name) = self.referenced_name(reference) {
                return name;
            }
        }
        let schema = self.rewrite(schema.clone());
        let title = schema.get("title").and_then(Value::as_str).filter(|title| title.chars().any(char::is_alphanumeric));
        let text = title.map(|_| schema.to_string());
        if let Some(name) = text.as_ref().and_then(|text| self.titled.get(text)) {
            return name.clone();
        }
        let name = self.free_name(title.unwrap_or(suggested));
        self.schemas.insert(name.clone(), schema);
        if let Some(text) = text {
            self.titled.insert(text, name.clone());
        }
        name
    }

    /// `suggested` in PascalCase, numbered if a type has that name already; taken from now on.
    fn free_name(&mut self, suggested: &str) -> String {
        unique(&pascal(suggested), &mut self.taken)
    }

    /// The Rust name of the schema `reference` points at, hoisting it if it is inside another
    /// node; `None` for a reference to nothing (allowed only when lenient).
    fn referenced_name(&mut self, reference: &str) -> Option<String> {
        if let Some(name) = refs::component_name(reference, "schemas").and_then(|name| self.component_names.get(name)) {
            return Some(name.clone());
        }
        let pointer = reference.strip_prefix('#')?;
        if let Some(name) = self.node_names.get(pointer) {
            return Some(name.clone());
        }
        let target = self.root.pointer(pointer)?.clone();
        let name = self.free_name(&node_name(pointer, &self.component_names));
        self.node_names.insert(pointer.to_owned(), name.clone());
        self.pointers.insert(name.clone(), pointer.to_owned());
        // Held in place first, so that the name is taken while the schema's own references are
        // followed (they may lead back here).
        self.schemas.insert(name.clone(), Value::Null);
        let schema = self.rewrite(target);
        self.schemas.insert(name.clone(), schema);
        Some(name)
    }

    /// Points every `$ref` at the Rust name of the schema it refers to. A `$ref` to a schema
    /// that does not exist (allowed only when lenient; validation reports it) is dropped,
    /// leaving an untyped value.
    fn rewrite(&mut self, mut schema: Value) -> Value {
        // The names are decided first, in the order `collect_refs` finds the references (naming
        // a schema reached through a `$ref` names what it refers to in turn, and the first to
        // ask for a name gets it). A reference always gets the same answer once asked, so the
        // second walk can look each one up.
        let mut names: HashMap<String, Option<String>> = HashMap::new();
        for target in collect_refs(&schema) {
            if !names.contains_key(target) {
                let rust_name = self.referenced_name(target);
                names.insert(target.to_owned(), rust_name);
            }
        }
        if !names.is_empty() {
            point_refs(&mut schema, &names);
        }
        schema
    }

    /// The (rewritten) schema of a named type.
    fn schema(&self, name: &str) -> Option<&Value> {
        self.schemas.get(name)
    }

    fn finish(self) -> IndexMap<String, Value> {
        self.schemas
    }
}

/// Every string `$ref` in `value`, in the order a depth-first walk that takes an object's last
/// child first meets them (the order names have always been given in).
fn collect_refs(value: &Value) -> Vec<&str> {
    let mut found = Vec::new();
    let mut work = vec![value];
    while let Some(value) = work.pop() {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(target)) = map.get("$ref") {
                    found.push(target.as_str());
                }
                work.extend(map.values());
            }
            Value::Array(items) => work.extend(items),
            _ => {}
        }
    }
    found
}

/// Points every string `$ref` in `value` at its schema's Rust name in `names`, or drops it when
/// it has none.
fn point_refs(value: &mut Value, names: &HashMap<String, Option<String>>) {
    let mut work = vec![value];
    while let Some(value) = work.pop() {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(target)) = map.get("$ref") {
                    match names.get(target) {
                        Some(Some(rust_name)) => {
                            let pointed = Value::String(format!("#/components/schemas/{rust_name}"));
                            map.insert("$ref".into(), pointed);
                        }
                        Some(None) => {
                            map.remove("$ref");
                        }
                        None => {}
                    }
                }
                work.extend(map.values_mut());
            }
            Value::Array(items) => work.extend(items),
            _ => {}
        }
    }
}

/// A type name for the schema at `pointer`: its segments in PascalCase, starting from the
/// component's Rust name (`/components/schemas/Tag/allOf/0` is `TagAllOf0`), leaving out the
/// words that only lead to a schema (`content`, media types, `schema`).
fn node_name(pointer: &str, component_names: &IndexMap<String, String>) -> String {
    let segments: Vec<String> = pointer.split('/').skip(1).map(|segment| segment.replace("~1", "/").replace("~0", "~")).collect();
    let (start, rest) = match segments.as_slice() {
        [components, section, name, rest @ ..] if components == "components" && section == "schemas" => {
            (component_names.get(name).cloned().unwrap_or_else(|| pascal(name)), rest)
        }
        [components, _, name, rest @ ..] if components == "components" => (pascal(name), rest),
        rest => (String::new(), rest),
    };
    let words = rest.iter().filter(|segment| !segment.contains('/') && !["content", "schema"].contains(&segment.as_str()));
    let name: String = std::iter::once(start).chain(words.map(|word| pascal(word).trim_start_matches('_').to_owned())).collect();
    if name.is_empty() {
        "Schema".into()
    } else {
        name
    }
}

/// The first literal segment of a path template (`/orgs/{org}/repos` -> `orgs`), or `root`.
fn first_segment(path: &str) -> String {
    path.split('/').find(|segment| !segment.is_empty() && !segment.starts_with('{')).unwrap_or("root").to_owned()
}
