//! Authentication: App keys, Basic, IBSSO sessions, OAuth2 tokens, 401/403 error shapes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use base64::Engine as _;
use common::*;
use infobip_emulator::{Emulator, EmulatorConfig};
use serde_json::json;
use std::time::Duration;

fn basic(user: &str, pass: &str) -> String {
    format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("{user}:{pass}")))
}

#[tokio::test]
async fn app_key_and_basic_are_accepted_and_wrong_credentials_get_401_in_the_endpoint_shape() {
    let emu = Emulator::start().await.unwrap();
    let h = Http::new(&emu.base_url());
    assert_eq!(h.post("/sms/3/messages", Some(KEY), &sms("41793026727", "hi")).await.status, 200);
    let b = basic("emulator", "emulator-password");
    assert_eq!(h.post("/sms/3/messages", Some(&b), &sms("41793026727", "hi")).await.status, 200);

    // New ApiError shape on /sms/3.
    for auth in
        [None, Some("App wrong"), Some("Basic Zm9vOmJhcg=="), Some("Bearer nope"), Some("IBSSO nope"), Some("Weird x")]
    {
        let r = h.post("/sms/3/messages", auth, &sms("41793026727", "hi")).await;
        assert_eq!(r.status, 401, "{auth:?}");
        let j = r.json();
        assert_eq!(j["errorCode"], "E401");
        assert_eq!(j["resources"][0]["name"], "API Authentication");
    }
    // Legacy shape on /sms/2, /sms/1, 2FA and account endpoints.
    for path in ["/sms/1/reports", "/2fa/2/applications", "/account/1/balance"] {
        let r = h.get(path, Some("App wrong")).await;
        assert_eq!(r.status, 401, "{path}");
        assert_eq!(r.json()["requestError"]["serviceException"]["messageId"], "UNAUTHORIZED", "{path}");
    }
    let r = h.post("/sms/2/text/advanced", None, &json!({})).await;
    assert_eq!(r.status, 401);
    assert!(r.json()["requestError"]["serviceException"]["text"].is_string());
}

#[tokio::test]
async fn key_without_the_operation_scope_gets_403() {
    let emu = Emulator::start().await.unwrap();
    let h = Http::new(&emu.base_url());
    let r = h.post("/sms/3/messages", Some(LIMITED), &sms("41793026727", "hi")).await;
    assert_eq!(r.status, 403);
    assert_eq!(r.json()["errorCode"], "E403");
    let r = h.get("/sms/1/reports", Some(LIMITED)).await;
    assert_eq!(r.status, 403);
    assert_eq!(r.json()["requestError"]["serviceException"]["messageId"], "FORBIDDEN");
    // The limited key has 2fa:manage.
    assert_eq!(h.get("/2fa/2/applications", Some(LIMITED)).await.status, 200);

    // Scoped keys from TOML.
    let cfg =
        EmulatorConfig::from_toml_str("[[api_keys]]\nkey = \"logs-only\"\nscopes = [\"sms:logs:read\"]\n").unwrap();
    let emu = Emulator::start_with(cfg).await.unwrap();
    let h = Http::new(&emu.base_url());
    assert_eq!(emu.api_key(), "logs-only");
    assert_eq!(h.get("/sms/3/logs", Some("App logs-only")).await.status, 200);
    assert_eq!(h.post("/sms/3/messages", Some("App logs-only"), &sms("1", "x")).await.status, 403);
}

#[tokio::test]
async fn ibsso_sessions_are_created_used_expire_when_idle_and_deleted() {
    let cfg = EmulatorConfig { session_idle_timeout_secs: 1, ..EmulatorConfig::default() };
    let emu = Emulator::start_with(cfg).await.unwrap();
    let h = Http::new(&emu.base_url());
    let r = h.post("/auth/1/session", None, &json!({"username":"emulator","password":"wrong"})).await;
    assert_eq!(r.status, 401);
    assert_eq!(r.json()["requestError"]["serviceException"]["messageId"], "UNAUTHORIZED");

    let r = h.post("/auth/1/session", None, &json!({"username":"emulator","password":"emulator-password"})).await;
    assert_eq!(r.status, 200);
    let token = r.json()["token"].as_str().unwrap().to_string();
    let auth = format!("IBSSO {token}");
    assert_eq!(h.get("/sms/3/logs", Some(&auth)).await.status, 200);

    // Deleting the session invalidates it.
    let r = h.send("DELETE", "/auth/1/session", Some(&auth), None, vec![]).await;
    assert_eq!(r.status, 200);
    assert_eq!(h.get("/sms/3/logs", Some(&auth)).await.status, 401);

    // Idle expiry.
    let r = h.post("/auth/1/session", None, &json!({"username":"emulator","password":"emulator-password"})).await;
    let auth = format!("IBSSO {}", r.json()["token"].as_str().unwrap());
    assert_eq!(h.get("/sms/3/logs", Some(&auth)).await.status, 200);
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(h.get("/sms/3/logs", Some(&auth)).await.status, 401);
}

#[tokio::test]
async fn oauth2_tokens_are_form_encoded_carry_expires_in_and_expire() {
    let cfg = EmulatorConfig { oauth_token_ttl_secs: 1, ..EmulatorConfig::default() };
    let emu = Emulator::start_with(cfg).await.unwrap();
    let h = Http::new(&emu.base_url());
    let form = "client_id=emulator&client_secret=emulator-password&grant_type=client_credentials";
    let r = h.send("POST", "/auth/1/oauth2/token", None, Some("application/x-www-form-urlencoded"), form.into()).await;
    assert_eq!(r.status, 200);
    let j = r.json();
    assert_eq!(j["expires_in"], 1);
    assert_eq!(j["token_type"], "Bearer");
    let auth = format!("Bearer {}", j["access_token"].as_str().unwrap());
    assert_eq!(h.post("/sms/3/messages", Some(&auth), &sms("41793026727", "hi")).await.status, 200);
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(h.post("/sms/3/messages", Some(&auth), &sms("41793026727", "hi")).await.status, 401);

    let bad = "client_id=emulator&client_secret=nope&grant_type=client_credentials";
    let r = h.send("POST", "/auth/1/oauth2/token", None, Some("application/x-www-form-urlencoded"), bad.into()).await;
    assert_eq!(r.status, 401);
    let j = r.json();
    assert_eq!(j["error"], "invalid_client");
    assert_eq!(j["requestError"]["serviceException"]["messageId"], "UNAUTHORIZED");

    let wrong_grant = "client_id=emulator&client_secret=emulator-password&grant_type=password";
    let r = h
        .send("POST", "/auth/1/oauth2/token", None, Some("application/x-www-form-urlencoded"), wrong_grant.into())
        .await;
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["error"], "unsupported_grant_type");
}
