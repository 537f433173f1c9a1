//! Which redirects a client follows, decided by the runtime rather than by `reqwest`.
//!
//! `reqwest` strips `Authorization` and cookies when a redirect leaves the origin, but not other
//! headers (an `X-Auth-Token`), not query credentials, and it re-sends a 307/308 body to the new
//! host. So the HTTP client is built with redirects off, and [`ClientCore`](crate::ClientCore)
//! follows them itself, one hop at a time, after asking [`next_hop`] whether it may.

use std::fmt;

use reqwest::header::{HeaderMap, LOCATION};
use reqwest::{Method, StatusCode, Url};

/// The redirect policy of a client (set with the generated builder's `redirects` method).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Redirects {
    /// Follow no redirect: a 3xx response is the operation's result (a documented status, or
    /// [`Error::UnexpectedStatus`](crate::Error::UnexpectedStatus)).
    None,
    /// The default: follow up to [`Redirects::DEFAULT_LIMIT`] redirects within the origin
    /// (scheme, host and port) of the request; a redirect to any other origin is not followed
    /// and is [`Error::Redirect`](crate::Error::Redirect).
    #[default]
    SameOrigin,
    /// Follow up to this many redirects. A redirect to another origin is followed only when the
    /// request carries no credential and no body; one that would carry either is
    /// [`Error::Redirect`](crate::Error::Redirect).
    Limited(usize),
}

impl Redirects {
    /// How many same-origin redirects [`Redirects::SameOrigin`] follows.
    pub const DEFAULT_LIMIT: usize = 10;
}

/// Why a redirect was not followed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RedirectRefusal {
    /// The target is another origin, which the policy does not allow for this request.
    OtherOrigin,
    /// The target is plain `http`: the client is https-only, or the request carries a
    /// credential or a body.
    Downgrade,
    /// The policy's limit on redirects in one call was reached (a redirect loop, for one).
    TooMany {
        /// The limit.
        limit: usize,
    },
    /// The `Location` header is missing or is not a URL.
    InvalidLocation,
    /// A 307 or 308 asks for the body again, and the body was a stream that cannot be replayed.
    BodyNotReplayable,
}

impl fmt::Display for RedirectRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RedirectRefusal::OtherOrigin => {
                f.write_str("it leaves the origin of the request, which carries a credential or a body or the policy keeps to one origin")
            }
            RedirectRefusal::Downgrade => f.write_str("it leads to plain http"),
            RedirectRefusal::TooMany { limit } => write!(f, "the limit of {limit} redirects was reached"),
            RedirectRefusal::InvalidLocation => f.write_str("its `Location` is missing or not a URL"),
            RedirectRefusal::BodyNotReplayable => f.write_str("the request body is a stream and cannot be sent again"),
        }
    }
}

/// What the client does with a response.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Hop {
    /// Not a redirect to follow: the response is the result.
    Done,
    /// Send the request again to `url`; `keep_body` is false when the method becomes GET.
    Follow { url: Url, method: Method, keep_body: bool },
    /// A redirect that must not be followed.
    Refuse { target: Option<String>, reason: RedirectRefusal },
}

/// What is known about the request being redirected.
pub(crate) struct Sent<'a> {
    pub url: &'a Url,
    pub method: &'a Method,
    /// The request carries a credential (a sensitive header or a query credential).
    pub credential: bool,
    /// The request has a body.
    pub body: bool,
    /// The client accepts plain http (`allow_http()`).
    pub allow_http: bool,
    /// Redirects already followed in this call.
    pub hops: usize,
}

