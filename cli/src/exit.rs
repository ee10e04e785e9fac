//! Exit codes and the one error type every command returns.
//!
//! | code | meaning |
//! |---|---|
//! | 0 | success |
//! | 1 | the API answered with an error (or something unreadable), or a local file could not be written |
//! | 2 | usage or validation error: nothing was sent |
//! | 3 | connection failure or timeout: nothing was acted on |
//! | 4 | outcome unknown: a send may or may not have been accepted |

use std::fmt;
use std::process::ExitCode;

/// Success.
pub const OK: u8 = 0;
/// The API answered with an error.
pub const API: u8 = 1;
/// Bad usage or input; nothing was sent.
pub const USAGE: u8 = 2;
/// The connection failed or timed out.
pub const CONNECTION: u8 = 3;
/// A send may or may not have been accepted.
pub const OUTCOME_UNKNOWN: u8 = 4;

/// A failed command: what to print and which exit code to end with.
#[derive(Debug)]
pub enum CliError {
    /// Bad usage or input, found before anything was sent.
    Usage(String),
    /// An error from the SDK core.
    Core(infobip::Error),
    /// A local I/O problem (a file that cannot be written); exit code 1.
    Io(String),
    /// A failure already reported to the user, carrying its exit code.
    Reported(u8),
}

impl CliError {
    /// A usage error.
    pub fn usage(message: impl Into<String>) -> Self {
        CliError::Usage(message.into())
    }

    /// The exit code this error ends the process with.
    pub fn code(&self) -> u8 {
        match self {
            CliError::Usage(_) => USAGE,
            CliError::Core(error) => core_code(error),
            CliError::Io(_) => API,
            CliError::Reported(code) => *code,
        }
    }
}

/// The exit code for a core error, by its stable [`code`](infobip::Error::code).
pub fn core_code(error: &infobip::Error) -> u8 {
    match error.code() {
        "config" | "validation" => USAGE,
        "connection" | "timeout" => CONNECTION,
        "outcome_unknown" => OUTCOME_UNKNOWN,
        _ => API,
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Usage(message) | CliError::Io(message) => f.write_str(message),
            CliError::Core(error) => write!(f, "{error}"),
            CliError::Reported(code) => write!(f, "failed (exit code {code})"),
        }
    }
}

impl From<infobip::Error> for CliError {
    fn from(error: infobip::Error) -> Self {
        CliError::Core(error)
    }
}

/// Turns a command's result into the process exit code, printing the error on one line.
pub fn finish(result: Result<(), CliError>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::from(OK),
        Err(CliError::Reported(code)) => ExitCode::from(code),
        Err(error) => {
            let code = error.code();
            let text = error.to_string().replace('\n', " ");
            match &error {
                CliError::Core(core) => eprintln!("error [{}]: {text}", core.code()),
                _ => eprintln!("error: {text}"),
            }
            ExitCode::from(code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_codes_map_to_exit_codes() {
        assert_eq!(core_code(&infobip::Error::validation("to", "bad")), USAGE);
        assert_eq!(core_code(&infobip::Error::config("bad")), USAGE);
        assert_eq!(core_code(&infobip::Error::decode("x", None)), API);
        let timeout = infobip::Error::Timeout { message: "t".into(), attempts: 1 };
        assert_eq!(core_code(&timeout), CONNECTION);
    }
}
