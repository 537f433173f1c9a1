//! One call of an operation: the per-call options a generated request builder collects, and
//! how the request is sent with them (credentials, extra headers, timeout, retries, a tracing
//! span).
//!
//! Generated request builders hold the operation's arguments and a [`CallOptions`]; their
//! `send` builds the `reqwest` request and hands it here with the operation's static
//! [`Operation`] description and the function that reads its response
//! ([`ClientCore::call`]), so everything that is not specific to one operation is written
//! once.

use std::borrow::Cow;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use backon::Retryable;
use reqwest::header::{HeaderName, HeaderValue};
use reqwest::RequestBuilder;
use tracing::Instrument;

use crate::response::RawResponse;
use crate::retry::retryable_status;
use crate::{CallError, ClientCore, Credential, Error, Response, RetryPolicy};

/// A boxed future that may be sent to another thread.
type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// What a generated request builder hands [`ClientCore::call`]: the request built from its
/// arguments and the call's options, or why the request could not be built (an argument that
/// breaks a documented constraint, a body that cannot be serialized).
pub type Outgoing = Result<(RequestBuilder, CallOptions), CallError>;

/// The future of one call of an operation: what a generated request builder's `send` returns,
/// and what awaiting the builder runs. It resolves to the operation's typed response, or an
/// [`Error`] holding its typed error.
///
/// It is one type for every operation, generic only over the operation's success and error
/// types: the exchange is a future compiled once, in this crate, and this one only hands its
/// raw response to the operation's `read` function, a plain `fn`. (When each operation's `send`
/// was an `async fn`, the compiler built and optimized a state machine per operation, which made
/// a generated crate slower to build than it needs to be.)
#[must_use = "a call does nothing unless it is awaited"]
pub struct Call<'a, T, E> {
    state: State<'a>,
    read: fn(RawResponse) -> Result<Response<T>, Error<E>>,
}

/// Where a [`Call`] is.
enum State<'a> {
    /// The exchange is under way.
    Sending(BoxFuture<'a, Result<RawResponse, CallError>>),
    /// The request could not be built; nothing is sent. (Boxed: an error is larger than the
    /// rest of a call, which is moved on every call.)
    Failed(Box<CallError>),
    /// The result was returned (the exchange, its connection and buffers, already dropped).
    Done,
}

impl<T, E> Future for Call<'_, T, E> {
    type Output = Result<Response<T>, Error<E>>;

    fn poll(self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<Self::Output> {
        let call = self.get_mut();
        let result = match std::mem::replace(&mut call.state, State::Done) {
            State::Sending(mut exchange) => match exchange.as_mut().poll(context) {
                Poll::Ready(result) => result.map_err(Error::from).and_then(call.read),
                Poll::Pending => {
                    call.state = State::Sending(exchange);
                    return Poll::Pending;
                }
            },
            State::Failed(failed) => Err((*failed).into()),
            State::Done => Err(Error::InvalidRequest("the call was polled again after it completed".into())),
        };
        Poll::Ready(result)
    }
}

impl<T, E> std::fmt::Debug for Call<'_, T, E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Call").finish_non_exhaustive()
    }
}

/// Sets `Accept` to an operation's documented media types, a constant of the generated code,
/// without parsing and copying it on every call.
pub fn accept(request: RequestBuilder, media_types: &'static str) -> RequestBuilder {
    // `from_static` panics on a byte a header cannot carry, and media types are text from the
    // spec: the same rule is checked first, and anything else goes the checked way (an invalid
    // value then fails the call, never the process).
    if media_types.bytes().all(|byte| byte == b'\t' || (b' '..=b'~').contains(&byte)) {
        request.header(reqwest::header::ACCEPT, HeaderValue::from_static(media_types))
    } else {
        request.header(reqwest::header::ACCEPT, media_types)
    }
}

