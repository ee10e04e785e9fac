//! `infobip login` and `infobip config show`: the profile file, keys shown only masked.

use std::io::{BufRead as _, IsTerminal as _};

use infobip::{BaseUrl, Secret};

use crate::args::Global;
use crate::exit::CliError;
use crate::output;
use crate::profile::{self, Profile};

/// Saves the base URL and API key to the selected profile (file mode 0600).
pub fn login(global: &Global) -> Result<(), CliError> {
    let key = match &global.api_key {
        Some(key) => key.trim().to_owned(),
        None => read_key()?,
    };
    if key.is_empty() {
        return Err(CliError::usage("no API key given: pass --api-key or type it when asked"));
    }
    let path = profile::config_path()?;
    let mut file = profile::load(&path)?;
    let entry = file.profiles.entry(global.profile.clone()).or_insert_with(Profile::default);
    let url = global.base_url.clone().or_else(|| std::env::var(infobip::config::ENV_BASE_URL).ok());
    if let Some(url) = url.filter(|u| !u.is_empty()) {
        BaseUrl::parse(&url)?;
        entry.base_url = Some(url);
    }
    entry.api_key = Some(key.clone());
    let base_url = entry.base_url.clone();
    profile::save(&path, &file)?;
    let masked = Secret::new(key).masked();
    if global.json {
        output::json(&serde_json::json!({
            "profile": global.profile, "configFile": path.display().to_string(),
            "baseUrl": base_url, "apiKey": masked,
        }))
    } else {
        println!("Saved profile {:?} to {} (API key {masked})", global.profile, path.display());
        Ok(())
    }
}

/// Reads the key from standard input: a hidden prompt on a terminal, else the first line.
fn read_key() -> Result<String, CliError> {
    if std::io::stdin().is_terminal() {
        rpassword::prompt_password("API key: ").map_err(|e| CliError::Io(format!("cannot read the API key: {e}")))
    } else {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|e| CliError::Io(format!("cannot read the API key from standard input: {e}")))?;
        Ok(line.trim().to_owned())
    }
    .map(|k| k.trim().to_owned())
}

/// Shows the config file, profile, base URL and masked key in use, and where each came from.
pub fn show(global: &Global) -> Result<(), CliError> {
    let resolved = profile::resolved(global)?;
    if global.json {
        return output::json(&resolved);
    }
    let source = |s: profile::Source| serde_json::to_value(s).ok().and_then(|v| v.as_str().map(str::to_owned));
    println!("config file  {}", resolved.config_file);
    println!("profile      {}", resolved.profile);
    println!("base URL     {} ({})", resolved.base_url, output::cell(source(resolved.base_url_source)));
    match &resolved.api_key {
        Some(key) => println!("API key      {key} ({})", output::cell(source(resolved.api_key_source))),
        None => println!("API key      (not set)"),
    }
    Ok(())
}