/// Decides what to do with a response to `sent`, under `policy`.
pub(crate) fn next_hop(policy: Redirects, status: StatusCode, headers: &HeaderMap, sent: &Sent) -> Hop {
    let (keeps_method, limit) = match (status.as_u16(), policy) {
        (_, Redirects::None) => return Hop::Done,
        (301..=303, Redirects::SameOrigin) => (false, Redirects::DEFAULT_LIMIT),
        (307 | 308, Redirects::SameOrigin) => (true, Redirects::DEFAULT_LIMIT),
        (301..=303, Redirects::Limited(limit)) => (false, limit),
        (307 | 308, Redirects::Limited(limit)) => (true, limit),
        _ => return Hop::Done,
    };
    let target = headers
        .get(LOCATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|location| sent.url.join(location).ok())
        .filter(|url| matches!(url.scheme(), "http" | "https") && url.has_host());
    let Some(mut target) = target else {
        return Hop::Refuse { target: None, reason: RedirectRefusal::InvalidLocation };
    };
    // Only the origin is ever shown: a path or query may carry a token.
    let origin = Some(target.origin().ascii_serialization());
    if sent.hops >= limit {
        return Hop::Refuse { target: origin, reason: RedirectRefusal::TooMany { limit } };
    }
    let keep_body = keeps_method && sent.body;
    let downgrade = sent.url.scheme() == "https" && target.scheme() == "http";
    if (target.scheme() == "http" && !sent.allow_http) || (downgrade && (sent.credential || keep_body)) {
        return Hop::Refuse { target: origin, reason: RedirectRefusal::Downgrade };
    }
    if target.origin() != sent.url.origin() {
        let allowed = matches!(policy, Redirects::Limited(_)) && !sent.credential && !keep_body;
        if !allowed {
            return Hop::Refuse { target: origin, reason: RedirectRefusal::OtherOrigin };
        }
    }
    // A fragment is never sent; userinfo in a Location would be sent as a credential of the
    // server's choosing.
    target.set_fragment(None);
    let _ = target.set_username("");
    let _ = target.set_password(None);
    // 301, 302 and 303 turn into a GET without a body, as browsers and reqwest do (HEAD stays).
    let method = if keeps_method || *sent.method == Method::HEAD { sent.method.clone() } else { Method::GET };
    Hop::Follow { url: target, method, keep_body }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn decide(policy: Redirects, status: u16, location: &str, credential: bool, body: bool) -> Hop {
        let url = Url::parse("https://api.example.com/v1/tokens/1").unwrap();
        let mut headers = HeaderMap::new();
        headers.insert(LOCATION, HeaderValue::from_str(location).unwrap());
        let sent = Sent { url: &url, method: &Method::POST, credential, body, allow_http: false, hops: 0 };
        next_hop(policy, StatusCode::from_u16(status).unwrap(), &headers, &sent)
    }

    #[test]
    fn same_origin_redirects_are_followed_and_303_becomes_get() {
        let Hop::Follow { url, method, keep_body } = decide(Redirects::SameOrigin, 303, "/v1/other?x=1", true, true) else {
            panic!("not followed")
        };
        assert_eq!((url.as_str(), method, keep_body), ("https://api.example.com/v1/other?x=1", Method::GET, false));
        let Hop::Follow { method, keep_body, .. } = decide(Redirects::SameOrigin, 308, "/v2", true, true) else {
            panic!("not followed")
        };
        assert_eq!((method, keep_body), (Method::POST, true));
    }

    #[test]
    fn other_origins_are_refused_with_the_origin_only() {
        for location in ["https://evil.example.com/steal?token=x", "https://api.example.com:8443/", "//evil.example.com/a"] {
            match decide(Redirects::SameOrigin, 302, location, false, false) {
                Hop::Refuse { target: Some(target), reason: RedirectRefusal::OtherOrigin } => {
                    assert!(!target.contains("steal") && !target.contains("token"), "{target}")
                }
                other => panic!("{location}: {other:?}"),
            }
        }
    }

    #[test]
    fn limited_follows_other_origins_only_without_credentials_or_body() {
        assert!(matches!(decide(Redirects::Limited(3), 302, "https://cdn.example.com/x", false, false), Hop::Follow { .. }));
        assert!(matches!(decide(Redirects::Limited(3), 302, "https://cdn.example.com/x", true, false), Hop::Refuse { .. }));
        // A 302 drops the body, so only the credential matters; a 307 would re-send the body.
        assert!(matches!(decide(Redirects::Limited(3), 302, "https://cdn.example.com/x", false, true), Hop::Follow { .. }));
        assert!(matches!(decide(Redirects::Limited(3), 307, "https://cdn.example.com/x", false, true), Hop::Refuse { .. }));
    }

    #[test]
    fn downgrades_bad_locations_and_the_none_policy() {
        assert!(matches!(
            decide(Redirects::Limited(3), 301, "http://api.example.com/v1", false, false),
            Hop::Refuse { reason: RedirectRefusal::Downgrade, .. }
        ));
        assert!(matches!(decide(Redirects::SameOrigin, 302, "ftp://x/", false, false), Hop::Refuse { target: None, .. }));
        assert_eq!(decide(Redirects::None, 302, "/v1", false, false), Hop::Done);
        assert_eq!(decide(Redirects::SameOrigin, 304, "/v1", false, false), Hop::Done);
    }
}
