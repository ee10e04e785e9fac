//! `infobip emulator`: the `infobip-emulator` crate's server, on 127.0.0.1.

use crate::args::EmulatorArgs;
use crate::exit::CliError;

/// Runs the emulator until Ctrl-C or SIGTERM, printing the same listening line as
/// `infobip-emulator`; its flags are that binary's, layered over the `--config` file.
pub async fn emulator(args: EmulatorArgs) -> Result<(), CliError> {
    let config = args.flags.config().map_err(|e| CliError::usage(e.to_string()))?;
    // The handlers are installed here, before `run` prints the listening line.
    let stopped = crate::signals::stopped();
    infobip_emulator::run(config, stopped).await.map_err(|e| CliError::Io(format!("the emulator failed: {e}")))
}
