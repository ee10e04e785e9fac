//! Profiles in `config.toml` and the client built from flags, environment and profile.
//!
//! The file lives at `$XDG_CONFIG_HOME/infobip/config.toml`, or `$HOME/.config/infobip/config.toml`:
//!
//! ```toml
//! [profiles.default]
//! base_url = "https://xxxxx.api.infobip.com"
//! api_key = "…"
//! ```
//!
//! Each setting is taken from its flag, else its `INFOBIP_*` variable, else the profile.

use std::collections::BTreeMap;
use std::fmt;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use infobip::{Client, ClientBuilder, Pem, Secret};
use serde::{Deserialize, Serialize};

use crate::args::Global;
use crate::exit::CliError;

/// One profile of the config file. Secret values are never shown by `Debug`.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    /// The API base URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    /// The API key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_key: Option<String>,
    /// The Basic username.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// The Basic password.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    /// The OAuth2 client id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// The OAuth2 client secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_secret: Option<String>,
    /// A proxy for every request (may hold a password).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proxy: Option<String>,
    /// Hosts the proxy is not used for, comma-separated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_proxy: Option<String>,
    /// A PEM file of CA certificates to trust besides the platform's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ca_file: Option<PathBuf>,
    /// A client certificate (PEM).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_cert: Option<PathBuf>,
    /// The client certificate's private key (PEM).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_key: Option<PathBuf>,
}

impl fmt::Debug for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hidden = |v: &Option<String>| v.as_ref().map(|_| "***");
        f.debug_struct("Profile")
            .field("base_url", &self.base_url)
            .field("api_key", &hidden(&self.api_key))
            .field("username", &self.username)
            .field("password", &hidden(&self.password))
            .field("client_id", &self.client_id)
            .field("client_secret", &hidden(&self.client_secret))
            .field("proxy", &hidden(&self.proxy))
            .field("no_proxy", &self.no_proxy)
            .field("ca_file", &self.ca_file)
            .field("client_cert", &self.client_cert)
            .field("client_key", &self.client_key)
            .finish()
    }
}

impl Profile {
    /// The profile's value for an `INFOBIP_*` variable name.
    fn lookup(&self, name: &str) -> Option<String> {
        use infobip::config::{
            ENV_API_KEY, ENV_BASE_URL, ENV_CLIENT_ID, ENV_CLIENT_SECRET, ENV_PASSWORD, ENV_USERNAME,
        };
        let value = match name {
            ENV_BASE_URL => &self.base_url,
            ENV_API_KEY => &self.api_key,
            ENV_USERNAME => &self.username,
            ENV_PASSWORD => &self.password,
            ENV_CLIENT_ID => &self.client_id,
            ENV_CLIENT_SECRET => &self.client_secret,
            _ => return None,
        };
        value.clone()
    }
}

/// The whole config file.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct ConfigFile {
    /// Profiles by name.
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
}

/// Where the config file is: `$XDG_CONFIG_HOME/infobip/config.toml`, else
/// `$HOME/.config/infobip/config.toml`.
pub fn config_path() -> Result<PathBuf, CliError> {
    let from = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    let base = from("XDG_CONFIG_HOME")
        .filter(|p| p.is_absolute())
        .or_else(|| from("HOME").map(|home| home.join(".config")))
        .ok_or_else(|| CliError::usage("cannot find the config directory: neither XDG_CONFIG_HOME nor HOME is set"))?;
    Ok(base.join("infobip").join("config.toml"))
}

