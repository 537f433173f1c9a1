//! One async method per operation, and one enum of documented errors per operation.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use super::docs::{doc_lines, summary_and_description, text_lines};
use crate::model::{
    Api, BodyKind, Constraint, Operation, Outcome, Param, ParamLocation, ParamStyle, ParamType, PathPart, StatusKey,
};

/// Emits `impl Client { ... }` with every operation, then every operation's error enum.
pub fn emit_operations(api: &Api) -> TokenStream {
    let methods = api.operations.iter().map(emit_method);
    let successes = api.operations.iter().filter(|operation| !uniform_success(operation)).map(emit_success_enum);
    let errors = api.operations.iter().map(emit_error_enum);
    quote! {
        impl Client {
            #(#methods)*
        }

        #(#successes)*
        #(#errors)*
    }
}

fn error_enum_ident(operation: &Operation) -> proc_macro2::Ident {
    format_ident!("{}Error", operation.type_name)
}

fn success_enum_ident(operation: &Operation) -> proc_macro2::Ident {
    format_ident!("{}Response", operation.type_name)
}

/// Whether every success response has the same body, so the method can return that type; if
/// not, it returns an enum with a variant per success status.
fn uniform_success(operation: &Operation) -> bool {
    operation.success.windows(2).all(|pair| pair[0].body == pair[1].body)
}

