//! Every subcommand against the in-process emulator, `--json` parsed back, and exit codes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::{BufRead as _, BufReader, Read as _};
use std::process::Stdio;
use std::time::Duration;

use common::{Env, stderr, stdout, wait_bounded};
use infobip_emulator::{Fault, FaultKind};
use serde_json::Value;

fn json(output: &std::process::Output) -> Value {
    serde_json::from_str(stdout(output).trim()).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(output)))
}

#[test]
fn every_subcommand_has_help() {
    let env = Env::start();
    let paths: &[&[&str]] = &[
        &[],
        &["login"],
        &["config"],
        &["config", "show"],
        &["balance"],
        &["sms"],
        &["sms", "send"],
        &["sms", "preview"],
        &["sms", "reports"],
        &["sms", "logs"],
        &["sms", "inbound"],
        &["sms", "bulk"],
        &["tfa"],
        &["tfa", "create-application"],
        &["tfa", "create-message"],
        &["tfa", "send-pin"],
        &["tfa", "verify-pin"],
        &["webhooks"],
        &["webhooks", "listen"],
        &["call"],
        &["operations"],
        &["emulator"],
    ];
    for path in paths {
        let output = env.bare().args(*path).arg("--help").output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{path:?}");
        assert!(stdout(&output).contains("Usage:"), "{path:?}: {}", stdout(&output));
    }
}