/// What the runtime needs to know about an operation, fixed at generation time.
#[derive(Clone, Copy, Debug)]
pub struct Operation {
    /// The `operationId` (in logs and spans).
    pub id: &'static str,
    /// The path template as the spec writes it (in spans; never the actual path, which may
    /// carry identifiers or tokens).
    pub path: &'static str,
    /// The security requirement: alternatives, each a list of scheme keys.
    pub security: &'static [&'static [&'static str]],
}

/// Options for one call, set through a generated request builder's `header`, `timeout`,
/// `credential` and `retry` methods.
///
/// Boxed, and only when an option is set: every request builder holds one and is moved on
/// every call, and most calls set none.
#[derive(Clone, Debug, Default)]
pub struct CallOptions(Option<Box<Options>>);

/// What a [`CallOptions`] holds once an option is set.
#[derive(Clone, Debug, Default)]
struct Options {
    headers: Vec<(HeaderName, HeaderValue)>,
    timeout: Option<Duration>,
    credential: Option<Credential>,
    retry: Option<RetryPolicy>,
    invalid: Option<String>,
}

impl CallOptions {
    fn set(&mut self) -> &mut Options {
        self.0.get_or_insert_with(Box::default)
    }

    /// Adds a header to this call (a request id, a tenant, ...). Its value is marked
    /// sensitive, so that it is hidden wherever `reqwest` or `hyper` print headers. An invalid
    /// name or value makes the call fail with [`Error::InvalidRequest`] before anything is sent.
    pub fn header(&mut self, name: &str, value: &str) {
        let options = self.set();
        match (HeaderName::from_bytes(name.as_bytes()), HeaderValue::from_str(value)) {
            (Ok(name), Ok(mut value)) => {
                value.set_sensitive(true);
                options.headers.push((name, value));
            }
            (Err(_), _) => {
                options.invalid.get_or_insert_with(|| format!("`{name}` is not a valid header name"));
            }
            (_, Err(_)) => {
                options.invalid.get_or_insert_with(|| format!("the value of header `{name}` has characters a header cannot carry"));
            }
        }
    }

    /// Caps the time of this call's request (each attempt, when retried), replacing the
    /// client's timeout.
    pub fn timeout(&mut self, timeout: Duration) {
        self.set().timeout = Some(timeout);
    }

    /// Sends `credential` on this call instead of the client's credentials.
    pub fn credential(&mut self, credential: Credential) {
        self.set().credential = Some(credential);
    }

    /// Retries this call under `policy`, replacing the client's policy.
    pub fn retry(&mut self, policy: RetryPolicy) {
        self.set().retry = Some(policy);
    }
}

/// A call ready to send: what the future of [`ClientCore::execute`] holds.
///
/// The future of a call is moved as the call starts and boxed in its [`Call`], so its size is
/// paid on every call. Past about 1 KB it also changes how the system allocator serves the box:
/// glibc takes a request of 1,024 bytes or more from its large bins and first merges every
/// small freed block (`malloc_consolidate`, which showed in profiles of a loopback call), while
/// smaller ones come from a per-thread cache. So one exchange's future is boxed on its own, and
/// this future stays under that size.
struct Prepared<'a> {
    /// Why the call fails before anything is sent (an invalid per-call header), if it does.
    invalid: Option<String>,
    /// The request, or why the builder could not build it (which fails the first attempt).
    request: reqwest::Result<reqwest::Request>,
    timeout: Option<Duration>,
    /// The retry policy, when the call is retried.
    retry: Option<Cow<'a, RetryPolicy>>,
}

/// Why an attempt did not give the final answer: a response worth retrying, or an error.
enum Failure<E> {
    Status(RawResponse),
    Error(Error<E>),
}

