//! One method per operation, returning a request builder (in `mod requests`) that holds the
//! required arguments, takes the optional ones and the per-call options as setters, and is
//! sent with `.await` or `send()`; and the success enums of operations whose successes differ
//! in body (the error enums are in [`super::errors`]).
//!
//! Everything that is not specific to an operation (credentials, per-call options, retries,
//! the tracing span, reading the body) is in `client_runtime`, so each operation's code stays
//! small: building the request and matching the status.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use super::docs::{doc_lines, summary_and_description, text_lines};
use super::errors::{emit_error_enums, ErrorGroups};
use crate::features;
use crate::model::{
    Api, BodyKind, Constraint, Operation, Outcome, Param, ParamLocation, ParamStyle, ParamType, PathPart, StatusKey,
};

/// Emits the operation methods on `Client`.
pub fn emit_methods(api: &Api) -> TokenStream {
    let methods = api.operations.iter().map(emit_method);
    quote! {
        impl Client {
            #(#methods)*
        }
    }
}

/// Emits the `requests` module, with a builder per operation.
pub fn emit_requests(api: &Api) -> TokenStream {
    let builders = api.operations.iter().map(emit_builder);
    quote! {
        /// One request builder per operation, returned by the operation's method on
        /// [`Client`]: setters for the optional parameters and per-call options
        /// (`header`, `timeout`, `credential`, `retry`); `.await` it or call `send()`.
        pub mod requests {
            #(#builders)*
        }
    }
}

/// Emits the operations' success enums (where bodies differ) and error enums.
pub fn emit_response_enums(api: &Api, groups: &ErrorGroups) -> TokenStream {
    let successes = api.operations.iter().filter(|operation| !uniform_success(operation)).map(emit_success_enum);
    let errors = emit_error_enums(groups);
    quote! {
        #(#successes)*
        #errors
    }
}

pub(crate) fn error_enum_ident(operation: &Operation) -> proc_macro2::Ident {
    format_ident!("{}Error", operation.type_name)
}

pub(crate) fn success_enum_ident(operation: &Operation) -> proc_macro2::Ident {
    format_ident!("{}Response", operation.type_name)
}

fn builder_ident(operation: &Operation) -> proc_macro2::Ident {
    format_ident!("{}", operation.type_name)
}

/// Whether every success response has the same body, so the method can return that type; if
/// not, it returns an enum with a variant per success status.
pub(crate) fn uniform_success(operation: &Operation) -> bool {
    operation.success.windows(2).all(|pair| pair[0].body == pair[1].body)
}

/// The Rust type of a body (as named from anywhere in the crate).
pub(crate) fn body_type(kind: &BodyKind) -> TokenStream {
    body_type_from(kind, &quote! { crate })
}

