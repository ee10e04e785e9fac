//! No secret leaves: Debug, Display and logs never show keys, passwords, client secrets or tokens.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Duration;

use infobip::{Client, Error, Method, RequestOptions};
use wiremock::matchers::{any, header, method, path};
use wiremock::{Mock, ResponseTemplate};

const KEY: &str = "KEY-5ecr3t-a1b2c3";
const PASSWORD: &str = "PW-5ecr3t-d4e5f6";
const CLIENT_SECRET: &str = "CS-5ecr3t-g7h8i9";
const SESSION_TOKEN: &str = "ST-5ecr3t-j1k2l3";
const ACCESS_TOKEN: &str = "AT-5ecr3t-m4n5o6";
const SECRETS: [&str; 5] = [KEY, PASSWORD, CLIENT_SECRET, SESSION_TOKEN, ACCESS_TOKEN];

fn assert_clean(what: &str, text: &str) {
    for secret in SECRETS {
        assert!(!text.contains(secret), "{what} shows a secret: {text}");
        // Also not the Basic encoding of user:password.
        assert!(!text.contains("dXNlcjpQVy01ZWNyM3Qt"), "{what} shows Basic credentials: {text}");
    }
}

fn shown<T: std::fmt::Debug>(value: &T) -> String {
    format!("{value:?} {value:#?}")
}

fn shown_error(err: &Error) -> String {
    format!("{err} {err:?} {err:#?}")
}

#[tokio::test]
async fn clients_builders_and_credentials_do_not_show_secrets() {
    let builders = [
        Client::builder().base_url("x.api.infobip.com").api_key(KEY),
        Client::builder().base_url("x.api.infobip.com").basic("user", PASSWORD),
        Client::builder().base_url("x.api.infobip.com").ibsso("user", PASSWORD),
        Client::builder().base_url("x.api.infobip.com").oauth2("id", CLIENT_SECRET),
    ];
    for builder in builders {
        assert_clean("builder", &shown(&builder));
        let client = builder.build().unwrap();
        assert_clean("client", &shown(&client));
    }
    assert_clean("credentials", &shown(&infobip::Credentials::ApiKey(KEY.into())));
    assert_clean("secret", &shown(&infobip::Secret::new(PASSWORD)));
}

