//! `infobip emulator` takes the flags of the `infobip-emulator` binary and serves what they say.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::{BufRead as _, BufReader};
use std::process::Stdio;
use std::time::Duration;

use common::{Env, stderr, stdout};
use serde_json::Value;

/// A running `infobip emulator …` child, killed on drop.
struct Served {
    child: std::process::Child,
    base_url: String,
    key: String,
    /// The line after the listening line (`Inbox: …`), `None` with `--no-ui`.
    inbox: Option<String>,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `infobip emulator ARGS…` and reads its listening line and (unless `--no-ui`) the inbox line.
fn serve(env: &Env, args: &[&str]) -> Served {
    let mut child =
        env.spawnable().arg("emulator").args(args).stdout(Stdio::piped()).stderr(Stdio::null()).spawn().unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    out.read_line(&mut line).unwrap();
    let rest = line.trim().strip_prefix("Infobip emulator listening on ").unwrap_or_else(|| panic!("{line:?}"));
    let (base_url, key) = rest.split_once(" (API key: ").unwrap();
    let inbox = (!args.contains(&"--no-ui")).then(|| {
        let mut inbox = String::new();
        out.read_line(&mut inbox).unwrap();
        inbox.trim_end().to_owned()
    });
    Served { base_url: base_url.to_owned(), key: key.trim_end_matches(')').to_owned(), child, inbox }
}

/// `infobip --json ARGS…` against `served`, with the credentials in `credentials` (INFOBIP_* name, value).
fn client(env: &Env, served: &Served, credentials: &[(&str, &str)], args: &[&str]) -> std::process::Output {
    let mut cmd = env.bare();
    cmd.env("INFOBIP_BASE_URL", &served.base_url).arg("--json").args(args);
    for (name, value) in credentials {
        cmd.env(name, value);
    }
    cmd.output().unwrap()
}

#[test]
fn emulator_flags_set_credentials_scopes_delay_and_status_mix() {
    let env = Env::start();
    let served = serve(
        &env,
        &[
            "--port",
            "0",
            "--api-key",
            "logs-key=sms:logs:read",
            "--api-key",
            "full-key",
            "--user",
            "alice:wonder",
            "--oauth-client",
            "cid:csecret",
            "--delivery-delay-ms",
            "10",
            "--status-mix",
            "EXPIRED=1",
            "--seed",
            "5",
        ],
    );
    assert_eq!(served.key, "logs-key", "the first --api-key is printed");
    let send = ["sms", "send", "--to", "41793026727", "--text", "Hi"];

    // The scoped key may read logs but not send (403, exit 1); the default key is not accepted.
    let output = client(&env, &served, &[("INFOBIP_API_KEY", "logs-key")], &send);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let output = client(&env, &served, &[("INFOBIP_API_KEY", "logs-key")], &["sms", "logs", "--limit", "1"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let output = client(&env, &served, &[("INFOBIP_API_KEY", "emulator-api-key")], &["balance"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));

    // The Basic user and the OAuth2 client are accepted.
    let basic = [("INFOBIP_USERNAME", "alice"), ("INFOBIP_PASSWORD", "wonder")];
    let output = client(&env, &served, &basic, &send);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let oauth = [("INFOBIP_CLIENT_ID", "cid"), ("INFOBIP_CLIENT_SECRET", "csecret")];
    let output = client(&env, &served, &oauth, &["balance"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));

    // After the 10 ms delay, the message's final status is the only one of the mix: EXPIRED.
    let output = client(&env, &served, &[("INFOBIP_API_KEY", "full-key")], &send);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let sent: Value = serde_json::from_str(stdout(&output).trim()).unwrap();
    let message_id = sent["messages"][0]["messageId"].as_str().unwrap().to_owned();
    let mut status = Value::Null;
    for _ in 0..50 {
        let output =
            client(&env, &served, &[("INFOBIP_API_KEY", "full-key")], &["sms", "logs", "--message-id", &message_id]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let logs: Value = serde_json::from_str(stdout(&output).trim()).unwrap();
        status = logs[0]["status"]["groupName"].clone();
        if status != "PENDING" {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(status, "EXPIRED");
}

#[test]
fn emulator_reads_its_config_file_and_flags_override_it() {
    let env = Env::start();
    let file = env.path("emulator.toml");
    std::fs::write(&file, "[[api_keys]]\nkey = \"from-toml\"\n").unwrap();
    let file = file.to_str().unwrap();
    let served = serve(&env, &["--port", "0", "--config", file]);
    assert_eq!(served.key, "from-toml");
    let output = client(&env, &served, &[("INFOBIP_API_KEY", "from-toml")], &["balance"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    drop(served);
    assert_eq!(serve(&env, &["--port", "0", "--config", file, "--api-key", "from-flag"]).key, "from-flag");
}

#[test]
fn emulator_prints_its_inbox_address_on_the_next_line_unless_no_ui() {
    let env = Env::start();
    let served = serve(&env, &["--port", "0"]);
    assert_eq!(served.inbox, Some(format!("Inbox: {}/_emulator/ui/", served.base_url)));
    drop(served);
    // --no-ui: the listening line only (stdout ends when SIGTERM stops it).
    let mut child = env
        .spawnable()
        .args(["emulator", "--port", "0", "--no-ui"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    out.read_line(&mut line).unwrap();
    assert!(line.starts_with("Infobip emulator listening on http://127.0.0.1:"), "{line}");
    let kill = std::process::Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(kill.success());
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut out, &mut rest).unwrap();
    assert_eq!(child.wait().unwrap().code(), Some(0));
    assert_eq!(rest, "", "no inbox line with --no-ui");
}

#[test]
fn bad_emulator_flags_exit_2_with_one_line() {
    let env = Env::start();
    for bad in [
        &["--status-mix", "DELIVERED=lots"][..],
        &["--status-mix", "DELIVERED=9,LOST=1"],
        &["--oauth-client", "id:"],
        &["--user", "no-colon"],
        &["--throttling", "--no-throttling"],
        &["--config", "/nonexistent/emulator.toml"],
        &["--json"],
    ] {
        // `--port 0`: were a bad flag accepted, the emulator must not take a fixed port.
        let output = env.bare().args(["emulator", "--port", "0"]).args(bad).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{bad:?}: {}", stderr(&output));
        assert_eq!(stderr(&output).trim().lines().count(), 1, "{bad:?}: {}", stderr(&output));
        assert!(stdout(&output).is_empty(), "{bad:?}: nothing may be served");
    }
}
