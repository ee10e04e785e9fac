//! Client-side throttling: at most N requests in any window, per operation.
//!
//! Infobip publishes limits per operation (`x-throttling-info`, e.g. 120 requests a minute for
//! `GET /sms/3/logs`). Each limited operation gets a token bucket of N tokens in which a spent
//! token comes back exactly one window after it was spent (a sliding window): a call waits until
//! fewer than N calls were started in the last window, so the SDK waits instead of earning a 429.
//! Unlike a bucket refilled at a steady N-per-window rate, this never lets more than N calls
//! start within any one window, which is what the server counts.
//! The window is stretched by 1% so that requests delayed on the way still fit the server's count.
//!
//! A wait never outlasts the call: when no slot frees up before the call's deadline (see
//! [`Transport::run`](super::Transport::run)), the call ends at once with `timeout`, unsent.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use tokio::time::Instant;

/// A published limit: `requests` per `per`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimit {
    /// Requests allowed in one window.
    pub requests: u32,
    /// The window.
    pub per: Duration,
}

impl RateLimit {
    /// `requests` per `per`.
    pub fn new(requests: u32, per: Duration) -> Self {
        RateLimit { requests: requests.max(1), per }
    }

    /// `requests` a second.
    pub fn per_second(requests: u32) -> Self {
        RateLimit::new(requests, Duration::from_secs(1))
    }

    /// `requests` a minute.
    pub fn per_minute(requests: u32) -> Self {
        RateLimit::new(requests, Duration::from_secs(60))
    }
}

/// The limiters of one client, by operation key (`METHOD /path/template`).
#[derive(Debug, Default)]
pub(crate) struct Throttle {
    limits: Mutex<HashMap<String, Arc<Window>>>,
}

#[derive(Debug)]
struct Window {
    limit: RateLimit,
    /// When each call of the current window started; a tokio mutex so waiters queue in order.
    starts: tokio::sync::Mutex<VecDeque<Instant>>,
}

impl Throttle {
    /// Sets (or replaces) the limit of an operation.
    pub(crate) fn set(&self, key: &str, limit: RateLimit) {
        let window = Arc::new(Window { limit, starts: tokio::sync::Mutex::new(VecDeque::new()) });
        self.limits.lock().unwrap_or_else(PoisonError::into_inner).insert(key.to_owned(), window);
    }

    /// Waits until a call of `key` may start, and counts it. When no slot comes before
    /// `deadline`, it gives up (without waiting for nothing) and says why.
    pub(crate) async fn acquire(&self, key: &str, deadline: Option<Instant>) -> Result<(), String> {
        let window = self.limits.lock().unwrap_or_else(PoisonError::into_inner).get(key).cloned();
        let Some(window) = window else { return Ok(()) };
        let limit = window.limit;
        let late = || {
            format!(
                "the client-side rate limit of {key} ({} requests per {:?}) had no free slot before the call's timeout",
                limit.requests, limit.per
            )
        };
        let mut starts = match deadline {
            Some(deadline) => tokio::time::timeout_at(deadline, window.starts.lock()).await.map_err(|_| late())?,
            None => window.starts.lock().await,
        };
        let capacity = limit.requests as usize;
        let span = limit.per.saturating_add(limit.per / 100);
        loop {
            let now = Instant::now();
            while starts.front().is_some_and(|t| now.duration_since(*t) >= span) {
                starts.pop_front();
            }
            if starts.len() < capacity {
                starts.push_back(now);
                return Ok(());
            }
            if let Some(oldest) = starts.front().copied() {
                let free = oldest.checked_add(span).ok_or_else(late)?;
                if deadline.is_some_and(|deadline| free > deadline) {
                    return Err(late());
                }
                tracing::debug!(target: "infobip", operation = key, "throttled on the client side; waiting");
                tokio::time::sleep_until(free).await;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn never_more_than_the_limit_in_any_window() {
        let throttle = Throttle::default();
        throttle.set("GET /x", RateLimit::new(5, Duration::from_secs(10)));
        let start = Instant::now();
        let mut times = Vec::new();
        for _ in 0..12 {
            throttle.acquire("GET /x", None).await.expect("no deadline");
            times.push(start.elapsed());
        }
        for (i, t) in times.iter().enumerate().skip(5) {
            assert!(*t >= times[i - 5] + Duration::from_secs(10), "call {i} at {t:?}");
        }
        assert!(times[11] >= Duration::from_secs(20));
        // Unlimited keys never wait.
        let before = Instant::now();
        throttle.acquire("GET /other", Some(before)).await.expect("unlimited");
        assert_eq!(before.elapsed(), Duration::ZERO);
    }

    #[tokio::test(start_paused = true)]
    async fn a_wait_past_the_deadline_gives_up_at_once() {
        let throttle = Throttle::default();
        throttle.set("GET /x", RateLimit::new(1, Duration::from_secs(60)));
        throttle.acquire("GET /x", None).await.expect("the first slot");
        let before = Instant::now();
        let why = throttle.acquire("GET /x", Some(before + Duration::from_secs(5))).await.expect_err("no slot in 5 s");
        assert!(why.contains("GET /x") && why.contains("timeout"), "{why}");
        assert_eq!(before.elapsed(), Duration::ZERO, "it did not wait for nothing");
        // A deadline past the free slot waits for it.
        throttle.acquire("GET /x", Some(before + Duration::from_secs(120))).await.expect("a slot in 61 s");
        assert!(before.elapsed() >= Duration::from_secs(60));
        // Queued behind a long wait, a waiter gives up at its own deadline.
        let throttle = std::sync::Arc::new(throttle);
        let first = tokio::spawn({
            let throttle = throttle.clone();
            async move { throttle.acquire("GET /x", None).await }
        });
        tokio::task::yield_now().await;
        let queued = Instant::now();
        let why = throttle.acquire("GET /x", Some(queued + Duration::from_secs(2))).await.expect_err("deadline");
        assert!(queued.elapsed() <= Duration::from_secs(2), "{why}");
        first.await.expect("joined").expect("eventually");
    }
}
