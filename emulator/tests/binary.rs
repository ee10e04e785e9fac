//! The `infobip-emulator` binary: the listening line and the inbox line (none with `--no-ui`),
//! serves, exits cleanly on SIGTERM and SIGINT; flags and the TOML file configure it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use base64::Engine as _;
use common::*;
use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A running `infobip-emulator` child: its port, the key it printed, and its stdout after the line.
struct Child {
    child: std::process::Child,
    stdout: BufReader<std::process::ChildStdout>,
    port: u16,
    key: String,
    startup: Duration,
}

/// Spawns the binary with `args` and reads its listening line and (unless `--no-ui`) its inbox
/// line, asserting their exact form.
fn spawn(args: &[&str]) -> Child {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_infobip-emulator"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    let startup = start.elapsed();
    let line = line.strip_suffix('\n').expect("the line ends with a newline");
    let rest = line.strip_prefix("Infobip emulator listening on http://127.0.0.1:").expect(line);
    let (port, key) = rest.split_once(" (API key: ").expect(line);
    let key = key.strip_suffix(')').expect(line).to_string();
    let port: u16 = port.parse().expect(line);
    assert!(port > 0);
    assert_eq!(line, format!("Infobip emulator listening on http://127.0.0.1:{port} (API key: {key})"));
    if !args.contains(&"--no-ui") {
        let mut inbox = String::new();
        stdout.read_line(&mut inbox).unwrap();
        assert_eq!(inbox, format!("Inbox: http://127.0.0.1:{port}/_emulator/ui/\n"));
    }
    Child { child, stdout, port, key, startup }
}

impl Child {
    /// Sends `signal`, waits (at most 5 s) for a successful exit and returns what else was printed.
    fn stop(mut self, signal: &str) -> String {
        let status = Command::new("kill").args([signal, &self.child.id().to_string()]).status().unwrap();
        assert!(status.success());
        let deadline = Instant::now() + Duration::from_secs(5);
        let exit = loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                break s;
            }
            if Instant::now() >= deadline {
                let _ = self.child.kill();
                panic!("emulator did not stop on {signal}");
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        assert!(exit.success(), "{signal}: {exit:?}");
        let mut rest = String::new();
        self.stdout.read_to_string(&mut rest).unwrap();
        rest
    }
}

