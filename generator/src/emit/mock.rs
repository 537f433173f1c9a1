//! Typed mocks (the generated crate's `mock` feature): a `mock::MockServer` with one method per
//! operation that stubs a typed success or documented error, for the tests of code that uses
//! the client. The server and the stubbing are `client_runtime::mock`'s; each operation adds a
//! method naming its method and path, and each response enum says which status and body
//! produce each of its variants.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use super::docs::doc_lines;
use super::errors::ErrorGroups;
use super::operations::{error_enum_ident, outcome_keeps_status, success_enum_ident, success_type};
use super::requests::uniform_success;
use crate::features;
use crate::model::{Api, BodyKind, Operation, Outcome, PathPart, StatusKey};

/// `#[cfg(feature = "mock")] pub mod mock { ... }`.
pub fn emit_mock(api: &Api, groups: &ErrorGroups) -> TokenStream {
    let methods = api.operations.iter().map(emit_method);
    let error_replies = groups.enums().map(|(first, group)| {
        let gate = features::cfg_group(group);
        let reply = into_reply(&error_enum_ident(first), &first.errors);
        quote! { #gate #reply }
    }).collect::<Vec<_>>();
    let success_replies = api.operations.iter().filter(|operation| !uniform_success(operation)).map(|operation| {
        let gate = features::cfg(operation);
        let reply = into_reply(&success_enum_ident(operation), &operation.success);
        quote! { #gate #reply }
    });
    let example = api.operations.first().map(|operation| operation.method_name.clone()).unwrap_or_default();
    let module_doc = doc_lines([
        "Typed mocks for the tests of code that uses this client (feature `mock`).".to_owned(),
        String::new(),
        "[`MockServer::start`](crate::mock::MockServer::start) starts a real HTTP server on 127.0.0.1; each operation's method stubs".to_owned(),
        "it with a typed success (`Ok`) or documented error (`Err`), and".to_owned(),
        "[`MockServer::client_builder`](crate::mock::MockServer::client_builder) configures a client that talks to it.".to_owned(),
        String::new(),
        "```ignore".to_owned(),
        "let server = mock::MockServer::start().await;".to_owned(),
        format!("server.{example}(Ok(body)).header(\"etag\", \"v1\").await;"),
        "let client = server.client_builder().build()?;".to_owned(),
        "```".to_owned(),
    ]);
    quote! {
        #[cfg(feature = "mock")]
        #module_doc
        pub mod mock {
            /// A mock of this API on 127.0.0.1; it dereferences to
            /// [`client_runtime::mock::MockServer`] (`uri`, `received_requests`, ...).
            #[derive(Debug)]
            pub struct MockServer {
                inner: client_runtime::mock::MockServer,
            }

            impl std::ops::Deref for MockServer {
                type Target = client_runtime::mock::MockServer;

                fn deref(&self) -> &Self::Target {
                    &self.inner
                }
            }

            impl MockServer {
                /// Starts the server on a free port.
                pub async fn start() -> Self {
                    MockServer { inner: client_runtime::mock::MockServer::start().await }
                }

                /// A client builder aimed at this server (plain http allowed); add credentials
                /// and settings as in production.
                pub fn client_builder(&self) -> crate::ClientBuilder {
                    crate::Client::builder(&self.inner.uri()).allow_http()
                }

                #(#methods)*
            }

            #(#error_replies)*
            #(#success_replies)*
        }
    }
}

/// The path template with `{name}` for each parameter (a template regex dropped).
fn plain_template(operation: &Operation) -> String {
    operation
        .path_parts
        .iter()
        .map(|part| match part {
            PathPart::Literal(text) => text.clone(),
            PathPart::Parameter { name, .. } => format!("{{{name}}}"),
        })
        .collect()
}

fn emit_method(operation: &Operation) -> TokenStream {
    let name = format_ident!("{}", operation.method_name);
    let method = &operation.method_name;
    let error = error_enum_ident(operation);
    let success = success_type(operation);
    let http_method = &operation.http_method;
    let template = plain_template(operation);
    let doc = doc_lines([
        format!("Answers `{http_method} {template}` ([`Client::{method}`](crate::Client::{method})) with `reply`:"),
        "`Ok` as the documented success, `Err` as the documented error, each with its status.".to_owned(),
    ]);
    let gate = features::cfg(operation);
    // The common case, a JSON success, in one call to the runtime.
    if let (true, Some(outcome @ Outcome { body: BodyKind::Json(_), .. })) = (uniform_success(operation), operation.success.first()) {
        let status = status_literal(outcome);
        return quote! {
            #doc
            #gate
            pub fn #name(&self, reply: Result<#success, crate::#error>) -> client_runtime::mock::Stub<'_> {
                self.inner.stub(#http_method, #template, client_runtime::mock::json_or_error(#status, reply))
            }
        };
    }
    let ok = if uniform_success(operation) {
        match operation.success.first() {
            Some(outcome) => {
                let reply = reply(&outcome.body, status_literal(outcome), quote! { body });
                quote! { Ok(body) => #reply, }
            }
            // No documented success: a 200, which the client reports as undocumented.
            None => quote! { Ok(()) => client_runtime::mock::Reply::empty(200), },
        }
    } else {
        quote! { Ok(body) => client_runtime::mock::IntoReply::into_reply(body), }
    };
    quote! {
        #doc
        #gate
        pub fn #name(&self, reply: Result<#success, crate::#error>) -> client_runtime::mock::Stub<'_> {
            let reply = match reply {
                #ok
                Err(error) => client_runtime::mock::IntoReply::into_reply(error),
            };
            self.inner.stub(#http_method, #template, reply)
        }
    }
}

/// The status a fixed-status outcome is stubbed with (a `2XX` as 200).
fn status_literal(outcome: &Outcome) -> TokenStream {
    let code = match outcome.status {
        StatusKey::Code(code) => code,
        StatusKey::Range(digit) => digit * 100,
        StatusKey::Default => 500,
    };
    let code = Literal::u16_unsuffixed(code);
    quote! { #code }
}

/// The `Reply` of a body `value` of `kind` with `status`.
fn reply(kind: &BodyKind, status: TokenStream, value: TokenStream) -> TokenStream {
    match kind {
        BodyKind::Empty => quote! { { let () = #value; client_runtime::mock::Reply::empty(#status) } },
        BodyKind::Json(_) => quote! { client_runtime::mock::Reply::json(#status, &#value) },
        BodyKind::Text => quote! { client_runtime::mock::Reply::text(#status, #value) },
        BodyKind::Bytes | BodyKind::Form(_) | BodyKind::Multipart(_) => {
            quote! { client_runtime::mock::Reply::bytes(#status, #value.to_vec()) }
        }
    }
}

/// `IntoReply` for a response enum: the status and body of each variant.
fn into_reply(name: &proc_macro2::Ident, outcomes: &[Outcome]) -> TokenStream {
    let arms = outcomes.iter().map(|outcome| {
        let variant = format_ident!("{}", outcome.variant);
        let empty = outcome.body == BodyKind::Empty;
        if outcome_keeps_status(outcome) {
            let status = quote! { status.as_u16() };
            if empty {
                quote! { crate::#name::#variant { status } => client_runtime::mock::Reply::empty(#status), }
            } else {
                let reply = reply(&outcome.body, status, quote! { body });
                quote! { crate::#name::#variant { status, body } => #reply, }
            }
        } else {
            let status = status_literal(outcome);
            if empty {
                quote! { crate::#name::#variant => client_runtime::mock::Reply::empty(#status), }
            } else {
                let reply = reply(&outcome.body, status, quote! { body });
                quote! { crate::#name::#variant(body) => #reply, }
            }
        }
    });
    let body = if outcomes.is_empty() { quote! { match self {} } } else { quote! { match self { #(#arms)* } } };
    quote! {
        impl client_runtime::mock::IntoReply for crate::#name {
            fn into_reply(self) -> client_runtime::mock::Reply {
                #body
            }
        }
    }
}
