//! One HTTP exchange of a call: send the request, follow redirects as the policy allows, read
//! the final body within the size limit, all under one deadline.
//!
//! It is one future on purpose. A future that awaits an `async fn` holds that function's
//! future inside its own, and each is built and then moved into place as it starts: with the
//! timeout, the redirect loop and the body each a level of their own, a call copied several
//! kilobytes of futures for a few lines of logic. So the deadline is one timer polled beside
//! each step ([`within`]) rather than `tokio::time::timeout` around a nested future, and the
//! body is read in the same loop.

use std::future::Future;
use std::pin::Pin;
use std::task::Poll;
use std::time::Duration;

use bytes::{Bytes, BytesMut};
use reqwest::header::{HeaderMap, CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE};
use reqwest::StatusCode;
use tokio::time::Sleep;

use crate::redirect::{self, Hop, Redirects};
use crate::{ClientCore, Error, RawResponse};

impl ClientCore {
    /// Sends the request, following redirects as the policy allows, and reads the body, all
    /// within one deadline: `timeout` when the call sets one, else the client's.
    ///
    /// Not an `async fn`: one holds its arguments for its whole life and copies them into
    /// locals of its body, so the request would be held twice.
    pub(crate) fn send_and_read<E>(&self, request: reqwest::Request, timeout: Option<Duration>) -> impl Future<Output = Result<RawResponse, Error<E>>> + Send + '_ {
        let mut request = request;
        async move {
            // One timer for the whole exchange rather than a timeout on each hop's request: it
            // spans redirects and the body without recomputing what remains, and costs less
            // than reqwest's per-request timeout (an extensions map, a boxed timer, a wrapped
            // body).
            let mut deadline = std::pin::pin!(timeout.or(self.timeout).map(tokio::time::sleep));
            let follows = self.redirects != Redirects::None;
            // Whether the request carries a credential: worked out at the first redirect, the
            // only time it matters, and kept for the later hops.
            let mut credential = None;
            let mut hops = 0;
            let mut response = loop {
                let method = request.method().clone();
                let body = request.body().is_some();
                // What following a redirect needs, copied before the request is consumed and
                // only when the policy may follow one: the headers, and a request with a body
                // whole, since a 307/308 sends it again (`None` for a stream, which cannot be;
                // boxed, since only requests with a body need it).
                let headers = if follows { request.headers().clone() } else { HeaderMap::new() };
                let replay = if follows && body { request.try_clone().map(Box::new) } else { None };
                let response = within(deadline.as_mut(), self.http.execute(request)).await?.map_err(Error::from_reqwest)?;
                if !follows || !response.status().is_redirection() {
                    break response;
                }
                // reqwest follows no redirect itself, so this is the URL the request went to.
                let url = response.url();
                let credential = *credential.get_or_insert_with(|| self.carries_credential(&headers, url));
                let sent = redirect::Sent { url, method: &method, credential, body, allow_http: self.allow_http, hops };
                match redirect::next_hop(self.redirects, response.status(), response.headers(), &sent) {
                    Hop::Done => break response,
                    Hop::Refuse { target, reason } => {
                        tracing::debug!(status = response.status().as_u16(), target = target.as_deref(), %reason, "redirect not followed");
                        return Err(Error::Redirect { status: response.status(), target, reason });
                    }
                    Hop::Follow { url: next, method: next_method, keep_body } => {
                        tracing::debug!(status = response.status().as_u16(), target = %next.origin().ascii_serialization(), "following a redirect");
                        request = if keep_body {
                            let mut replay = replay.ok_or_else(|| Error::Redirect {
                                status: response.status(),
                                target: Some(next.origin().ascii_serialization()),
                                reason: redirect::RedirectRefusal::BodyNotReplayable,
                            })?;
                            *replay.url_mut() = next;
                            *replay
                        } else {
                            let mut bodiless = reqwest::Request::new(next_method, next);
                            *bodiless.headers_mut() = headers;
                            for name in [CONTENT_TYPE, CONTENT_LENGTH, CONTENT_ENCODING] {
                                bodiless.headers_mut().remove(name);
                            }
                            bodiless
                        };
                        hops += 1;
                    }
                }
            };
            let status = response.status();
            let mut body = Body::new(status, self.max_body_bytes);
            if response.content_length().is_some_and(|length| length > body.limit as u64) {
                return Err(Error::BodyTooLarge { status, limit: body.limit });
            }
            let headers = std::mem::take(response.headers_mut());
            while let Some(chunk) = within(deadline.as_mut(), response.chunk()).await?.map_err(Error::from_reqwest)? {
                body.push(chunk)?;
            }
            Ok(RawResponse::new(status, headers, body.finish(), self.field_names))
        }
    }
}

/// Polls `step` until it completes, or the deadline (if any) passes first: then the exchange
/// is [`Error::Timeout`]. `step` is polled first, as `tokio::time::timeout` does, so a step
/// that is ready is never lost to a deadline that passed meanwhile.
async fn within<T, E>(mut deadline: Pin<&mut Option<Sleep>>, step: impl Future<Output = T>) -> Result<T, Error<E>> {
    let mut step = std::pin::pin!(step);
    std::future::poll_fn(|context| {
        if let Poll::Ready(value) = step.as_mut().poll(context) {
            return Poll::Ready(Ok(value));
        }
        match deadline.as_mut().as_pin_mut().map(|sleep| sleep.poll(context)) {
            Some(Poll::Ready(())) => Poll::Ready(Err(Error::Timeout)),
            _ => Poll::Pending,
        }
    })
    .await
}

/// A response body gathered chunk by chunk, within the size limit. A body that arrives in one
/// chunk (most do) is kept as it is; only a second chunk makes a copy to join them.
struct Body {
    status: StatusCode,
    limit: usize,
    length: usize,
    first: Bytes,
    joined: Option<BytesMut>,
}

impl Body {
    fn new(status: StatusCode, limit: usize) -> Body {
        Body { status, limit, length: 0, first: Bytes::new(), joined: None }
    }

    /// Adds a chunk; past the limit, the body is [`Error::BodyTooLarge`].
    fn push<E>(&mut self, chunk: Bytes) -> Result<(), Error<E>> {
        self.length += chunk.len();
        if self.length > self.limit {
            return Err(Error::BodyTooLarge { status: self.status, limit: self.limit });
        }
        match &mut self.joined {
            Some(joined) => joined.extend_from_slice(&chunk),
            None if self.first.is_empty() => self.first = chunk,
            None => {
                let mut both = BytesMut::with_capacity(self.length);
                both.extend_from_slice(&self.first);
                both.extend_from_slice(&chunk);
                self.joined = Some(both);
            }
        }
        Ok(())
    }

    fn finish(self) -> Bytes {
        self.joined.map_or(self.first, BytesMut::freeze)
    }
}
