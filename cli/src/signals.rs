//! Waiting for Ctrl-C (and SIGTERM on Unix), for the commands that run until stopped.

use std::future::Future;

/// Watches for Ctrl-C (SIGINT) and, on Unix, SIGTERM; the returned future resolves when one
/// arrives. The handlers are installed by this call, not when the future is first polled: call
/// it before printing the line that tells a script the command is ready, or a signal sent right
/// after that line kills the process instead of stopping it cleanly. Must be called inside the
/// Tokio runtime. A signal that cannot be watched is ignored; if none can, it never resolves.
pub fn stopped() -> impl Future<Output = ()> {
    #[cfg(unix)]
    let (first, second) = {
        use tokio::signal::unix::{SignalKind, signal};
        (signal(SignalKind::interrupt()).ok(), signal(SignalKind::terminate()).ok())
    };
    #[cfg(not(unix))]
    let (first, second) = (tokio::signal::windows::ctrl_c().ok(), None::<tokio::signal::windows::CtrlC>);
    async move {
        tokio::select! {
            () = received(first) => {}
            () = received(second) => {}
        }
    }
}

/// The next delivery of a watched signal; never, when it could not be watched.
#[cfg(unix)]
async fn received(signal: Option<tokio::signal::unix::Signal>) {
    match signal {
        Some(mut signal) => {
            signal.recv().await;
        }
        None => std::future::pending().await,
    }
}

/// The next Ctrl-C; never, when it could not be watched.
#[cfg(not(unix))]
async fn received(signal: Option<tokio::signal::windows::CtrlC>) {
    match signal {
        Some(mut signal) => {
            signal.recv().await;
        }
        None => std::future::pending().await,
    }
}
