//! Retrying a request: which failures are worth another attempt, how long to wait, and when to
//! stop. The waiting and counting is `backon`'s (exponential backoff with jitter); this module
//! only decides.
//!
//! Retries are off unless a client or a call is given a [`RetryPolicy`]. With one, a request is
//! sent again after a timeout, a transport failure, or a 408, 429, 502, 503 or 504, if its method
//! is idempotent (GET, HEAD, PUT, DELETE, OPTIONS, TRACE) or the policy allows every method. A
//! `Retry-After` from the server is honoured: the wait is at least what it asks, and when that
//! is beyond the policy's total time the last answer is returned at once.

use std::time::{Duration, Instant};

use backon::{BackoffBuilder, ExponentialBuilder};
use reqwest::Method;

/// When and how often to send a failed request again.
///
/// `RetryPolicy::default()`: at most 3 attempts, waits from 200 ms doubling up to 5 s with
/// jitter, at most 30 s from the first attempt to the start of the last, idempotent methods only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    initial_delay: Duration,
    max_delay: Duration,
    max_elapsed: Duration,
    any_method: bool,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 3,
            initial_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(5),
            max_elapsed: Duration::from_secs(30),
            any_method: false,
        }
    }
}

impl RetryPolicy {
    /// The default policy (see the type's documentation).
    pub fn new() -> Self {
        RetryPolicy::default()
    }

    /// At most `attempts` attempts in all, the first included (at least 1).
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The wait before the second attempt; each later wait doubles, with jitter.
    pub fn initial_delay(mut self, delay: Duration) -> Self {
        self.initial_delay = delay;
        self
    }

    /// The longest wait between two attempts (a `Retry-After` may ask for more, within
    /// [`RetryPolicy::max_elapsed`]).
    pub fn max_delay(mut self, delay: Duration) -> Self {
        self.max_delay = delay;
        self
    }

    /// No attempt starts later than this after the first one.
    pub fn max_elapsed(mut self, elapsed: Duration) -> Self {
        self.max_elapsed = elapsed;
        self
    }

    /// Also retries POST and PATCH, which may repeat their effect on the server: only for
    /// operations known to be safe to repeat.
    pub fn retry_non_idempotent(mut self, any_method: bool) -> Self {
        self.any_method = any_method;
        self
    }

    /// Whether a request with `method` may be retried under this policy.
    pub(crate) fn allows(&self, method: &Method) -> bool {
        self.max_attempts > 1
            && (self.any_method
                || matches!(*method, Method::GET | Method::HEAD | Method::PUT | Method::DELETE | Method::OPTIONS | Method::TRACE))
    }

    /// backon's schedule of waits for this policy.
    pub(crate) fn backoff(&self) -> impl backon::Backoff {
        ExponentialBuilder::default()
            .with_min_delay(self.initial_delay)
            .with_max_delay(self.max_delay)
            .with_max_times(self.max_attempts.saturating_sub(1) as usize)
            .with_total_delay(Some(self.max_elapsed))
            .with_jitter()
            .build()
    }

    /// The wait before the next attempt: backon's `planned` one, or longer if the server asked
    /// (`retry_after`); `None` (stop) when that would start an attempt after `max_elapsed`.
    pub(crate) fn next_wait(&self, planned: Option<Duration>, retry_after: Option<Duration>, started: Instant) -> Option<Duration> {
        let planned = planned?;
        let wait = retry_after.map_or(planned, |asked| asked.max(planned));
        (started.elapsed() + wait <= self.max_elapsed).then_some(wait)
    }
}

/// Statuses worth another attempt: the server is overloaded, restarting, or behind a gateway
/// that failed to reach it.
pub(crate) fn retryable_status(status: reqwest::StatusCode) -> bool {
    matches!(status.as_u16(), 408 | 429 | 502 | 503 | 504)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_idempotent_methods_unless_opted_in() {
        let policy = RetryPolicy::new();
        assert!(policy.allows(&Method::GET) && policy.allows(&Method::PUT) && policy.allows(&Method::DELETE));
        assert!(!policy.allows(&Method::POST) && !policy.allows(&Method::PATCH));
        let any = RetryPolicy::new().retry_non_idempotent(true);
        assert!(any.allows(&Method::POST));
        assert!(!RetryPolicy::new().max_attempts(1).allows(&Method::GET));
    }

    #[test]
    fn the_schedule_is_bounded_and_grows() {
        let policy = RetryPolicy::new().max_attempts(4).initial_delay(Duration::from_millis(100)).max_delay(Duration::from_secs(1));
        let waits: Vec<Duration> = policy.backoff().collect();
        assert_eq!(waits.len(), 3, "{waits:?}");
        // Jitter adds up to one more delay; the first wait is between 100 and 200 ms.
        assert!(waits[0] >= Duration::from_millis(100) && waits[0] <= Duration::from_millis(200), "{waits:?}");
        assert!(waits.iter().all(|wait| *wait <= Duration::from_secs(2)), "{waits:?}");
    }

    #[test]
    fn retry_after_lengthens_the_wait_within_the_total_time() {
        let policy = RetryPolicy::new().max_elapsed(Duration::from_secs(10));
        let now = Instant::now();
        let planned = Some(Duration::from_millis(200));
        assert_eq!(policy.next_wait(planned, None, now), planned);
        assert_eq!(policy.next_wait(planned, Some(Duration::from_secs(2)), now), Some(Duration::from_secs(2)));
        assert_eq!(policy.next_wait(planned, Some(Duration::ZERO), now), planned);
        assert_eq!(policy.next_wait(planned, Some(Duration::from_secs(60)), now), None, "beyond the total time");
        assert_eq!(policy.next_wait(None, None, now), None, "attempts exhausted");
    }
}
