//! `infobip-emulator`: serves the Infobip API emulator on 127.0.0.1.

use clap::Parser;
use infobip_emulator::{Flags, run};

/// Command-line options.
#[derive(Debug, Parser)]
#[command(name = "infobip-emulator", version, about = "A stateful local emulator of the Infobip API")]
struct Args {
    #[command(flatten)]
    flags: Flags,
}

/// Resolves on SIGTERM or SIGINT. The handlers are installed when this is called, not when the
/// future is first polled, so a signal sent right after the listening line still stops the
/// emulator cleanly instead of killing it.
#[cfg(unix)]
fn shutdown_signal() -> std::io::Result<impl Future<Output = ()>> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut term = signal(SignalKind::terminate())?;
    let mut int = signal(SignalKind::interrupt())?;
    Ok(async move {
        tokio::select! {
            _ = term.recv() => {}
            _ = int.recv() => {}
        }
    })
}

/// Resolves on Ctrl-C (installed when called, like the Unix version).
#[cfg(not(unix))]
fn shutdown_signal() -> std::io::Result<impl Future<Output = ()>> {
    let mut ctrl_c = tokio::signal::windows::ctrl_c()?;
    Ok(async move {
        let _ = ctrl_c.recv().await;
    })
}

fn main() -> std::process::ExitCode {
    let config = match Args::parse().flags.config() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start runtime: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let served = runtime.block_on(async {
        let stop = shutdown_signal()?;
        run(config, stop).await
    });
    match served {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
