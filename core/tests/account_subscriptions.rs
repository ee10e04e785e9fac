//! Account and Subscription Management calls: exact requests, typed answers, validation.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use infobip::account::{ApiKeyFilter, ApiKeyRequest};
use infobip::subscriptions::{
    Channel, CredentialsType, Event, Paging, Profile, Security, Subscription, WebhookCredentials,
};
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

/// A body of the repository's `tests/fixtures` (sources in `tests/fixtures/SOURCES.md`).
fn fixture(name: &str) -> Value {
    let path = format!("{}/../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("fixture {path}: {e}"));
    serde_json::from_str(&text).unwrap()
}

async fn server_answering(status: u16, body: Value) -> MockServer {
    let server = common::server().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(status).set_body_json(body).insert_header("X-Request-Id", "rid-7"))
        .mount(&server)
        .await;
    server
}

async fn only(server: &MockServer) -> Request {
    let mut all = server.received_requests().await.unwrap();
    assert_eq!(all.len(), 1);
    all.remove(0)
}

fn body(req: &Request) -> Value {
    serde_json::from_slice(&req.body).unwrap()
}

#[tokio::test]
async fn balance_calls() {
    let server = server_answering(200, json!({"balance": 47.79, "currency": "EUR", "extra": true})).await;
    let client = common::builder(&server).build().unwrap();
    let balance = client.account().balance().await.unwrap();
    assert_eq!((balance.balance, balance.currency.as_deref()), (Some(47.79), Some("EUR")));
    assert_eq!(balance.request_id.as_deref(), Some("rid-7"));
    let req = only(&server).await;
    assert_eq!((req.method.as_str(), req.url.path()), ("GET", "/account/1/balance"));

    let server = server_answering(
        200,
        json!({"balance": 10.0, "allowedMinus": 5, "currency": {"id": 1, "code": "EUR", "currencyName": "Euro", "symbol": "€"}}),
    )
    .await;
    let client = common::builder(&server).build().unwrap();
    let total = client.account().total_balance().await.unwrap();
    assert_eq!(total.currency.unwrap().symbol.as_deref(), Some("€"));
    assert_eq!(only(&server).await.url.path(), "/account/1/total-balance");

    let server = server_answering(200, json!({"remainingCount": 12})).await;
    let client = common::builder(&server).build().unwrap();
    assert_eq!(client.account().free_messages().await.unwrap().remaining_count, Some(12));
}

#[tokio::test]
async fn api_keys_create_list_get_revoke() {
    let key = json!({"id": "k 1", "apiKeySecret": "SECRET-KEY-VALUE-1", "name": "ci", "enabled": true,
        "permissions": ["PUBLIC_API", "2FA_CLIENT", "NEW_ONE"], "scopeGuids": ["sms:message:send"],
        "validFrom": "2026-01-01T00:00:00.000+0000", "allowedIPs": ["127.0.0.1"]});
    let server = server_answering(200, key.clone()).await;
    let client = common::builder(&server).build().unwrap();
    let created = client.account().create_api_key(&ApiKeyRequest::new("ci", ["sms:message:send"])).await.unwrap();
    let req = only(&server).await;
    assert_eq!((req.method.as_str(), req.url.path()), ("POST", "/settings/2/api-keys"));
    assert_eq!(body(&req), json!({"name": "ci", "scopeGuids": ["sms:message:send"]}), "only what was set is sent");
    assert_eq!(created.scope_guids, ["sms:message:send"]);
    assert_eq!(created.allowed_ips, ["127.0.0.1"]);
    assert_eq!(created.permissions[2].as_str(), "NEW_ONE");
    assert!(!format!("{created:?}").contains("SECRET-KEY-VALUE-1"), "the key's secret is hidden from Debug");

    let server = server_answering(200, key.clone()).await;
    let client = common::builder(&server).build().unwrap();
    client.account().revoke_api_key("k 1").await.unwrap();
    let req = only(&server).await;
    assert_eq!((req.method.as_str(), req.url.path()), ("PUT", "/settings/2/api-keys/k%201"));
    assert_eq!(body(&req), json!({"enabled": false}));

    let server =
        server_answering(200, json!({"apiKeys": [key], "paging": {"page": 0, "pageSize": 20, "totalCount": 1}})).await;
    let client = common::builder(&server).build().unwrap();
    let filter =
        ApiKeyFilter { name: Some("c i".into()), enabled: Some(true), size: Some(20), ..ApiKeyFilter::default() };
    let page = client.account().api_keys(&filter).await.unwrap();
    assert_eq!(page.api_keys.len(), 1);
    assert_eq!(page.paging.unwrap().total_count, Some(1));
    assert_eq!(only(&server).await.url.query(), Some("name=c%20i&size=20&enabled=true"));

    let server = server_answering(200, json!({})).await;
    let client = common::builder(&server).build().unwrap();
    let err = client.account().create_api_key(&ApiKeyRequest::default()).await.unwrap_err();
    assert_eq!(err.code(), "validation");
    assert!(err.to_string().contains("name"));
    assert!(client.account().api_key("").await.is_err());
    assert!(server.received_requests().await.unwrap().is_empty(), "nothing sent for bad input");
}