impl ClientCore {
    /// Starts a call of `operation`: sends the `outgoing` request (see [`execute`](Self::execute))
    /// and reads the final response with `read`, the operation's own function from the status
    /// to its typed response or error.
    pub fn call<'a, T, E>(
        &'a self,
        operation: &'a Operation,
        outgoing: Outgoing,
        read: fn(RawResponse) -> Result<Response<T>, Error<E>>,
    ) -> Call<'a, T, E> {
        let state = match outgoing {
            Ok((request, options)) => State::Sending(Box::pin(self.execute(operation, request, options))),
            Err(failed) => State::Failed(Box::new(failed)),
        };
        Call { state, read }
    }

    /// Sends `request` for `operation` with `options`: the client's credentials (or the call's
    /// own), the call's headers and timeout, and retries under the call's or the client's
    /// policy. Reads the whole body (up to the size limit).
    ///
    /// Each call runs in a `tracing` span `client_call` with the operation id, method, path
    /// template, final status, elapsed milliseconds and number of attempts; never the URL,
    /// headers or bodies.
    ///
    /// Not generic over the operation's error type, so that it is compiled once for all
    /// operations; `?` turns its [`CallError`] into the operation's [`Error`].
    ///
    /// Not an `async fn` either: the request is completed before the future is made, so that
    /// the future holds the built request only (an `async fn` holds its arguments for its whole
    /// life, beside what is built from them). See `Prepared` for why its size matters.
    pub fn execute<'a>(
        &'a self,
        operation: &'a Operation,
        request: RequestBuilder,
        options: CallOptions,
    ) -> impl Future<Output = Result<RawResponse, CallError>> + Send + 'a {
        let mut prepared = self.prepare(operation, request, options);
        async move {
            // `prepared` is used in place: taking it apart would copy its parts into locals
            // that the future holds beside it.
            if let Some(problem) = prepared.invalid.take() {
                return Err(CallError(Error::InvalidRequest(problem)));
            }
            // The span is made when the call is first polled, not when `send` returns it: its
            // parent is then the span the caller awaits in (`send().instrument(span)` nests it).
            let method = prepared.request.as_ref().ok().map(|request| request.method().as_str());
            let span = &tracing::info_span!(
                "client_call",
                operation = operation.id,
                method = method.unwrap_or("?"),
                path = operation.path,
                status = tracing::field::Empty,
                elapsed_ms = tracing::field::Empty,
                attempts = tracing::field::Empty,
            );
            // Only the sending is instrumented (its events belong to the span); what follows is
            // recorded inside the span by hand. The clock is read only for what needs it: a
            // subscriber that listens, or retries (their time limit).
            let started = (!span.is_disabled() || prepared.retry.is_some()).then(Instant::now);
            let mut attempts = 1_u32;
            // The exchange is boxed in a statement of its own, before it is awaited: a future
            // built in the statement that awaits it keeps its space in this future until the
            // statement ends, although it was moved into the box.
            let exchange: BoxFuture<'_, Result<RawResponse, Error<std::convert::Infallible>>> = match prepared.request {
                Ok(request) => match &prepared.retry {
                    // A streamed body (multipart) cannot be sent twice.
                    Some(policy) if request.body().is_none_or(|body| body.as_bytes().is_some()) => {
                        let started = started.unwrap_or_else(Instant::now);
                        Box::pin(self.send_with_retries(policy, request, prepared.timeout, &mut attempts, started))
                    }
                    _ => Box::pin(self.send_and_read(request, prepared.timeout)),
                },
                Err(error) => Box::pin(std::future::ready(Err(Error::from_reqwest(error)))),
            };
            let result = exchange.instrument(span.clone()).await;
            span.in_scope(|| {
                if let Some(started) = started.filter(|_| !span.is_disabled()) {
                    span.record("elapsed_ms", started.elapsed().as_millis() as u64);
                }
                span.record("attempts", attempts);
                match &result {
                    Ok(response) => {
                        span.record("status", response.status().as_u16());
                        tracing::debug!(operation = operation.id, status = response.status().as_u16(), "response");
                    }
                    Err(error) => tracing::debug!(operation = operation.id, failure = failure_kind(error), "request failed"),
                }
            });
            result.map_err(CallError)
        }
    }

    /// Everything about a call that needs no waiting: the credentials and headers applied, the
    /// request built, and its timeout and retry policy.
    fn prepare(&self, operation: &Operation, request: RequestBuilder, options: CallOptions) -> Prepared<'_> {
        let mut options = options.0;
        // Built first, and the credentials and headers added to it in place: a builder is moved
        // in and out of every method that adds to it, and a request is a few hundred bytes.
        // The method is needed for the retry decision (and the span). A builder that failed (a
        // header value it refused, say) fails the call's first attempt.
        let mut request = request.build();
        if let Some(problem) = options.as_mut().and_then(|options| options.invalid.take()) {
            return Prepared { invalid: Some(problem), request, timeout: None, retry: None };
        }
        if let Ok(request) = &mut request {
            match options.as_ref().and_then(|options| options.credential.as_ref()) {
                Some(credential) => credential.apply(request),
                None => self.authorize(request, operation.security),
            }
            for (name, value) in options.iter_mut().flat_map(|options| options.headers.drain(..)) {
                request.headers_mut().append(name, value);
            }
        }
        let (timeout, retry) = options.map_or((None, None), |options| (options.timeout, options.retry));
        // The call's policy, else the client's; none for a method the policy does not retry.
        let policy = match retry {
            Some(policy) => Some(Cow::Owned(policy)),
            None => self.retry.as_ref().map(Cow::Borrowed),
        };
        let retry = policy.filter(|policy| request.as_ref().is_ok_and(|request| policy.allows(request.method())));
        Prepared { invalid: None, request, timeout, retry }
    }

    async fn send_with_retries<E>(
        &self,
        policy: &RetryPolicy,
        request: reqwest::Request,
        timeout: Option<Duration>,
        attempts: &mut u32,
        started: Instant,
    ) -> Result<RawResponse, Error<E>> {
        let request = &request;
        let counter = &std::sync::atomic::AtomicU32::new(0);
        let attempt = move || async move {
            let number = counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            // Only a request whose body can be sent twice is retried.
            let Some(request) = request.try_clone() else {
                return Err(Failure::Error(Error::InvalidRequest("the request body cannot be sent twice".into())));
            };
            let result = self.send_and_read(request, timeout).await;
            tracing::debug!(attempt = number, status = result.as_ref().ok().map(|response| response.status().as_u16()), "attempt");
            match result {
                Ok(response) if retryable_status(response.status()) => Err(Failure::Status(response)),
                Ok(response) => Ok(response),
                Err(error) => Err(Failure::Error(error)),
            }
        };
        let result = attempt
            .retry(policy.backoff())
            .when(|failure| match failure {
                Failure::Status(_) => true,
                Failure::Error(error) => matches!(error, Error::Timeout | Error::Transport(_)),
            })
            .adjust(|failure, planned| {
                let asked = match failure {
                    Failure::Status(response) => crate::typed_response::retry_after(response.headers()),
                    Failure::Error(_) => None,
                };
                policy.next_wait(planned, asked, started)
            })
            .await;
        *attempts = counter.load(std::sync::atomic::Ordering::Relaxed);
        match result {
            Ok(response) | Err(Failure::Status(response)) => Ok(response),
            Err(Failure::Error(error)) => Err(error),
        }
    }
}

