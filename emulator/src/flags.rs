//! Command-line flags of the `infobip-emulator` binary. A flag overrides the same setting of the
//! `--config` TOML file; credential flags replace the file's list of that kind.

use crate::config::{ApiKeyConfig, ConfigError, EmulatorConfig, OAuthClientConfig, StatusWeight, UserConfig};
use std::path::PathBuf;

/// The emulator's flags (flatten them into a `clap` parser); [`Flags::config`] builds the
/// configuration from the file and the flags.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct Flags {
    /// Port on 127.0.0.1 (0 = any free port).
    #[arg(long, env = "INFOBIP_EMULATOR_PORT")]
    pub port: Option<u16>,
    /// TOML configuration file (see the emulator's README); flags override it.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Delay between accepting a message and its final delivery report, in milliseconds.
    #[arg(long, value_name = "MS")]
    pub delivery_delay_ms: Option<u64>,
    /// Enforce the spec's throttling limits (x-throttling-info) with 429s.
    #[arg(long, conflicts_with = "no_throttling")]
    pub throttling: bool,
    /// Do not enforce throttling, even when the config file enables it.
    #[arg(long)]
    pub no_throttling: bool,
    /// Seed for the status mix and generated ids (reproducible runs).
    #[arg(long)]
    pub seed: Option<u64>,
    /// An accepted API key: `KEY` (every scope) or `KEY=SCOPE,SCOPE`. Repeatable; replaces the
    /// file's keys; the first is the one printed.
    #[arg(long = "api-key", value_name = "KEY[=SCOPES]", value_parser = parse_api_key)]
    pub api_keys: Vec<ApiKeyConfig>,
    /// A Basic-auth and IBSSO session user (every scope). Repeatable; replaces the file's users.
    #[arg(long = "user", value_name = "USERNAME:PASSWORD", value_parser = parse_user)]
    pub users: Vec<UserConfig>,
    /// An OAuth2 client (every scope). Repeatable; replaces the file's clients.
    #[arg(long = "oauth-client", value_name = "ID:SECRET", value_parser = parse_oauth_client)]
    pub oauth_clients: Vec<OAuthClientConfig>,
    /// Final status mix, e.g. `DELIVERED=90,UNDELIVERABLE=5,EXPIRED=5` (also `REJECTED`).
    #[arg(long, value_name = "STATUS=WEIGHT,…", value_parser = parse_status_mix)]
    pub status_mix: Option<StatusMix>,
    /// Do not serve the inbox page at /_emulator/ui/ (nor print its address).
    #[arg(long)]
    pub no_ui: bool,
    /// Serve HTTPS with a CA and certificates made at start; the CA's PEM file is printed.
    #[arg(long)]
    pub tls: bool,
    /// With --tls: require a client certificate signed by that CA (`client.pem` and
    /// `client-key.pem` beside `ca.pem`).
    #[arg(long, requires = "tls")]
    pub tls_client_auth: bool,
    /// With --tls: the directory for `ca.pem`, `client.pem` and `client-key.pem`.
    #[arg(long, value_name = "DIR", requires = "tls")]
    pub tls_dir: Option<PathBuf>,
}

/// A parsed `--status-mix` value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusMix(pub Vec<StatusWeight>);

impl Flags {
    /// Reads the `--config` file (or starts from the defaults), applies the flags over it and
    /// validates the result.
    pub fn config(&self) -> Result<EmulatorConfig, ConfigError> {
        let mut config = match &self.config {
            Some(path) => EmulatorConfig::from_toml_file(path)?,
            None => EmulatorConfig::default(),
        };
        if let Some(p) = self.port {
            config.port = p;
        }
        if let Some(d) = self.delivery_delay_ms {
            config.delivery_delay_ms = d;
        }
        if self.throttling {
            config.throttling = true;
        }
        if self.no_throttling {
            config.throttling = false;
        }
        if let Some(s) = self.seed {
            config.seed = s;
        }
        if !self.api_keys.is_empty() {
            config.api_keys = self.api_keys.clone();
        }
        if !self.users.is_empty() {
            config.users = self.users.clone();
        }
        if !self.oauth_clients.is_empty() {
            config.oauth_clients = self.oauth_clients.clone();
        }
        if self.no_ui {
            config.ui = false;
        }
        if let Some(StatusMix(mix)) = &self.status_mix {
            config.status_mix = mix.clone();
        }
        config.tls |= self.tls;
        config.tls_client_auth |= self.tls_client_auth;
        if let Some(dir) = &self.tls_dir {
            config.tls_dir = Some(dir.clone());
        }
        config.validate()?;
        Ok(config)
    }
}

fn non_empty<'a>(what: &str, s: &'a str) -> Result<&'a str, String> {
    if s.is_empty() { Err(format!("{what} must not be empty")) } else { Ok(s) }
}

fn parse_api_key(s: &str) -> Result<ApiKeyConfig, String> {
    let (key, scopes) = match s.split_once('=') {
        Some((k, list)) => {
            let scopes: Vec<String> =
                list.split(',').map(str::trim).filter(|x| !x.is_empty()).map(str::to_string).collect();
            (k, Some(scopes))
        }
        None => (s, None),
    };
    Ok(ApiKeyConfig { key: non_empty("the key", key)?.to_string(), scopes })
}

fn pair<'a>(s: &'a str, left: &str, right: &str) -> Result<(&'a str, &'a str), String> {
    let (a, b) = s.split_once(':').ok_or_else(|| format!("expected {left}:{right}"))?;
    Ok((non_empty(left, a)?, non_empty(right, b)?))
}

