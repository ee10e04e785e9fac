//! The SDK's logs on stderr: `-v`/`--verbose` (repeatable), else `INFOBIP_LOG`.
//!
//! A count of `-v` or a bare level in `INFOBIP_LOG` shows the core's own events (target
//! `infobip`: request lines, statuses, attempts, retries, deprecation warnings), which never
//! carry a credential. `INFOBIP_LOG` may also be a full filter (`infobip=debug,h2=trace`).

use tracing_subscriber::EnvFilter;

/// Installs the stderr logger when asked for: `verbose` counts `-v`.
pub fn install(verbose: u8) {
    let directive = match verbose {
        0 => std::env::var(infobip::config::ENV_LOG).ok().and_then(|v| infobip::config::log_directive(&v)),
        1 => Some("infobip=info".to_owned()),
        2 => Some("infobip=debug".to_owned()),
        _ => Some("infobip=trace".to_owned()),
    };
    let Some(directive) = directive else { return };
    let filter = match EnvFilter::try_new(&directive) {
        Ok(filter) => filter,
        Err(e) => {
            eprintln!(
                "warning: {} {directive:?} is not a log filter ({e}); logging stays off",
                infobip::config::ENV_LOG
            );
            return;
        }
    };
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).with_ansi(false).try_init();
}
