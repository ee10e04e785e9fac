//! The command line, as clap reads it.

use std::path::PathBuf;

use clap::{Args, CommandFactory as _, FromArgMatches as _, Parser, Subcommand};

/// Command-line client for the Infobip API: SMS, 2FA, bulk sends from CSV, webhooks, any
/// operation of the API, and a local emulator.
///
/// Credentials come from flags, then `INFOBIP_*` environment variables, then the profile in
/// `$XDG_CONFIG_HOME/infobip/config.toml` (or `~/.config/infobip/config.toml`).
/// Exit codes: 0 ok, 1 API error, 2 usage or validation (nothing sent), 3 connection or
/// timeout, 4 outcome unknown.
#[derive(Debug, Parser)]
#[command(name = "infobip", version, propagate_version = true)]
pub struct Cli {
    /// Options every command takes.
    #[command(flatten)]
    pub global: Global,
    /// The command.
    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// The command line as clap parses it: [`Cli`], with the options of [`Global`] accepted
    /// before any command and after every command but `emulator`. `infobip emulator` takes
    /// exactly the flags of the `infobip-emulator` binary, whose `--api-key` is a key the
    /// emulator accepts (not the one a client sends), so the global options must not reach it.
    pub fn command_line() -> clap::Command {
        let cli = Self::command();
        let global: Vec<clap::Arg> = cli.get_arguments().filter(|a| a.is_global_set()).cloned().collect();
        cli.mut_args(|a| a.global(false)).mut_subcommands(|command| {
            if command.get_name() == "emulator" { command } else { command.args(global.iter().cloned()) }
        })
    }

    /// Parses the process's arguments with [`Cli::command_line`].
    pub fn parse_command_line() -> Result<Self, clap::Error> {
        let matches = Self::command_line().try_get_matches()?;
        Self::from_arg_matches(&matches).map_err(|e| e.format(&mut Self::command_line()))
    }
}

/// Options every command but `emulator` takes (see [`Cli::command_line`]).
#[derive(Debug, Args)]
pub struct Global {
    /// Print JSON for scripts instead of tables.
    #[arg(long, global = true)]
    pub json: bool,
    /// The profile of the config file to use.
    #[arg(long, global = true, env = "INFOBIP_PROFILE", default_value = "default")]
    pub profile: String,
    /// The API base URL (else INFOBIP_BASE_URL, else the profile's).
    #[arg(long, global = true)]
    pub base_url: Option<String>,
    /// The API key (else INFOBIP_API_KEY, else the profile's). Prefer the profile or the
    /// environment: command lines are visible to other users.
    #[arg(long, global = true)]
    pub api_key: Option<String>,
    /// Timeout of each request, in seconds (default 60).
    #[arg(long, global = true, value_name = "SECONDS")]
    pub timeout: Option<f64>,
    /// Send every request through this proxy: http://[USER:PASSWORD@]HOST:PORT or https://…
    /// (else the profile's `proxy`, else HTTPS_PROXY/HTTP_PROXY/ALL_PROXY and NO_PROXY). With
    /// a password, prefer the profile: command lines are visible to other users.
    #[arg(long, global = true, value_name = "URL")]
    pub proxy: Option<String>,
    /// Hosts, domains and IP ranges the --proxy is not used for, comma-separated (else the
    /// profile's `no_proxy`).
    #[arg(long, global = true, value_name = "LIST")]
    pub no_proxy: Option<String>,
    /// Also trust the CA certificates of this PEM file (else the profile's `ca_file`).
    #[arg(long, global = true, value_name = "FILE")]
    pub ca_file: Option<PathBuf>,
    /// A client certificate (PEM) for servers that ask for one, with --client-key (else the
    /// profile's `client_cert` and `client_key`).
    #[arg(long, global = true, value_name = "FILE", requires = "client_key")]
    pub client_cert: Option<PathBuf>,
    /// The private key (PEM) of --client-cert.
    #[arg(long, global = true, value_name = "FILE", requires = "client_cert")]
    pub client_key: Option<PathBuf>,
    /// Log what the SDK does to stderr: -v retries and warnings, -vv every response, -vvv
    /// everything (else INFOBIP_LOG: a level such as `debug`, or a filter). Never a secret.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Save the base URL (--base-url) and API key (--api-key, else read from standard input,
    /// with a hidden prompt on a terminal) to a profile of the config file (mode 0600).
    Login,
    /// Show the resolved configuration (the key masked).
    Config {
        /// What to do.
        #[command(subcommand)]
        command: ConfigCommand,
    },
    /// Show the account balance.
    Balance,
    /// Send and look up SMS.
    Sms {
        /// What to do.
        #[command(subcommand)]
        command: SmsCommand,
    },
    /// Two-factor authentication: applications, message templates, PINs.
    Tfa {
        /// What to do.
        #[command(subcommand)]
        command: TfaCommand,
    },
    /// Receive webhooks (delivery reports, inbound messages) locally.
    Webhooks {
        /// What to do.
        #[command(subcommand)]
        command: WebhooksCommand,
    },
    /// Call any operation of the API by its operation id (see `infobip operations`).
    Call(CallArgs),
    /// List the API's operations with method, path and scopes.
    Operations(OperationsArgs),
    /// Run the local Infobip API emulator.
    Emulator(EmulatorArgs),
}

