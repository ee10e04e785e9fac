//! Network settings and logs of the `infobip` command: --proxy and the profile's proxy, the
//! environment's HTTPS_PROXY, --ca-file against the emulator's TLS, a client certificate, and
//! -v / INFOBIP_LOG on stderr without a secret.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Env, stderr};
use infobip_emulator::EmulatorConfig;

const PROXY_PASSWORD: &str = "cli-proxy-hunter2";

fn tls(client_auth: bool) -> Env {
    Env::start_with(EmulatorConfig { tls: true, tls_client_auth: client_auth, ..EmulatorConfig::default() })
}

/// Writes the emulator's CA and client certificate into the environment's home; returns the directory.
fn pem_files(env: &Env) -> std::path::PathBuf {
    let dir = env.path("tls");
    env.emulator.tls().unwrap().write_to(&dir).unwrap();
    dir
}

#[test]
fn ca_file_trusts_the_emulators_tls_and_without_it_the_certificate_is_named() {
    let env = tls(false);
    let dir = pem_files(&env);
    let output = env.cmd().args(["--ca-file", dir.join("ca.pem").to_str().unwrap(), "balance"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));

    let output = env.cmd().arg("balance").output().unwrap();
    assert_eq!(output.status.code(), Some(3), "a connection failure: {}", stderr(&output));
    assert!(stderr(&output).contains("certificate"), "{}", stderr(&output));
}

#[test]
fn a_client_certificate_from_flags_or_the_profile_opens_mutual_tls() {
    let env = tls(true);
    let dir = pem_files(&env);
    let path = |name: &str| dir.join(name).to_str().unwrap().to_owned();
    let output = env.cmd().args(["--ca-file", &path("ca.pem"), "balance"]).output().unwrap();
    assert_eq!(output.status.code(), Some(3), "no client certificate: {}", stderr(&output));
    let output = env
        .cmd()
        .args([
            "--ca-file",
            &path("ca.pem"),
            "--client-cert",
            &path("client.pem"),
            "--client-key",
            &path("client-key.pem"),
        ])
        .arg("balance")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));

    let config = env.path("xdg");
    std::fs::create_dir_all(config.join("infobip")).unwrap();
    let profile = format!(
        "[profiles.default]\nca_file = {:?}\nclient_cert = {:?}\nclient_key = {:?}\n",
        path("ca.pem"),
        path("client.pem"),
        path("client-key.pem")
    );
    std::fs::write(config.join("infobip").join("config.toml"), profile).unwrap();
    let output = env.cmd().env("XDG_CONFIG_HOME", &config).arg("balance").output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn proxy_from_the_flag_the_profile_or_https_proxy_sees_the_requests() {
    let env = tls(false);
    let dir = pem_files(&env);
    let ca = dir.join("ca.pem").to_str().unwrap().to_owned();
    let proxy = env.proxy();
    let url = proxy.url_with_credentials("user", PROXY_PASSWORD);
    let output = env.cmd().args(["--ca-file", &ca, "--proxy", &url, "-vv", "balance"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(!stderr(&output).contains(PROXY_PASSWORD), "{}", stderr(&output));
    let connect = format!("CONNECT {} HTTP/1.1", env.emulator.addr());
    assert_eq!(proxy.heads().len(), 1);
    assert!(proxy.heads()[0].starts_with(&connect), "{:?}", proxy.heads());

    // The profile's proxy, and its no-proxy list.
    let config = env.path("xdg");
    std::fs::create_dir_all(config.join("infobip")).unwrap();
    let file = config.join("infobip").join("config.toml");
    std::fs::write(&file, format!("[profiles.default]\nproxy = {url:?}\nca_file = {ca:?}\n")).unwrap();
    let output = env.cmd().env("XDG_CONFIG_HOME", &config).arg("balance").output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(proxy.heads().len(), 2);
    std::fs::write(&file, format!("[profiles.default]\nproxy = {url:?}\nno_proxy = \"127.0.0.1\"\nca_file = {ca:?}\n"))
        .unwrap();
    let output = env.cmd().env("XDG_CONFIG_HOME", &config).arg("balance").output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(proxy.heads().len(), 2, "no_proxy bypassed it");

    // With no proxy configured, HTTPS_PROXY from the environment is used (for a host that is not
    // loopback: the proxy records the CONNECT and answers 502 without going anywhere).
    let output = env
        .bare()
        .env("HTTPS_PROXY", proxy.url())
        .args(["--base-url", "https://api.example.test", "--api-key", "k", "balance"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    assert!(proxy.heads().last().unwrap().starts_with("CONNECT api.example.test:443 HTTP/1.1"), "{:?}", proxy.heads());
}

#[test]
fn verbose_and_infobip_log_print_request_lines_to_stderr_and_never_the_key() {
    let env = Env::start();
    let key = env.emulator.api_key().to_owned();
    let quiet = env.cmd().arg("balance").output().unwrap();
    assert_eq!(quiet.status.code(), Some(0));
    assert_eq!(stderr(&quiet), "", "no logs unless asked");

    for (flag, log) in [(Some("-vv"), None), (Some("--verbose"), None), (None, Some("debug"))] {
        let mut cmd = env.cmd();
        if let Some(log) = log {
            cmd.env("INFOBIP_LOG", log);
        }
        let output = cmd.args(flag).arg("balance").output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let err = stderr(&output);
        assert!(!err.contains(&key) && !err.contains("App "), "{err}");
        if flag == Some("--verbose") {
            // -v alone: retries and warnings, not every response.
            assert!(!err.contains("/account/1/balance"), "{err}");
        } else {
            assert!(
                err.contains("DEBUG") && err.contains("path=/account/1/balance") && err.contains("status=200"),
                "{err}"
            );
        }
    }
    // A retry shows with -v.
    env.emulator.queue_fault(infobip_emulator::Fault {
        count: 1,
        path: Some("/account/1/balance".into()),
        method: None,
        kind: None,
        status: Some(503),
        body: None,
        headers: Default::default(),
        delay_ms: 0,
    });
    let output = env.cmd().args(["-v", "balance"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("retrying"), "{}", stderr(&output));
    assert!(!stderr(&output).contains(&key));
}
