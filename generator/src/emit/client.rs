//! The `Client`, its builder, and one builder method per security scheme.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use serde_json::Value;
use quote::{format_ident, quote};

use super::docs::{doc_lines, text_lines};
use crate::model::{Api, SchemeKind, SecurityScheme};

/// Emits `Client`, `ClientBuilder` and the server URL helpers.
pub fn emit_client(api: &Api) -> TokenStream {
    let servers = emit_servers(api);
    let schemes = api.schemes.iter().map(emit_scheme_method);
    let client_doc = doc_lines([
        format!("A client for {}.", api.title),
        String::new(),
        "Build one with [`Client::builder`], which sets the base URL, timeouts and credentials.".into(),
        String::new(),
        "Cloning is cheap and shares the connection pool: clone it into each task that calls the API.".into(),
    ]);
    let property_names = property_names(api);
    quote! {
        #servers

        /// The spec's property names, sorted: the only object keys a parse error may show.
        const PROPERTY_NAMES: &[&str] = &[#(#property_names),*];

        #client_doc
        #[derive(Clone, Debug)]
        pub struct Client {
            core: client_runtime::ClientCore,
        }

        /// Configures a [`Client`]: base URL, timeouts, user agent and credentials.
        #[derive(Debug)]
        pub struct ClientBuilder {
            inner: client_runtime::ClientBuilder,
        }

        impl ClientBuilder {
            // The settings every client has (timeouts, redirects, TLS, retries, ...).
            client_runtime::client_builder_methods!();

            #(#schemes)*

            /// Checks the configuration and builds the client.
            pub fn build(self) -> Result<Client, ConfigError> {
                Ok(Client { core: self.inner.build()? })
            }
        }

        impl Client {
            /// Starts configuring a client for the API at `base_url` (the server URL, including
            /// the API's base path).
            pub fn builder(base_url: &str) -> ClientBuilder {
                ClientBuilder {
                    inner: client_runtime::ClientBuilder::new(
                        base_url,
                        concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION")),
                    )
                    .field_names(PROPERTY_NAMES),
                }
            }

            /// A client for `base_url` with default settings and no credentials.
            pub fn new(base_url: &str) -> Result<Client, ConfigError> {
                Client::builder(base_url).build()
            }

            /// The base URL requests are sent to.
            pub fn base_url(&self) -> &str {
                self.core.base_url()
            }

            /// When the earliest of this client's credentials expires, if known (credentials
            /// taken from a login response that states their expiry).
            pub fn credentials_expire_at(&self) -> Option<std::time::SystemTime> {
                self.core.credentials_expire_at()
            }
        }
    }
}

/// Every name under a `properties` of the spec's schemas, sorted and without repeats.
fn property_names(api: &Api) -> BTreeSet<&str> {
    fn collect<'a>(schema: &'a Value, names: &mut BTreeSet<&'a str>) {
        match schema {
            Value::Object(object) => {
                if let Some(Value::Object(properties)) = object.get("properties") {
                    names.extend(properties.keys().map(String::as_str));
                }
                object.values().for_each(|value| collect(value, names));
            }
            Value::Array(items) => items.iter().for_each(|value| collect(value, names)),
            _ => {}
        }
    }
    let mut names = BTreeSet::new();
    api.schemas.values().for_each(|schema| collect(schema, &mut names));
    names
}

