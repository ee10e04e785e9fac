//! `infobip`: the command-line client of the Infobip SDK.
//!
//! It holds no API logic: requests, validation, retries, throttling and errors come from the
//! `infobip` core crate; `infobip emulator` runs the `infobip-emulator` crate.

mod args;
mod bulk;
mod call;
mod emulator;
mod exit;
mod listen;
mod login;
mod logs;
mod output;
mod profile;
mod signals;
mod sms;
mod tfa;

use std::process::ExitCode;

use crate::args::{Cli, Command};
use crate::exit::CliError;

fn main() -> ExitCode {
    let cli = match Cli::parse_command_line() {
        Ok(cli) => cli,
        Err(error) => return usage_error(&error),
    };
    logs::install(cli.global.verbose);
    let runtime = match tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build() {
        Ok(runtime) => runtime,
        Err(e) => return exit::finish(Err(CliError::Io(format!("cannot start the async runtime: {e}")))),
    };
    exit::finish(runtime.block_on(run(cli)))
}

/// Prints help and version as clap does (exit 0); any other parse error as one line (exit 2).
fn usage_error(error: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = error.print();
            if error.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                ExitCode::from(exit::USAGE)
            } else {
                ExitCode::from(exit::OK)
            }
        }
        _ => {
            // The first paragraph of clap's message, on one line.
            let rendered = error.render().to_string();
            let paragraph: Vec<&str> = rendered
                .lines()
                .skip_while(|l| l.trim().is_empty())
                .take_while(|l| !l.trim().is_empty())
                .map(str::trim)
                .collect();
            let message = if paragraph.is_empty() { "error: invalid usage".to_owned() } else { paragraph.join(" ") };
            eprintln!("{message} (see --help)");
            ExitCode::from(exit::USAGE)
        }
    }
}

async fn run(cli: Cli) -> Result<(), CliError> {
    let global = &cli.global;
    match cli.command {
        Command::Login => login::login(global),
        Command::Config { command: args::ConfigCommand::Show } => login::show(global),
        Command::Balance => sms::balance(global).await,
        Command::Sms { command } => sms::run(global, command).await,
        Command::Tfa { command } => tfa::run(global, command).await,
        Command::Webhooks { command: args::WebhooksCommand::Listen(args) } => listen::listen(global, args).await,
        Command::Call(args) => call::call(global, args).await,
        Command::Operations(args) => call::operations(global, &args),
        Command::Emulator(args) => emulator::emulator(args).await,
    }
}
