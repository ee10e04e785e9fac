//! Waiting for Ctrl-C (and SIGTERM on Unix), for the commands that run until stopped.

/// Resolves on Ctrl-C or, on Unix, SIGTERM.
pub async fn stopped() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    // No SIGTERM handler: Ctrl-C only; if even that cannot be watched, wait forever.
    if tokio::signal::ctrl_c().await.is_err() {
        std::future::pending::<()>().await;
    }
}