/// `infobip config …`.
#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Show the config file path, profile, base URL and masked key in use.
    Show,
}

/// `infobip sms …`.
#[derive(Debug, Subcommand)]
pub enum SmsCommand {
    /// Send one text to one or more destinations.
    Send(SendArgs),
    /// Preview how a text is split into SMS parts.
    Preview(PreviewArgs),
    /// Pull delivery reports (each report is returned only once).
    Reports(ReportsArgs),
    /// Show message logs (last 48 hours); `--follow` keeps polling for new ones.
    Logs(LogsArgs),
    /// Pull inbound messages (each message is returned only once).
    Inbound(InboundArgs),
    /// Send to every destination of a CSV file, in batches, resumable.
    ///
    /// The file is read twice, streaming: first every row is checked, and a bad row (not a
    /// phone number, a missing column, bad UTF-8) stops the command with exit 2 naming its line,
    /// before anything is sent. Then destinations are sent in batches, one request at a time.
    /// Before each batch goes out, its bulk id and message ids are written to the results file
    /// (outcome `pending`); after the answer, each destination's outcome: accepted, rejected,
    /// outcome_unknown or failed. Rerunning with --resume skips every destination already
    /// recorded, so nothing is sent twice. A batch whose outcome is unknown (connection cut,
    /// timeout, 5xx) is recorded as outcome_unknown, never resent, and stops the run (exit 4):
    /// check it with `infobip sms logs --message-id ID`. A batch the API refuses (4xx) is
    /// recorded as failed, stops the run, and is sent again by --resume. Ctrl-C stops after the
    /// current batch (exit 130).
    Bulk(BulkArgs),
}

/// `infobip sms send`.
#[derive(Debug, Args)]
pub struct SendArgs {
    /// A destination in international format (41793026727); repeat or separate with commas.
    #[arg(long = "to", required = true, value_delimiter = ',')]
    pub to: Vec<String>,
    /// The text.
    #[arg(long)]
    pub text: String,
    /// The sender id.
    #[arg(long)]
    pub sender: Option<String>,
    /// Schedule the send (RFC 3339, e.g. 2026-12-24T09:00:00+01:00).
    #[arg(long, value_name = "RFC3339")]
    pub send_at: Option<String>,
    /// Where delivery reports are pushed.
    #[arg(long, value_name = "URL")]
    pub notify_url: Option<String>,
}

/// `infobip sms preview`.
#[derive(Debug, Args)]
pub struct PreviewArgs {
    /// The text.
    #[arg(long)]
    pub text: String,
}