fn emit_servers(api: &Api) -> TokenStream {
    let Some(server) = api.servers.first() else { return TokenStream::new() };
    let url = &server.url;
    let mut url_doc = vec![format!("The spec's first server URL template, `{url}`.")];
    if let Some(description) = &server.description {
        url_doc.push(String::new());
        url_doc.extend(text_lines(description));
    }
    let url_doc = doc_lines(url_doc);
    if server.variables.is_empty() {
        return quote! { #url_doc pub const SERVER_URL: &str = #url; };
    }
    let arguments = server.variables.iter().map(|(_, rust_name, _, _)| format_ident!("{}", rust_name));
    let replacements = server.variables.iter().map(|(name, rust_name, _, _)| {
        let placeholder = format!("{{{name}}}");
        let argument = format_ident!("{}", rust_name);
        quote! { .replace(#placeholder, #argument) }
    });
    let mut fn_doc = vec![format!("The server URL `{url}` with its variables filled in:"), String::new()];
    for (name, _, default, description) in &server.variables {
        let description = description.as_deref().map(|text| format!(": {}", text.trim())).unwrap_or_default();
        fn_doc.push(format!("- `{name}` (default `{default}`){description}"));
    }
    let fn_doc = doc_lines(fn_doc);
    quote! {
        #url_doc
        pub const SERVER_URL: &str = #url;

        #fn_doc
        pub fn server_url(#(#arguments: &str),*) -> String {
            SERVER_URL.to_owned() #(#replacements)*
        }
    }
}

fn emit_scheme_method(scheme: &SecurityScheme) -> TokenStream {
    let method = format_ident!("{}", scheme.method);
    let key = &scheme.key;
    let how = match &scheme.kind {
        SchemeKind::Basic => "HTTP Basic authentication (`Authorization: Basic ...`)".to_owned(),
        SchemeKind::Bearer => "a bearer token (`Authorization: Bearer <token>`)".to_owned(),
        SchemeKind::Header { name, prefix: Some(prefix) } => format!("a token in the `{name}` header (`{name}: {prefix} <token>`)"),
        SchemeKind::Header { name, prefix: None } => format!("a token in the `{name}` header"),
        SchemeKind::Query { name } => format!("a token in the `{name}` query parameter"),
        SchemeKind::Cookie { name } => format!("a token in the `{name}` cookie"),
    };
    let mut lines = vec![format!("Authenticates with {how}: the spec's `{key}` scheme.")];
    if let Some(description) = &scheme.description {
        lines.push(String::new());
        lines.extend(text_lines(description));
    }
    lines.push(String::new());
    lines.push("Operations that list this scheme send it; operations without security send nothing.".into());
    let docs = doc_lines(lines);
    if scheme.kind == SchemeKind::Basic {
        return quote! {
            #docs
            pub fn #method(self, username: &str, password: impl Into<Secret>) -> Self {
                let credential = client_runtime::Credential::basic(username, &password.into());
                ClientBuilder { inner: self.inner.credential(#key, credential) }
            }
        };
    }
    let credential = token_credential(&scheme.kind, quote! { &token.into() });
    quote! {
        #docs
        pub fn #method(self, token: impl Into<Secret>) -> Self {
            ClientBuilder { inner: self.inner.credential(#key, #credential) }
        }
    }
}

/// An expression of type `Result<Credential, ConfigError>` that puts the `Secret` `token` where
/// a token scheme wants it. (Basic needs a user name too and is built by its own method.)
fn token_credential(kind: &SchemeKind, token: TokenStream) -> TokenStream {
    match kind {
        SchemeKind::Basic | SchemeKind::Bearer => {
            quote! { client_runtime::Credential::header("authorization", Some("Bearer"), #token) }
        }
        SchemeKind::Header { name, prefix } => {
            let prefix = match prefix {
                Some(prefix) => quote! { Some(#prefix) },
                None => quote! { None },
            };
            quote! { client_runtime::Credential::header(#name, #prefix, #token) }
        }
        SchemeKind::Query { name } => quote! { Ok(client_runtime::Credential::query(#name, #token)) },
        SchemeKind::Cookie { name } => quote! { client_runtime::Credential::cookie(#name, #token) },
    }
}

/// For each login operation (`x-authenticates`): `expires_at` on its response type and a
/// `Client::with_<scheme>` that turns the response into an authenticated client.
pub fn emit_login_helpers(api: &Api) -> TokenStream {
    let helpers = api.operations.iter().filter_map(|operation| {
        let login = operation.authenticates.as_ref()?;
        let scheme = api.schemes.iter().find(|scheme| scheme.key == login.scheme)?;
        let body = format_ident!("{}", login.body_type);
        let (token_field, token_required) = &login.token;
        let token_ident = format_ident!("{}", token_field);
        let token = if *token_required {
            quote! { &response.#token_ident }
        } else {
            let missing = format!("the response carries no `{token_field}`");
            quote! { response.#token_ident.as_ref().ok_or_else(|| ConfigError::new(#missing))? }
        };
        let credential = token_credential(&scheme.kind, quote! { token });
        let key = &login.scheme;
        let with_method = format_ident!("with_{}", scheme.method);
        let login_method = &operation.method_name;
        let with_doc = doc_lines([
            format!("A copy of this client that authenticates with the `{key}` credential from a [`Client::{login_method}`] response,"),
            "and knows when it expires ([`Client::credentials_expire_at`]).".to_owned(),
        ]);
        let expires = match &login.expiry {
            Some((field, required, milliseconds)) => {
                let field_ident = format_ident!("{}", field);
                let unit = if *milliseconds { "milliseconds" } else { "seconds" };
                let doc = doc_lines([format!("When the credential in this response stops working (`{field}`, {unit} since the Unix epoch).")]);
                let value = if *required {
                    quote! { client_runtime::expiry_time(self.#field_ident, #milliseconds) }
                } else {
                    quote! { self.#field_ident.and_then(|value| client_runtime::expiry_time(value, #milliseconds)) }
                };
                quote! {
                    impl types::#body {
                        #doc
                        pub fn expires_at(&self) -> Option<std::time::SystemTime> {
                            #value
                        }
                    }
                }
            }
            None => TokenStream::new(),
        };
        let expiry = if login.expiry.is_some() { quote! { response.expires_at() } } else { quote! { None } };
        Some(quote! {
            #expires

            impl Client {
                #with_doc
                pub fn #with_method(&self, response: &types::#body) -> Result<Client, ConfigError> {
                    let token = #token;
                    let credential = #credential?;
                    Ok(Client { core: self.core.with_credential(#key, credential, #expiry) })
                }
            }
        })
    });
    quote! { #(#helpers)* }
}
