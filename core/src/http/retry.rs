//! Which failures are retried, and how long to wait before the next attempt.
//!
//! - Idempotent calls (GET, PUT, DELETE, HEAD, OPTIONS) are retried on a connection failure,
//!   a timeout, 429, 502, 503 and 504.
//! - Other calls (POST, PATCH) only when the server certainly did not act: a 429, or a
//!   connection that failed before the request was written. A timeout or a cut connection
//!   after writing ends the call with `outcome_unknown`; a 5xx ends it with `server_error`.
//! - A TLS refusal (an untrusted certificate, a client certificate the server wanted) is not
//!   retried: nothing reached the server, and the next attempt would fail the same way.
//! - The wait is `Retry-After` when the server sent one (up to the policy's maximum; a
//!   longer one ends the call), otherwise a random time up to `initial × 2ⁿ` (full jitter).

use std::time::Duration;

use crate::config::RetryPolicy;

/// How an attempt failed before a status arrived.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Failure {
    /// The connection could not be made; nothing was written.
    Connect,
    /// No complete response arrived in time, after the request may have been written.
    Timeout,
    /// The connection broke after the request may have been written.
    Cut,
    /// TLS refused the connection before any request reached the server: a certificate the
    /// client does not trust, or a server that wants a client certificate it did not get.
    /// Trying again would fail the same way.
    Tls,
}

/// What to do after an attempt.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Next {
    /// Stop: the result stands.
    Stop,
    /// Try again after waiting this long.
    RetryAfter(Duration),
}

/// Whether a method may be repeated without changing the outcome.
pub(crate) fn is_idempotent(method: &http::Method) -> bool {
    matches!(
        *method,
        http::Method::GET | http::Method::PUT | http::Method::DELETE | http::Method::HEAD | http::Method::OPTIONS
    )
}

/// Decides after a response with an error `status`.
pub(crate) fn after_status(
    status: u16,
    idempotent: bool,
    retry_after: Option<Duration>,
    retry: u32,
    policy: &RetryPolicy,
    max_retries: u32,
) -> Next {
    let retryable = status == 429 || (idempotent && matches!(status, 502..=504));
    if !retryable || retry >= max_retries {
        return Next::Stop;
    }
    match retry_after {
        Some(wait) if wait > policy.max_retry_after => Next::Stop,
        Some(wait) => Next::RetryAfter(wait),
        None => Next::RetryAfter(jittered(policy.backoff_ceiling(retry))),
    }
}

/// Decides after a failure without a status.
pub(crate) fn after_failure(
    failure: Failure,
    idempotent: bool,
    retry: u32,
    policy: &RetryPolicy,
    max_retries: u32,
) -> Next {
    let retryable = failure == Failure::Connect || (idempotent && failure != Failure::Tls);
    if !retryable || retry >= max_retries {
        return Next::Stop;
    }
    Next::RetryAfter(jittered(policy.backoff_ceiling(retry)))
}

fn jittered(ceiling: Duration) -> Duration {
    let millis = u64::try_from(ceiling.as_millis()).unwrap_or(u64::MAX);
    Duration::from_millis(fastrand::u64(0..=millis))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait(next: Next) -> Duration {
        match next {
            Next::RetryAfter(d) => d,
            Next::Stop => panic!("expected a retry"),
        }
    }

    #[test]
    fn statuses() {
        let p = RetryPolicy::default();
        for status in [429, 502, 503, 504] {
            assert_ne!(after_status(status, true, None, 0, &p, 2), Next::Stop, "{status}");
        }
        for status in [400, 401, 403, 404, 409, 500, 501] {
            assert_eq!(after_status(status, true, None, 0, &p, 2), Next::Stop, "{status}");
        }
        // POST: only 429.
        assert_ne!(after_status(429, false, None, 0, &p, 2), Next::Stop);
        for status in [500, 502, 503, 504] {
            assert_eq!(after_status(status, false, None, 0, &p, 2), Next::Stop, "{status}");
        }
        // Exhausted.
        assert_eq!(after_status(503, true, None, 2, &p, 2), Next::Stop);
        // Retry-After wins, up to the maximum.
        assert_eq!(wait(after_status(429, false, Some(Duration::from_secs(3)), 0, &p, 2)), Duration::from_secs(3));
        assert_eq!(after_status(429, false, Some(Duration::from_secs(121)), 0, &p, 2), Next::Stop);
    }

    #[test]
    fn failures() {
        let p = RetryPolicy::default();
        assert_ne!(after_failure(Failure::Connect, false, 0, &p, 2), Next::Stop);
        assert_eq!(after_failure(Failure::Timeout, false, 0, &p, 2), Next::Stop);
        assert_eq!(after_failure(Failure::Cut, false, 0, &p, 2), Next::Stop);
        assert_ne!(after_failure(Failure::Timeout, true, 0, &p, 2), Next::Stop);
        assert_ne!(after_failure(Failure::Cut, true, 1, &p, 2), Next::Stop);
        assert_eq!(after_failure(Failure::Cut, true, 2, &p, 2), Next::Stop);
        assert_eq!(after_failure(Failure::Tls, true, 0, &p, 2), Next::Stop);
        assert_eq!(after_failure(Failure::Tls, false, 0, &p, 2), Next::Stop);
    }

    #[test]
    fn backoff_is_full_jitter_under_the_ceiling() {
        let p = RetryPolicy::default();
        let mut seen_small = false;
        for _ in 0..200 {
            let d = wait(after_failure(Failure::Connect, false, 2, &p, 5));
            assert!(d <= Duration::from_secs(2));
            seen_small |= d < Duration::from_secs(1);
        }
        assert!(seen_small, "jitter never went below half the ceiling in 200 draws");
    }
}
