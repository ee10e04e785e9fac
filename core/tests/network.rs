//! Network settings end to end: an explicit proxy (plain and TLS; the emulator crate's
//! recording proxy, which passes traffic on to loopback only), the no-proxy list, extra trusted
//! roots against the emulator's `--tls`, and a client certificate for mutual TLS.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use infobip::{Client, ClientBuilder, Method, Pem};
use infobip_emulator::proxy::RecordingProxy;
use infobip_emulator::{Emulator, EmulatorConfig};

const PROXY_PASSWORD: &str = "pr0xy-hunter2";

async fn emulator(tls: bool, client_auth: bool) -> Emulator {
    Emulator::start_with(EmulatorConfig { tls, tls_client_auth: client_auth, ..EmulatorConfig::default() })
        .await
        .unwrap()
}

fn builder(emulator: &Emulator) -> ClientBuilder {
    Client::builder().base_url(emulator.base_url()).api_key(emulator.api_key()).max_retries(0)
}

fn ca(emulator: &Emulator) -> String {
    emulator.tls().unwrap().ca_pem().to_owned()
}

async fn balance(client: &Client) -> Result<u16, infobip::Error> {
    client.request(Method::GET, "/account/1/balance").send().await.map(|r| r.status)
}

#[tokio::test]
async fn https_emulator_is_trusted_with_its_ca_and_refused_without_it_naming_the_certificate() {
    let emulator = emulator(true, false).await;
    assert!(emulator.base_url().starts_with("https://127.0.0.1:"));
    let trusted = builder(&emulator).root_certificates(Pem::text(ca(&emulator))).build().unwrap();
    assert_eq!(balance(&trusted).await.unwrap(), 200);

    let untrusted = Client::builder().base_url(emulator.base_url()).api_key(emulator.api_key()).build().unwrap();
    let err = balance(&untrusted).await.unwrap_err();
    assert_eq!(err.code(), "connection");
    let text = err.to_string();
    assert!(text.contains("certificate") && text.contains("UnknownIssuer"), "{text}");
    assert_eq!(err.attempts(), Some(1), "a certificate the client does not trust is not retried");

    // The same CA from a file.
    let dir = tempfile::tempdir().unwrap();
    let path = emulator.tls().unwrap().write_to(dir.path()).unwrap();
    let from_file = builder(&emulator).root_certificates(Pem::file(&path)).build().unwrap();
    assert_eq!(balance(&from_file).await.unwrap(), 200);
}

#[tokio::test]
async fn a_client_certificate_is_presented_for_mutual_tls() {
    let emulator = emulator(true, true).await;
    let material = emulator.tls().unwrap();
    let without = builder(&emulator).root_certificates(Pem::text(ca(&emulator))).build().unwrap();
    let err = balance(&without).await.unwrap_err();
    assert_eq!(err.code(), "connection", "{err}");
    assert!(err.to_string().contains("client certificate"), "{err}");
    assert_eq!(err.attempts(), Some(1), "{err}");
    // A POST refused the same way reached no server either: a connection error, not outcome_unknown.
    let err = without.request(Method::POST, "/sms/3/messages").json(&serde_json::json!({})).send().await.unwrap_err();
    assert_eq!(err.code(), "connection", "{err}");
    assert!(emulator.requests().is_empty());

    let with = builder(&emulator)
        .root_certificates(Pem::text(ca(&emulator)))
        .client_certificate(Pem::text(material.client_certificate_pem()), Pem::text(material.client_key_pem()))
        .build()
        .unwrap();
    assert_eq!(balance(&with).await.unwrap(), 200);

    let dir = tempfile::tempdir().unwrap();
    material.write_to(dir.path()).unwrap();
    let from_files = builder(&emulator)
        .root_certificates(Pem::file(dir.path().join("ca.pem")))
        .client_certificate(Pem::file(dir.path().join("client.pem")), Pem::file(dir.path().join("client-key.pem")))
        .build()
        .unwrap();
    assert_eq!(balance(&from_files).await.unwrap(), 200);
    assert!(!format!("{with:?}").contains("PRIVATE KEY"));
}