/// The Rust type of a body.
fn body_type(kind: &BodyKind) -> TokenStream {
    match kind {
        BodyKind::Empty => quote! { () },
        BodyKind::Json(name) | BodyKind::Form(name) | BodyKind::Multipart(name) => {
            let name = format_ident!("{}", name);
            quote! { types::#name }
        }
        BodyKind::Text => quote! { String },
        BodyKind::Bytes => quote! { client_runtime::bytes::Bytes },
    }
}

/// An expression that reads `response`'s body as `kind`, `?`-propagating a bad body.
fn read_body(kind: &BodyKind) -> TokenStream {
    match kind {
        BodyKind::Empty => quote! { () },
        BodyKind::Json(_) => quote! { response.json()? },
        BodyKind::Text => quote! { response.text()? },
        BodyKind::Bytes | BodyKind::Form(_) | BodyKind::Multipart(_) => quote! { response.bytes() },
    }
}

fn argument_type(param: &Param) -> TokenStream {
    let ty = match &param.ty {
        ParamType::Str => quote! { &str },
        ParamType::Integer(name) => {
            let name = format_ident!("{}", name);
            quote! { #name }
        }
        ParamType::Number => quote! { f64 },
        ParamType::Bool => quote! { bool },
        ParamType::Named(name) => {
            let name = format_ident!("{}", name);
            quote! { &types::#name }
        }
    };
    if param.required {
        ty
    } else {
        quote! { Option<#ty> }
    }
}

fn method_docs(operation: &Operation) -> TokenStream {
    let mut lines = summary_and_description(operation.summary.as_deref(), operation.description.as_deref());
    if !lines.is_empty() {
        lines.push(String::new());
    }
    lines.push(format!("Sends `{} {}`.", operation.http_method, operation.path));
    let documented: Vec<&Param> = operation.parameters.iter().filter(|param| param.description.is_some()).collect();
    if !documented.is_empty() || operation.body.is_some() {
        lines.push(String::new());
        lines.push("# Arguments".into());
        lines.push(String::new());
        for param in documented {
            let description = param.description.as_deref().map(str::trim).unwrap_or_default().replace('\n', " ");
            lines.push(format!("- `{}` ({} `{}`): {description}", param.rust_name, location_word(param.location), param.name));
        }
        if let Some(body) = &operation.body {
            let description = body.description.as_deref().map(str::trim).unwrap_or("the request body").replace('\n', " ");
            lines.push(format!("- `body` (`{}`): {description}", body.media_type));
        }
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

fn emit_method(operation: &Operation) -> TokenStream {
    let docs = method_docs(operation);
    let deprecated = operation.deprecated.then(|| quote! { #[deprecated(note = "the spec marks this operation deprecated")] });
    let name = format_ident!("{}", operation.method_name);
    let error = error_enum_ident(operation);
    let mut arguments: Vec<TokenStream> = operation
        .parameters
        .iter()
        .map(|param| {
            let ident = format_ident!("{}", param.rust_name);
            let ty = argument_type(param);
            quote! { #ident: #ty }
        })
        .collect();
    if let Some(body) = &operation.body {
        let ty = match &body.kind {
            BodyKind::Text => quote! { str },
            kind => body_type(kind),
        };
        arguments.push(if body.required { quote! { body: &#ty } } else { quote! { body: Option<&#ty> } });
    }
    let success_type = if uniform_success(operation) {
        operation.success.first().map_or(quote! { () }, |outcome| body_type(&outcome.body))
    } else {
        let ident = success_enum_ident(operation);
        quote! { #ident }
    };
    let checks = operation.parameters.iter().flat_map(emit_checks);
    let path = emit_path(operation);
    let http_method = format_ident!("{}", operation.http_method);
    let accept = operation.accept.as_ref().map(|accept| quote! { let request = request.header("accept", #accept); });
    let parameters = operation.parameters.iter().filter(|param| param.location != ParamLocation::Path).map(emit_parameter);
    let body = operation.body.as_ref().map(|body| {
        let media_type = &body.media_type;
        let attach = match &body.kind {
            BodyKind::Json(_) | BodyKind::Empty => quote! {
                request.header("content-type", #media_type).body(
                    serde_json::to_vec(body).map_err(|error| Error::InvalidRequest(format!("the body could not be encoded as JSON: {error}")))?
                )
            },
            BodyKind::Form(_) => quote! {
                request.header("content-type", #media_type).body(client_runtime::form_body(body).map_err(Error::InvalidRequest)?)
            },
            // reqwest writes the multipart content type itself, with the boundary.
            BodyKind::Multipart(_) => quote! { request.multipart(client_runtime::multipart_body(body).map_err(Error::InvalidRequest)?) },
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
    let arms = emit_status_arms(operation);
    quote! {
        #docs
        #deprecated
        pub async fn #name(&self, #(#arguments),*) -> Result<#success_type, Error<#error>> {
            #(#checks)*
            let request = self.core.request(client_runtime::Method::#http_method, #path);
            #accept
            #(#parameters)*
            #body
            let request = self.core.authorize(request, &[#(#alternatives),*]);
            let response = self.core.send(#operation_id, request).await?;
            match response.status().as_u16() {
                #arms
            }
        }
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
                quote! { #constraint.check(#name, #value).map_err(Error::InvalidRequest)?; }
            } else {
                let value = text(quote! { value });
                quote! {
                    if let Some(value) = #ident {
                        #constraint.check(#name, #value).map_err(Error::InvalidRequest)?;
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
                            ParamType::Str => quote! { client_runtime::encode_path_segment(#ident) },
                            ParamType::Named(_) => {
                                let explode = param.explode;
                                quote! {
                                    client_runtime::encode_path_segment(
                                        &client_runtime::simple_text(#ident, #explode).map_err(Error::InvalidRequest)?
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

fn emit_parameter(param: &Param) -> TokenStream {
    let ident = format_ident!("{}", param.rust_name);
    let name = &param.name;
    let explode = param.explode;
    let named = matches!(param.ty, ParamType::Named(_));
    let apply = match (param.location, named) {
        (ParamLocation::Query, false) => quote! { request.query(&[(#name, value.to_string())]) },
        (ParamLocation::Query, true) => {
            let style = match param.style {
                ParamStyle::Form => quote! { Form },
                ParamStyle::Simple => quote! { Simple },
                ParamStyle::SpaceDelimited => quote! { SpaceDelimited },
                ParamStyle::PipeDelimited => quote! { PipeDelimited },
                ParamStyle::DeepObject => quote! { DeepObject },
            };
            quote! {
                request.query(
                    &client_runtime::query_pairs(#name, value, client_runtime::Style::#style, #explode).map_err(Error::InvalidRequest)?
                )
            }
        }
        (ParamLocation::Header, false) => quote! { request.header(#name, value.to_string()) },
        (ParamLocation::Header, true) => {
            quote! { request.header(#name, client_runtime::simple_text(value, #explode).map_err(Error::InvalidRequest)?) }
        }
        (ParamLocation::Cookie, false) => quote! { request.header("cookie", format!("{}={}", #name, value)) },
        (ParamLocation::Cookie, true) => quote! {
            request.header("cookie", format!("{}={}", #name, client_runtime::simple_text(value, #explode).map_err(Error::InvalidRequest)?))
        },
        (ParamLocation::Path, _) => return TokenStream::new(),
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

fn emit_status_arms(operation: &Operation) -> TokenStream {
    let error = error_enum_ident(operation);
    // Exact codes before ranges, so that a documented 404 wins over a documented 4XX.
    let mut code_arms = Vec::new();
    let mut range_arms = Vec::new();
    let mut default_arm = quote! { _ => Err(response.unexpected()), };
    let uniform = uniform_success(operation);
    let success = success_enum_ident(operation);
    for outcome in &operation.success {
        let pattern = status_pattern(outcome.status);
        let read = read_body(&outcome.body);
        let arm = if uniform {
            quote! { #pattern => Ok(#read), }
        } else {
            let variant = format_ident!("{}", outcome.variant);
            let construct = match (&outcome.body, outcome_keeps_status(outcome)) {
                (BodyKind::Empty, false) => quote! { #success::#variant },
                (BodyKind::Empty, true) => quote! { #success::#variant { status: response.status() } },
                (_, false) => quote! { #success::#variant(#read) },
                (_, true) => quote! { #success::#variant { status: response.status(), body: #read } },
            };
            quote! { #pattern => Ok(#construct), }
        };
        match outcome.status {
            StatusKey::Range(_) => range_arms.push(arm),
            _ => code_arms.push(arm),
        }
    }
    for outcome in &operation.errors {
        let variant = format_ident!("{}", outcome.variant);
        let read = read_body(&outcome.body);
        let keeps_status = outcome_keeps_status(outcome);
        let construct = match (&outcome.body, keeps_status) {
            (BodyKind::Empty, false) => quote! { #error::#variant },
            (BodyKind::Empty, true) => quote! { #error::#variant { status } },
            (_, false) => quote! { #error::#variant(#read) },
            (_, true) => quote! { #error::#variant { status, body: #read } },
        };
        let status_binding = keeps_status.then(|| quote! { let status = response.status(); });
        let body = quote! {{
            #status_binding
            Err(Error::Documented(#construct))
        }};
        let pattern = status_pattern(outcome.status);
        match outcome.status {
            StatusKey::Default => default_arm = quote! { _ => #body },
            StatusKey::Range(_) => range_arms.push(quote! { #pattern => #body }),
            StatusKey::Code(_) => code_arms.push(quote! { #pattern => #body }),
        }
    }
    quote! {
        #(#code_arms)*
        #(#range_arms)*
        #default_arm
    }
}

fn status_pattern(status: StatusKey) -> TokenStream {
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
fn outcome_keeps_status(outcome: &Outcome) -> bool {
    !matches!(outcome.status, StatusKey::Code(_))
}

/// The variants of a response enum: one per documented status, holding its body.
fn outcome_variants<'a>(outcomes: impl Iterator<Item = &'a Outcome>) -> Vec<TokenStream> {
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

fn emit_success_enum(operation: &Operation) -> TokenStream {
    let name = success_enum_ident(operation);
    let doc = doc_lines([format!("The success responses [`Client::{}`] documents (their bodies differ).", operation.method_name)]);
    let variants = outcome_variants(operation.success.iter());
    quote! {
        #doc
        #[derive(Debug)]
        pub enum #name {
            #(#variants)*
        }
    }
}

fn emit_error_enum(operation: &Operation) -> TokenStream {
    let name = error_enum_ident(operation);
    let doc = doc_lines([format!("The error responses [`Client::{}`] documents.", operation.method_name)]);
    let variants = outcome_variants(operation.errors.iter());
    let status_arms = operation.errors.iter().map(|outcome| {
        let variant = format_ident!("{}", outcome.variant);
        match (outcome.status, &outcome.body) {
            (StatusKey::Code(code), BodyKind::Empty) => {
                let code = Literal::u16_unsuffixed(code);
                quote! { #name::#variant => client_runtime::status_code(#code), }
            }
            (StatusKey::Code(code), _) => {
                let code = Literal::u16_unsuffixed(code);
                quote! { #name::#variant(_) => client_runtime::status_code(#code), }
            }
            _ => quote! { #name::#variant { status, .. } => *status, },
        }
    });
    let display_arms = operation.errors.iter().map(|outcome| {
        let variant = format_ident!("{}", outcome.variant);
        let message = format!("the server answered {{}}: {}", first_line(&outcome.description).replace('{', "{{").replace('}', "}}"));
        let pattern = match (outcome.status, &outcome.body) {
            (StatusKey::Code(_), BodyKind::Empty) => quote! { #name::#variant },
            (StatusKey::Code(_), _) => quote! { #name::#variant(_) },
            _ => quote! { #name::#variant { .. } },
        };
        quote! { #pattern => write!(f, #message, client_runtime::DocumentedError::status(self)), }
    });
    // An operation that documents no errors still gets an (empty) enum, so that every
    // operation's signature has the same shape.
    // Its `fmt` has no use for the formatter (an unused argument fails clippy).
    let (status_body, display_body, formatter) = if operation.errors.is_empty() {
        (quote! { match *self {} }, quote! { match *self {} }, quote! { _f })
    } else {
        (quote! { match self { #(#status_arms)* } }, quote! { match self { #(#display_arms)* } }, quote! { f })
    };
    quote! {
        #doc
        #[derive(Debug)]
        pub enum #name {
            #(#variants)*
        }

        impl client_runtime::DocumentedError for #name {
            fn status(&self) -> StatusCode {
                #status_body
            }
        }

        impl std::fmt::Display for #name {
            fn fmt(&self, #formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                #display_body
            }
        }

        impl std::error::Error for #name {}
    }
}

fn status_label(status: StatusKey) -> String {
    match status {
        StatusKey::Code(code) => format!("`{code}`"),
        StatusKey::Range(digit) => format!("`{digit}XX`"),
        StatusKey::Default => "Any other status (`default`)".into(),
    }
}

fn first_line(text: &str) -> String {
    text.trim().lines().next().unwrap_or_default().trim().to_owned()
}
