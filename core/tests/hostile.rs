//! Hostile input, each case in its own process: what a caller or a server sends must never end
//! the host process. Each case asserts the process is alive (it exits normally and reports), the
//! error's code, and how many requests the emulator received.
//!
//! The parent test runs this test binary again once per case (`hostile_child`, told the case by
//! `INFOBIP_HOSTILE_CASE`), with the emulator running in the parent.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;
use std::time::Duration;

use infobip::sms::SmsRequest;
use infobip::{CallParams, Client, Error, Method, RequestOptions, Secret};
use infobip_emulator::{Emulator, EmulatorConfig, Fault, FaultKind};
use serde_json::{Value, json};

const CASE: &str = "INFOBIP_HOSTILE_CASE";
const BASE_URL: &str = "INFOBIP_HOSTILE_BASE_URL";
const KEY: &str = "emulator-api-key";

/// A case: what the emulator is told first, what the child does (giving the code of its error,
/// or `ok`), and what is expected.
struct Case {
    name: &'static str,
    faults: fn() -> Vec<Fault>,
    code: &'static str,
    requests: usize,
}

fn none() -> Vec<Fault> {
    Vec::new()
}

fn fault_body(path: &str, status: u16, body: String) -> Fault {
    let mut fault = Fault::status(status, 1, Some(path));
    fault.body = Some(Value::String(body));
    fault
}

fn delay(path: &str, ms: u64) -> Fault {
    let mut fault = Fault::of_kind(FaultKind::Delay, 1, Some(path));
    fault.delay_ms = ms;
    fault
}

fn deep(open: &str, close: &str, n: usize) -> String {
    format!("{}{}", open.repeat(n), close.repeat(n))
}

