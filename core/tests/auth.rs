//! The four auth schemes: headers, sessions, tokens, renewal after 401, closing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Duration;

use infobip::Method;
use wiremock::matchers::{body_string, header, method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

fn ok() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(serde_json::json!({"balance": 1.5}))
}

async fn requests_to(server: &MockServer, p: &str) -> Vec<Request> {
    server.received_requests().await.unwrap().into_iter().filter(|r| r.url.path() == p).collect()
}

#[tokio::test]
async fn ibsso_session_is_created_reused_renewed_once_and_destroyed() {
    let server = common::server().await;
    Mock::given(method("POST"))
        .and(path("/auth/1/session"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({"token": "tok-1"})))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/auth/1/session"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({"token": "tok-2"})))
        .mount(&server)
        .await;
    // The first session expires after two calls.
    Mock::given(method("GET"))
        .and(header("authorization", "IBSSO tok-1"))
        .respond_with(ok())
        .up_to_n_times(2)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(header("authorization", "IBSSO tok-1"))
        .respond_with(ResponseTemplate::new(401).set_body_json(serde_json::json!({"errorCode": "E401"})))
        .mount(&server)
        .await;
    Mock::given(method("GET")).and(header("authorization", "IBSSO tok-2")).respond_with(ok()).mount(&server).await;
    Mock::given(method("DELETE"))
        .and(path("/auth/1/session"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;

    let client = infobip::Client::builder().base_url(server.uri()).ibsso("alice", "s3cret pass").build().unwrap();
    for _ in 0..3 {
        client.request(Method::GET, "/account/1/balance").send().await.unwrap();
    }
    let sessions = requests_to(&server, "/auth/1/session").await;
    assert_eq!(sessions.len(), 2, "one session, then one more after the 401");
    let body: serde_json::Value = serde_json::from_slice(&sessions[0].body).unwrap();
    assert_eq!(body, serde_json::json!({"username": "alice", "password": "s3cret pass"}));
    assert!(sessions[0].headers.get("authorization").is_none());
    assert_eq!(requests_to(&server, "/account/1/balance").await.len(), 4, "2 ok + 1 refused + 1 renewed");

    client.close().await.unwrap();
    let deletes: Vec<Request> =
        server.received_requests().await.unwrap().into_iter().filter(|r| r.method.as_str() == "DELETE").collect();
    assert_eq!(deletes.len(), 1);
    assert_eq!(deletes[0].headers["authorization"], "IBSSO tok-2");
    // Closing again has nothing to destroy.
    client.close().await.unwrap();
    assert_eq!(server.received_requests().await.unwrap().iter().filter(|r| r.method.as_str() == "DELETE").count(), 1);
}

#[tokio::test]
async fn a_second_401_is_returned_not_looped() {
    let server = common::server().await;
    Mock::given(path("/auth/1/session"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({"token": "t"})))
        .mount(&server)
        .await;
    Mock::given(path("/x")).respond_with(ResponseTemplate::new(401)).mount(&server).await;
    let client = infobip::Client::builder().base_url(server.uri()).ibsso("u", "p").build().unwrap();
    let err = client.request(Method::GET, "/x").send().await.unwrap_err();
    assert_eq!(err.code(), "unauthorized");
    assert_eq!(requests_to(&server, "/x").await.len(), 2);
    assert_eq!(requests_to(&server, "/auth/1/session").await.len(), 2);
}

#[tokio::test]
async fn api_keys_are_not_renewed_after_401() {
    let server = common::server().await;
    Mock::given(path("/x")).respond_with(ResponseTemplate::new(401)).mount(&server).await;
    let client = common::builder(&server).build().unwrap();
    let err = client.request(Method::GET, "/x").send().await.unwrap_err();
    assert_eq!((err.code(), err.attempts()), ("unauthorized", Some(1)));
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn oauth2_token_is_form_encoded_and_cached() {
    let server = common::server().await;
    Mock::given(method("POST"))
        .and(path("/auth/1/oauth2/token"))
        .and(header("content-type", "application/x-www-form-urlencoded"))
        .and(body_string("client_id=my%20client&client_secret=p%26ss%3D1&grant_type=client_credentials"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(serde_json::json!({"access_token": "at-1", "expires_in": 3600, "token_type": "Bearer"})),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET")).and(header("authorization", "Bearer at-1")).respond_with(ok()).mount(&server).await;
    let client = infobip::Client::builder().base_url(server.uri()).oauth2("my client", "p&ss=1").build().unwrap();
    for _ in 0..5 {
        client.request(Method::GET, "/account/1/balance").send().await.unwrap();
    }
    assert_eq!(requests_to(&server, "/auth/1/oauth2/token").await.len(), 1);
}

#[tokio::test(start_paused = true)]
async fn fifty_concurrent_calls_with_an_expired_token_make_one_token_request() {
    let server = common::server().await;
    let client = common::connected(common::builder(&server).oauth2("id", "secret"), &server).await;
    Mock::given(method("POST"))
        .and(path("/auth/1/oauth2/token"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(serde_json::json!({"access_token": "tok", "expires_in": 60})),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET")).respond_with(ok()).mount(&server).await;
    client.request(Method::GET, "/x").send().await.unwrap();
    assert_eq!(requests_to(&server, "/auth/1/oauth2/token").await.len(), 1);
    // Still fresh shortly after.
    tokio::time::advance(Duration::from_secs(30)).await;
    client.request(Method::GET, "/x").send().await.unwrap();
    assert_eq!(requests_to(&server, "/auth/1/oauth2/token").await.len(), 1);
    // Refreshed before expires_in runs out: at 55 s of 60 the token counts as expired.
    tokio::time::advance(Duration::from_secs(25)).await;
    let calls: Vec<_> = (0..50)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { client.request(Method::GET, "/x").send().await })
        })
        .collect();
    // The 50 calls open up to 49 new connections. Keep the runtime busy until they are done so
    // the paused clock cannot jump to a connect timeout while a socket is being opened: time
    // moves here only by `advance`.
    common::busy_until_finished(&calls).await;
    for call in calls {
        call.await.unwrap().unwrap();
    }
    assert_eq!(requests_to(&server, "/auth/1/oauth2/token").await.len(), 2, "exactly one refresh for 50 callers");
    assert_eq!(requests_to(&server, "/x").await.len(), 52);
}

#[tokio::test]
async fn a_refused_token_is_fetched_again_once() {
    let server = common::server().await;
    Mock::given(path("/auth/1/oauth2/token"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(serde_json::json!({"access_token": "a", "expires_in": 3600})),
        )
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(path("/auth/1/oauth2/token"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(serde_json::json!({"access_token": "b", "expires_in": 3600})),
        )
        .mount(&server)
        .await;
    Mock::given(header("authorization", "Bearer a")).respond_with(ResponseTemplate::new(401)).mount(&server).await;
    Mock::given(header("authorization", "Bearer b")).respond_with(ok()).mount(&server).await;
    let client = infobip::Client::builder().base_url(server.uri()).oauth2("id", "secret").build().unwrap();
    let response = client.request(Method::POST, "/x").json(&1).send().await.unwrap();
    assert_eq!(response.status, 200);
}

#[tokio::test]
async fn a_refused_token_request_is_auth_failed_and_the_call_is_not_sent() {
    let server = common::server().await;
    Mock::given(path("/auth/1/oauth2/token"))
        .respond_with(ResponseTemplate::new(401).set_body_json(serde_json::json!({
            "error": "invalid_client",
            "requestError": {"serviceException": {"messageId": "UNAUTHORIZED", "text": "Invalid login details"}}
        })))
        .mount(&server)
        .await;
    let client = infobip::Client::builder().base_url(server.uri()).oauth2("id", "wrong-secret-xyz").build().unwrap();
    let err = client.request(Method::GET, "/x").send().await.unwrap_err();
    assert_eq!(err.code(), "auth_failed");
    let infobip::Error::AuthFailed(failure) = &err else { panic!("{err:?}") };
    assert_eq!(
        (failure.scheme.as_str(), failure.cause.as_str(), failure.status),
        ("OAuth2", "unauthorized", Some(401))
    );
    assert!(err.to_string().contains("Invalid login details"), "{err}");
    assert!(!format!("{err} {err:?}").contains("wrong-secret-xyz"));
    let sent: Vec<String> = server.received_requests().await.unwrap().iter().map(|r| r.url.path().to_owned()).collect();
    assert_eq!(sent, ["/auth/1/oauth2/token"], "the call itself was not sent");
}