#[test]
fn sms_send_prints_a_table_and_json() {
    let env = Env::start();
    let output =
        env.cmd().args(["sms", "send", "--to", "41793026727", "--to", "41793026728", "--text", "Hi"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("bulk id:") && text.contains("41793026728") && text.contains("PENDING_ACCEPTED"), "{text}");

    let in_ten_days = chrono::Utc::now() + chrono::Duration::days(10);
    let send_at = in_ten_days.format("%Y-%m-%dT10:00:00+01:00").to_string();
    let output = env
        .cmd()
        .args(["--json", "sms", "send", "--to", "41793026727,41793026729", "--text", "Hi", "--sender", "InfoSMS"])
        .args(["--notify-url", "http://127.0.0.1:9/dr", "--send-at", &send_at])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let sent = json(&output);
    assert_eq!(sent["messages"].as_array().unwrap().len(), 2);
    let bulk_id = sent["bulkId"].as_str().unwrap();
    let body: Value = serde_json::from_str(&env.requests("POST", "/sms/3/messages").last().unwrap().body).unwrap();
    assert_eq!(body["options"]["schedule"]["bulkId"], bulk_id);
    assert_eq!(body["messages"][0]["sender"], "InfoSMS");
    assert_eq!(body["messages"][0]["webhooks"]["delivery"]["url"], "http://127.0.0.1:9/dr");
    assert_eq!(body["options"]["schedule"]["sendAt"], in_ten_days.format("%Y-%m-%dT09:00:00.000+0000").to_string());
}

#[test]
fn bad_input_exits_2_with_one_line_and_sends_nothing() {
    let env = Env::start();
    let cases: &[(&[&str], &str)] = &[
        (&["sms", "send", "--to", "41793026727", "--text", "Hi", "--bogus"], "--bogus"),
        (&["sms", "send", "--to", "41793026727,abc", "--text", "Hi"], "abc"),
        (&["sms", "send", "--to", "", "--text", "Hi"], "--to"),
        (&["sms", "send", "--to", "41793026727", "--text", "Hi", "--send-at", "next tuesday"], "--send-at"),
        (&["sms", "send", "--to", "41793026727", "--text", "Hi", "--send-at", "2001-01-01T00:00:00Z"], "past"),
        (&["sms", "send", "--to", "41793026727", "--text", ""], "text"),
        (&["sms", "send", "--text", "Hi"], "--to"),
        (&["sms", "logs", "--interval", "0"], "--interval"),
        (&["call", "no-such-operation"], "no-such-operation"),
        (&["call", "get-outbound-sms-message-logs-v3", "--param", "novalue"], "NAME=VALUE"),
        (&["tfa", "send-pin", "--app-id", "a", "--message-id", "m", "--to", "12ab"], "12ab"),
        (&["webhooks", "listen", "--basic", "nocolon"], "--basic"),
    ];
    for (args, needle) in cases {
        let output = env.cmd().args(*args).output().unwrap();
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: one line expected: {err}");
        assert!(err.contains(needle), "{args:?}: {err}");
    }
    assert!(env.emulator.requests().is_empty(), "nothing may be sent: {:?}", env.emulator.requests());
}

#[test]
fn api_error_exits_1_connection_refused_exits_3_outcome_unknown_exits_4() {
    let env = Env::start();
    // 1: a wrong key.
    let output = env.cmd().args(["--api-key", "not-the-right-key", "balance"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("unauthorized"), "{}", stderr(&output));

    // 3: a loopback port that refuses connections (bound, never listening: no other process can
    // take it meanwhile).
    let closed = tokio::net::TcpSocket::new_v4().unwrap();
    closed.bind("127.0.0.1:0".parse().unwrap()).unwrap();
    let port = closed.local_addr().unwrap().port();
    let output = env.cmd().args(["--base-url", &format!("http://127.0.0.1:{port}"), "balance"]).output().unwrap();
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    drop(closed);

    // 4: the connection is cut after the send was written.
    env.emulator.queue_fault(Fault {
        count: 1,
        path: Some("/sms/3/messages".into()),
        method: Some("POST".into()),
        kind: Some(FaultKind::ResetAfterStatusLine),
        status: None,
        body: None,
        headers: Default::default(),
        delay_ms: 0,
    });
    let output = env.cmd().args(["sms", "send", "--to", "41793026727", "--text", "Hi"]).output().unwrap();
    assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
    assert!(stderr(&output).contains("outcome_unknown"), "{}", stderr(&output));

    // 4 again: a 500 answer to a send.
    env.emulator.queue_fault(Fault {
        count: 1,
        path: Some("/sms/3/messages".into()),
        method: None,
        kind: Some(FaultKind::Status),
        status: Some(500),
        body: None,
        headers: Default::default(),
        delay_ms: 0,
    });
    let output = env.cmd().args(["sms", "send", "--to", "41793026727", "--text", "Hi"]).output().unwrap();
    assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
    assert_eq!(env.requests("POST", "/sms/3/messages").len(), 2, "a send in doubt is never repeated");
}

#[test]
fn preview_reports_logs_inbound_and_balance() {
    let env = Env::start();
    let output = env.cmd().args(["--json", "sms", "preview", "--text", "Hello there"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(json(&output)["previews"][0]["messageCount"], 1);
    let output = env.cmd().args(["sms", "preview", "--text", "Hello"]).output().unwrap();
    assert!(stdout(&output).contains("CHARACTERS LEFT"));

    let sent =
        json(&env.cmd().args(["--json", "sms", "send", "--to", "41793026727", "--text", "Hi"]).output().unwrap());
    let message_id = sent["messages"][0]["messageId"].as_str().unwrap().to_owned();
    env.emulator.flush_delivery_reports();

    let output = env.cmd().args(["--json", "sms", "logs", "--message-id", &message_id]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(json(&output)[0]["messageId"], message_id.as_str());
    let output = env.cmd().args(["sms", "logs", "--limit", "5"]).output().unwrap();
    assert!(stdout(&output).contains(&message_id), "{}", stdout(&output));

    // Reports are consume-once: poll a few times (bounded) until the report is there.
    let mut found = false;
    for _ in 0..20 {
        let output = env.cmd().args(["--json", "sms", "reports", "--message-id", &message_id]).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        if json(&output)["results"].as_array().is_some_and(|r| !r.is_empty()) {
            found = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    assert!(found, "the delivery report never came");

    env.emulator.inject_inbound(&serde_json::json!({"from": "41793026727", "to": "447491163443", "text": "STOP"}));
    let output = env.cmd().args(["--json", "sms", "inbound", "--limit", "10"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(json(&output)["results"][0]["text"], "STOP");
    let output = env.cmd().args(["sms", "inbound"]).output().unwrap();
    assert!(stdout(&output).contains("no inbound messages"), "{}", stdout(&output));

    let output = env.cmd().args(["--json", "balance"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(json(&output).get("balance").is_some());
    assert_eq!(env.cmd().arg("balance").output().unwrap().status.code(), Some(0));
}

#[test]
fn logs_follow_polls_a_bounded_number_of_times() {
    let env = Env::start();
    env.cmd().args(["sms", "send", "--to", "41793026727", "--text", "Hi"]).assert().success();
    let before = env.requests("GET", "/sms/3/logs").len();
    let output =
        env.cmd().args(["--json", "sms", "logs", "--follow", "--interval", "1", "--max-polls", "2"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let lines: Vec<Value> = stdout(&output).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(!lines.is_empty());
    assert!(lines.iter().all(|l| l["destination"] == "41793026727"));
    assert_eq!(env.requests("GET", "/sms/3/logs").len() - before, 2);
}

#[test]
fn tfa_application_message_send_and_verify() {
    let env = Env::start();
    let app = json(&env.cmd().args(["--json", "tfa", "create-application", "--name", "cli"]).output().unwrap());
    let app_id = app["applicationId"].as_str().unwrap().to_owned();
    let output = env
        .cmd()
        .args([
            "--json",
            "tfa",
            "create-message",
            "--app-id",
            &app_id,
            "--text",
            "Your PIN is {{pin}}",
            "--pin-length",
            "4",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let message_id = json(&output)["messageId"].as_str().unwrap().to_owned();
    let output = env
        .cmd()
        .args(["--json", "tfa", "send-pin", "--app-id", &app_id, "--message-id", &message_id, "--to", "41793026727"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let pin_id = json(&output)["pinId"].as_str().unwrap().to_owned();
    let pin = env.emulator.pin(&pin_id).unwrap();

    let wrong = if pin == "0000" { "1111" } else { "0000" };
    let output = env.cmd().args(["tfa", "verify-pin", "--pin-id", &pin_id, "--pin", wrong]).output().unwrap();
    assert_eq!(output.status.code(), Some(1), "a wrong PIN is a failure: {}", stdout(&output));
    assert!(stdout(&output).contains("not verified"));
    let output = env.cmd().args(["--json", "tfa", "verify-pin", "--pin-id", &pin_id, "--pin", &pin]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(json(&output)["verified"], true);
}

#[test]
fn call_and_operations_go_through_the_catalog() {
    let env = Env::start();
    let output = env.cmd().args(["--json", "operations", "--search", "/sms/3/messages"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let ops = json(&output);
    let send =
        ops.as_array().unwrap().iter().find(|op| op["method"] == "POST" && op["path"] == "/sms/3/messages").unwrap();
    assert!(!send["scopes"].as_array().unwrap().is_empty());
    let send_id = send["id"].as_str().unwrap().to_owned();
    let output = env.cmd().args(["operations", "--search", "2fa"]).output().unwrap();
    assert!(stdout(&output).contains("/2fa/2/applications"), "{}", stdout(&output));

    let body = r#"{"messages":[{"destinations":[{"to":"41793026727","messageId":"call-1"}],"content":{"text":"Hi"}}]}"#;
    let output = env.cmd().args(["--json", "call", &send_id, "--body", "-"]).write_stdin(body).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(json(&output)["messages"][0]["messageId"], "call-1");

    let file = env.path("body.json");
    std::fs::write(&file, r#"{"messages":[{"destinations":[{"to":""}],"content":{"text":"Hi"}}]}"#).unwrap();
    let before = env.emulator.requests().len();
    let output = env.cmd().args(["call", &send_id, "--body", file.to_str().unwrap()]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "the spec allows an empty `to`: {}", stderr(&output));
    assert_eq!(env.emulator.requests().len(), before + 1);

    let output = env
        .cmd()
        .args([
            "--json",
            "call",
            "get-outbound-sms-message-logs-v3",
            "--param",
            "limit=1",
            "--query",
            "messageId=call-1",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(json(&output)["results"][0]["messageId"], "call-1");
    let last = env.requests("GET", "/sms/3/logs").pop().unwrap();
    assert!(last.query.contains("limit=1") && last.query.contains("messageId=call-1"), "{}", last.query);

    let output = env.cmd().args(["call", &send_id, "--body", "-"]).write_stdin("{not json").output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
}

#[test]
fn the_query_send_against_a_delay_fault_is_sent_once_and_outcome_unknown_with_its_ids() {
    let env = Env::start();
    let mut slow = Fault::of_kind(FaultKind::Delay, 1, Some("/sms/3/text/query"));
    slow.delay_ms = 3000;
    env.emulator.queue_fault(slow);
    let output = env
        .cmd()
        .args(["--timeout", "0.5", "call", "send-sms-messages-over-query-parameters"])
        .args(["--query", "to=41793026727", "--query", "text=Hi"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
    let sent = env.requests("GET", "/sms/3/text/query");
    assert_eq!(sent.len(), 1, "exactly one request received");
    let bulk = sent[0].query.split('&').find_map(|p| p.strip_prefix("bulkId=")).unwrap().to_owned();
    assert!(stderr(&output).contains("error [outcome_unknown]"), "{}", stderr(&output));
    assert!(stderr(&output).contains(&format!("bulk id {bulk}")), "{}", stderr(&output));
    // A send with message ids names them too.
    let mut slow = Fault::of_kind(FaultKind::Delay, 1, Some("/sms/3/messages"));
    slow.delay_ms = 3000;
    env.emulator.queue_fault(slow);
    let body =
        r#"{"messages":[{"destinations":[{"to":"41793026727","messageId":"cli-query-1"}],"content":{"text":"Hi"}}]}"#;
    let output = env
        .cmd()
        .args(["--timeout", "0.5", "call", "send-sms-messages", "--body", "-"])
        .write_stdin(body)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
    assert!(stderr(&output).contains("message ids cli-query-1"), "{}", stderr(&output));
    assert_eq!(env.requests("POST", "/sms/3/messages").len(), 1);
    // Timeouts a user types are checked: huge, NaN and negative ones are refused naming the flag.
    for bad in ["1e23", "NaN", "-1", "inf"] {
        let output = env.cmd().arg(format!("--timeout={bad}")).arg("balance").output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{bad}: {}", stderr(&output));
        assert!(stderr(&output).contains("--timeout"), "{}", stderr(&output));
    }
}

/// POSTs a JSON `body` to `path` on `addr` over a plain socket; returns the raw answer.
fn post(addr: &str, path: &str, header: &str, body: &str) -> String {
    use std::io::Write as _;
    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let head = format!("POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n{header}");
    write!(stream, "{head}Content-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len()).unwrap();
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    answer
}

#[test]
fn webhooks_listen_verifies_hmac_signatures_of_inbound_messages() {
    use infobip::webhooks::HmacAlgorithm;
    let env = Env::start();
    let args = ["--json", "webhooks", "listen", "--port", "0", "--hmac-secret", "s3cret", "--hmac-header", "X-Sig"];
    let (mut child, url) = listener(&env, &[&args[..], &["--max-pushes", "1"]].concat());
    let addr = url.trim_start_matches("http://").to_owned();
    let body = r#"{"results":[{"messageId":"in-1","from":"41793026727","to":"447491163443","text":"HELLO","cleanText":"HELLO","keyword":"HELLO","receivedAt":"2026-11-27T10:00:00.000+0000","smsCount":1}],"messageCount":1,"pendingMessageCount":0}"#;
    let signature: String =
        HmacAlgorithm::Sha256.sign(b"s3cret", body.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    assert!(post(&addr, "/inbound", "X-Sig: 00\r\n", body).starts_with("HTTP/1.1 401"));
    assert!(post(&addr, "/inbound", "", body).starts_with("HTTP/1.1 401"));
    assert!(post(&addr, "/inbound", &format!("X-Sig: sha256={signature}\r\n"), body).starts_with("HTTP/1.1 200"));
    let status = wait_bounded(&mut child, Duration::from_secs(30));
    assert!(status.is_some_and(|s| s.success()));
    let mut out = String::new();
    child.stdout.take().unwrap().read_to_string(&mut out).unwrap();
    let push: Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!((push["type"].as_str(), push["data"]["text"].as_str()), (Some("inbound"), Some("HELLO")));
}

/// Starts `infobip webhooks listen …` and reads the URL from its first stderr line.
fn listener(env: &Env, args: &[&str]) -> (std::process::Child, String) {
    let mut child = env.spawnable().args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    err.read_line(&mut line).unwrap();
    let url = line.split_whitespace().find(|w| w.starts_with("http://")).unwrap().to_owned();
    (child, url)
}

#[test]
fn webhooks_listen_prints_the_emulators_delivery_report() {
    let env = Env::start();
    let (mut child, url) = listener(&env, &["--json", "webhooks", "listen", "--port", "0", "--max-pushes", "1"]);

    let sent = json(
        &env.cmd()
            .args(["--json", "sms", "send", "--to", "41793026727", "--text", "Hi"])
            .args(["--notify-url", &format!("{url}/delivery-reports")])
            .output()
            .unwrap(),
    );
    env.emulator.flush_delivery_reports();
    let status = wait_bounded(&mut child, Duration::from_secs(30));
    assert!(status.is_some_and(|s| s.success()), "the listener did not stop after one push");
    let mut out = String::new();
    child.stdout.take().unwrap().read_to_string(&mut out).unwrap();
    let push: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(push["type"], "delivery_report");
    assert_eq!(push["data"]["messageId"], sent["messages"][0]["messageId"]);
}

#[test]
fn webhooks_listen_refuses_unverified_pushes() {
    let env = Env::start();
    let (mut child, url) =
        listener(&env, &["webhooks", "listen", "--port", "0", "--basic", "user:pass", "--max-pushes", "1"]);
    let addr = url.trim_start_matches("http://").to_owned();
    let body = r#"{"results":[{"messageId":"m-1","to":"41793026727","status":{"groupId":3,"groupName":"DELIVERED","id":5,"name":"DELIVERED_TO_HANDSET"}}]}"#;
    let post = |auth: &str| post(&addr, "/delivery-reports", auth, body);
    assert!(post("Authorization: Basic dXNlcjp3cm9uZw==\r\n").starts_with("HTTP/1.1 401"));
    assert!(post("Authorization: Basic dXNlcjpwYXNz\r\n").starts_with("HTTP/1.1 200"));
    let status = wait_bounded(&mut child, Duration::from_secs(30));
    assert!(status.is_some_and(|s| s.success()));
    let mut out = String::new();
    child.stdout.take().unwrap().read_to_string(&mut out).unwrap();
    assert_eq!(out.lines().count(), 1, "only the verified push is printed: {out}");
    assert!(out.contains("m-1") && out.contains("DELIVERED_TO_HANDSET"), "{out}");
}

#[test]
fn emulator_subcommand_prints_the_listening_line_and_serves() {
    let env = Env::start();
    let mut child =
        env.spawnable().args(["emulator", "--port", "0"]).stdout(Stdio::piped()).stderr(Stdio::null()).spawn().unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    out.read_line(&mut line).unwrap();
    let rest =
        line.trim().strip_prefix("Infobip emulator listening on http://127.0.0.1:").unwrap_or_else(|| panic!("{line}"));
    let (port, key) = rest.split_once(" (API key: ").unwrap();
    let key = key.trim_end_matches(')');
    let output = env
        .bare()
        .args(["--base-url", &format!("http://127.0.0.1:{port}"), "--api-key", key, "--json", "balance"])
        .output()
        .unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}