#[tokio::test]
async fn an_explicit_proxy_carries_https_as_a_tunnel_with_its_credentials() {
    let emulator = emulator(true, false).await;
    let proxy = RecordingProxy::start(None).await.unwrap();
    let client = builder(&emulator)
        .root_certificates(Pem::text(ca(&emulator)))
        .proxy(proxy.url_with_credentials("user", PROXY_PASSWORD))
        .build()
        .unwrap();
    assert_eq!(balance(&client).await.unwrap(), 200);
    let heads = proxy.heads();
    assert_eq!(heads.len(), 1, "{heads:?}");
    assert!(heads[0].starts_with(&format!("CONNECT {} HTTP/1.1\r\n", emulator.addr())), "{heads:?}");
    // Basic base64("user:pr0xy-hunter2").
    assert!(heads[0].to_ascii_lowercase().contains("proxy-authorization: basic dxnlcjpwcjb4es1odw50zxiy"), "{heads:?}");
    // What the client shows never holds the proxy's password.
    assert!(!format!("{client:?}").contains(PROXY_PASSWORD));
}

#[tokio::test]
async fn an_explicit_proxy_forwards_plain_http_and_the_no_proxy_list_bypasses_it() {
    let emulator = emulator(false, false).await;
    let proxy = RecordingProxy::start(None).await.unwrap();
    let client = builder(&emulator).proxy(proxy.url_with_credentials("user", PROXY_PASSWORD)).build().unwrap();
    assert_eq!(balance(&client).await.unwrap(), 200);
    let heads = proxy.heads();
    assert_eq!(heads.len(), 1, "{heads:?}");
    let expected = format!("GET {}/account/1/balance HTTP/1.1\r\n", emulator.base_url());
    assert!(heads[0].starts_with(&expected), "{heads:?}");

    let bypassing = builder(&emulator)
        .proxy(proxy.url_with_credentials("user", PROXY_PASSWORD))
        .no_proxy("example.com, 127.0.0.1")
        .build()
        .unwrap();
    assert_eq!(balance(&bypassing).await.unwrap(), 200);
    let direct = builder(&emulator).build().unwrap();
    assert_eq!(balance(&direct).await.unwrap(), 200);
    assert_eq!(proxy.heads().len(), 1, "neither went through the proxy");
    assert_eq!(emulator.requests().len(), 3);
}

#[tokio::test]
async fn an_https_proxy_is_reached_over_tls() {
    let emulator = emulator(true, false).await;
    let (acceptor, proxy_ca) = proxy_tls();
    let proxy = RecordingProxy::start(Some(acceptor)).await.unwrap();
    let client = builder(&emulator)
        .root_certificates(Pem::text(ca(&emulator)))
        .root_certificates(Pem::text(proxy_ca))
        .proxy(proxy.url_with_credentials("user", PROXY_PASSWORD))
        .build()
        .unwrap();
    assert_eq!(balance(&client).await.unwrap(), 200);
    assert!(proxy.heads()[0].starts_with("CONNECT "), "{:?}", proxy.heads());
}

#[tokio::test]
async fn a_proxy_that_refuses_is_a_connection_error_that_hides_its_password() {
    let emulator = emulator(false, false).await;
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind("127.0.0.1:0".parse().unwrap()).unwrap();
    let url = format!("http://user:{PROXY_PASSWORD}@{}", socket.local_addr().unwrap());
    let logs = common::Logs::default();
    let guard = logs.install();
    let client = builder(&emulator).proxy(url).build().unwrap();
    let err = balance(&client).await.unwrap_err();
    drop(guard);
    assert_eq!(err.code(), "connection");
    for shown in [format!("{err} {err:?}"), format!("{client:?}"), logs.text()] {
        assert!(!shown.contains(PROXY_PASSWORD), "{shown}");
    }
    assert!(emulator.requests().is_empty());
    drop(socket);
}

/// A TLS acceptor for the proxy itself (a certificate for 127.0.0.1 made the way the emulator
/// makes its own), with the PEM of the CA that signed it.
fn proxy_tls() -> (tokio_rustls::TlsAcceptor, String) {
    let material = infobip_emulator::TlsMaterial::generate(false).unwrap();
    (material.acceptor(), material.ca_pem().to_owned())
}
