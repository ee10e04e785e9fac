//! Exact requests: headers, query encoding, bodies, request ids, deprecation warnings.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use infobip::{Method, Query};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn ok_server() -> MockServer {
    let server = common::server().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(serde_json::json!({"ok": true}))
                .insert_header("X-Request-Id", "rid-42"),
        )
        .mount(&server)
        .await;
    server
}

async fn only_request(server: &MockServer) -> wiremock::Request {
    let mut received = server.received_requests().await.unwrap();
    assert_eq!(received.len(), 1, "exactly one request");
    received.remove(0)
}

#[tokio::test]
async fn get_sends_auth_user_agent_accept_and_no_content_type() {
    let server = ok_server().await;
    let client = common::builder(&server).build().unwrap();
    let response = client.request(Method::GET, "/account/1/balance").send().await.unwrap();
    assert_eq!(response.status, 200);
    assert_eq!(response.request_id.as_deref(), Some("rid-42"));
    assert_eq!(response.attempts, 1);
    let req = only_request(&server).await;
    assert_eq!(req.method.as_str(), "GET");
    assert_eq!(req.url.path(), "/account/1/balance");
    assert_eq!(req.headers["authorization"], "App test-api-key-123");
    assert_eq!(req.headers["accept"], "application/json");
    assert!(req.headers.get("content-type").is_none());
    let ua = req.headers["user-agent"].to_str().unwrap();
    let rustc = env!("INFOBIP_RUSTC_VERSION");
    assert_eq!(ua, format!("infobip-sdk/{} (rust/{rustc}; {})", env!("CARGO_PKG_VERSION"), std::env::consts::OS));
    // The rustc version is a real version (`1.88.0`, maybe with a channel suffix), not a placeholder.
    let numbers: Vec<&str> = rustc.split(['-', '+']).next().unwrap().split('.').collect();
    assert!(numbers.len() == 3 && numbers.iter().all(|n| n.parse::<u32>().is_ok()), "{ua}");
    assert!(req.body.is_empty());
}

#[tokio::test]
async fn content_type_is_sent_only_with_a_body() {
    let server = ok_server().await;
    let client = common::builder(&server).build().unwrap();
    client.request(Method::POST, "/no-body").send().await.unwrap();
    client.request(Method::DELETE, "/no-body").send().await.unwrap();
    client.request(Method::PUT, "/with-body").json(&serde_json::json!({"a": 1})).send().await.unwrap();
    client.request(Method::DELETE, "/with-body").json(&serde_json::json!([])).send().await.unwrap();
    let received = server.received_requests().await.unwrap();
    assert_eq!(received.len(), 4);
    for req in received {
        let content_type = req.headers.get("content-type").map(|v| v.to_str().unwrap().to_owned());
        if req.url.path() == "/no-body" {
            assert_eq!(content_type, None, "{} without a body", req.method);
            assert!(req.body.is_empty());
        } else {
            assert_eq!(content_type.as_deref(), Some("application/json"), "{} with a body", req.method);
            assert!(!req.body.is_empty());
        }
        assert_eq!(req.headers["accept"], "application/json");
    }
}

#[tokio::test]
async fn post_sends_json_body_and_content_type() {
    let server = ok_server().await;
    let client = common::builder(&server).build().unwrap();
    let body = serde_json::json!({"text": "Hi", "languageCode": "TR", "transliteration": {"nested": [1, 2.5, null]}});
    client.request(Method::POST, "/sms/1/preview").json(&body).send().await.unwrap();
    let req = only_request(&server).await;
    assert_eq!(req.headers["content-type"], "application/json");
    assert_eq!(req.body, serde_json::to_vec(&body).unwrap());
}

