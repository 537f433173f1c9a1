//! The methods every generated builder has, written once: the settings of a crate's
//! `ClientBuilder` ([`client_builder_methods!`](crate::client_builder_methods)) and the
//! per-call options of its request builders ([`request_builder!`](crate::request_builder)).
//!
//! A generated `ClientBuilder` wraps the runtime's [`ClientBuilder`](crate::ClientBuilder) in a
//! field `inner` and adds a method per security scheme of its spec. A generated request builder
//! is a struct with the operation's arguments and a `options: CallOptions` field, and an
//! inherent `fn send(self)` returning a [`Call`](crate::Call). Its per-call option setters, its
//! `IntoFuture` and its `Debug` (which prints no argument: any may be a secret) are the same for
//! every operation. The generated crate invokes these macros instead of repeating them (a
//! quarter of a generated crate's lines, before): less to generate, format and parse.

/// The settings every generated `ClientBuilder` has, as methods of an `impl ClientBuilder`
/// block whose type wraps the runtime's builder in a field `inner`.
#[macro_export]
#[doc(hidden)]
macro_rules! client_builder_methods {
    () => {
        /// Allows a plain `http://` base URL (test servers, trusted networks); `https` is
        /// required otherwise.
        pub fn allow_http(self) -> Self {
            Self { inner: self.inner.allow_http() }
        }

        /// Caps the time of a whole call, from sending to the last byte of the response,
        /// redirects included (default 30 s).
        pub fn timeout(self, timeout: ::std::time::Duration) -> Self {
            Self { inner: self.inner.timeout(timeout) }
        }

        /// Removes the cap on the time of a whole call.
        pub fn no_timeout(self) -> Self {
            Self { inner: self.inner.no_timeout() }
        }

        /// Caps the time to establish a connection (default 10 s).
        pub fn connect_timeout(self, timeout: ::std::time::Duration) -> Self {
            Self { inner: self.inner.connect_timeout(timeout) }
        }

        /// Removes the cap on the time to establish a connection.
        pub fn no_connect_timeout(self) -> Self {
            Self { inner: self.inner.no_connect_timeout() }
        }

        /// Sets which redirects are followed (default [`Redirects::SameOrigin`]: within the
        /// origin only; a credential or body never goes to another origin).
        pub fn redirects(self, redirects: $crate::Redirects) -> Self {
            Self { inner: self.inner.redirects(redirects) }
        }

        /// Replaces the default `User-Agent`, which names this crate and its version.
        pub fn user_agent(self, user_agent: &str) -> Self {
            Self { inner: self.inner.user_agent(user_agent) }
        }

        /// Starts the HTTP client from a `reqwest::ClientBuilder` configured elsewhere
        /// (proxies, certificates, ...); this builder's redirect policy, https-only rule,
        /// timeouts and user agent are applied on top of it.
        pub fn http_client(self, client: $crate::reqwest::ClientBuilder) -> Self {
            Self { inner: self.inner.http_client(client) }
        }

        /// Caps the size of a response body (default 10 MiB).
        pub fn max_body_bytes(self, limit: usize) -> Self {
            Self { inner: self.inner.max_body_bytes(limit) }
        }

        /// Retries failed calls under `policy`: timeouts, transport failures and 408, 429,
        /// 502, 503, 504 answers, for idempotent methods unless the policy allows every
        /// method, honouring `Retry-After`. Without this a call is sent once.
        pub fn retry(self, policy: $crate::RetryPolicy) -> Self {
            Self { inner: self.inner.retry(policy) }
        }

        /// Trusts the CA certificate(s) in `pem` besides the built-in roots (servers with
        /// certificates from a private CA). Verification cannot be turned off.
        pub fn add_root_certificate_pem(self, pem: &[u8]) -> Self {
            Self { inner: self.inner.add_root_certificate_pem(pem) }
        }

        /// Presents a client certificate (mutual TLS): the chain and its private key, in PEM.
        pub fn identity_pem(self, certificate_chain: &[u8], private_key: &[u8]) -> Self {
            Self { inner: self.inner.identity_pem(certificate_chain, private_key) }
        }
    };
}

/// Implements the per-call option setters (`header`, `timeout`, `credential`, `retry`),
/// `IntoFuture` and `Debug` for the generated request builder `$builder<'a>`, whose `send` returns
/// a [`Call`](crate::Call) resolving to `Result<Response<$success>, Error<$error>>`. (The two types come separately because they
/// are plain paths, which formatters print well inside a macro call.)
#[macro_export]
#[doc(hidden)]
macro_rules! request_builder {
    ($builder:ident, $success:ty, $error:ty $(,)?) => {
        impl<'a> $builder<'a> {
            /// Adds a header to this call (a request id, ...); its value is never logged.
            pub fn header(mut self, name: &str, value: &str) -> Self {
                self.options.header(name, value);
                self
            }

            /// Caps the time of this call (of each attempt), instead of the client's timeout.
            pub fn timeout(mut self, timeout: ::std::time::Duration) -> Self {
                self.options.timeout(timeout);
                self
            }

            /// Sends `credential` on this call instead of the client's credentials.
            pub fn credential(mut self, credential: $crate::Credential) -> Self {
                self.options.credential(credential);
                self
            }

            /// Retries this call under `policy`, instead of the client's policy.
            pub fn retry(mut self, policy: $crate::RetryPolicy) -> Self {
                self.options.retry(policy);
                self
            }
        }

        // The arguments are not printed: a path parameter, a header or a body may be a token.
        impl ::std::fmt::Debug for $builder<'_> {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct(::std::stringify!($builder)).finish_non_exhaustive()
            }
        }

        impl<'a> ::std::future::IntoFuture for $builder<'a> {
            type Output = ::core::result::Result<$crate::Response<$success>, $crate::Error<$error>>;
            type IntoFuture = $crate::Call<'a, $success, $error>;

            fn into_future(self) -> Self::IntoFuture {
                self.send()
            }
        }
    };
}