/// `infobip sms reports`.
#[derive(Debug, Args)]
pub struct ReportsArgs {
    /// Only this bulk.
    #[arg(long)]
    pub bulk_id: Option<String>,
    /// Only this message.
    #[arg(long)]
    pub message_id: Option<String>,
    /// At most this many (1 to 1000).
    #[arg(long)]
    pub limit: Option<u32>,
}

/// `infobip sms logs`.
#[derive(Debug, Args)]
pub struct LogsArgs {
    /// Only these bulks (repeat or separate with commas).
    #[arg(long, value_delimiter = ',')]
    pub bulk_id: Vec<String>,
    /// Only these messages (repeat or separate with commas).
    #[arg(long, value_delimiter = ',')]
    pub message_id: Vec<String>,
    /// Only this destination.
    #[arg(long)]
    pub destination: Option<String>,
    /// At most this many logs (without --follow).
    #[arg(long)]
    pub limit: Option<u32>,
    /// Keep polling and print logs as they appear or change, until Ctrl-C.
    #[arg(long)]
    pub follow: bool,
    /// Seconds between polls with --follow (1 to 60; the API allows 120 calls a minute).
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u64).range(1..=60))]
    pub interval: u64,
    /// Stop --follow after this many polls (for scripts and tests).
    #[arg(long, hide = true)]
    pub max_polls: Option<u64>,
}

/// `infobip sms inbound`.
#[derive(Debug, Args)]
pub struct InboundArgs {
    /// At most this many (1 to 1000).
    #[arg(long)]
    pub limit: Option<u32>,
}

/// `infobip sms bulk`.
#[derive(Debug, Args)]
pub struct BulkArgs {
    /// The CSV file (UTF-8, with a header row unless --no-header).
    #[arg(long)]
    pub csv: PathBuf,
    /// The text sent to every destination.
    #[arg(long, conflicts_with = "text_column", required_unless_present = "text_column")]
    pub text: Option<String>,
    /// The column holding each row's text.
    #[arg(long)]
    pub text_column: Option<String>,
    /// The column holding the destination.
    #[arg(long, default_value = "to")]
    pub to_column: String,
    /// The file has no header row: the first column is the destination.
    #[arg(long, conflicts_with = "text_column")]
    pub no_header: bool,
    /// The sender id.
    #[arg(long)]
    pub sender: Option<String>,
    /// Where delivery reports are pushed.
    #[arg(long, value_name = "URL")]
    pub notify_url: Option<String>,
    /// The results file (CSV: line, to, bulk_id, message_id, outcome, status, error).
    /// Default: the CSV's name with `.results.csv`.
    #[arg(long)]
    pub results: Option<PathBuf>,
    /// Continue an interrupted run from its results file (the CSV must be unchanged). Without
    /// it, an existing results file is refused, so that two runs never mix.
    #[arg(long)]
    pub resume: bool,
    /// Destinations per request (1 to 10000, the SDK's per-request limit).
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub batch_size: u32,
}

/// `infobip tfa …`.
#[derive(Debug, Subcommand)]
pub enum TfaCommand {
    /// Create a 2FA application; prints its id.
    CreateApplication(CreateApplicationArgs),
    /// Create a message template of an application; prints its message id.
    CreateMessage(CreateMessageArgs),
    /// Send a PIN over SMS; prints the PIN id.
    SendPin(SendPinArgs),
    /// Verify a PIN; exits 1 when it is not verified.
    VerifyPin(VerifyPinArgs),
}

/// `infobip tfa create-application`.
#[derive(Debug, Args)]
pub struct CreateApplicationArgs {
    /// The application's name.
    #[arg(long)]
    pub name: String,
}

/// `infobip tfa create-message`.
#[derive(Debug, Args)]
pub struct CreateMessageArgs {
    /// The application id.
    #[arg(long)]
    pub app_id: String,
    /// The text, with `{{pin}}` where the PIN goes.
    #[arg(long)]
    pub text: String,
    /// PIN type: NUMERIC, ALPHA, HEX or ALPHANUMERIC.
    #[arg(long, default_value = "NUMERIC")]
    pub pin_type: String,
    /// PIN length.
    #[arg(long, default_value_t = 6)]
    pub pin_length: i32,
    /// The sender id.
    #[arg(long)]
    pub sender: Option<String>,
}

