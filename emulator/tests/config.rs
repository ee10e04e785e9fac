//! A TOML configuration drives the credentials (API keys with scopes, Basic users, OAuth2
//! clients), the delivery-report delay, a seeded and reproducible status mix, and throttling.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use base64::Engine as _;
use common::*;
use infobip_emulator::{Emulator, EmulatorConfig};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::time::Duration;

const TOML: &str = r#"
delivery_delay_ms = 300
seed = 11
throttling = true

[[api_keys]]
key = "toml-full"

[[api_keys]]
key = "toml-logs"
scopes = ["sms:logs:read"]

[[users]]
username = "bob"
password = "builder"
scopes = ["sms:logs:read"]

[[oauth_clients]]
client_id = "toml-client"
client_secret = "toml-secret"

[[status_mix]]
status = "DELIVERED"
weight = 90
[[status_mix]]
status = "UNDELIVERABLE"
weight = 5
[[status_mix]]
status = "EXPIRED"
weight = 5
"#;

fn config() -> EmulatorConfig {
    EmulatorConfig::from_toml_str(TOML).unwrap()
}

fn basic(user: &str, pass: &str) -> String {
    format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("{user}:{pass}")))
}

#[tokio::test]
async fn toml_credentials_replace_the_defaults_and_carry_their_scopes() {
    let e = Emulator::start_with(EmulatorConfig { throttling: false, ..config() }).await.unwrap();
    let h = Http::new(&e.base_url());
    assert_eq!(e.api_key(), "toml-full");
    let send = |auth: String| {
        let h = h.clone();
        async move { h.post("/sms/3/messages", Some(&auth), &sms("41793026727", "x")).await.status }
    };
    let logs = |auth: String| {
        let h = h.clone();
        async move { h.get("/sms/3/logs", Some(&auth)).await.status }
    };
    assert_eq!(send("App toml-full".into()).await, 200);
    assert_eq!(send(KEY.into()).await, 401, "the default key is replaced");
    assert_eq!(send("App toml-logs".into()).await, 403);
    assert_eq!(logs("App toml-logs".into()).await, 200);

    // The Basic user has only sms:logs:read; so has its IBSSO session.
    assert_eq!(logs(basic("bob", "builder")).await, 200);
    assert_eq!(send(basic("bob", "builder")).await, 403);
    assert_eq!(send(basic("emulator", "emulator-password")).await, 401, "the default user is replaced");
    let r = h.post("/auth/1/session", None, &json!({"username":"bob","password":"builder"})).await;
    let ibsso = format!("IBSSO {}", r.json()["token"].as_str().unwrap());
    assert_eq!(logs(ibsso.clone()).await, 200);
    assert_eq!(send(ibsso).await, 403);

    // The OAuth2 client has every scope; the default client is gone.
    let token = |form: &'static str| {
        let h = h.clone();
        async move {
            h.send("POST", "/auth/1/oauth2/token", None, Some("application/x-www-form-urlencoded"), form.into()).await
        }
    };
    let r = token("client_id=toml-client&client_secret=toml-secret&grant_type=client_credentials").await;
    assert_eq!(r.status, 200);
    assert_eq!(send(format!("Bearer {}", r.json()["access_token"].as_str().unwrap())).await, 200);
    let r = token("client_id=emulator&client_secret=emulator-password&grant_type=client_credentials").await;
    assert_eq!(r.status, 401);
}

#[tokio::test]
async fn toml_throttling_on_limits_logs_to_120_a_minute() {
    let e = Emulator::start_with(config()).await.unwrap();
    let h = Http::new(&e.base_url());
    for i in 0..120 {
        assert_eq!(h.get("/sms/3/logs", Some("App toml-full")).await.status, 200, "request {}", i + 1);
    }
    assert_eq!(h.get("/sms/3/logs", Some("App toml-full")).await.status, 429);
}

/// Sends 1,000 messages with fixed ids and returns each id's final (status name, error name),
/// checking that no report was final sooner than the configured delay.
async fn outcomes(config: EmulatorConfig) -> HashMap<String, (String, String)> {
    let delay = i64::try_from(config.delivery_delay_ms).unwrap();
    let e = Emulator::start_with(config).await.unwrap();
    let h = Http::new(&e.base_url());
    let dests: Vec<Value> = (0..1000).map(|i| json!({"to": "41793026727", "messageId": format!("mix-{i}")})).collect();
    let body = json!({"messages":[{"destinations": dests, "content":{"text":"x"}}]});
    assert_eq!(h.post("/sms/3/messages", Some("App toml-full"), &body).await.status, 200);
    let mut out = HashMap::new();
    for _ in 0..500 {
        let j = h.get("/sms/3/reports?limit=1000", Some("App toml-full")).await.json();
        for r in j["results"].as_array().unwrap() {
            let t = |k: &str| infobip_emulator::time::parse(r[k].as_str().unwrap()).unwrap();
            let waited = (t("doneAt") - t("sentAt")).num_milliseconds();
            assert!(waited >= delay - 1, "final after {waited} ms, configured {delay} ms");
            let name = |k: &str| r[k]["name"].as_str().unwrap().to_string();
            out.insert(r["messageId"].as_str().unwrap().to_string(), (name("status"), name("error")));
        }
        if out.len() == 1000 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(out.len(), 1000);
    out
}

#[tokio::test]
async fn toml_status_mix_is_seeded_reproducible_and_close_to_its_weights() {
    let first = outcomes(config()).await;
    let second = outcomes(config()).await;
    assert_eq!(first, second, "same seed, same ids: same outcomes");
    let mut by_status: HashMap<&str, usize> = HashMap::new();
    for (status, error) in first.values() {
        let expected_error = match status.as_str() {
            "DELIVERED_TO_HANDSET" => "NO_ERROR",
            "UNDELIVERABLE_NOT_DELIVERED" => "EC_UNKNOWN_SUBSCRIBER",
            "EXPIRED_EXPIRED" => "EC_VALIDITY_EXPIRED",
            other => panic!("unexpected status {other}"),
        };
        assert_eq!(error, expected_error);
        *by_status.entry(status.as_str()).or_default() += 1;
    }
    let n = |s: &str| by_status.get(s).copied().unwrap_or(0);
    assert!((850..=950).contains(&n("DELIVERED_TO_HANDSET")), "{by_status:?}");
    assert!((20..=80).contains(&n("UNDELIVERABLE_NOT_DELIVERED")), "{by_status:?}");
    assert!((20..=80).contains(&n("EXPIRED_EXPIRED")), "{by_status:?}");

    let other_seed = outcomes(EmulatorConfig { seed: 12, ..config() }).await;
    assert_ne!(first, other_seed, "another seed gives another assignment");
}