/// The Rust type of a body, named from the module where `root` is the crate root.
fn body_type_from(kind: &BodyKind, root: &TokenStream) -> TokenStream {
    match kind {
        BodyKind::Empty => quote! { () },
        BodyKind::Json(name) | BodyKind::Form(name) | BodyKind::Multipart(name) => {
            let name = format_ident!("{}", name);
            quote! { #root::types::#name }
        }
        BodyKind::Text => quote! { String },
        BodyKind::Bytes => quote! { client_runtime::bytes::Bytes },
    }
}

/// The body type a successful call returns inside `client_runtime::Response`.
pub(crate) fn success_type(operation: &Operation) -> TokenStream {
    success_type_from(operation, &quote! { crate })
}

fn success_type_from(operation: &Operation, root: &TokenStream) -> TokenStream {
    if uniform_success(operation) {
        operation.success.first().map_or(quote! { () }, |outcome| body_type_from(&outcome.body, root))
    } else {
        let ident = success_enum_ident(operation);
        quote! { #root::#ident }
    }
}

/// An expression that reads `response` as a `client_runtime::Response` of `kind`'s type:
/// `?`-propagating a bad body when `propagate`, else as a `Result<_, CallError>`.
pub(crate) fn read_body(kind: &BodyKind, propagate: bool) -> TokenStream {
    let (read, fallible) = match kind {
        BodyKind::Empty => (quote! { response.empty() }, false),
        BodyKind::Json(_) => {
            let ty = body_type(kind);
            (quote! { response.json::<#ty>() }, true)
        }
        BodyKind::Text => (quote! { response.text() }, true),
        BodyKind::Bytes | BodyKind::Form(_) | BodyKind::Multipart(_) => (quote! { response.bytes() }, false),
    };
    match (fallible, propagate) {
        (true, true) => quote! { #read? },
        (false, false) => quote! { Ok(#read) },
        _ => read,
    }
}

/// The type of a parameter as held by a request builder (references live as long as `'a`).
fn argument_type(param: &Param) -> TokenStream {
    match &param.ty {
        ParamType::Str => quote! { &'a str },
        ParamType::Integer(name) => {
            let name = format_ident!("{}", name);
            quote! { #name }
        }
        ParamType::Number => quote! { f64 },
        ParamType::Bool => quote! { bool },
        ParamType::Named(name) | ParamType::Json(name) => {
            let name = format_ident!("{}", name);
            quote! { &'a crate::types::#name }
        }
    }
}

/// The type of the request body as held by a request builder.
fn body_argument_type(kind: &BodyKind) -> TokenStream {
    match kind {
        BodyKind::Text => quote! { &'a str },
        kind => {
            let ty = body_type(kind);
            quote! { &'a #ty }
        }
    }
}

fn is_reference(param: &Param) -> bool {
    matches!(param.ty, ParamType::Str | ParamType::Named(_))
}

fn one_line(text: Option<&str>) -> String {
    text.map(str::trim).unwrap_or_default().replace('\n', " ")
}

fn method_docs(operation: &Operation) -> TokenStream {
    let mut lines = summary_and_description(operation.summary.as_deref(), operation.description.as_deref());
    if !lines.is_empty() {
        lines.push(String::new());
    }
    let builder = builder_ident(operation);
    lines.push(format!(
        "Sends `{} {}` when the returned [`requests::{builder}`] is awaited (or sent with its `send`).",
        operation.http_method, operation.path
    ));
    let required: Vec<&Param> = operation.parameters.iter().filter(|param| param.required).collect();
    if !required.is_empty() || operation.body.as_ref().is_some_and(|body| body.required) {
        lines.push(String::new());
        lines.push("# Arguments".into());
        lines.push(String::new());
        for param in required {
            let description = one_line(param.description.as_deref());
            lines.push(format!("- `{}` ({} `{}`): {description}", param.rust_name, location_word(param.location), param.name));
        }
        if let Some(body) = operation.body.as_ref().filter(|body| body.required) {
            let description = one_line(body.description.as_deref().or(Some("the request body")));
            lines.push(format!("- `body` (`{}`): {description}", body.media_type));
        }
    }
    let optional: Vec<String> = operation
        .parameters
        .iter()
        .filter(|param| !param.required)
        .map(|param| format!("`{}`", param.rust_name))
        .chain(operation.body.as_ref().filter(|body| !body.required).map(|_| "`body`".to_owned()))
        .collect();
    if !optional.is_empty() {
        lines.push(String::new());
        lines.push(format!("Optional parameters are setters of the request: {}.", optional.join(", ")));
    }
    lines.push(String::new());
    lines.push("# Errors".into());
    lines.push(String::new());
    lines.push(format!(
        "[`Error::Documented`] with a [`{}`] for each error response the spec documents; the other [`Error`] variants for anything else.",
        error_enum_ident(operation)
    ));
    doc_lines(lines)
}

fn location_word(location: ParamLocation) -> &'static str {
    match location {
        ParamLocation::Path => "path",
        ParamLocation::Query => "query",
        ParamLocation::Header => "header",
        ParamLocation::Cookie => "cookie",
    }
}

/// `pub fn get_token(&self, id: &str) -> requests::GetToken<'_>`: takes the required arguments
/// and returns the builder.
fn emit_method(operation: &Operation) -> TokenStream {
    let docs = method_docs(operation);
    let deprecated = operation.deprecated.then(|| quote! { #[deprecated(note = "the spec marks this operation deprecated")] });
    let name = format_ident!("{}", operation.method_name);
    let builder = builder_ident(operation);
    let required: Vec<&Param> = operation.parameters.iter().filter(|param| param.required).collect();
    let mut arguments: Vec<TokenStream> = required
        .iter()
        .map(|param| {
            let ident = format_ident!("{}", param.rust_name);
            let ty = argument_type(param);
            quote! { #ident: #ty }
        })
        .collect();
    let mut fields: Vec<TokenStream> = operation
        .parameters
        .iter()
        .map(|param| {
            let ident = format_ident!("{}", param.rust_name);
            if param.required {
                quote! { #ident }
            } else {
                quote! { #ident: None }
            }
        })
        .collect();
    let required_body = operation.body.as_ref().filter(|body| body.required);
    if let Some(body) = required_body {
        let ty = body_argument_type(&body.kind);
        arguments.push(quote! { body: #ty });
    }
    match &operation.body {
        Some(body) if body.required => fields.push(quote! { body }),
        Some(_) => fields.push(quote! { body: None }),
        None => {}
    }
    let borrows = required.iter().any(|param| is_reference(param)) || required_body.is_some();
    // Lifetimes only when an argument is borrowed, so that clippy's needless_lifetimes holds.
    let (generics, receiver, lifetime) =
        if borrows { (quote! { <'a> }, quote! { &'a self }, quote! { 'a }) } else { (quote! {}, quote! { &self }, quote! { '_ }) };
    // The spec decides how many parameters an operation requires; each is one positional
    // argument, on purpose (optional ones are setters).
    let many = (arguments.len() >= 7).then(|| quote! { #[allow(clippy::too_many_arguments)] });
    let gate = features::cfg(operation);
    quote! {
        #docs
        #gate
        #deprecated
        #many
        pub fn #name #generics(#receiver, #(#arguments),*) -> requests::#builder<#lifetime> {
            requests::#builder { client: self, #(#fields,)* options: client_runtime::CallOptions::default() }
        }
    }
}

/// The request builder of one operation: fields, setters of the optional parameters, `send`,
/// and the runtime's common methods.
fn emit_builder(operation: &Operation) -> TokenStream {
    let builder = builder_ident(operation);
    let method = &operation.method_name;
    let error = error_enum_ident(operation);
    let doc = doc_lines([
        format!("The request of [`Client::{method}`](crate::Client::{method}): `{} {}`.", operation.http_method, operation.path),
        String::new(),
        "Set optional parameters and per-call options, then `.await` it or call [`send`](Self::send).".to_owned(),
    ]);
    let mut fields: Vec<TokenStream> = Vec::new();
    let mut names: Vec<proc_macro2::Ident> = Vec::new();
    let mut setters: Vec<TokenStream> = Vec::new();
    for param in &operation.parameters {
        let ident = format_ident!("{}", param.rust_name);
        let ty = argument_type(param);
        names.push(ident.clone());
        if param.required {
            fields.push(quote! { pub(crate) #ident: #ty, });
            continue;
        }
        fields.push(quote! { pub(crate) #ident: Option<#ty>, });
        let mut lines = vec![format!("Sets the optional {} parameter `{}`.", location_word(param.location), param.name)];
        if let Some(description) = &param.description {
            lines.push(String::new());
            lines.extend(text_lines(description));
        }
        let docs = doc_lines(lines);
        setters.push(quote! {
            #docs
            pub fn #ident(mut self, #ident: #ty) -> Self {
                self.#ident = Some(#ident);
                self
            }
        });
    }
    if let Some(body) = &operation.body {
        let ty = body_argument_type(&body.kind);
        names.push(format_ident!("body"));
        if body.required {
            fields.push(quote! { pub(crate) body: #ty, });
        } else {
            fields.push(quote! { pub(crate) body: Option<#ty>, });
            let mut lines = vec![format!("Sets the optional request body (`{}`).", body.media_type)];
            if let Some(description) = &body.description {
                lines.push(String::new());
                lines.extend(text_lines(description));
            }
            let docs = doc_lines(lines);
            setters.push(quote! {
                #docs
                pub fn body(mut self, body: #ty) -> Self {
                    self.body = Some(body);
                    self
                }
            });
        }
    }
    let success = success_type(operation);
    // A macro call is printed token by token, where `crate::` comes out as `crate ::`; from
    // `mod requests`, `super::` names the same items and prints well.
    let success_in_requests = success_type_from(operation, &quote! { super });
    let output = quote! { Result<client_runtime::Response<#success>, client_runtime::Error<crate::#error>> };
    let send = emit_send(operation);
    let gate = features::cfg(operation);
    quote! {
        #doc
        #gate
        #[must_use = "a request is sent when it is awaited or `send` is called"]
        pub struct #builder<'a> {
            pub(crate) client: &'a crate::Client,
            #(#fields)*
            pub(crate) options: client_runtime::CallOptions,
        }

        #gate
        impl<'a> #builder<'a> {
            #(#setters)*

            /// Sends the request and reads the response.
            pub async fn send(self) -> #output {
                let #builder { client, #(#names,)* options } = self;
                #send
            }
        }

        // The per-call option setters (`header`, `timeout`, `credential`, `retry`),
        // `IntoFuture` and a `Debug` that prints no argument, the same for every builder.
        #gate
        client_runtime::request_builder!(#builder, #success_in_requests, super::#error);
    }
}

/// The body of a builder's `send`: checks, the request, the call, the status match.
fn emit_send(operation: &Operation) -> TokenStream {
    let checks = operation.parameters.iter().flat_map(emit_checks);
    let path = emit_path(operation);
    let http_method = format_ident!("{}", operation.http_method);
    let accept = operation.accept.as_ref().map(|accept| quote! { let request = client_runtime::accept(request, #accept); });
    let parameters = operation.parameters.iter().filter(|param| param.location != ParamLocation::Path).map(emit_parameter);
    let body = operation.body.as_ref().map(|body| {
        let media_type = &body.media_type;
        let attach = match &body.kind {
            BodyKind::Json(_) | BodyKind::Empty => quote! {
                request.header("content-type", #media_type).body(
                    serde_json::to_vec(body).map_err(|error| client_runtime::Error::InvalidRequest(format!("the body could not be encoded as JSON: {error}")))?
                )
            },
            BodyKind::Form(_) => quote! {
                request.header("content-type", #media_type).body(client_runtime::form_body(body).map_err(client_runtime::Error::InvalidRequest)?)
            },
            // reqwest writes the multipart content type itself, with the boundary.
            BodyKind::Multipart(_) => quote! { request.multipart(client_runtime::multipart_body(body).map_err(client_runtime::Error::InvalidRequest)?) },
            BodyKind::Text => quote! { request.header("content-type", #media_type).body(body.to_owned()) },
            BodyKind::Bytes => quote! { request.header("content-type", #media_type).body(body.clone()) },
        };
        if body.required {
            quote! { let request = #attach; }
        } else {
            quote! {
                let request = match body {
                    Some(body) => #attach,
                    None => request,
                };
            }
        }
    });
    let alternatives = operation.security.iter().map(|schemes| quote! { &[#(#schemes),*] });
    let operation_id = &operation.id;
    let template = &operation.path;
    let arms = emit_status_arms(operation);
    quote! {
        #(#checks)*
        let request = client.core.request(client_runtime::Method::#http_method, #path);
        #accept
        #(#parameters)*
        #body
        let operation = &client_runtime::Operation { id: #operation_id, path: #template, security: &[#(#alternatives),*] };
        let response = client.core.execute(operation, request, options).await?;
        #arms
    }
}

fn emit_checks(param: &Param) -> Vec<TokenStream> {
    let ident = format_ident!("{}", param.rust_name);
    let name = &param.rust_name;
    param
        .constraints
        .iter()
        .map(|constraint| {
            let constraint = match constraint {
                Constraint::MinLength(min) => {
                    let min = Literal::usize_unsuffixed(*min);
                    quote! { client_runtime::Constraint::MinLength(#min) }
                }
                Constraint::MaxLength(max) => {
                    let max = Literal::usize_unsuffixed(*max);
                    quote! { client_runtime::Constraint::MaxLength(#max) }
                }
                Constraint::FullMatch(pattern) => quote! { client_runtime::Constraint::FullMatch(#pattern) },
                Constraint::Pattern(pattern) => quote! { client_runtime::Constraint::Pattern(#pattern) },
            };
            // A constraint is about the text sent: a number or other non-string value (a regex
            // in a Swagger path template over an integer id) is checked as its text.
            let text = |value: TokenStream| match param.ty {
                ParamType::Str => value,
                _ => quote! { &#value.to_string() },
            };
            if param.required {
                let value = text(quote! { #ident });
                quote! { #constraint.check(#name, #value).map_err(client_runtime::Error::InvalidRequest)?; }
            } else {
                let value = text(quote! { value });
                quote! {
                    if let Some(value) = #ident {
                        #constraint.check(#name, #value).map_err(client_runtime::Error::InvalidRequest)?;
                    }
                }
            }
        })
        .collect()
}

/// `&format!("/a/{}/b", encode_path_segment(...))`, or the literal path when it has no parameters.
fn emit_path(operation: &Operation) -> TokenStream {
    let mut template = String::new();
    let mut values = Vec::new();
    for part in &operation.path_parts {
        match part {
            PathPart::Literal(text) => template.push_str(text),
            PathPart::Parameter { name, .. } => {
                // Literals never hold braces (the template parser rejects stray ones), so the
                // text is a valid format string as it is.
                template.push_str("{}");
                let param = operation.parameters.iter().find(|param| param.location == ParamLocation::Path && param.name == *name);
                let value = match param {
                    Some(param) => {
                        let ident = format_ident!("{}", param.rust_name);
                        match param.ty {
                            ParamType::Json(_) => {
                                let text = json_text(param, quote! { #ident });
                                quote! { client_runtime::encode_path_segment(&#text) }
                            }
                            ParamType::Str => quote! { client_runtime::encode_path_segment(#ident) },
                            ParamType::Named(_) => {
                                let explode = param.explode;
                                quote! {
                                    client_runtime::encode_path_segment(
                                        &client_runtime::simple_text(#ident, #explode).map_err(client_runtime::Error::InvalidRequest)?
                                    )
                                }
                            }
                            _ => quote! { client_runtime::encode_path_segment(&#ident.to_string()) },
                        }
                    }
                    // Validation guarantees every template parameter is declared.
                    None => quote! { "" },
                };
                values.push(value);
            }
        }
    }
    if values.is_empty() {
        return quote! { #template };
    }
    quote! { &format!(#template #(, #values)*) }
}

/// The JSON text of a parameter described by `content: application/json`.
fn json_text(param: &Param, value: TokenStream) -> TokenStream {
    let message = format!("parameter `{}` could not be encoded as JSON: {{error}}", param.name);
    quote! { serde_json::to_string(#value).map_err(|error| client_runtime::Error::InvalidRequest(format!(#message)))? }
}

fn emit_parameter(param: &Param) -> TokenStream {
    let ident = format_ident!("{}", param.rust_name);
    let name = &param.name;
    let explode = param.explode;
    let named = matches!(param.ty, ParamType::Named(_));
    let json = matches!(param.ty, ParamType::Json(_)).then(|| json_text(param, quote! { value }));
    let apply = match (param.location, named, json) {
        (ParamLocation::Query, _, Some(text)) => quote! { request.query(&[(#name, #text)]) },
        (ParamLocation::Header, _, Some(text)) => quote! { request.header(#name, #text) },
        (ParamLocation::Cookie, _, Some(text)) => quote! { request.header("cookie", format!("{}={}", #name, #text)) },
        (ParamLocation::Query, false, None) => quote! { request.query(&[(#name, value.to_string())]) },
        (ParamLocation::Query, true, None) => {
            let style = match param.style {
                ParamStyle::Form => quote! { Form },
                ParamStyle::Simple => quote! { Simple },
                ParamStyle::SpaceDelimited => quote! { SpaceDelimited },
                ParamStyle::PipeDelimited => quote! { PipeDelimited },
                ParamStyle::DeepObject => quote! { DeepObject },
            };
            quote! {
                request.query(
                    &client_runtime::query_pairs(#name, value, client_runtime::Style::#style, #explode).map_err(client_runtime::Error::InvalidRequest)?
                )
            }
        }
        (ParamLocation::Header, false, None) => quote! { request.header(#name, value.to_string()) },
        (ParamLocation::Header, true, None) => {
            quote! { request.header(#name, client_runtime::simple_text(value, #explode).map_err(client_runtime::Error::InvalidRequest)?) }
        }
        (ParamLocation::Cookie, false, None) => quote! { request.header("cookie", format!("{}={}", #name, value)) },
        (ParamLocation::Cookie, true, None) => quote! {
            request.header("cookie", format!("{}={}", #name, client_runtime::simple_text(value, #explode).map_err(client_runtime::Error::InvalidRequest)?))
        },
        (ParamLocation::Path, _, _) => return TokenStream::new(),
    };
    if param.required {
        quote! { let request = { let value = #ident; #apply }; }
    } else {
        quote! {
            let request = match #ident {
                Some(value) => #apply,
                None => request,
            };
        }
    }
}

/// The expression that turns `response` into the method's result, by status: the documented
/// successes here, everything else read by the error enum (`DocumentedError::decode`).
fn emit_status_arms(operation: &Operation) -> TokenStream {
    let errors = quote! { Err(client_runtime::DocumentedError::decode(response)) };
    // Exact codes before ranges, so that a documented 200 wins over a documented 2XX.
    let mut code_arms = Vec::new();
    let mut range_arms = Vec::new();
    let uniform = uniform_success(operation);
    let success = success_enum_ident(operation);
    for outcome in &operation.success {
        let pattern = status_pattern(outcome.status);
        let read = read_body(&outcome.body, true);
        let arm = if uniform {
            quote! { #pattern => Ok(#read), }
        } else {
            let (bind, construct) = wrap_outcome(outcome, quote! { crate::#success });
            quote! { #pattern => { #bind Ok(#read.map(#construct)) } }
        };
        match outcome.status {
            StatusKey::Range(_) => range_arms.push(arm),
            _ => code_arms.push(arm),
        }
    }
    // A documented error code inside a documented success range is still that error.
    let in_success_range = |code: u16| {
        operation.success.iter().any(|outcome| matches!(outcome.status, StatusKey::Range(digit) if code / 100 == digit))
    };
    for outcome in &operation.errors {
        if let StatusKey::Code(code) = outcome.status {
            if in_success_range(code) {
                let pattern = status_pattern(outcome.status);
                code_arms.push(quote! { #pattern => #errors, });
            }
        }
    }
    status_match(&code_arms, &range_arms, errors)
}

/// `match` on the response's status: exact codes, then ranges (so that a documented 404 wins
/// over a documented 4XX), then `fallback`; only `fallback` when there are no arms.
pub(crate) fn status_match(code_arms: &[TokenStream], range_arms: &[TokenStream], fallback: TokenStream) -> TokenStream {
    if code_arms.is_empty() && range_arms.is_empty() {
        return fallback;
    }
    quote! {
        match response.status().as_u16() {
            #(#code_arms)*
            #(#range_arms)*
            _ => #fallback,
        }
    }
}

/// How an outcome's body becomes its enum variant: a `let status` binding when the variant
/// keeps the status, and the function given to `Response::map`.
pub(crate) fn wrap_outcome(outcome: &Outcome, enum_path: TokenStream) -> (TokenStream, TokenStream) {
    let variant = format_ident!("{}", outcome.variant);
    let keeps_status = outcome_keeps_status(outcome);
    let bind = if keeps_status { quote! { let status = response.status(); } } else { TokenStream::new() };
    let construct = match (&outcome.body, keeps_status) {
        (BodyKind::Empty, false) => quote! { |()| #enum_path::#variant },
        (BodyKind::Empty, true) => quote! { |()| #enum_path::#variant { status } },
        (_, false) => quote! { #enum_path::#variant },
        (_, true) => quote! { |body| #enum_path::#variant { status, body } },
    };
    (bind, construct)
}

pub(crate) fn status_pattern(status: StatusKey) -> TokenStream {
    match status {
        StatusKey::Code(code) => {
            let code = Literal::u16_unsuffixed(code);
            quote! { #code }
        }
        StatusKey::Range(digit) => {
            let first = Literal::u16_unsuffixed(digit * 100);
            let last = Literal::u16_unsuffixed(digit * 100 + 99);
            quote! { #first..=#last }
        }
        StatusKey::Default => quote! { _ },
    }
}

/// Ranges and `default` cover several statuses, so their variants keep the actual one.
pub(crate) fn outcome_keeps_status(outcome: &Outcome) -> bool {
    !matches!(outcome.status, StatusKey::Code(_))
}

/// The variants of a response enum: one per documented status, holding its body.
pub(crate) fn outcome_variants<'a>(outcomes: impl Iterator<Item = &'a Outcome>) -> Vec<TokenStream> {
    outcomes
        .map(|outcome| {
            let variant = format_ident!("{}", outcome.variant);
            let mut lines = vec![format!("{}: {}", status_label(outcome.status), first_line(&outcome.description))];
            let rest: Vec<String> = text_lines(&outcome.description).into_iter().skip(1).collect();
            if !rest.is_empty() {
                lines.push(String::new());
                lines.extend(rest);
            }
            let docs = doc_lines(lines);
            let ty = body_type(&outcome.body);
            match (&outcome.body, outcome_keeps_status(outcome)) {
                (BodyKind::Empty, false) => quote! { #docs #variant, },
                (BodyKind::Empty, true) => quote! { #docs #variant { /** The status received. */ status: StatusCode }, },
                (_, false) => quote! { #docs #variant(#ty), },
                (_, true) => quote! {
                    #docs
                    #variant {
                        /// The status received.
                        status: StatusCode,
                        /// The documented body.
                        body: #ty,
                    },
                },
            }
        })
        .collect()
}

/// On a response enum whose variants hold different bodies, `#[allow(clippy::large_enum_variant)]`:
/// one may be large beside a bodyless one. A response is returned once per call, so the size
/// costs nothing that matters, and boxing the bodies would make matching on them clumsier (the
/// same reason `clippy::result_large_err` is allowed).
pub(crate) fn allow_large_bodies(outcomes: &[Outcome]) -> Option<TokenStream> {
    let differ = outcomes.windows(2).any(|pair| pair[0].body != pair[1].body);
    differ.then(|| quote! { #[allow(clippy::large_enum_variant)] })
}

fn emit_success_enum(operation: &Operation) -> TokenStream {
    let name = success_enum_ident(operation);
    let doc = doc_lines([format!("The success responses [`Client::{}`] documents (their bodies differ).", operation.method_name)]);
    let variants = outcome_variants(operation.success.iter());
    let allow = allow_large_bodies(&operation.success);
    let gate = features::cfg(operation);
    quote! {
        #doc
        #gate
        #allow
        #[derive(Debug)]
        pub enum #name {
            #(#variants)*
        }
    }
}

fn status_label(status: StatusKey) -> String {
    match status {
        StatusKey::Code(code) => format!("`{code}`"),
        StatusKey::Range(digit) => format!("`{digit}XX`"),
        StatusKey::Default => "Any other status (`default`)".into(),
    }
}

pub(crate) fn first_line(text: &str) -> String {
    text.trim().lines().next().unwrap_or_default().trim().to_owned()
}