#[tokio::test]
async fn every_error_variant_is_clean() {
    let logs = common::Logs::default();
    let _guard = logs.install();
    let server = common::server().await;
    Mock::given(path("/auth/1/session"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({"token": SESSION_TOKEN})))
        .mount(&server)
        .await;
    Mock::given(path("/auth/1/oauth2/token"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(serde_json::json!({"access_token": ACCESS_TOKEN, "expires_in": 3600})),
        )
        .mount(&server)
        .await;
    Mock::given(path("/slow"))
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(5)))
        .mount(&server)
        .await;
    Mock::given(path("/bad-json"))
        .respond_with(ResponseTemplate::new(200).set_body_raw("{", "application/json"))
        .mount(&server)
        .await;
    Mock::given(method("DELETE")).respond_with(ResponseTemplate::new(204)).mount(&server).await;
    for status in [400u16, 401, 403, 404, 409, 429, 500, 503, 418] {
        Mock::given(path(format!("/status/{status}")))
            .respond_with(
                ResponseTemplate::new(status).set_body_json(serde_json::json!({"errorCode": format!("E{status}")})),
            )
            .mount(&server)
            .await;
    }
    Mock::given(header("authorization", format!("App {KEY}").as_str()))
        .and(path("/ok"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    Mock::given(any()).respond_with(ResponseTemplate::new(200)).mount(&server).await;

    let clients = [
        Client::builder().base_url(server.uri()).api_key(KEY).max_retries(0).build().unwrap(),
        Client::builder().base_url(server.uri()).basic("user", PASSWORD).max_retries(0).build().unwrap(),
        Client::builder().base_url(server.uri()).ibsso("user", PASSWORD).max_retries(0).build().unwrap(),
        Client::builder().base_url(server.uri()).oauth2("id", CLIENT_SECRET).max_retries(0).build().unwrap(),
    ];
    let mut errors: Vec<Error> = Vec::new();
    for client in &clients {
        client.request(Method::GET, "/ok").send().await.unwrap();
        for status in [400u16, 401, 403, 404, 409, 429, 500, 503, 418] {
            errors.push(client.request(Method::GET, format!("/status/{status}")).send().await.unwrap_err());
        }
        let short = RequestOptions::new().timeout(Duration::from_millis(50));
        errors.push(client.request(Method::GET, "/slow").options(short.clone()).send().await.unwrap_err());
        errors.push(client.request(Method::POST, "/slow").json(&1).options(short).send().await.unwrap_err());
        errors.push(
            client.request(Method::GET, "/bad-json").send().await.unwrap().json::<serde_json::Value>().unwrap_err(),
        );
        errors.push(client.request(Method::GET, "no-slash").send().await.unwrap_err());
        assert_clean("client after use", &shown(client));
        client.close().await.unwrap();
    }
    let down = Client::builder().base_url("http://127.0.0.1:9").api_key(KEY).max_retries(0).build().unwrap();
    errors.push(down.request(Method::GET, "/x").send().await.unwrap_err());
    errors.push(Client::builder().base_url("ftp://x").api_key(KEY).build().unwrap_err());
    errors.push(Client::builder().api_key(format!("{KEY}\r\n")).build().unwrap_err());
    errors.push(Client::builder().basic("user", format!("{PASSWORD}\n")).build().unwrap_err());
    errors.push(Client::builder().oauth2("id", format!("{CLIENT_SECRET}\r")).build().unwrap_err());
    errors.push(Error::webhook_verification("signature mismatch"));

    let mut codes: Vec<&str> = errors.iter().map(Error::code).collect();
    codes.sort_unstable();
    codes.dedup();
    for code in [
        "config",
        "validation",
        "connection",
        "timeout",
        "outcome_unknown",
        "bad_request",
        "unauthorized",
        "forbidden",
        "not_found",
        "conflict",
        "rate_limited",
        "server_error",
        "api_error",
        "decode",
        "webhook_verification",
    ] {
        assert!(codes.contains(&code), "no {code} error was produced: {codes:?}");
    }
    for err in &errors {
        assert_clean(err.code(), &shown_error(err));
    }
    let text = logs.text();
    assert!(text.contains("GET /status/400") || text.contains("/status/400"), "requests are logged: {text}");
    assert_clean("logs", &text);
}

#[test]
fn cr_or_lf_in_a_key_or_header_value_is_a_config_error() {
    let base = || Client::builder().base_url("x.api.infobip.com");
    for bad in ["\r", "\n", "\r\n"] {
        let with = |value: &str| format!("{value}{bad}X-Injected: 1");
        let built = [
            ("API key", base().api_key(with(KEY)).build()),
            ("Basic username", base().basic(with("user"), PASSWORD).build()),
            ("Basic password", base().basic("user", with(PASSWORD)).build()),
            ("IBSSO username", base().ibsso(with("user"), PASSWORD).build()),
            ("IBSSO password", base().ibsso("user", with(PASSWORD)).build()),
            ("OAuth2 client id", base().oauth2(with("id"), CLIENT_SECRET).build()),
            ("OAuth2 client secret", base().oauth2("id", with(CLIENT_SECRET)).build()),
            ("User-Agent suffix", base().api_key(KEY).user_agent_suffix(with("my-app/1.0")).build()),
            ("runtime name", base().api_key(KEY).runtime(with("python"), "3.12").build()),
            ("runtime version", base().api_key(KEY).runtime("python", with("3.12")).build()),
        ];
        for (what, result) in built {
            let err = result.expect_err(what);
            assert_eq!(err.code(), "config", "{what} with {bad:?}: {err}");
            assert!(!err.to_string().contains(['\r', '\n']), "{what}: a line break in the message: {err:?}");
            assert_clean(what, &shown_error(&err));
        }
    }
}