#[tokio::test]
async fn sessions_and_tokens_do_not_send_the_clients_credentials() {
    let server = common::server().await;
    Mock::given(method("POST"))
        .and(path("/auth/1/session"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"token": "TOKEN-SECRET-9"})))
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path("/auth/1/session"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/auth/1/oauth2/token"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"access_token": "AT-SECRET-9", "expires_in": 3600, "token_type": "Bearer"})),
        )
        .mount(&server)
        .await;
    let client = common::builder(&server).build().unwrap();
    let session = client.account().create_session("bob", &"pw".into(), true).await.unwrap();
    assert!(!format!("{session:?}").contains("TOKEN-SECRET-9"));
    client.account().destroy_session(&session.token).await.unwrap();
    let token = client.account().oauth2_token("id", &"cs".into()).await.unwrap();
    assert_eq!(token.expires_in, Some(3600));
    assert!(!format!("{token:?}").contains("AT-SECRET-9"));
    let all = server.received_requests().await.unwrap();
    assert_eq!(body(&all[0]), json!({"username": "bob", "password": "pw", "unsafe": true}));
    assert!(all[0].headers.get("authorization").is_none());
    assert_eq!(all[1].headers["authorization"], "IBSSO TOKEN-SECRET-9");
    assert!(all[2].headers.get("authorization").is_none());
}

#[test]
fn subscription_fixtures_round_trip() {
    let original = fixture("subscriptions-create-subscription-request.json");
    let model: Subscription = serde_json::from_value(original.clone()).unwrap();
    assert_eq!(serde_json::to_value(&model).unwrap(), original);
    let original = fixture("subscriptions-create-profile-request.json");
    let model: Profile = serde_json::from_value(original.clone()).unwrap();
    assert_eq!(serde_json::to_value(&model).unwrap(), original);
    let original = fixture("subscriptions-create-security-request-basic.json");
    let model: Security = serde_json::from_value(original.clone()).unwrap();
    assert_eq!(model.kind, Some(CredentialsType::Basic));
    assert!(!format!("{model:?}").contains("password1"), "Debug hides the webhook password");
    assert_eq!(serde_json::to_value(&model).unwrap(), original);
}

#[tokio::test]
async fn subscriptions_create_and_list() {
    let server = server_answering(
        201,
        json!({"subscriptionId": "ABC-123-DEF", "profile": {"profileId": "P", "security": {"authId": "A"}}}),
    )
    .await;
    let client = common::builder(&server).build().unwrap();
    let subscription: Subscription =
        serde_json::from_value(fixture("subscriptions-create-subscription-request.json")).unwrap();
    let created = client.subscriptions().create(&Channel::Sms, &subscription).await.unwrap();
    assert_eq!(created.profile.unwrap().security.unwrap().auth_id.as_deref(), Some("A"));
    let req = only(&server).await;
    assert_eq!((req.method.as_str(), req.url.path()), ("POST", "/subscriptions/1/subscription/SMS"));
    assert_eq!(body(&req), fixture("subscriptions-create-subscription-request.json"));

    let server = server_answering(
        200,
        json!({"results": [{"subscriptionId": "S", "events": ["DELIVERY", {"event": "INBOUND_MESSAGE", "format": "MO_JSON_2"}]}],
               "paging": {"page": 0, "size": 20, "totalPages": 1, "totalResults": 1}}),
    )
    .await;
    let client = common::builder(&server).build().unwrap();
    let page = client.subscriptions().list(&Channel::Sms, Paging { page: Some(0), size: Some(20) }).await.unwrap();
    assert_eq!(page.results[0].events, [Event::new("DELIVERY"), Event::with_format("INBOUND_MESSAGE", "MO_JSON_2")]);
    assert_eq!(page.request_id.as_deref(), Some("rid-7"));
    assert_eq!(only(&server).await.url.query(), Some("page=0&size=20"));
}

