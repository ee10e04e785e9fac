//! The `infobip-emulator` binary: one listening line, serves, exits cleanly on SIGTERM.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::*;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[tokio::test]
async fn binary_prints_one_line_serves_and_stops_on_sigterm() {
    let dir = std::env::temp_dir().join(format!("infobip-emulator-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("emulator.toml");
    std::fs::write(
        &config,
        "delivery_delay_ms = 10\n[[api_keys]]\nkey = \"from-toml\"\n[[users]]\nusername = \"u\"\npassword = \"p\"\n",
    )
    .unwrap();
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_infobip-emulator"))
        .args(["--port", "0", "--config"])
        .arg(&config)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let startup = start.elapsed();
    println!("binary startup (spawn to listening line): {startup:?}");
    let line = line.trim_end();
    let rest = line.strip_prefix("Infobip emulator listening on http://127.0.0.1:").expect(line);
    let (port, key) = rest.split_once(" (API key: ").unwrap();
    assert!(port.parse::<u16>().unwrap() > 0);
    assert_eq!(key, "from-toml)");

    let h = Http::new(&format!("http://127.0.0.1:{port}"));
    assert_eq!(h.post("/sms/3/messages", Some("App from-toml"), &sms("41793026727", "hi")).await.status, 200);
    assert_eq!(h.post("/sms/3/messages", Some(KEY), &sms("41793026727", "hi")).await.status, 401);

    let status = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(5);
    let exit = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(Instant::now() < deadline, "emulator did not stop on SIGTERM");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(exit.success(), "{exit:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn in_process_startup_is_fast() {
    let start = Instant::now();
    let e = infobip_emulator::Emulator::start().await.unwrap();
    println!("in-process start (listening): {:?}", start.elapsed());
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