fn failure_kind<E>(error: &Error<E>) -> &'static str {
    match error {
        Error::Timeout => "timeout",
        Error::BodyTooLarge { .. } => "body too large",
        Error::InvalidRequest(_) => "invalid request",
        Error::Redirect { .. } => "redirect not followed",
        _ => "transport",
    }
}

#[cfg(test)]
mod accept_tests {
    use super::*;

    #[test]
    fn accept_takes_a_valid_value_as_it_is_and_refuses_an_invalid_one_without_panicking() {
        let client = reqwest::Client::new();
        let valid = accept(client.get("http://127.0.0.1/"), "application/json;version=36.3").build().unwrap();
        assert_eq!(valid.headers()[reqwest::header::ACCEPT], "application/json;version=36.3");
        // A spec's media type with a line break: the request fails to build, nothing panics.
        assert!(accept(client.get("http://127.0.0.1/"), "text/plain\r\nx-injected: 1").build().is_err());
    }
}

#[cfg(test)]
mod call_tests {
    use super::*;

    #[test]
    fn a_call_that_failed_before_sending_reports_it_once_and_never_panics() {
        let read: fn(RawResponse) -> Result<Response<()>, Error<()>> = |response| Ok(response.empty());
        let mut call = Call { state: State::Failed(Box::new(CallError::invalid_request("a bad argument".into()))), read };
        let mut context = Context::from_waker(std::task::Waker::noop());
        let first = Pin::new(&mut call).poll(&mut context);
        assert!(matches!(first, Poll::Ready(Err(Error::InvalidRequest(message))) if message == "a bad argument"));
        let again = Pin::new(&mut call).poll(&mut context);
        assert!(matches!(again, Poll::Ready(Err(Error::InvalidRequest(message))) if message.contains("polled again")));
    }
}