#[tokio::test]
async fn profile_security_and_certificate_paths() {
    let server = server_answering(200, json!({})).await;
    let client = common::builder(&server).build().unwrap();
    let subs = client.subscriptions();
    subs.profile("P/1").await.unwrap();
    subs.delete_security("a b").await.unwrap();
    subs.certificate_status("c").await.unwrap();
    subs.delete(&Channel::Whatsapp, "S").await.unwrap();
    let update = Profile {
        webhook: Some(infobip::subscriptions::Webhook { notify_url: "https://e.com/h".into(), content_type: None }),
        rate_limit: Some(10),
        ..Profile::default()
    };
    subs.update_profile("P", &update).await.unwrap();
    subs.test_webhook("c", "https://example.com/hook").await.unwrap();
    let seen: Vec<(String, String)> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| (r.method.to_string(), r.url.path().to_owned()))
        .collect();
    let expected = [
        ("GET", "/subscriptions/1/profiles/P%2F1"),
        ("DELETE", "/subscriptions/1/security/a%20b"),
        ("GET", "/subscriptions/1/certificates/status/c"),
        ("DELETE", "/subscriptions/1/subscription/WHATSAPP/S"),
        ("PUT", "/subscriptions/1/profiles/P"),
        ("POST", "/subscriptions/1/certificates/test/webhook"),
    ];
    let expected: Vec<(String, String)> = expected.iter().map(|(m, p)| (m.to_string(), p.to_string())).collect();
    assert_eq!(seen, expected);
    let all = server.received_requests().await.unwrap();
    assert_eq!(body(&all[4]), json!({"webhook": {"notifyUrl": "https://e.com/h"}, "rateLimit": 10}));
    assert_eq!(body(&all[5]), json!({"certificateId": "c", "webhookUrl": "https://example.com/hook"}));
}

#[tokio::test]
async fn bad_subscription_input_is_refused_before_sending() {
    let server = server_answering(200, json!({})).await;
    let client = common::builder(&server).build().unwrap();
    let subs = client.subscriptions();
    let bad = Subscription {
        subscription_id: Some("has space".into()),
        profile: Some(Profile {
            profile_id: Some("P".into()),
            webhook: Some(infobip::subscriptions::Webhook { notify_url: "ftp://x".into(), content_type: None }),
            max_bucket_size: Some(5000),
            security: Some(Security {
                kind: Some(CredentialsType::Hmac),
                credentials: Some(WebhookCredentials::Hmac {
                    secret_key: "k".into(),
                    algorithm: "HMAC_SHA_256".into(),
                }),
                ..Security::default()
            }),
            ..Profile::default()
        }),
        ..Subscription::default()
    };
    let err = subs.create(&Channel::Sms, &bad).await.unwrap_err();
    let infobip::Error::Validation { violations } = &err else { panic!("{err:?}") };
    let fields: Vec<&str> = violations.iter().map(|v| v.property.as_str()).collect();
    assert_eq!(
        fields,
        ["subscriptionId", "events", "profile.webhook.notifyUrl", "profile.security.authId", "profile.maxBucketSize"]
    );
    assert!(subs.list(&Channel::Sms, Paging { page: None, size: Some(101) }).await.is_err());
    assert!(subs.test_webhook("c", "not a url").await.is_err());
    assert!(subs.profile("").await.is_err());
    assert!(server.received_requests().await.unwrap().is_empty());
}