#[tokio::test]
async fn basic_auth_header_and_binding_user_agent() {
    let server = ok_server().await;
    let client = infobip::Client::builder()
        .base_url(server.uri())
        .basic("Aladdin", "open sesame")
        .runtime("python", "3.11.7")
        .user_agent_suffix("my-app/1.0")
        .build()
        .unwrap();
    client.request(Method::GET, "/x").send().await.unwrap();
    let req = only_request(&server).await;
    assert_eq!(req.headers["authorization"], "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    let ua = req.headers["user-agent"].to_str().unwrap();
    assert!(ua.contains("(python/3.11.7; ") && ua.ends_with(") my-app/1.0"), "{ua}");
}

#[tokio::test]
async fn query_strings_are_rfc3986_encoded_and_lists_repeated() {
    let server = ok_server().await;
    let client = common::builder(&server).build().unwrap();
    let sent_since = infobip::time::parse("2026-12-24T09:30:00.123+01:00").unwrap();
    let mut query = Query::new();
    query
        .push_list("bulkId", ["a", "b c"])
        .push("text", "Hi & bye + 1:2 / ü")
        .push_time("sentSince", &sent_since)
        .push("limit", 10);
    client.request(Method::GET, "/sms/3/logs").query_all(query).send().await.unwrap();
    let req = only_request(&server).await;
    assert_eq!(
        req.url.query().unwrap(),
        "bulkId=a&bulkId=b%20c&text=Hi%20%26%20bye%20%2B%201%3A2%20%2F%20%C3%BC&sentSince=2026-12-24T08%3A30%3A00.123%2B0000&limit=10"
    );
}

#[tokio::test]
async fn builder_query_methods_append() {
    let server = ok_server().await;
    let client = common::builder(&server).build().unwrap();
    client.request(Method::GET, "/x").query("a", "1 2").query_list("b", [1, 2]).send().await.unwrap();
    assert_eq!(only_request(&server).await.url.query().unwrap(), "a=1%202&b=1&b=2");
}

#[tokio::test]
async fn path_prefix_of_base_url_is_kept() {
    let server = ok_server().await;
    let client = infobip::Client::builder().base_url(format!("{}/proxy/", server.uri())).api_key("k").build().unwrap();
    client.request(Method::GET, "/sms/3/logs").send().await.unwrap();
    assert_eq!(only_request(&server).await.url.path(), "/proxy/sms/3/logs");
}

#[tokio::test]
async fn a_path_without_slash_is_refused_before_sending() {
    let server = ok_server().await;
    let client = common::builder(&server).build().unwrap();
    let err = client.request(Method::GET, "sms/3/logs").send().await.unwrap_err();
    assert_eq!(err.code(), "validation");
    assert!(err.to_string().contains("path"));
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn deprecation_headers_warn_once_per_operation() {
    let logs = common::Logs::default();
    let _guard = logs.install();
    let server = common::server().await;
    Mock::given(method("GET"))
        .and(path("/sms/1/logs"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(serde_json::json!({"results": []}))
                .insert_header("Deprecation", "true")
                .insert_header("Sunset", "Sat, 01 Jan 2028 00:00:00 GMT"),
        )
        .mount(&server)
        .await;
    // A second path that only announces its sunset.
    Mock::given(method("GET"))
        .and(path("/sms/1/reports"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(serde_json::json!({"results": []}))
                .insert_header("Sunset", "Sun, 02 Jan 2028 00:00:00 GMT"),
        )
        .mount(&server)
        .await;
    // A path that is not deprecated.
    Mock::given(method("GET"))
        .and(path("/sms/3/logs"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({"results": []})))
        .mount(&server)
        .await;
    let client = common::builder(&server).build().unwrap();
    for _ in 0..3 {
        client.request(Method::GET, "/sms/1/logs").send().await.unwrap();
        client.request(Method::GET, "/sms/1/reports").send().await.unwrap();
        client.request(Method::GET, "/sms/3/logs").send().await.unwrap();
    }
    // A clone shares the record of what was already warned about.
    client.clone().request(Method::GET, "/sms/1/logs").send().await.unwrap();
    let text = logs.text();
    let warnings: Vec<&str> = text.lines().filter(|l| l.contains("WARN") && l.contains("deprecated")).collect();
    assert_eq!(warnings.len(), 2, "one warning per path: {text}");
    assert_eq!(warnings.iter().filter(|l| l.contains("GET /sms/1/logs")).count(), 1, "{text}");
    assert_eq!(warnings.iter().filter(|l| l.contains("GET /sms/1/reports")).count(), 1, "{text}");
    assert!(!warnings.iter().any(|l| l.contains("/sms/3/logs")), "{text}");
    assert!(text.contains("Sat, 01 Jan 2028") && text.contains("Sun, 02 Jan 2028"), "{text}");
}

#[tokio::test]
async fn decode_errors_are_typed() {
    let server = common::server().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(200).set_body_raw("{\"bulkId\": 12", "application/json"))
        .mount(&server)
        .await;
    let client = common::builder(&server).build().unwrap();
    let response = client.request(Method::GET, "/x").send().await.unwrap();
    let err = response.json::<serde_json::Value>().unwrap_err();
    assert_eq!(err.code(), "decode");
    assert!(matches!(err, infobip::Error::Decode { offset: Some(12), .. }), "{err:?}");
}

#[tokio::test]
async fn from_env_reads_infobip_names() {
    let server = ok_server().await;
    let uri = server.uri();
    let env = move |name: &str| match name {
        "INFOBIP_BASE_URL" => Some(uri.clone()),
        "INFOBIP_CLIENT_ID" => Some("id".to_owned()),
        "INFOBIP_USERNAME" => Some("user".to_owned()),
        "INFOBIP_PASSWORD" => Some("pass".to_owned()),
        _ => None,
    };
    // OAuth2 needs both halves; only the id is set, so Basic is used.
    let client = infobip::Client::builder().env_from(env).build().unwrap();
    client.request(Method::GET, "/x").send().await.unwrap();
    let req = only_request(&server).await;
    assert!(req.headers["authorization"].to_str().unwrap().starts_with("Basic "));
    let err = infobip::Client::builder().env_from(|_| None).build().unwrap_err();
    assert_eq!(err.code(), "config");
    assert!(err.to_string().contains("INFOBIP_API_KEY"));
}

#[tokio::test]
async fn from_env_prefers_api_key_then_oauth2_then_basic() {
    let server = common::server().await;
    let uri = server.uri();
    let all = [
        ("INFOBIP_BASE_URL", uri.as_str()),
        ("INFOBIP_API_KEY", "env-key"),
        ("INFOBIP_CLIENT_ID", "env-id"),
        ("INFOBIP_CLIENT_SECRET", "env-secret"),
        ("INFOBIP_USERNAME", "env-user"),
        ("INFOBIP_PASSWORD", "env-pass"),
    ];
    // Each row drops the names listed, and expects this Authorization header.
    let rows: [(&[&str], &str); 3] = [
        (&[], "App env-key"),
        (&["INFOBIP_API_KEY"], "Bearer env-token"),
        (&["INFOBIP_API_KEY", "INFOBIP_CLIENT_SECRET"], "Basic ZW52LXVzZXI6ZW52LXBhc3M="),
    ];
    for (dropped, expected) in rows {
        server.reset().await;
        Mock::given(method("POST"))
            .and(path("/auth/1/oauth2/token"))
            .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({"access_token": "env-token"})))
            .mount(&server)
            .await;
        Mock::given(method("GET")).respond_with(ResponseTemplate::new(200)).mount(&server).await;
        let lookup =
            |name: &str| all.iter().find(|(n, _)| *n == name && !dropped.contains(n)).map(|(_, v)| (*v).to_owned());
        let client = infobip::Client::builder().env_from(lookup).build().unwrap();
        assert_eq!(client.base_url().as_str(), uri);
        client.request(Method::GET, "/x").send().await.unwrap();
        let gets: Vec<wiremock::Request> =
            server.received_requests().await.unwrap().into_iter().filter(|r| r.method.as_str() == "GET").collect();
        assert_eq!(gets.len(), 1);
        assert_eq!(gets[0].headers["authorization"], expected, "without {dropped:?}");
    }
    // What the builder was given wins over the environment.
    let client = infobip::Client::builder()
        .base_url("explicit.api.infobip.com")
        .env_from(|name| all.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v).to_owned()))
        .build()
        .unwrap();
    assert_eq!(client.base_url().as_str(), "https://explicit.api.infobip.com");
}

