//! 2FA: applications and templates CRUD, PIN send/resend, verification with attempts, status.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::*;
use infobip_emulator::Emulator;
use serde_json::json;

#[tokio::test]
async fn two_factor_flow() {
    let e = Emulator::start().await.unwrap();
    let h = Http::new(&e.base_url());
    let r = h
        .post(
            "/2fa/2/applications",
            Some(KEY),
            &json!({"name":"app","configuration":{"pinAttempts":3,"pinTimeToLive":"10m"}}),
        )
        .await;
    assert!(r.status == 200 || r.status == 201, "{}", r.status);
    let app = r.json();
    let app_id = app["applicationId"].as_str().unwrap().to_string();
    assert_eq!(app["configuration"]["pinAttempts"], 3);
    assert_eq!(app["configuration"]["allowMultiplePinVerifications"], true);
    assert_eq!(app["enabled"], true);

    let list = h.get("/2fa/2/applications", Some(KEY)).await.json();
    assert_eq!(list.as_array().unwrap().len(), 1);
    let r = h.put(&format!("/2fa/2/applications/{app_id}"), Some(KEY), &json!({"name":"renamed"})).await;
    assert_eq!(r.json()["name"], "renamed");
    assert_eq!(r.json()["configuration"]["pinAttempts"], 3);
    assert_eq!(h.get(&format!("/2fa/2/applications/{app_id}"), Some(KEY)).await.json()["name"], "renamed");
    let r = h.get("/2fa/2/applications/NOPE", Some(KEY)).await;
    assert_eq!(r.status, 404);
    assert_eq!(r.json()["requestError"]["serviceException"]["messageId"], "NOT_FOUND");

    // Template with a 6-character hex PIN.
    let r = h
        .post(
            &format!("/2fa/2/applications/{app_id}/messages"),
            Some(KEY),
            &json!({"pinType":"HEX","pinLength":6,"messageText":"Your code is {{pin}}"}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    let tpl = r.json();
    let msg_id = tpl["messageId"].as_str().unwrap().to_string();
    assert_eq!(tpl["pinPlaceholder"], "{{pin}}");
    assert_eq!(tpl["applicationId"], app_id.as_str());
    let r = h
        .put(
            &format!("/2fa/2/applications/{app_id}/messages/{msg_id}"),
            Some(KEY),
            &json!({"senderId":"Sec","pinType":"HEX","messageText":"Code {{pin}}"}),
        )
        .await;
    assert_eq!(r.json()["senderId"], "Sec");
    assert_eq!(r.json()["pinLength"], 6);
    assert_eq!(
        h.get(&format!("/2fa/2/applications/{app_id}/messages"), Some(KEY)).await.json().as_array().unwrap().len(),
        1
    );
    assert_eq!(
        h.get(&format!("/2fa/2/applications/{app_id}/messages/{msg_id}"), Some(KEY)).await.json()["messageText"],
        "Code {{pin}}"
    );
    let r = h.post(&format!("/2fa/2/applications/{app_id}/messages"), Some(KEY), &json!({"messageText":"x"})).await;
    assert_eq!(r.status, 400, "pinType is required");

    // Send PIN.
    let r = h
        .post(
            "/2fa/2/pin?ncNeeded=true",
            Some(KEY),
            &json!({"applicationId":app_id,"messageId":msg_id,"to":"41793026727"}),
        )
        .await;
    assert_eq!(r.status, 200);
    let sent = r.json();
    assert_eq!(sent["smsStatus"], "MESSAGE_SENT");
    assert_eq!(sent["ncStatus"], "NC_DESTINATION_REACHABLE");
    let pin_id = sent["pinId"].as_str().unwrap().to_string();
    let pin = e.pin(&pin_id).unwrap();
    assert_eq!(pin.len(), 6);
    assert!(pin.chars().all(|c| c.is_ascii_hexdigit()));
    // The admin HTTP API reveals the same PIN.
    assert_eq!(h.admin("GET", &format!("/2fa/pins/{pin_id}"), None).await.json()["pin"], pin.as_str());

    // Wrong, then right.
    let v = h.post(&format!("/2fa/2/pin/{pin_id}/verify"), Some(KEY), &json!({"pin":"zzzzzz"})).await.json();
    assert_eq!(v["verified"], false);
    assert_eq!(v["pinError"], "WRONG_PIN");
    assert_eq!(v["attemptsRemaining"], 2);
    assert_eq!(v["msisdn"], "41793026727");
    let v = h.post(&format!("/2fa/2/pin/{pin_id}/verify"), Some(KEY), &json!({"pin": pin})).await.json();
    assert_eq!(v["verified"], true);
    assert!(v.get("pinError").is_none());
    assert_eq!(v["attemptsRemaining"], 1);

    // Resend gives a new PIN and fresh attempts; exhausting them yields NO_MORE_PIN_ATTEMPTS.
    let r = h.post(&format!("/2fa/2/pin/{pin_id}/resend"), Some(KEY), &json!({})).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["pinId"], pin_id.as_str());
    for left in [2, 1, 0] {
        let v = h.post(&format!("/2fa/2/pin/{pin_id}/verify"), Some(KEY), &json!({"pin":"nope"})).await.json();
        assert_eq!(v["pinError"], "WRONG_PIN");
        assert_eq!(v["attemptsRemaining"], left);
    }
    let pin = e.pin(&pin_id).unwrap();
    let v = h.post(&format!("/2fa/2/pin/{pin_id}/verify"), Some(KEY), &json!({"pin": pin})).await.json();
    assert_eq!(v["verified"], false);
    assert_eq!(v["pinError"], "NO_MORE_PIN_ATTEMPTS");

    let r = h.post("/2fa/2/pin/UNKNOWN/verify", Some(KEY), &json!({"pin":"1"})).await;
    assert_eq!(r.status, 404);
    let r = h.post("/2fa/2/pin/UNKNOWN/verify", Some(KEY), &json!({})).await;
    assert_eq!(r.status, 400);
    assert!(r.json()["requestError"]["serviceException"]["validationErrors"]["pin"].is_array());

    // Verification status.
    let j = h.get(&format!("/2fa/2/applications/{app_id}/verifications?msisdn=41793026727"), Some(KEY)).await.json();
    let list = j["verifications"].as_array().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["msisdn"], "41793026727");
    assert!(list[0]["sentAt"].as_i64().unwrap() > 1_600_000_000_000);
    let j = h
        .get(&format!("/2fa/2/applications/{app_id}/verifications?msisdn=41793026727&verified=true"), Some(KEY))
        .await
        .json();
    assert_eq!(j["verifications"].as_array().unwrap().len(), 0);

    // Voice channel and TTL expiry.
    let r = h
        .post("/2fa/2/pin/voice", Some(KEY), &json!({"applicationId":app_id,"messageId":msg_id,"to":"41793026728"}))
        .await;
    assert_eq!(r.json()["callStatus"], "PENDING_ACCEPTED");
    let app2 = h
        .post("/2fa/2/applications", Some(KEY), &json!({"name":"short","configuration":{"pinTimeToLive":"1ms"}}))
        .await
        .json();
    let app2_id = app2["applicationId"].as_str().unwrap();
    let tpl2 = h
        .post(
            &format!("/2fa/2/applications/{app2_id}/messages"),
            Some(KEY),
            &json!({"pinType":"NUMERIC","messageText":"{{pin}}"}),
        )
        .await
        .json();
    let sent = h
        .post("/2fa/2/pin", Some(KEY), &json!({"applicationId":app2_id,"messageId":tpl2["messageId"],"to":"1"}))
        .await
        .json();
    let pid = sent["pinId"].as_str().unwrap();
    let pin = e.pin(pid).unwrap();
    assert_eq!(pin.len(), 4);
    assert!(pin.chars().all(|c| c.is_ascii_digit()));
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    let v = h.post(&format!("/2fa/2/pin/{pid}/verify"), Some(KEY), &json!({"pin": pin})).await.json();
    assert_eq!(v["pinError"], "TTL_EXPIRED");
}