fn parse_user(s: &str) -> Result<UserConfig, String> {
    let (username, password) = pair(s, "USERNAME", "PASSWORD")?;
    Ok(UserConfig { username: username.into(), password: password.into(), scopes: None })
}

fn parse_oauth_client(s: &str) -> Result<OAuthClientConfig, String> {
    let (id, secret) = pair(s, "ID", "SECRET")?;
    Ok(OAuthClientConfig { client_id: id.into(), client_secret: secret.into(), scopes: None })
}

fn parse_status_mix(s: &str) -> Result<StatusMix, String> {
    s.split(',')
        .map(|part| {
            let (status, weight) = part.trim().split_once('=').ok_or("expected STATUS=WEIGHT,…")?;
            if crate::delivery::final_status(status).is_none() {
                return Err(format!("unknown status `{status}` (use DELIVERED, UNDELIVERABLE, EXPIRED or REJECTED)"));
            }
            let weight = weight.parse().map_err(|_| format!("`{weight}` is not a whole-number weight"))?;
            Ok(StatusWeight { status: status.to_ascii_uppercase(), weight })
        })
        .collect::<Result<Vec<_>, String>>()
        .map(StatusMix)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Debug, Parser)]
    struct Cli {
        #[command(flatten)]
        flags: Flags,
    }

    fn parse(args: &[&str]) -> Result<EmulatorConfig, String> {
        let cli = Cli::try_parse_from(std::iter::once("infobip-emulator").chain(args.iter().copied()))
            .map_err(|e| e.to_string())?;
        cli.flags.config().map_err(|e| e.to_string())
    }

    #[test]
    fn flags_set_credentials_delay_mix_seed_and_throttling() {
        let c = parse(&[
            "--port",
            "8089",
            "--api-key",
            "k1=sms:logs:read,sms:manage",
            "--api-key",
            "k2",
            "--user",
            "alice:s3:cret",
            "--oauth-client",
            "cid:csecret",
            "--delivery-delay-ms",
            "7",
            "--status-mix",
            "DELIVERED=90,undeliverable=5,EXPIRED=5",
            "--seed",
            "9",
            "--throttling",
        ])
        .unwrap();
        assert_eq!(c.port, 8089);
        assert_eq!(
            c.api_keys,
            vec![
                ApiKeyConfig { key: "k1".into(), scopes: Some(vec!["sms:logs:read".into(), "sms:manage".into()]) },
                ApiKeyConfig { key: "k2".into(), scopes: None },
            ]
        );
        assert_eq!(c.primary_api_key(), "k1");
        assert_eq!(c.users, vec![UserConfig { username: "alice".into(), password: "s3:cret".into(), scopes: None }]);
        assert_eq!(c.oauth_clients[0].client_id, "cid");
        assert_eq!(c.oauth_clients[0].client_secret, "csecret");
        assert_eq!(c.delivery_delay_ms, 7);
        let mix: Vec<(&str, u32)> = c.status_mix.iter().map(|w| (w.status.as_str(), w.weight)).collect();
        assert_eq!(mix, vec![("DELIVERED", 90), ("UNDELIVERABLE", 5), ("EXPIRED", 5)]);
        assert_eq!(c.seed, 9);
        assert!(c.throttling);
        assert_eq!(parse(&[]).unwrap(), EmulatorConfig::default());
        let c = parse(&["--tls", "--tls-client-auth", "--tls-dir", "/tmp/emulator-tls"]).unwrap();
        assert!(c.tls && c.tls_client_auth);
        assert_eq!(c.tls_dir.as_deref(), Some(std::path::Path::new("/tmp/emulator-tls")));
    }

    #[test]
    fn flags_override_the_toml_file() {
        let dir = std::env::temp_dir().join(format!("infobip-emulator-flags-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("emulator.toml");
        std::fs::write(
            &file,
            "delivery_delay_ms = 500\nthrottling = true\nseed = 1\n[[api_keys]]\nkey = \"file-key\"\n\
             [[users]]\nusername = \"file-user\"\npassword = \"p\"\n",
        )
        .unwrap();
        let path = file.to_str().unwrap();
        let from_file = parse(&["--config", path]).unwrap();
        assert_eq!((from_file.delivery_delay_ms, from_file.throttling, from_file.seed), (500, true, 1));
        assert_eq!(from_file.primary_api_key(), "file-key");

        let c = parse(&["--config", path, "--delivery-delay-ms", "5", "--no-throttling", "--seed", "2"]).unwrap();
        assert_eq!((c.delivery_delay_ms, c.throttling, c.seed), (5, false, 2));
        assert_eq!(c.primary_api_key(), "file-key", "no --api-key keeps the file's keys");
        assert_eq!(c.users[0].username, "file-user");
        let c = parse(&["--config", path, "--api-key", "flag-key"]).unwrap();
        assert_eq!(c.api_keys.len(), 1);
        assert_eq!(c.primary_api_key(), "flag-key");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn malformed_flags_are_refused() {
        for bad in [
            &["--status-mix", "DELIVERED=90,UNDELIVERED=10"][..],
            &["--status-mix", "DELIVERED"],
            &["--status-mix", "DELIVERED=lots"],
            &["--user", "no-colon"],
            &["--user", ":pw"],
            &["--oauth-client", "id:"],
            &["--api-key", "=sms:manage"],
            &["--throttling", "--no-throttling"],
            &["--config", "/nonexistent/emulator.toml"],
            &["--tls-client-auth"],
            &["--tls-dir", "/tmp/x"],
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
    }
}