#[tokio::test]
async fn binary_prints_exactly_one_line_serves_and_stops_cleanly_on_sigterm_and_sigint() {
    let dir = std::env::temp_dir().join(format!("infobip-emulator-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("emulator.toml");
    std::fs::write(
        &config,
        "delivery_delay_ms = 10\n[[api_keys]]\nkey = \"from-toml\"\n[[users]]\nusername = \"u\"\npassword = \"p\"\n",
    )
    .unwrap();
    for signal in ["-TERM", "-INT"] {
        let child = spawn(&["--port", "0", "--config", config.to_str().unwrap()]);
        println!("binary startup (spawn to listening line): {:?}", child.startup);
        assert_eq!(child.key, "from-toml");
        let h = Http::new(&format!("http://127.0.0.1:{}", child.port));
        assert_eq!(h.post("/sms/3/messages", Some("App from-toml"), &sms("41793026727", "hi")).await.status, 200);
        assert_eq!(h.post("/sms/3/messages", Some(KEY), &sms("41793026727", "hi")).await.status, 401);
        let rest = child.stop(signal);
        assert_eq!(rest, "", "nothing but the listening and inbox lines on stdout");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_signal_right_after_the_listening_line_still_stops_cleanly() {
    // The handlers must be installed before the line is printed; otherwise a script that reads
    // the line and signals at once kills the process (exit by signal, not a clean exit).
    let mut startups = Vec::new();
    for i in 0..10 {
        let child = spawn(&["--port", "0"]);
        startups.push(child.startup);
        assert_eq!(child.stop(if i % 2 == 0 { "-TERM" } else { "-INT" }), "");
    }
    // Startup (spawn to listening line) is under 200 ms; the best of ten runs, so one stall of
    // a busy machine does not decide it.
    startups.sort();
    println!("binary startup, 10 runs: min {:?}, median {:?}", startups[0], startups[5]);
    assert!(startups[0] < Duration::from_millis(200), "{startups:?}");
}

/// Spawns the binary on a chosen port without reserving one first: a port another process holds
/// makes the binary exit, and the next candidate is tried (bounded).
fn spawn_on_a_chosen_port() -> (Child, u16) {
    let seed = u64::from(std::process::id());
    for attempt in 0..20u64 {
        let port = 20_000 + ((seed * 7919 + attempt * 104_729) % 30_000) as u16;
        let mut child = Command::new(env!("CARGO_BIN_EXE_infobip-emulator"))
            .args(["--port", &port.to_string(), "--no-ui"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        stdout.read_line(&mut line).unwrap();
        if line.is_empty() {
            // It exited: the port was taken.
            let _ = child.wait();
            continue;
        }
        let rest = line.trim_end().strip_prefix("Infobip emulator listening on http://127.0.0.1:").expect(&line);
        let (printed, key) = rest.split_once(" (API key: ").expect(&line);
        let key = key.strip_suffix(')').expect(&line).to_owned();
        let printed: u16 = printed.parse().expect(&line);
        return (Child { child, stdout, port: printed, key, startup: Duration::ZERO }, port);
    }
    panic!("20 candidate ports were all taken");
}

#[tokio::test]
async fn a_chosen_port_is_used_and_the_default_key_printed() {
    let (child, port) = spawn_on_a_chosen_port();
    assert_eq!(child.port, port);
    assert_eq!(child.key, "emulator-api-key");
    let h = Http::new(&format!("http://127.0.0.1:{port}"));
    assert_eq!(h.get("/sms/3/logs", Some(KEY)).await.status, 200);
    assert_eq!(child.stop("-TERM"), "");
}

#[tokio::test]
async fn flags_configure_credentials_delay_status_mix_and_throttling() {
    let child = spawn(&[
        "--port",
        "0",
        "--api-key",
        "logs-key=sms:logs:read",
        "--api-key",
        "full-key",
        "--user",
        "alice:wonder",
        "--oauth-client",
        "cid:csecret",
        "--delivery-delay-ms",
        "10",
        "--status-mix",
        "EXPIRED=1",
        "--seed",
        "5",
        "--throttling",
    ]);
    assert_eq!(child.key, "logs-key", "the first --api-key is printed");
    let h = Http::new(&format!("http://127.0.0.1:{}", child.port));
    // Scopes: the logs key reads logs but may not send.
    assert_eq!(h.post("/sms/3/messages", Some("App logs-key"), &sms("41793026727", "x")).await.status, 403);
    assert_eq!(h.post("/sms/3/messages", Some(KEY), &sms("41793026727", "x")).await.status, 401);
    let basic = format!("Basic {}", base64::engine::general_purpose::STANDARD.encode("alice:wonder"));
    assert_eq!(h.post("/sms/3/messages", Some(&basic), &sms("41793026727", "x")).await.status, 200);
    let form = "client_id=cid&client_secret=csecret&grant_type=client_credentials";
    let r = h.send("POST", "/auth/1/oauth2/token", None, Some("application/x-www-form-urlencoded"), form.into()).await;
    assert_eq!(r.status, 200);
    let bearer = format!("Bearer {}", r.json()["access_token"].as_str().unwrap());
    assert_eq!(h.post("/sms/3/messages", Some(&bearer), &sms("41793026727", "x")).await.status, 200);
    // Delay 10 ms and a mix of 100% EXPIRED.
    let mut reports = Vec::new();
    for _ in 0..100 {
        reports
            .extend(h.get("/sms/3/reports", Some("App full-key")).await.json()["results"].as_array().unwrap().clone());
        if reports.len() == 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(reports.len(), 2);
    assert!(
        reports.iter().all(|r| r["status"]["name"] == "EXPIRED_EXPIRED" && r["error"]["name"] == "EC_VALIDITY_EXPIRED")
    );
    // Throttling on: 120 logs requests a minute, then 429.
    for i in 0..120 {
        assert_eq!(h.get("/sms/3/logs", Some("App logs-key")).await.status, 200, "request {}", i + 1);
    }
    assert_eq!(h.get("/sms/3/logs", Some("App logs-key")).await.status, 429);
    assert_eq!(child.stop("-TERM"), "");
}

#[tokio::test]
async fn the_inbox_page_is_served_and_no_ui_turns_it_and_its_line_off() {
    let child = spawn(&["--port", "0"]);
    let h = Http::new(&format!("http://127.0.0.1:{}", child.port));
    let page = h.get("/_emulator/ui/", None).await;
    assert_eq!(page.status, 200);
    assert!(String::from_utf8_lossy(&page.body).contains("<title>"), "the page is in the binary");
    assert_eq!(child.stop("-TERM"), "");

    let child = spawn(&["--port", "0", "--no-ui"]);
    let h = Http::new(&format!("http://127.0.0.1:{}", child.port));
    assert_eq!(h.get("/_emulator/ui/", None).await.status, 404);
    assert_eq!(h.get("/_emulator/ui/api/threads", None).await.status, 404);
    assert_eq!(h.admin("GET", "/health", None).await.status, 200, "the admin API stays");
    assert_eq!(child.stop("-INT"), "", "with --no-ui only the listening line");
}

#[test]
fn bad_flags_are_refused_with_exit_code_2() {
    let out = Command::new(env!("CARGO_BIN_EXE_infobip-emulator"))
        .args(["--port", "0", "--status-mix", "DELIVERED=90,LOST=10"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown status `LOST`"));
    assert!(out.stdout.is_empty());
}

#[tokio::test]
async fn in_process_startup_is_fast() {
    let start = Instant::now();
    let e = infobip_emulator::Emulator::start().await.unwrap();
    let listening = start.elapsed();
    println!("in-process start (listening): {listening:?}");
    assert!(listening < Duration::from_millis(200), "in-process startup took {listening:?}");
    let h = Http::new(&e.base_url());
    assert_eq!(h.admin("GET", "/health", None).await.status, 200);
    println!("in-process start + first admin request: {:?}", start.elapsed());
    let first_send = h.post("/sms/3/messages", Some(KEY), &sms("41793026727", "hi")).await;
    assert_eq!(first_send.status, 200);
    println!("in-process start + first send: {:?}", start.elapsed());
}

#[test]
fn bad_config_file_is_refused() {
    let dir = std::env::temp_dir().join(format!("infobip-emulator-badcfg-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("bad.toml");
    std::fs::write(&config, "no_such_key = 1\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_infobip-emulator"))
        .args(["--port", "0", "--config"])
        .arg(&config)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid emulator config"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--tls`: the first line names an `https://` URL (otherwise exactly as without TLS), a later
/// line says where the CA's PEM file is; a client trusting that CA gets an answer, one that
/// does not is refused in the handshake; the temporary directory goes when the emulator stops.
#[test]
fn tls_prints_the_https_url_then_where_the_ca_is_and_serves_with_it() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_infobip-emulator"))
        .args(["--port", "0", "--tls"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut lines = Vec::new();
    // The listening line, perhaps other lines, then the CA line (at most 5 lines read).
    for _ in 0..5 {
        let mut line = String::new();
        stdout.read_line(&mut line).unwrap();
        lines.push(line.trim_end().to_owned());
        if line.starts_with("TLS CA certificate: ") {
            break;
        }
    }
    let first = &lines[0];
    let rest = first.strip_prefix("Infobip emulator listening on https://127.0.0.1:").expect(first);
    let (port, key) = rest.split_once(" (API key: ").expect(first);
    let port: u16 = port.parse().expect(first);
    assert_eq!(key, "emulator-api-key)");
    let ca = lines.last().unwrap().strip_prefix("TLS CA certificate: ").unwrap_or_else(|| panic!("{lines:?}"));
    let ca = std::path::PathBuf::from(ca);
    let pem = std::fs::read(&ca).unwrap();
    assert!(pem.starts_with(b"-----BEGIN CERTIFICATE-----\n"));
    let dir = ca.parent().unwrap().to_owned();
    for name in ["client.pem", "client-key.pem"] {
        assert!(dir.join(name).is_file(), "{name}");
    }

    let answer = https_get(port, Some(&pem)).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    let refused = https_get(port, None).unwrap_err();
    assert!(refused.contains("UnknownIssuer"), "{refused}");

    assert!(Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap().success());
    let deadline = Instant::now() + Duration::from_secs(5);
    while child.try_wait().unwrap().is_none() {
        assert!(Instant::now() < deadline, "the emulator did not stop");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(!dir.exists(), "the temporary TLS directory is removed at exit");
}

/// `GET /_emulator/health` over TLS, trusting the CA in `ca_pem` (or only an empty root store).
fn https_get(port: u16, ca_pem: Option<&[u8]>) -> Result<String, String> {
    use rustls::pki_types::{CertificateDer, ServerName, pem::PemObject};
    use std::io::Write;
    use std::sync::Arc;
    let mut roots = rustls::RootCertStore::empty();
    if let Some(pem) = ca_pem {
        roots.add(CertificateDer::from_pem_slice(pem).unwrap()).unwrap();
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth();
    let name = ServerName::try_from("127.0.0.1").unwrap();
    let mut tls = rustls::ClientConnection::new(Arc::new(config), name).unwrap();
    let mut socket = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    socket.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut stream = rustls::Stream::new(&mut tls, &mut socket);
    let request = format!("GET /_emulator/health HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).map_err(|e| e.to_string())?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).map_err(|e| e.to_string())?;
    Ok(answer)
}
