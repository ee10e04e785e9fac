//! `infobip-emulator`: serves the Infobip API emulator on 127.0.0.1.

use clap::Parser;
use infobip_emulator::{EmulatorConfig, run};
use std::path::PathBuf;

/// Command-line options.
#[derive(Debug, Parser)]
#[command(name = "infobip-emulator", version, about = "A stateful local emulator of the Infobip API")]
struct Args {
    /// Port on 127.0.0.1 (0 = any free port).
    #[arg(long, env = "INFOBIP_EMULATOR_PORT")]
    port: Option<u16>,
    /// TOML configuration file.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Delay before delivery reports, in milliseconds.
    #[arg(long)]
    delivery_delay_ms: Option<u64>,
    /// Enforce the spec's throttling limits.
    #[arg(long)]
    throttling: bool,
    /// Seed for the status mix and generated ids.
    #[arg(long)]
    seed: Option<u64>,
}

async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

fn main() -> std::process::ExitCode {
    let args = Args::parse();
    let mut config = match &args.config {
        Some(path) => match EmulatorConfig::from_toml_file(path) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("error: {e}");
                return std::process::ExitCode::from(2);
            }
        },
        None => EmulatorConfig::default(),
    };
    if let Some(p) = args.port {
        config.port = p;
    }
    if let Some(d) = args.delivery_delay_ms {
        config.delivery_delay_ms = d;
    }
    if args.throttling {
        config.throttling = true;
    }
    if let Some(s) = args.seed {
        config.seed = s;
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start runtime: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(config, shutdown_signal())) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
