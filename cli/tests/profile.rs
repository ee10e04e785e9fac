//! `infobip login` and profiles: mode 0600, keys only ever shown masked, precedence.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Env, stderr, stdout};
use serde_json::Value;

const KEY: &str = "secret-key-abcdefghijklmnop";

fn assert_no_key(output: &std::process::Output, key: &str) {
    let all = format!("{}{}", stdout(output), stderr(output));
    assert!(!all.contains(key), "the key leaked: {all}");
}

#[test]
fn login_writes_mode_0600_and_shows_the_key_masked() {
    let env = Env::start();
    let config = env.path("xdg");
    let output = env
        .bare()
        .env("XDG_CONFIG_HOME", &config)
        .args(["login", "--base-url", &env.emulator.base_url()])
        .write_stdin(format!("{KEY}\n"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_no_key(&output, KEY);
    assert!(stdout(&output).contains("secr…mnop"), "{}", stdout(&output));

    let file = config.join("infobip").join("config.toml");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
        assert_eq!(std::fs::metadata(file.parent().unwrap()).unwrap().permissions().mode() & 0o777, 0o700);
    }
    assert!(std::fs::read_to_string(&file).unwrap().contains(KEY), "the profile keeps the key itself");

    for args in [&["config", "show"][..], &["--json", "config", "show"][..]] {
        let output = env.bare().env("XDG_CONFIG_HOME", &config).args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        assert_no_key(&output, KEY);
        assert!(stdout(&output).contains("secr…mnop"), "{}", stdout(&output));
    }
    let shown: Value = serde_json::from_str(
        stdout(&env.bare().env("XDG_CONFIG_HOME", &config).args(["--json", "config", "show"]).output().unwrap()).trim(),
    )
    .unwrap();
    assert_eq!(shown["apiKeySource"], "profile");
    assert_eq!(shown["baseUrl"], env.emulator.base_url());

    // The emulator refuses this key: the 401 error must not show it either.
    let output = env.bare().env("XDG_CONFIG_HOME", &config).arg("balance").output().unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_no_key(&output, KEY);
}

#[test]
fn a_profile_alone_is_enough_and_flags_win() {
    let env = Env::start();
    // HOME/.config is used when XDG_CONFIG_HOME is unset.
    let output = env
        .bare()
        .args(["--json", "login", "--base-url", &env.emulator.base_url(), "--api-key", env.emulator.api_key()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let saved: Value = serde_json::from_str(stdout(&output).trim()).unwrap();
    assert!(saved["configFile"].as_str().unwrap().ends_with(".config/infobip/config.toml"));
    assert_no_key(&output, env.emulator.api_key());
    assert!(env.home.path().join(".config/infobip/config.toml").exists());

    env.bare().arg("balance").assert().success();
    assert_eq!(env.emulator.requests().len(), 1);
    // A flag beats the profile.
    let output = env.bare().args(["--api-key", "wrong-key-wrong-key", "balance"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_no_key(&output, "wrong-key-wrong-key");
    // So does the environment.
    let output = env.bare().env("INFOBIP_API_KEY", "env-key-env-key-env").arg("balance").output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    // A profile that is not there is a usage error.
    let output = env.bare().args(["--profile", "staging", "balance"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("staging"));
    // A second profile.
    env.bare()
        .args([
            "--profile",
            "staging",
            "login",
            "--base-url",
            &env.emulator.base_url(),
            "--api-key",
            env.emulator.api_key(),
        ])
        .assert()
        .success();
    env.bare().args(["--profile", "staging", "balance"]).assert().success();
}

#[test]
fn no_credentials_is_a_usage_error() {
    let env = Env::start();
    let output = env.bare().arg("balance").output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("INFOBIP_API_KEY"), "{}", stderr(&output));
    let output = env.bare().arg("login").write_stdin("\n").output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(env.emulator.requests().is_empty());
}