/// Reads the config file; a missing file is an empty one.
pub fn load(path: &Path) -> Result<ConfigFile, CliError> {
    match std::fs::read_to_string(path) {
        Ok(text) => toml::from_str(&text)
            .map_err(|e| CliError::usage(format!("{}: not a valid config file: {}", path.display(), e.message()))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(ConfigFile::default()),
        Err(e) => Err(CliError::Io(format!("cannot read {}: {e}", path.display()))),
    }
}

/// Writes the config file with mode 0600 (its directory 0700), replacing it atomically.
pub fn save(path: &Path, file: &ConfigFile) -> Result<(), CliError> {
    let io = |what: &str, e: std::io::Error| CliError::Io(format!("cannot {what} {}: {e}", path.display()));
    let text = toml::to_string(file).map_err(|e| CliError::Io(format!("cannot write the config file: {e}")))?;
    let dir = path.parent().ok_or_else(|| CliError::Io(format!("{} has no directory", path.display())))?;
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(|e| io("create the directory of", e))?;
    let temp = path.with_extension("toml.tmp");
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut out = options.open(&temp).map_err(|e| io("write", e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        out.set_permissions(std::fs::Permissions::from_mode(0o600)).map_err(|e| io("protect", e))?;
    }
    out.write_all(text.as_bytes()).and_then(|()| out.sync_all()).map_err(|e| io("write", e))?;
    std::fs::rename(&temp, path).map_err(|e| io("write", e))
}

/// The selected profile, if the file has it. Naming a profile the file lacks is an error,
/// except for `default`, which may be absent.
pub fn selected(global: &Global) -> Result<Option<Profile>, CliError> {
    let path = config_path()?;
    let mut file = load(&path)?;
    match file.profiles.remove(&global.profile) {
        Some(profile) => Ok(Some(profile)),
        None if global.profile == "default" => Ok(None),
        None => Err(CliError::usage(format!("no profile {:?} in {}", global.profile, path.display()))),
    }
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// Builds the client: flags first, then `INFOBIP_*` variables, then the profile.
pub fn client(global: &Global) -> Result<Client, CliError> {
    let profile = selected(global)?.unwrap_or_default();
    let mut builder =
        Client::builder().user_agent_suffix(format!("infobip-cli/{}", env!("CARGO_PKG_VERSION"))).max_retries(2);
    if let Some(url) = &global.base_url {
        builder = builder.base_url(url.as_str());
    }
    if let Some(key) = &global.api_key {
        builder = builder.api_key(Secret::new(key.as_str()));
    }
    if let Some(seconds) = global.timeout {
        let timeout = infobip::config::seconds("--timeout", seconds)?;
        if timeout.is_zero() {
            return Err(CliError::usage(format!("--timeout: {seconds} is not a positive number of seconds")));
        }
        builder = builder.timeout(Some(timeout));
    }
    let builder = network(builder, global, &profile)?.env_from(|name| env(name).or_else(|| profile.lookup(name)));
    Ok(builder.build()?)
}

/// The proxy, no-proxy list, extra CA and client certificate: each from its flag, else the
/// profile. Without a proxy in either, the core uses the environment's.
fn network(mut builder: ClientBuilder, global: &Global, profile: &Profile) -> Result<ClientBuilder, CliError> {
    let pick = |flag: &Option<String>, kept: &Option<String>| flag.clone().or_else(|| kept.clone());
    let pick_path = |flag: &Option<PathBuf>, kept: &Option<PathBuf>| flag.clone().or_else(|| kept.clone());
    if let Some(url) = pick(&global.proxy, &profile.proxy) {
        builder = builder.proxy(Secret::new(url));
    }
    if let Some(list) = pick(&global.no_proxy, &profile.no_proxy) {
        builder = builder.no_proxy(list);
    }
    if let Some(file) = pick_path(&global.ca_file, &profile.ca_file) {
        builder = builder.root_certificates(Pem::file(file));
    }
    match (pick_path(&global.client_cert, &profile.client_cert), pick_path(&global.client_key, &profile.client_key)) {
        (Some(certificate), Some(key)) => builder = builder.client_certificate(Pem::file(certificate), Pem::file(key)),
        (None, None) => {}
        _ => return Err(CliError::usage("a client certificate needs both client_cert and client_key")),
    }
    Ok(builder)
}

/// Where a shown setting came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// A command-line flag.
    Flag,
    /// An `INFOBIP_*` variable.
    Env,
    /// The profile.
    Profile,
    /// The SDK's default.
    Default,
    /// Not set anywhere.
    Unset,
}

/// The settings in use, for showing: the key only masked.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Resolved {
    /// The config file.
    pub config_file: String,
    /// The profile name.
    pub profile: String,
    /// The base URL.
    pub base_url: String,
    /// Where the base URL came from.
    pub base_url_source: Source,
    /// The API key, masked.
    pub api_key: Option<String>,
    /// Where the API key came from.
    pub api_key_source: Source,
}

/// Resolves the base URL and API key the way [`client`] does, masking the key.
pub fn resolved(global: &Global) -> Result<Resolved, CliError> {
    use infobip::config::{DEFAULT_BASE_URL, ENV_API_KEY, ENV_BASE_URL};
    let profile = selected(global)?.unwrap_or_default();
    let pick = |flag: &Option<String>, name: &str, from_profile: &Option<String>| {
        if let Some(v) = flag {
            (Some(v.clone()), Source::Flag)
        } else if let Some(v) = env(name) {
            (Some(v), Source::Env)
        } else if let Some(v) = from_profile {
            (Some(v.clone()), Source::Profile)
        } else {
            (None, Source::Unset)
        }
    };
    let (base_url, base_url_source) = match pick(&global.base_url, ENV_BASE_URL, &profile.base_url) {
        (Some(url), source) => (url, source),
        (None, _) => (DEFAULT_BASE_URL.to_owned(), Source::Default),
    };
    let (key, api_key_source) = pick(&global.api_key, ENV_API_KEY, &profile.api_key);
    Ok(Resolved {
        config_file: config_path()?.display().to_string(),
        profile: global.profile.clone(),
        base_url,
        base_url_source,
        api_key: key.map(|k| Secret::new(k).masked()),
        api_key_source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_secrets() {
        let profile = Profile {
            api_key: Some("key-that-must-not-show".into()),
            password: Some("pw-that-must-not-show".into()),
            proxy: Some("http://u:proxy-pw-that-must-not-show@127.0.0.1:3128".into()),
            ..Profile::default()
        };
        let shown = format!("{profile:?}");
        assert!(!shown.contains("must-not-show"), "{shown}");
    }

    #[test]
    fn profile_answers_env_names() {
        let profile = Profile { api_key: Some("k".into()), ..Profile::default() };
        assert_eq!(profile.lookup("INFOBIP_API_KEY").as_deref(), Some("k"));
        assert_eq!(profile.lookup("INFOBIP_BASE_URL"), None);
        assert_eq!(profile.lookup("HOME"), None);
    }
}