/// Clones of a client share one connection pool: six sequential calls from three handles use one
/// keep-alive connection to a server that counts the connections it accepts.
#[tokio::test]
async fn clones_share_one_connection_pool() {
    use std::io::{Read, Write};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let accepted = Arc::new(AtomicUsize::new(0));
    let counter = accepted.clone();
    std::thread::spawn(move || {
        // At most 10 connections, each answering at most 20 requests.
        for _ in 0..10 {
            let Ok((mut socket, _)) = listener.accept() else { return };
            counter.fetch_add(1, Ordering::SeqCst);
            std::thread::spawn(move || {
                let mut buffer = Vec::new();
                let mut chunk = [0u8; 4096];
                for _ in 0..20 {
                    while !buffer.windows(4).any(|w| w == b"\r\n\r\n") {
                        match socket.read(&mut chunk) {
                            Ok(0) | Err(_) => return,
                            Ok(n) => buffer.extend_from_slice(&chunk[..n]),
                        }
                    }
                    buffer.clear();
                    let reply = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}";
                    if socket.write_all(reply).is_err() {
                        return;
                    }
                }
            });
        }
    });
    let client = infobip::Client::builder().base_url(format!("http://127.0.0.1:{port}")).api_key("k").build().unwrap();
    let handles = [client.clone(), client.clone(), client.with_options(infobip::RequestOptions::new().max_retries(0))];
    for _ in 0..2 {
        for handle in &handles {
            assert_eq!(handle.request(Method::GET, "/x").send().await.unwrap().status, 200);
        }
    }
    assert_eq!(accepted.load(Ordering::SeqCst), 1, "every call reused the one pooled connection");
}

#[test]
fn client_is_clone_send_sync() {
    fn assert_traits<T: Clone + Send + Sync + 'static>() {}
    assert_traits::<infobip::Client>();
}
