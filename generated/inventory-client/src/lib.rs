// @generated from tests/fixtures/inventory.yaml by `cargo xtask regenerate`. Do not edit by hand: change the spec or the generator and regenerate.

//! # Inventory (test fixture)
//!
//! A small API written for the tests of the per-call request builder, response headers, retries, open enums and typed mocks. It is not a vendor API: it exercises what the five specs in specs/ do not (many optional parameters in query, header and cookie; documented response headers; enums in responses and in requests).
//!
//! API version `1.0.0`.
//!
//! ## Servers
//!
//! - `https://{host}/inventory`: An inventory server.
//!
//! ## Operations
//!
//! - [`Client::list_items`]: `GET /items`: List items
//! - [`Client::create_item`]: `POST /items`: Create an item
//! - [`Client::get_item`]: `GET /items/{id}`: Get an item
#![forbid(unsafe_code)]
#![allow(clippy::result_large_err)]
extern crate self as this_client;
pub use client_runtime::{
    ConfigError, Credential, DocumentedError, Error, HeaderMap, Redirects, Response,
    RetryPolicy, Secret, StatusCode,
};
/// The schemas of the spec as Rust types.
#[allow(clippy::all, missing_docs)]
pub mod types {
    ///An item of the inventory.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct Item {
        ///How worn it is (received only).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub condition: ::std::option::Option<::this_client::types::ItemCondition>,
        ///Its id.
        pub id: ::std::string::String,
        pub kind: ::this_client::types::Kind,
        ///Its name.
        pub name: ::std::string::String,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub status: ::std::option::Option<::this_client::types::ItemStatus>,
    }
    ///`ListItemsResponse`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(transparent)]
    pub struct ListItemsResponse(pub ::std::vec::Vec<Item>);
    impl ::std::ops::Deref for ListItemsResponse {
        type Target = ::std::vec::Vec<Item>;
        fn deref(&self) -> &::std::vec::Vec<Item> {
            &self.0
        }
    }
    impl ::std::convert::From<ListItemsResponse> for ::std::vec::Vec<Item> {
        fn from(value: ListItemsResponse) -> Self {
            value.0
        }
    }
    impl ::std::convert::From<::std::vec::Vec<Item>> for ListItemsResponse {
        fn from(value: ::std::vec::Vec<Item>) -> Self {
            Self(value)
        }
    }
    ///`ListItemsSort`
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Copy,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd
    )]
    pub enum ListItemsSort {
        #[serde(rename = "name")]
        Name,
        #[serde(rename = "weight")]
        Weight,
        #[serde(rename = "created")]
        Created,
    }
    impl ::std::fmt::Display for ListItemsSort {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match *self {
                Self::Name => f.write_str("name"),
                Self::Weight => f.write_str("weight"),
                Self::Created => f.write_str("created"),
            }
        }
    }
    impl ::std::str::FromStr for ListItemsSort {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            match value {
                "name" => Ok(Self::Name),
                "weight" => Ok(Self::Weight),
                "created" => Ok(Self::Created),
                _ => Err("invalid value".into()),
            }
        }
    }
    impl ::std::convert::TryFrom<&str> for ListItemsSort {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for ListItemsSort {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    ///`ListItemsStatus`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(transparent)]
    pub struct ListItemsStatus(pub ::std::vec::Vec<::this_client::types::ItemStatus>);
    impl ::std::ops::Deref for ListItemsStatus {
        type Target = ::std::vec::Vec<::this_client::types::ItemStatus>;
        fn deref(&self) -> &::std::vec::Vec<::this_client::types::ItemStatus> {
            &self.0
        }
    }
    impl ::std::convert::From<ListItemsStatus>
    for ::std::vec::Vec<::this_client::types::ItemStatus> {
        fn from(value: ListItemsStatus) -> Self {
            value.0
        }
    }
    impl ::std::convert::From<::std::vec::Vec<::this_client::types::ItemStatus>>
    for ListItemsStatus {
        fn from(value: ::std::vec::Vec<::this_client::types::ItemStatus>) -> Self {
            Self(value)
        }
    }
    ///`ListItemsTag`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(transparent)]
    pub struct ListItemsTag(pub ::std::vec::Vec<::std::string::String>);
    impl ::std::ops::Deref for ListItemsTag {
        type Target = ::std::vec::Vec<::std::string::String>;
        fn deref(&self) -> &::std::vec::Vec<::std::string::String> {
            &self.0
        }
    }
    impl ::std::convert::From<ListItemsTag> for ::std::vec::Vec<::std::string::String> {
        fn from(value: ListItemsTag) -> Self {
            value.0
        }
    }
    impl ::std::convert::From<::std::vec::Vec<::std::string::String>> for ListItemsTag {
        fn from(value: ::std::vec::Vec<::std::string::String>) -> Self {
            Self(value)
        }
    }
    ///An item to create.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct NewItem {
        pub kind: ::this_client::types::Kind,
        ///Its name.
        pub name: ::std::string::String,
        ///How soon it is needed (sent only).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub priority: ::std::option::Option<NewItemPriority>,
    }
    ///How soon it is needed (sent only).
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Copy,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd
    )]
    pub enum NewItemPriority {
        #[serde(rename = "low")]
        Low,
        #[serde(rename = "normal")]
        Normal,
        #[serde(rename = "urgent")]
        Urgent,
    }
    impl ::std::fmt::Display for NewItemPriority {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match *self {
                Self::Low => f.write_str("low"),
                Self::Normal => f.write_str("normal"),
                Self::Urgent => f.write_str("urgent"),
            }
        }
    }
    impl ::std::str::FromStr for NewItemPriority {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            match value {
                "low" => Ok(Self::Low),
                "normal" => Ok(Self::Normal),
                "urgent" => Ok(Self::Urgent),
                _ => Err("invalid value".into()),
            }
        }
    }
    impl ::std::convert::TryFrom<&str> for NewItemPriority {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for NewItemPriority {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    ///An error.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct Problem {
        ///What went wrong.
        pub message: ::std::string::String,
    }
    /// Error types.
    pub mod error {
        /// Error from a `TryFrom` or `FromStr` implementation.
        pub struct ConversionError(::std::borrow::Cow<'static, str>);
        impl ::std::error::Error for ConversionError {}
        impl ::std::fmt::Display for ConversionError {
            fn fmt(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> Result<(), ::std::fmt::Error> {
                ::std::fmt::Display::fmt(&self.0, f)
            }
        }
        impl ::std::fmt::Debug for ConversionError {
            fn fmt(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> Result<(), ::std::fmt::Error> {
                ::std::fmt::Debug::fmt(&self.0, f)
            }
        }
        impl From<&'static str> for ConversionError {
            fn from(value: &'static str) -> Self {
                Self(value.into())
            }
        }
        impl From<String> for ConversionError {
            fn from(value: String) -> Self {
                Self(value.into())
            }
        }
    }
    /// The state of an item (sent in filters, received in items).
    ///
    /// Received from the server, so open: a value the spec does not list is kept in `Unknown`.
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd
    )]
    #[serde(from = "String", into = "String")]
    pub enum ItemStatus {
        /// `active`
        Active,
        /// `retired`
        Retired,
        /// `lost`
        Lost,
        /// A value the spec does not list (a newer server's), as received.
        Unknown(String),
    }
    impl ItemStatus {
        /// The value as it is on the wire.
        pub fn as_str(&self) -> &str {
            match self {
                Self::Active => "active",
                Self::Retired => "retired",
                Self::Lost => "lost",
                Self::Unknown(value) => value,
            }
        }
    }
    impl ::std::fmt::Display for ItemStatus {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl ::std::convert::From<String> for ItemStatus {
        fn from(value: String) -> Self {
            match value.as_str() {
                "active" => Self::Active,
                "retired" => Self::Retired,
                "lost" => Self::Lost,
                _ => Self::Unknown(value),
            }
        }
    }
    impl ::std::convert::From<ItemStatus> for String {
        fn from(value: ItemStatus) -> Self {
            value.as_str().to_owned()
        }
    }
    impl ::std::str::FromStr for ItemStatus {
        type Err = ::std::convert::Infallible;
        fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
            Ok(Self::from(value.to_owned()))
        }
    }
    /// What an item is (sent when creating, received when reading).
    ///
    /// Received from the server, so open: a value the spec does not list is kept in `Unknown`.
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd
    )]
    #[serde(from = "String", into = "String")]
    pub enum Kind {
        /// `SERVER`
        Server,
        /// `SWITCH`
        Switch,
        /// `STORAGE`
        Storage,
        /// A value the spec does not list (a newer server's), as received.
        Unknown(String),
    }
    impl Kind {
        /// The value as it is on the wire.
        pub fn as_str(&self) -> &str {
            match self {
                Self::Server => "SERVER",
                Self::Switch => "SWITCH",
                Self::Storage => "STORAGE",
                Self::Unknown(value) => value,
            }
        }
    }
    impl ::std::fmt::Display for Kind {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl ::std::convert::From<String> for Kind {
        fn from(value: String) -> Self {
            match value.as_str() {
                "SERVER" => Self::Server,
                "SWITCH" => Self::Switch,
                "STORAGE" => Self::Storage,
                _ => Self::Unknown(value),
            }
        }
    }
    impl ::std::convert::From<Kind> for String {
        fn from(value: Kind) -> Self {
            value.as_str().to_owned()
        }
    }
    impl ::std::str::FromStr for Kind {
        type Err = ::std::convert::Infallible;
        fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
            Ok(Self::from(value.to_owned()))
        }
    }
    /// How worn it is (received only).
    ///
    /// Received from the server, so open: a value the spec does not list is kept in `Unknown`.
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd
    )]
    #[serde(from = "String", into = "String")]
    pub enum ItemCondition {
        /// `new`
        New,
        /// `used`
        Used,
        /// `broken`
        Broken,
        /// A value the spec does not list (a newer server's), as received.
        Unknown(String),
    }
    impl ItemCondition {
        /// The value as it is on the wire.
        pub fn as_str(&self) -> &str {
            match self {
                Self::New => "new",
                Self::Used => "used",
                Self::Broken => "broken",
                Self::Unknown(value) => value,
            }
        }
    }
    impl ::std::fmt::Display for ItemCondition {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl ::std::convert::From<String> for ItemCondition {
        fn from(value: String) -> Self {
            match value.as_str() {
                "new" => Self::New,
                "used" => Self::Used,
                "broken" => Self::Broken,
                _ => Self::Unknown(value),
            }
        }
    }
    impl ::std::convert::From<ItemCondition> for String {
        fn from(value: ItemCondition) -> Self {
            value.as_str().to_owned()
        }
    }
    impl ::std::str::FromStr for ItemCondition {
        type Err = ::std::convert::Infallible;
        fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
            Ok(Self::from(value.to_owned()))
        }
    }
}
/// The spec's first server URL template, `https://{host}/inventory`.
///
/// An inventory server.
pub const SERVER_URL: &str = "https://{host}/inventory";
/// The server URL `https://{host}/inventory` with its variables filled in:
///
/// - `host` (default `inventory.example.com`): Host name of the server.
pub fn server_url(host: &str) -> String {
    SERVER_URL.to_owned().replace("{host}", host)
}
/// The spec's property names, sorted: the only object keys a parse error may show.
const PROPERTY_NAMES: &[&str] = &[
    "condition",
    "id",
    "kind",
    "message",
    "name",
    "priority",
    "status",
];
/// A client for Inventory (test fixture).
///
/// Build one with [`Client::builder`], which sets the base URL, timeouts and credentials.
///
/// Cloning is cheap and shares the connection pool: clone it into each task that calls the API.
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
    client_runtime::client_builder_methods!();
    /// Authenticates with a bearer token (`Authorization: Bearer <token>`): the spec's `bearerAuth` scheme.
    ///
    /// An access token.
    ///
    /// Operations that list this scheme send it; operations without security send nothing.
    pub fn bearer_auth(self, token: impl Into<Secret>) -> Self {
        let credential = client_runtime::Credential::header("authorization", Some("Bearer"), &token.into());
        ClientBuilder { inner: self.inner.credential("bearerAuth", credential) }
    }
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
impl Client {
    /// List items
    ///
    /// Lists the items matching every filter given.
    ///
    /// Sends `GET /items` when the returned [`requests::ListItems`] is awaited (or sent with its `send`).
    ///
    /// # Arguments
    ///
    /// - `site` (query `site`): The site whose items are listed.
    ///
    /// Optional parameters are setters of the request: `limit`, `offset`, `name`, `include_retired`, `min_weight`, `status`, `sort`, `tag`, `x_tenant`, `x_trace_sample`, `session`, `timeout_query`.
    ///
    /// # Errors
    ///
    /// [`Error::Documented`] with a [`ListItemsError`] for each error response the spec documents; the other [`Error`] variants for anything else.
    pub fn list_items<'a>(&'a self, site: &'a str) -> requests::ListItems<'a> {
        requests::ListItems {
            client: self,
            site,
            limit: None,
            offset: None,
            name: None,
            include_retired: None,
            min_weight: None,
            status: None,
            sort: None,
            tag: None,
            x_tenant: None,
            x_trace_sample: None,
            session: None,
            timeout_query: None,
            options: client_runtime::CallOptions::default(),
        }
    }
    /// Create an item
    ///
    /// Creates an item; the server answers 202 and names the new item in `Location`.
    ///
    /// Sends `POST /items` when the returned [`requests::CreateItem`] is awaited (or sent with its `send`).
    ///
    /// # Arguments
    ///
    /// - `body` (`application/json`): the request body
    ///
    /// # Errors
    ///
    /// [`Error::Documented`] with a [`CreateItemError`] for each error response the spec documents; the other [`Error`] variants for anything else.
    pub fn create_item<'a>(&'a self, body: &'a crate::types::NewItem) -> requests::CreateItem<'a> {
        requests::CreateItem { client: self, body, options: client_runtime::CallOptions::default() }
    }
    /// Get an item
    ///
    /// Reads one item.
    ///
    /// Sends `GET /items/{id}` when the returned [`requests::GetItem`] is awaited (or sent with its `send`).
    ///
    /// # Arguments
    ///
    /// - `id` (path `id`): The item's id.
    ///
    /// Optional parameters are setters of the request: `path`.
    ///
    /// # Errors
    ///
    /// [`Error::Documented`] with a [`GetItemError`] for each error response the spec documents; the other [`Error`] variants for anything else.
    pub fn get_item<'a>(&'a self, id: &'a str) -> requests::GetItem<'a> {
        requests::GetItem {
            client: self,
            id,
            path: None,
            options: client_runtime::CallOptions::default(),
        }
    }
}
/// One request builder per operation, returned by the operation's method on
/// [`Client`]: setters for the optional parameters and per-call options
/// (`header`, `timeout`, `credential`, `retry`); `.await` it or call `send()`.
pub mod requests {
    /// The request of [`Client::list_items`](crate::Client::list_items): `GET /items`.
    ///
    /// Set optional parameters and per-call options, then `.await` it or call [`send`](Self::send).
    #[must_use = "a request is sent when it is awaited or `send` is called"]
    pub struct ListItems<'a> {
        pub(crate) client: &'a crate::Client,
        pub(crate) site: &'a str,
        pub(crate) limit: Option<i32>,
        pub(crate) offset: Option<i64>,
        pub(crate) name: Option<&'a str>,
        pub(crate) include_retired: Option<bool>,
        pub(crate) min_weight: Option<f64>,
        pub(crate) status: Option<&'a crate::types::ListItemsStatus>,
        pub(crate) sort: Option<&'a crate::types::ListItemsSort>,
        pub(crate) tag: Option<&'a crate::types::ListItemsTag>,
        pub(crate) x_tenant: Option<&'a str>,
        pub(crate) x_trace_sample: Option<bool>,
        pub(crate) session: Option<&'a str>,
        pub(crate) timeout_query: Option<i32>,
        pub(crate) options: client_runtime::CallOptions,
    }
    impl<'a> ListItems<'a> {
        /// Sets the optional query parameter `limit`.
        ///
        /// At most this many items.
        pub fn limit(mut self, limit: i32) -> Self {
            self.limit = Some(limit);
            self
        }
        /// Sets the optional query parameter `offset`.
        ///
        /// Skip this many items.
        pub fn offset(mut self, offset: i64) -> Self {
            self.offset = Some(offset);
            self
        }
        /// Sets the optional query parameter `name`.
        ///
        /// Only items whose name contains this text.
        pub fn name(mut self, name: &'a str) -> Self {
            self.name = Some(name);
            self
        }
        /// Sets the optional query parameter `include_retired`.
        ///
        /// Also list retired items.
        pub fn include_retired(mut self, include_retired: bool) -> Self {
            self.include_retired = Some(include_retired);
            self
        }
        /// Sets the optional query parameter `min_weight`.
        ///
        /// Only items at least this heavy, in kilograms.
        pub fn min_weight(mut self, min_weight: f64) -> Self {
            self.min_weight = Some(min_weight);
            self
        }
        /// Sets the optional query parameter `status`.
        ///
        /// Only items in one of these states.
        pub fn status(mut self, status: &'a crate::types::ListItemsStatus) -> Self {
            self.status = Some(status);
            self
        }
        /// Sets the optional query parameter `sort`.
        ///
        /// The order of the list.
        pub fn sort(mut self, sort: &'a crate::types::ListItemsSort) -> Self {
            self.sort = Some(sort);
            self
        }
        /// Sets the optional query parameter `tag`.
        ///
        /// Only items with every one of these tags.
        pub fn tag(mut self, tag: &'a crate::types::ListItemsTag) -> Self {
            self.tag = Some(tag);
            self
        }
        /// Sets the optional header parameter `X-Tenant`.
        ///
        /// The tenant on whose behalf the list is read.
        pub fn x_tenant(mut self, x_tenant: &'a str) -> Self {
            self.x_tenant = Some(x_tenant);
            self
        }
        /// Sets the optional header parameter `X-Trace-Sample`.
        ///
        /// Whether the server traces this request.
        pub fn x_trace_sample(mut self, x_trace_sample: bool) -> Self {
            self.x_trace_sample = Some(x_trace_sample);
            self
        }
        /// Sets the optional cookie parameter `session`.
        ///
        /// A browser session carried over.
        pub fn session(mut self, session: &'a str) -> Self {
            self.session = Some(session);
            self
        }
        /// Sets the optional query parameter `timeout`.
        ///
        /// How long the server may take, in seconds (a name the builder reserves).
        pub fn timeout_query(mut self, timeout_query: i32) -> Self {
            self.timeout_query = Some(timeout_query);
            self
        }
        /// Sends the request: the returned [`Call`](client_runtime::Call) resolves to the response.
        pub fn send(self) -> client_runtime::Call<
            'a,
            crate::types::ListItemsResponse,
            crate::ListItemsError,
        > {
            let client = self.client;
            let operation = &client_runtime::Operation {
                id: "listItems",
                path: "/items",
                security: &[&["bearerAuth"]],
            };
            client.core.call(operation, self.request(), |response| {
                match response.status().as_u16() {
                    200 => Ok(response.json::<crate::types::ListItemsResponse>()?),
                    _ => Err(client_runtime::DocumentedError::decode(response)),
                }
            })
        }
        /// The request, built from the arguments; nothing is sent yet.
        fn request(self) -> client_runtime::Outgoing {
            let ListItems {
                client,
                site,
                limit,
                offset,
                name,
                include_retired,
                min_weight,
                status,
                sort,
                tag,
                x_tenant,
                x_trace_sample,
                session,
                timeout_query,
                options,
            } = self;
            if let Some(value) = name {
                client_runtime::Constraint::MaxLength(64).check("name", value)?;
            }
            let request = client.core.request(client_runtime::Method::GET, "/items");
            let request = client_runtime::accept(request, "application/json");
            let request = request.query(&[("site", site.to_string())]);
            let request = match limit {
                Some(value) => request.query(&[("limit", value.to_string())]),
                None => request,
            };
            let request = match offset {
                Some(value) => request.query(&[("offset", value.to_string())]),
                None => request,
            };
            let request = match name {
                Some(value) => request.query(&[("name", value.to_string())]),
                None => request,
            };
            let request = match include_retired {
                Some(value) => request.query(&[("include_retired", value.to_string())]),
                None => request,
            };
            let request = match min_weight {
                Some(value) => request.query(&[("min_weight", value.to_string())]),
                None => request,
            };
            let request = match status {
                Some(value) => request.query(&client_runtime::query_pairs("status", value, client_runtime::Style::Form, true)?),
                None => request,
            };
            let request = match sort {
                Some(value) => request.query(&client_runtime::query_pairs("sort", value, client_runtime::Style::Form, true)?),
                None => request,
            };
            let request = match tag {
                Some(value) => request.query(&client_runtime::query_pairs("tag", value, client_runtime::Style::Form, false)?),
                None => request,
            };
            let request = match x_tenant {
                Some(value) => request.header("X-Tenant", value.to_string()),
                None => request,
            };
            let request = match x_trace_sample {
                Some(value) => request.header("X-Trace-Sample", value.to_string()),
                None => request,
            };
            let request = match session {
                Some(value) => request.header("cookie", format!("{}={}", "session", value)),
                None => request,
            };
            let request = match timeout_query {
                Some(value) => request.query(&[("timeout", value.to_string())]),
                None => request,
            };
            Ok((request, options))
        }
    }
    client_runtime::request_builder!(
        ListItems,
        crate::types::ListItemsResponse,
        crate::ListItemsError,
    );
    /// The request of [`Client::create_item`](crate::Client::create_item): `POST /items`.
    ///
    /// Set optional parameters and per-call options, then `.await` it or call [`send`](Self::send).
    #[must_use = "a request is sent when it is awaited or `send` is called"]
    pub struct CreateItem<'a> {
        pub(crate) client: &'a crate::Client,
        pub(crate) body: &'a crate::types::NewItem,
        pub(crate) options: client_runtime::CallOptions,
    }
    impl<'a> CreateItem<'a> {
        /// Sends the request: the returned [`Call`](client_runtime::Call) resolves to the response.
        pub fn send(self) -> client_runtime::Call<'a, (), crate::CreateItemError> {
            let client = self.client;
            let operation = &client_runtime::Operation {
                id: "createItem",
                path: "/items",
                security: &[&["bearerAuth"]],
            };
            client.core.call(operation, self.request(), |response| {
                match response.status().as_u16() {
                    202 => Ok(response.empty()),
                    _ => Err(client_runtime::DocumentedError::decode(response)),
                }
            })
        }
        /// The request, built from the arguments; nothing is sent yet.
        fn request(self) -> client_runtime::Outgoing {
            let CreateItem { client, body, options } = self;
            let request = client.core.request(client_runtime::Method::POST, "/items");
            let request = client_runtime::accept(request, "application/json");
            let request = request.header("content-type", "application/json").body(client_runtime::json_body(body)?);
            Ok((request, options))
        }
    }
    client_runtime::request_builder!(CreateItem, (), crate::CreateItemError);
    /// The request of [`Client::get_item`](crate::Client::get_item): `GET /items/{id}`.
    ///
    /// Set optional parameters and per-call options, then `.await` it or call [`send`](Self::send).
    #[must_use = "a request is sent when it is awaited or `send` is called"]
    pub struct GetItem<'a> {
        pub(crate) client: &'a crate::Client,
        pub(crate) id: &'a str,
        pub(crate) path: Option<&'a str>,
        pub(crate) options: client_runtime::CallOptions,
    }
    impl<'a> GetItem<'a> {
        /// Sets the optional query parameter `path`.
        ///
        /// Only this part of the item, as a JSON pointer.
        pub fn path(mut self, path: &'a str) -> Self {
            self.path = Some(path);
            self
        }
        /// Sends the request: the returned [`Call`](client_runtime::Call) resolves to the response.
        pub fn send(self) -> client_runtime::Call<'a, crate::types::Item, crate::GetItemError> {
            let client = self.client;
            let operation = &client_runtime::Operation {
                id: "getItem",
                path: "/items/{id}",
                security: &[&["bearerAuth"]],
            };
            client.core.call(operation, self.request(), |response| {
                match response.status().as_u16() {
                    200 => Ok(response.json::<crate::types::Item>()?),
                    _ => Err(client_runtime::DocumentedError::decode(response)),
                }
            })
        }
        /// The request, built from the arguments; nothing is sent yet.
        fn request(self) -> client_runtime::Outgoing {
            let GetItem { client, id, path, options } = self;
            let request = client.core.request(
                client_runtime::Method::GET,
                &format!("/items/{}", client_runtime::PathSegment(id)),
            );
            let request = client_runtime::accept(request, "application/json");
            let request = match path {
                Some(value) => request.query(&[("path", value.to_string())]),
                None => request,
            };
            Ok((request, options))
        }
    }
    client_runtime::request_builder!(GetItem, crate::types::Item, crate::GetItemError);
}
/// The error responses [`Client::list_items`] documents.
#[derive(Debug)]
pub enum ListItemsError {
    /// `429`: Too many requests.
    TooManyRequests(crate::types::Problem),
}
impl client_runtime::DocumentedError for ListItemsError {
    fn status(&self) -> StatusCode {
        match self {
            ListItemsError::TooManyRequests(_) => client_runtime::status_code(429),
        }
    }
    fn decode(response: client_runtime::RawResponse) -> client_runtime::Error<Self> {
        match response.status().as_u16() {
            429 => client_runtime::Error::decoded(response.json::<crate::types::Problem>(), Self::TooManyRequests),
            _ => response.unexpected(),
        }
    }
}
impl std::fmt::Display for ListItemsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ListItemsError::TooManyRequests(_) => write!(
                f,
                "the server answered {}: Too many requests.",
                client_runtime::DocumentedError::status(self),
            ),
        }
    }
}
impl std::error::Error for ListItemsError {}
/// The error responses [`Client::create_item`] documents.
#[derive(Debug)]
pub enum CreateItemError {
    /// `400`: The item is not valid.
    BadRequest(crate::types::Problem),
}
impl client_runtime::DocumentedError for CreateItemError {
    fn status(&self) -> StatusCode {
        match self {
            CreateItemError::BadRequest(_) => client_runtime::status_code(400),
        }
    }
    fn decode(response: client_runtime::RawResponse) -> client_runtime::Error<Self> {
        match response.status().as_u16() {
            400 => client_runtime::Error::decoded(response.json::<crate::types::Problem>(), Self::BadRequest),
            _ => response.unexpected(),
        }
    }
}
impl std::fmt::Display for CreateItemError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CreateItemError::BadRequest(_) => write!(
                f,
                "the server answered {}: The item is not valid.",
                client_runtime::DocumentedError::status(self),
            ),
        }
    }
}
impl std::error::Error for CreateItemError {}
/// The error responses [`Client::get_item`] documents.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum GetItemError {
    /// `404`: No such item.
    NotFound(crate::types::Problem),
    /// `503`: The server is busy; try again after `Retry-After`.
    ServiceUnavailable,
}
impl client_runtime::DocumentedError for GetItemError {
    fn status(&self) -> StatusCode {
        match self {
            GetItemError::NotFound(_) => client_runtime::status_code(404),
            GetItemError::ServiceUnavailable => client_runtime::status_code(503),
        }
    }
    fn decode(response: client_runtime::RawResponse) -> client_runtime::Error<Self> {
        match response.status().as_u16() {
            404 => client_runtime::Error::decoded(response.json::<crate::types::Problem>(), Self::NotFound),
            503 => client_runtime::Error::decoded(Ok(response.empty()), |()| Self::ServiceUnavailable),
            _ => response.unexpected(),
        }
    }
}
impl std::fmt::Display for GetItemError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GetItemError::NotFound(_) => write!(
                f,
                "the server answered {}: No such item.",
                client_runtime::DocumentedError::status(self),
            ),
            GetItemError::ServiceUnavailable => write!(
                f,
                "the server answered {}: The server is busy; try again after `Retry-After`.",
                client_runtime::DocumentedError::status(self),
            ),
        }
    }
}
impl std::error::Error for GetItemError {}
/// The response headers each operation's spec documents, typed; read them with
/// [`Response::typed_headers`](client_runtime::Response::typed_headers). A header that
/// is absent or does not parse is `None`.
pub mod headers {
    /// The headers the responses of [`Client::list_items`](crate::Client::list_items) document.
    #[derive(Clone, Debug, Default, PartialEq)]
    pub struct ListItems {
        /// `ETag` (documented for 200).
        ///
        /// The version of the list.
        pub e_tag: Option<String>,
        /// `Link` (documented for 200).
        ///
        /// The next page, as an RFC 8288 link.
        pub link: Option<String>,
        /// `Retry-After` (documented for 429).
        ///
        /// Seconds to wait.
        pub retry_after: Option<i64>,
        /// `X-Rate-Limit-Remaining` (documented for 200).
        ///
        /// Requests left in this minute.
        pub x_rate_limit_remaining: Option<i64>,
    }
    impl client_runtime::FromHeaders for ListItems {
        fn from_headers(headers: &client_runtime::HeaderMap) -> Self {
            ListItems {
                e_tag: client_runtime::header_value(headers, "ETag"),
                link: client_runtime::header_value(headers, "Link"),
                retry_after: client_runtime::header_value(headers, "Retry-After"),
                x_rate_limit_remaining: client_runtime::header_value(headers, "X-Rate-Limit-Remaining"),
            }
        }
    }
    /// The headers the responses of [`Client::create_item`](crate::Client::create_item) document.
    #[derive(Clone, Debug, Default, PartialEq)]
    pub struct CreateItem {
        /// `Location` (documented for 202).
        ///
        /// The URL of the new item.
        pub location: Option<String>,
    }
    impl client_runtime::FromHeaders for CreateItem {
        fn from_headers(headers: &client_runtime::HeaderMap) -> Self {
            CreateItem { location: client_runtime::header_value(headers, "Location") }
        }
    }
    /// The headers the responses of [`Client::get_item`](crate::Client::get_item) document.
    #[derive(Clone, Debug, Default, PartialEq)]
    pub struct GetItem {
        /// `Retry-After` (documented for 503).
        ///
        /// Seconds to wait.
        pub retry_after: Option<i64>,
    }
    impl client_runtime::FromHeaders for GetItem {
        fn from_headers(headers: &client_runtime::HeaderMap) -> Self {
            GetItem { retry_after: client_runtime::header_value(headers, "Retry-After") }
        }
    }
}
#[cfg(feature = "mock")]
/// Typed mocks for the tests of code that uses this client (feature `mock`).
///
/// [`MockServer::start`](crate::mock::MockServer::start) starts a real HTTP server on 127.0.0.1; each operation's method stubs
/// it with a typed success (`Ok`) or documented error (`Err`), and
/// [`MockServer::client_builder`](crate::mock::MockServer::client_builder) configures a client that talks to it.
///
/// ```ignore
/// let server = mock::MockServer::start().await;
/// server.list_items(Ok(body)).header("etag", "v1").await;
/// let client = server.client_builder().build()?;
/// ```
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
        /// Answers `GET /items` ([`Client::list_items`](crate::Client::list_items)) with `reply`:
        /// `Ok` as the documented success, `Err` as the documented error, each with its status.
        pub fn list_items(
            &self,
            reply: Result<crate::types::ListItemsResponse, crate::ListItemsError>,
        ) -> client_runtime::mock::Stub<'_> {
            self.inner.stub("GET", "/items", client_runtime::mock::json_or_error(200, reply))
        }
        /// Answers `POST /items` ([`Client::create_item`](crate::Client::create_item)) with `reply`:
        /// `Ok` as the documented success, `Err` as the documented error, each with its status.
        pub fn create_item(
            &self,
            reply: Result<(), crate::CreateItemError>,
        ) -> client_runtime::mock::Stub<'_> {
            let reply = match reply {
                Ok(body) => {
                    let () = body;
                    client_runtime::mock::Reply::empty(202)
                }
                Err(error) => client_runtime::mock::IntoReply::into_reply(error),
            };
            self.inner.stub("POST", "/items", reply)
        }
        /// Answers `GET /items/{id}` ([`Client::get_item`](crate::Client::get_item)) with `reply`:
        /// `Ok` as the documented success, `Err` as the documented error, each with its status.
        pub fn get_item(
            &self,
            reply: Result<crate::types::Item, crate::GetItemError>,
        ) -> client_runtime::mock::Stub<'_> {
            self.inner.stub("GET", "/items/{id}", client_runtime::mock::json_or_error(200, reply))
        }
    }
    impl client_runtime::mock::IntoReply for crate::ListItemsError {
        fn into_reply(self) -> client_runtime::mock::Reply {
            match self {
                crate::ListItemsError::TooManyRequests(body) => client_runtime::mock::Reply::json(429, &body),
            }
        }
    }
    impl client_runtime::mock::IntoReply for crate::CreateItemError {
        fn into_reply(self) -> client_runtime::mock::Reply {
            match self {
                crate::CreateItemError::BadRequest(body) => client_runtime::mock::Reply::json(400, &body),
            }
        }
    }
    impl client_runtime::mock::IntoReply for crate::GetItemError {
        fn into_reply(self) -> client_runtime::mock::Reply {
            match self {
                crate::GetItemError::NotFound(body) => client_runtime::mock::Reply::json(404, &body),
                crate::GetItemError::ServiceUnavailable => client_runtime::mock::Reply::empty(503),
            }
        }
    }
}
