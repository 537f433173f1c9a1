//! The methods every generated request builder has, written once.
//!
//! A generated builder is a struct with the operation's arguments and a
//! `options: CallOptions` field, and an inherent `async fn send(self)`. Its per-call option
//! setters, its `IntoFuture` and its `Debug` (which prints no argument: any may be a secret)
//! are the same for every operation, so the generated crate
//! invokes [`request_builder!`](crate::request_builder) instead of repeating them (a quarter
//! of a generated crate's lines, before): less to generate, format and parse.

/// Implements the per-call option setters (`header`, `timeout`, `credential`, `retry`),
/// `IntoFuture` and `Debug` for the generated request builder `$builder<'a>`, whose `send` returns
/// `Result<Response<$success>, Error<$error>>`. (The two types come separately because they
/// are plain paths, which formatters print well inside a macro call.)
#[macro_export]
#[doc(hidden)]
macro_rules! request_builder {
    ($builder:ident, $success:ty, $error:ty) => {
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
            type IntoFuture = $crate::BoxFuture<'a, Self::Output>;

            fn into_future(self) -> Self::IntoFuture {
                ::std::boxed::Box::pin(self.send())
            }
        }
    };
}