const CASES: &[Case] = &[
    Case { name: "xml_push_20000_deep", faults: none, code: "decode", requests: 0 },
    Case { name: "json_push_100000_deep", faults: none, code: "decode", requests: 0 },
    Case { name: "inbound_push_deep_objects", faults: none, code: "decode", requests: 0 },
    Case { name: "xml_push_100000_results", faults: none, code: "ok", requests: 0 },
    Case { name: "garbage_push", faults: none, code: "decode", requests: 0 },
    Case { name: "invalid_utf8_push", faults: none, code: "decode", requests: 0 },
    Case { name: "lone_surrogate_push", faults: none, code: "decode", requests: 0 },
    Case { name: "hmac_garbage_signature", faults: none, code: "webhook_verification", requests: 0 },
    Case { name: "timeout_max", faults: none, code: "config", requests: 0 },
    Case { name: "connect_timeout_max", faults: none, code: "config", requests: 0 },
    Case { name: "pool_idle_timeout_max", faults: none, code: "config", requests: 0 },
    Case { name: "call_timeout_max", faults: none, code: "config", requests: 0 },
    Case { name: "max_response_bytes_zero", faults: none, code: "config", requests: 0 },
    Case { name: "crlf_in_api_key", faults: none, code: "config", requests: 0 },
    Case { name: "crlf_in_basic_password", faults: none, code: "config", requests: 0 },
    Case { name: "crlf_in_oauth2_secret", faults: none, code: "config", requests: 0 },
    Case { name: "crlf_in_user_agent_suffix", faults: none, code: "config", requests: 0 },
    Case { name: "crlf_in_base_url", faults: none, code: "config", requests: 0 },
    Case { name: "crlf_in_header_parameter", faults: none, code: "validation", requests: 0 },
    Case { name: "call_body_1000_deep", faults: none, code: "validation", requests: 0 },
    Case { name: "unknown_operation_unicode", faults: none, code: "validation", requests: 0 },
    Case { name: "path_parameter_traversal", faults: none, code: "not_found", requests: 1 },
    Case {
        name: "gzip_bomb_answer",
        faults: || vec![Fault::of_kind(FaultKind::GzipBomb, 1, Some("/account/1/balance"))],
        code: "decode",
        requests: 1,
    },
    Case {
        name: "deep_json_answer",
        faults: || vec![fault_body("/account/1/balance", 200, deep("[", "]", 100_000))],
        code: "decode",
        requests: 1,
    },
    Case {
        name: "garbage_answer_to_a_send",
        faults: || vec![fault_body("/sms/3/messages", 200, "\u{0}\u{1}not json at all".into())],
        code: "outcome_unknown",
        requests: 1,
    },
    Case {
        name: "query_send_against_a_delay",
        faults: || vec![delay("/sms/3/text/query", 1500)],
        code: "outcome_unknown",
        requests: 1,
    },
    Case {
        name: "send_cut_after_status_line",
        faults: || vec![Fault::of_kind(FaultKind::ResetAfterStatusLine, 1, Some("/sms/3/messages"))],
        code: "outcome_unknown",
        requests: 1,
    },
    Case {
        name: "token_endpoint_500",
        faults: || vec![Fault::status(500, 1, Some("/auth/1/oauth2/token"))],
        code: "auth_failed",
        requests: 1,
    },
    Case {
        name: "token_expires_in_u64_max",
        faults: || {
            let mut fault = Fault::status(200, 1, Some("/auth/1/oauth2/token"));
            fault.body = Some(json!({"access_token": "made-up", "expires_in": u64::MAX}));
            vec![fault]
        },
        code: "ok",
        requests: 4,
    },
    Case {
        name: "retry_after_absurd",
        faults: || {
            let mut fault = Fault::status(429, 1, Some("/account/1/balance"));
            fault.headers.insert("Retry-After".into(), "99999999999999999999999".into());
            vec![fault]
        },
        code: "rate_limited",
        requests: 1,
    },
    Case {
        name: "retry_after_nan",
        faults: || {
            let mut fault = Fault::status(503, 1, Some("/account/1/balance"));
            fault.headers.insert("Retry-After".into(), "NaN".into());
            vec![fault, Fault::status(503, 2, Some("/account/1/balance"))]
        },
        code: "server_error",
        requests: 3,
    },
    Case { name: "cancelled_send", faults: || vec![delay("/sms/3/messages", 1500)], code: "cancelled", requests: 1 },
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_hostile_case_leaves_the_process_alive() {
    assert!(CASES.len() >= 25, "{} cases", CASES.len());
    let emulator = Emulator::start_with(EmulatorConfig::default()).await.unwrap();
    let exe = std::env::current_exe().unwrap();
    let mut failures = Vec::new();
    for case in CASES {
        emulator.reset();
        for fault in (case.faults)() {
            emulator.queue_fault(fault);
        }
        let (exe, base_url) = (exe.clone(), emulator.base_url());
        let output = tokio::task::spawn_blocking(move || {
            Command::new(exe)
                .args(["--exact", "hostile_child", "--nocapture", "--test-threads=1"])
                .env(CASE, case.name)
                .env(BASE_URL, base_url)
                .output()
                .unwrap()
        })
        .await
        .unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        let code = stdout.lines().find_map(|l| l.split("HOSTILE-RESULT: ").nth(1)).map(str::to_owned);
        let requests = emulator.requests().len();
        if !output.status.success() || code.as_deref() != Some(case.code) || requests != case.requests {
            failures.push(format!(
                "{}: exit {:?}, code {code:?} (want {}), {requests} request(s) (want {})\n{}",
                case.name,
                output.status,
                case.code,
                case.requests,
                String::from_utf8_lossy(&output.stderr).lines().rev().take(5).collect::<Vec<_>>().join(" | ")
            ));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), CASES.len(), failures.join("\n"));
}

/// One case, when run by the parent; a no-op otherwise.
#[test]
fn hostile_child() {
    let Ok(name) = std::env::var(CASE) else { return };
    let base_url = std::env::var(BASE_URL).unwrap();
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
    let code = match runtime.block_on(run(&name, &base_url)) {
        Ok(code) => code,
        Err(error) => error.code().to_owned(),
    };
    println!("HOSTILE-RESULT: {code}");
}

fn client(base_url: &str) -> Client {
    Client::builder().base_url(base_url).api_key(KEY).build().unwrap()
}

fn ok<T>(result: Result<T, Error>) -> Result<String, Error> {
    result.map(|_| "ok".to_owned())
}

async fn run(name: &str, base_url: &str) -> Result<String, Error> {
    use infobip::webhooks::{HmacAlgorithm, parse_delivery_reports, parse_inbound, verify_hmac};
    let builder = || Client::builder().base_url(base_url).api_key(KEY);
    let balance = |client: Client| async move { client.request(Method::GET, "/account/1/balance").send().await };
    match name {
        "xml_push_20000_deep" => ok(parse_delivery_reports(deep("<a>", "</a>", 20_000).as_bytes())),
        "json_push_100000_deep" => ok(parse_delivery_reports(deep("[", "]", 100_000).as_bytes())),
        "inbound_push_deep_objects" => ok(parse_inbound(deep("{\"a\":", "}", 50_000).as_bytes())),
        "xml_push_100000_results" => {
            let result = "<result><messageId>m</messageId><to>41793026727</to></result>";
            let body = format!("<reportResponse><results>{}</results></reportResponse>", result.repeat(100_000));
            let reports = parse_delivery_reports(body.as_bytes())?;
            assert_eq!(reports.len(), 100_000);
            Ok("ok".into())
        }
        "garbage_push" => ok(parse_delivery_reports(&[0xff, 0x00, b'{', b'<', 0x80, 0x7f])),
        "invalid_utf8_push" => ok(parse_delivery_reports(b"{\"results\":[{\"messageId\":\"\xff\xfe\"}]}")),
        "lone_surrogate_push" => ok(parse_delivery_reports(br#"{"results":[{"messageId":"\ud800"}]}"#)),
        "hmac_garbage_signature" => {
            ok(verify_hmac(b"body", Some("sha256=\u{0}\r\n%%%"), &Secret::new("s"), HmacAlgorithm::Sha256))
        }
        "timeout_max" => ok(builder().timeout(Some(Duration::MAX)).build()),
        "connect_timeout_max" => ok(builder().connect_timeout(Duration::MAX).build()),
        "pool_idle_timeout_max" => ok(builder().pool_idle_timeout(Some(Duration::MAX)).build()),
        "call_timeout_max" => {
            ok(balance(client(base_url).with_options(RequestOptions::new().timeout(Duration::MAX))).await)
        }
        "max_response_bytes_zero" => ok(builder().max_response_bytes(0).build()),
        "crlf_in_api_key" => ok(Client::builder().base_url(base_url).api_key("key\r\nX-Evil: 1").build()),
        "crlf_in_basic_password" => ok(Client::builder().base_url(base_url).basic("u", "p\r\nX: 1").build()),
        "crlf_in_oauth2_secret" => ok(Client::builder().base_url(base_url).oauth2("id", "s\ns").build()),
        "crlf_in_user_agent_suffix" => ok(builder().user_agent_suffix("app\r\nX-Evil: 1").build()),
        "crlf_in_base_url" => ok(Client::builder().base_url(format!("{base_url}\r\nX: 1")).api_key(KEY).build()),
        "crlf_in_header_parameter" => {
            let params = CallParams::new().header("X-Session-Id", "a\r\nX-Evil: b");
            ok(client(base_url).call("get-biometrics-extraction-session", params).await)
        }
        "call_body_1000_deep" => {
            let mut body = json!("x");
            for _ in 0..1000 {
                body = json!({ "messages": body });
            }
            ok(client(base_url).call("send-sms-messages", CallParams::new().body(body)).await)
        }
        "unknown_operation_unicode" => ok(client(base_url).call("sénd-\u{202e}sms\u{0}", CallParams::new()).await),
        "path_parameter_traversal" => {
            let params = CallParams::new().path("appId", "../../account/1/balance?\r\n\u{0}");
            ok(client(base_url).call("get-2fa-application", params).await)
        }
        "gzip_bomb_answer" => ok(balance(client(base_url)).await),
        "deep_json_answer" => ok(balance(client(base_url)).await?.json::<Value>()),
        "garbage_answer_to_a_send" => ok(client(base_url).sms().send(SmsRequest::text("41793026727", "Hi")).await),
        "query_send_against_a_delay" => {
            let params = CallParams::new()
                .query("to", "41793026727")
                .query("text", "Hi")
                .options(RequestOptions::new().timeout(Duration::from_millis(300)));
            ok(client(base_url).call("send-sms-messages-over-query-parameters", params).await)
        }
        "send_cut_after_status_line" => ok(client(base_url).sms().send(SmsRequest::text("41793026727", "Hi")).await),
        "token_endpoint_500" | "token_expires_in_u64_max" => {
            let client =
                Client::builder().base_url(base_url).oauth2("emulator", "emulator-password").max_retries(0).build()?;
            ok(balance(client).await)
        }
        "retry_after_absurd" | "retry_after_nan" => ok(balance(client(base_url)).await),
        "cancelled_send" => {
            let tracker = infobip::SendTracker::new();
            let client = client(base_url).with_options(RequestOptions::new().tracker(tracker.clone()));
            let sms = client.sms();
            let send = sms.send(SmsRequest::text("41793026727", "Hi"));
            match tokio::time::timeout(Duration::from_millis(300), send).await {
                Ok(result) => ok(result),
                Err(_) => Ok(if tracker.written().is_some_and(|ids| ids.message_ids.len() == 1) {
                    "cancelled".into()
                } else {
                    "cancelled without ids".into()
                }),
            }
        }
        other => panic!("no case {other}"),
    }
}
