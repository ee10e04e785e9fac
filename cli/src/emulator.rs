//! `infobip emulator`: the `infobip-emulator` crate's server, on 127.0.0.1.

use infobip_emulator::EmulatorConfig;

use crate::args::EmulatorArgs;
use crate::exit::CliError;

/// Runs the emulator until Ctrl-C, printing the same listening line as `infobip-emulator`.
pub async fn emulator(args: EmulatorArgs) -> Result<(), CliError> {
    let mut config = match &args.config {
        Some(path) => EmulatorConfig::from_toml_file(path).map_err(|e| CliError::usage(e.to_string()))?,
        None => EmulatorConfig::default(),
    };
    config.port = args.port.unwrap_or(config.port);
    config.delivery_delay_ms = args.delivery_delay_ms.unwrap_or(config.delivery_delay_ms);
    config.throttling |= args.throttling;
    // The handlers are installed here, before `run` prints the listening line.
    let stopped = crate::signals::stopped();
    infobip_emulator::run(config, stopped).await.map_err(|e| CliError::Io(format!("the emulator failed: {e}")))
}