/// `infobip tfa send-pin`.
#[derive(Debug, Args)]
pub struct SendPinArgs {
    /// The application id.
    #[arg(long)]
    pub app_id: String,
    /// The message template id.
    #[arg(long)]
    pub message_id: String,
    /// The phone number.
    #[arg(long)]
    pub to: String,
    /// The sender id.
    #[arg(long)]
    pub from: Option<String>,
}

/// `infobip tfa verify-pin`.
#[derive(Debug, Args)]
pub struct VerifyPinArgs {
    /// The PIN id that send-pin printed.
    #[arg(long)]
    pub pin_id: String,
    /// The PIN the user typed.
    #[arg(long)]
    pub pin: String,
}

/// `infobip webhooks …`.
#[derive(Debug, Subcommand)]
pub enum WebhooksCommand {
    /// Listen on 127.0.0.1 for delivery reports (POST /delivery-reports), inbound messages
    /// (POST /inbound) and clicks (POST /clicks); verify and print each push.
    Listen(ListenArgs),
}

/// `infobip webhooks listen`.
#[derive(Debug, Args)]
pub struct ListenArgs {
    /// The port on 127.0.0.1 (0 = any free port; the address is printed).
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// Require Basic authentication with these credentials.
    #[arg(long, value_name = "USER:PASSWORD", conflicts_with = "hmac_secret")]
    pub basic: Option<String>,
    /// Require an HMAC signature of the body made with this secret.
    #[arg(long, value_name = "SECRET")]
    pub hmac_secret: Option<String>,
    /// The header carrying the HMAC signature.
    #[arg(long, default_value = "X-Signature", requires = "hmac_secret")]
    pub hmac_header: String,
    /// The HMAC algorithm (sha1, sha256, sha512…).
    #[arg(long, default_value = "sha256", requires = "hmac_secret")]
    pub hmac_algorithm: String,
    /// Stop after this many pushes (for scripts and tests).
    #[arg(long, hide = true)]
    pub max_pushes: Option<u64>,
}

/// `infobip call`.
#[derive(Debug, Args)]
pub struct CallArgs {
    /// The operation id (e.g. get-outbound-sms-message-logs-v3).
    pub operation_id: String,
    /// A path parameter, or a query parameter when the path has none of that name (k=v).
    #[arg(long = "param", value_name = "K=V")]
    pub params: Vec<String>,
    /// A query parameter (k=v); repeat a name for a list.
    #[arg(long = "query", value_name = "K=V")]
    pub query: Vec<String>,
    /// The JSON body: a file, or `-` for standard input.
    #[arg(long, value_name = "FILE|-")]
    pub body: Option<String>,
}

/// `infobip operations`.
#[derive(Debug, Args)]
pub struct OperationsArgs {
    /// Only operations whose id, path, product or summary contain this (case-insensitive).
    #[arg(long)]
    pub search: Option<String>,
}

/// `infobip emulator`: exactly the flags of the `infobip-emulator` binary.
#[derive(Debug, Args)]
pub struct EmulatorArgs {
    /// The emulator's flags, layered over its `--config` file.
    #[command(flatten)]
    pub flags: infobip_emulator::Flags,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use infobip_emulator::{ApiKeyConfig, EmulatorConfig};

