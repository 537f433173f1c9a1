//! The `Client`, its builder, one builder method per security scheme, and the login helpers
//! (written as formatted text, [`super::text`]).

use std::collections::BTreeSet;

use serde_json::Value;

use super::docs::text_lines;
use super::text::{self, Writer};
use crate::model::{Api, Operation, SchemeKind, SecurityScheme};

/// `Client`, `ClientBuilder`, the server URL helpers and the login helpers.
pub fn write_client(out: &mut Writer, api: &Api) {
    write_servers(out, api);
    out.docs(["The spec's property names, sorted: the only object keys a parse error may show."]);
    let names: Vec<String> = property_names(api).into_iter().map(text::string).collect();
    out.list("const PROPERTY_NAMES: &[&str] = &[", &names, "];");
    out.docs([
        format!("A client for {}.", api.title),
        String::new(),
        "Build one with [`Client::builder`], which sets the base URL, timeouts and credentials.".into(),
        String::new(),
        "Cloning is cheap and shares the connection pool: clone it into each task that calls the API.".into(),
    ]);
    for line in [
        "#[derive(Clone, Debug)]",
        "pub struct Client {",
        "    core: client_runtime::ClientCore,",
        "}",
        "/// Configures a [`Client`]: base URL, timeouts, user agent and credentials.",
        "#[derive(Debug)]",
        "pub struct ClientBuilder {",
        "    inner: client_runtime::ClientBuilder,",
        "}",
    ] {
        out.line(line);
    }
    out.open("impl ClientBuilder {");
    // The settings every client has (timeouts, redirects, TLS, retries, ...).
    out.line("client_runtime::client_builder_methods!();");
    api.schemes.iter().for_each(|scheme| write_scheme_method(out, scheme));
    out.docs(["Checks the configuration and builds the client."]);
    out.open("pub fn build(self) -> Result<Client, ConfigError> {");
    out.line("Ok(Client { core: self.inner.build()? })");
    out.close("}");
    out.close("}");
    for line in [
        "impl Client {",
        "    /// Starts configuring a client for the API at `base_url` (the server URL, including",
        "    /// the API's base path).",
        "    pub fn builder(base_url: &str) -> ClientBuilder {",
        "        ClientBuilder {",
        "            inner: client_runtime::ClientBuilder::new(",
        "                base_url,",
        "                concat!(env!(\"CARGO_PKG_NAME\"), \"/\", env!(\"CARGO_PKG_VERSION\")),",
        "            )",
        "            .field_names(PROPERTY_NAMES),",
        "        }",
        "    }",
        "    /// A client for `base_url` with default settings and no credentials.",
        "    pub fn new(base_url: &str) -> Result<Client, ConfigError> {",
        "        Client::builder(base_url).build()",
        "    }",
        "    /// The base URL requests are sent to.",
        "    pub fn base_url(&self) -> &str {",
        "        self.core.base_url()",
        "    }",
        "    /// When the earliest of this client's credentials expires, if known (credentials",
        "    /// taken from a login response that states their expiry).",
        "    pub fn credentials_expire_at(&self) -> Option<std::time::SystemTime> {",
        "        self.core.credentials_expire_at()",
        "    }",
        "}",
    ] {
        out.line(line);
    }
    for operation in &api.operations {
        write_login_helpers(out, api, operation);
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

fn write_servers(out: &mut Writer, api: &Api) {
    let Some(server) = api.servers.first() else { return };
    let url = &server.url;
    let mut url_doc = vec![format!("The spec's first server URL template, `{url}`.")];
    if let Some(description) = &server.description {
        url_doc.push(String::new());
        url_doc.extend(text_lines(description));
    }
    out.docs(url_doc);
    out.line(format_args!("pub const SERVER_URL: &str = {};", text::string(url)));
    if server.variables.is_empty() {
        return;
    }
    let mut fn_doc = vec![format!("The server URL `{url}` with its variables filled in:"), String::new()];
    for (name, _, default, description) in &server.variables {
        let description = description.as_deref().map(|text| format!(": {}", text.trim())).unwrap_or_default();
        fn_doc.push(format!("- `{name}` (default `{default}`){description}"));
    }
    out.docs(fn_doc);
    let arguments: Vec<String> = server.variables.iter().map(|(_, rust_name, _, _)| format!("{rust_name}: &str")).collect();
    out.open_list("pub fn server_url(", &arguments, ") -> String {");
    let replacements: String = server
        .variables
        .iter()
        .map(|(name, rust_name, _, _)| format!(".replace({}, {rust_name})", text::string(&format!("{{{name}}}"))))
        .collect();
    out.line(format_args!("SERVER_URL.to_owned(){replacements}"));
    out.close("}");
}

fn write_scheme_method(out: &mut Writer, scheme: &SecurityScheme) {
    let method = &scheme.method;
    let key = text::string(&scheme.key);
    let how = match &scheme.kind {
        SchemeKind::Basic => "HTTP Basic authentication (`Authorization: Basic ...`)".to_owned(),
        SchemeKind::Bearer => "a bearer token (`Authorization: Bearer <token>`)".to_owned(),
        SchemeKind::Header { name, prefix: Some(prefix) } => format!("a token in the `{name}` header (`{name}: {prefix} <token>`)"),
        SchemeKind::Header { name, prefix: None } => format!("a token in the `{name}` header"),
        SchemeKind::Query { name } => format!("a token in the `{name}` query parameter"),
        SchemeKind::Cookie { name } => format!("a token in the `{name}` cookie"),
    };
    let mut lines = vec![format!("Authenticates with {how}: the spec's `{}` scheme.", scheme.key)];
    if let Some(description) = &scheme.description {
        lines.push(String::new());
        lines.extend(text_lines(description));
    }
    lines.push(String::new());
    lines.push("Operations that list this scheme send it; operations without security send nothing.".into());
    out.docs(lines);
    if scheme.kind == SchemeKind::Basic {
        out.open(format_args!("pub fn {method}(self, username: &str, password: impl Into<Secret>) -> Self {{"));
        out.line("let credential = client_runtime::Credential::basic(username, &password.into());");
    } else {
        out.open(format_args!("pub fn {method}(self, token: impl Into<Secret>) -> Self {{"));
        out.line(format_args!("let credential = {};", token_credential(&scheme.kind, "&token.into()")));
    }
    out.line(format_args!("ClientBuilder {{ inner: self.inner.credential({key}, credential) }}"));
    out.close("}");
}

/// An expression of type `Result<Credential, ConfigError>` that puts the `Secret` `token` where
/// a token scheme wants it, or a `Credential` for Basic (which needs a user name too and is
/// built by its own method).
fn token_credential(kind: &SchemeKind, token: &str) -> String {
    match kind {
        SchemeKind::Basic | SchemeKind::Bearer => format!("client_runtime::Credential::header(\"authorization\", Some(\"Bearer\"), {token})"),
        SchemeKind::Header { name, prefix } => {
            let prefix = prefix.as_ref().map_or_else(|| "None".to_owned(), |prefix| format!("Some({})", text::string(prefix)));
            format!("client_runtime::Credential::header({}, {prefix}, {token})", text::string(name))
        }
        SchemeKind::Query { name } => format!("Ok(client_runtime::Credential::query({}, {token}))", text::string(name)),
        SchemeKind::Cookie { name } => format!("client_runtime::Credential::cookie({}, {token})", text::string(name)),
    }
}

/// For a login operation (`x-authenticates`): `expires_at` on its response type and a
/// `Client::with_<scheme>` that turns the response into an authenticated client.
fn write_login_helpers(out: &mut Writer, api: &Api, operation: &Operation) {
    let Some(login) = operation.authenticates.as_ref() else { return };
    let Some(scheme) = api.schemes.iter().find(|scheme| scheme.key == login.scheme) else { return };
    let body = &login.body_type;
    let (token_field, token_required) = &login.token;
    let token = if *token_required {
        format!("&response.{token_field}")
    } else {
        let missing = text::string(&format!("the response carries no `{token_field}`"));
        format!("response.{token_field}.as_ref().ok_or_else(|| ConfigError::new({missing}))?")
    };
    if let Some((field, required, milliseconds)) = &login.expiry {
        let unit = if *milliseconds { "milliseconds" } else { "seconds" };
        out.open(format_args!("impl types::{body} {{"));
        out.docs([format!("When the credential in this response stops working (`{field}`, {unit} since the Unix epoch).")]);
        out.open("pub fn expires_at(&self) -> Option<std::time::SystemTime> {");
        if *required {
            out.line(format_args!("client_runtime::expiry_time(self.{field}, {milliseconds})"));
        } else {
            out.line(format_args!("self.{field}.and_then(|value| client_runtime::expiry_time(value, {milliseconds}))"));
        }
        out.close("}");
        out.close("}");
    }
    let expiry = if login.expiry.is_some() { "response.expires_at()" } else { "None" };
    out.open("impl Client {");
    out.docs([
        format!("A copy of this client that authenticates with the `{}` credential from a [`Client::{}`] response,", login.scheme, operation.method_name),
        "and knows when it expires ([`Client::credentials_expire_at`]).".to_owned(),
    ]);
    out.open(format_args!("pub fn with_{}(&self, response: &types::{body}) -> Result<Client, ConfigError> {{", scheme.method));
    out.line(format_args!("let token = {token};"));
    out.line(format_args!("let credential = {}?;", token_credential(&scheme.kind, "token")));
    out.line(format_args!("Ok(Client {{ core: self.core.with_credential({}, credential, {expiry}) }})", text::string(&login.scheme)));
    out.close("}");
    out.close("}");
}