    /// The long flags of a command, but help and version.
    fn longs(command: &clap::Command) -> Vec<String> {
        let mut longs: Vec<String> = command
            .get_arguments()
            .filter_map(|a| a.get_long())
            .filter(|l| !matches!(*l, "help" | "version"))
            .map(str::to_owned)
            .collect();
        longs.sort();
        longs
    }

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        let matches =
            Cli::command_line().try_get_matches_from(std::iter::once("infobip").chain(args.iter().copied()))?;
        Cli::from_arg_matches(&matches)
    }

    fn emulator_config(args: &[&str]) -> EmulatorConfig {
        match parse(&[&["emulator"], args].concat()).unwrap().command {
            Command::Emulator(args) => args.flags.config().unwrap(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command_line().debug_assert();
    }

    #[test]
    fn emulator_takes_exactly_the_flags_of_the_emulator_binary() {
        let mut cli = Cli::command_line();
        cli.build();
        let emulator = cli.find_subcommand("emulator").unwrap();
        let binary = <infobip_emulator::Flags as clap::Args>::augment_args(clap::Command::new("infobip-emulator"));
        assert_eq!(longs(emulator), longs(&binary));
        for flag in ["--port", "--config", "--delivery-delay-ms", "--throttling", "--api-key", "--status-mix", "--seed"]
        {
            assert!(longs(emulator).contains(&flag[2..].to_owned()), "{flag}");
        }
        // The global options still reach every other command, before or after it.
        let sms_send = cli.find_subcommand("sms").unwrap().find_subcommand("send").unwrap();
        assert!(longs(sms_send).iter().any(|l| l == "api-key") && longs(sms_send).iter().any(|l| l == "json"));
    }

    #[test]
    fn emulator_flags_are_applied_over_its_config_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("emulator.toml");
        std::fs::write(&file, "delivery_delay_ms = 500\nthrottling = true\n[[api_keys]]\nkey = \"file-key\"\n")
            .unwrap();
        let file = file.to_str().unwrap();
        let c = emulator_config(&["--config", file]);
        assert_eq!((c.delivery_delay_ms, c.throttling, c.primary_api_key()), (500, true, "file-key"));
        let c = emulator_config(&[
            "--config",
            file,
            "--port",
            "0",
            "--delivery-delay-ms",
            "7",
            "--no-throttling",
            "--seed",
            "9",
            "--api-key",
            "logs=sms:logs:read",
            "--user",
            "alice:wonder",
            "--oauth-client",
            "cid:csecret",
            "--status-mix",
            "DELIVERED=90,EXPIRED=10",
        ]);
        assert_eq!((c.port, c.delivery_delay_ms, c.throttling, c.seed), (0, 7, false, 9));
        assert_eq!(c.api_keys, vec![ApiKeyConfig { key: "logs".into(), scopes: Some(vec!["sms:logs:read".into()]) }]);
        assert_eq!((c.users[0].username.as_str(), c.oauth_clients[0].client_id.as_str()), ("alice", "cid"));
        let mix: Vec<(&str, u32)> = c.status_mix.iter().map(|w| (w.status.as_str(), w.weight)).collect();
        assert_eq!(mix, vec![("DELIVERED", 90), ("EXPIRED", 10)]);
        assert!(emulator_config(&["--throttling"]).throttling);
    }

    #[test]
    fn global_options_work_around_commands_but_not_after_emulator() {
        let cli = parse(&["--json", "sms", "send", "--api-key", "k", "--to", "41793026727", "--text", "x"]).unwrap();
        assert!(cli.global.json);
        assert_eq!(cli.global.api_key.as_deref(), Some("k"));
        let cli = parse(&["login", "--profile", "p", "--base-url", "http://127.0.0.1:1"]).unwrap();
        assert_eq!((cli.global.profile.as_str(), cli.global.base_url.as_deref()), ("p", Some("http://127.0.0.1:1")));
        assert_eq!(parse(&["--timeout", "3", "balance"]).unwrap().global.timeout, Some(3.0));
        // After `emulator`, --api-key is the emulator's (a key it accepts), and --json is unknown.
        let cli = parse(&["emulator", "--api-key", "a", "--api-key", "b=sms:manage"]).unwrap();
        assert_eq!(cli.global.api_key, None);
        assert!(parse(&["emulator", "--json"]).is_err());
    }
}
