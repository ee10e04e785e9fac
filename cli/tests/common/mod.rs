//! Shared test helpers: an in-process emulator and the `infobip` binary pointed at it.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use infobip_emulator::proxy::RecordingProxy;
use infobip_emulator::{Emulator, EmulatorConfig, RecordedRequest};

/// The environment names the binary reads; removed so the host's settings never leak in.
const ENV_NAMES: [&str; 18] = [
    "INFOBIP_BASE_URL",
    "INFOBIP_API_KEY",
    "INFOBIP_USERNAME",
    "INFOBIP_PASSWORD",
    "INFOBIP_CLIENT_ID",
    "INFOBIP_CLIENT_SECRET",
    "INFOBIP_PROFILE",
    "INFOBIP_LOG",
    "XDG_CONFIG_HOME",
    "INFOBIP_EMULATOR_PORT",
    "HTTPS_PROXY",
    "https_proxy",
    "HTTP_PROXY",
    "http_proxy",
    "ALL_PROXY",
    "all_proxy",
    "NO_PROXY",
    "no_proxy",
];

/// An emulator on its own runtime, and a temporary home directory.
pub struct Env {
    pub emulator: Emulator,
    pub home: tempfile::TempDir,
    runtime: tokio::runtime::Runtime,
}

impl Env {
    pub fn start() -> Self {
        Self::start_with(EmulatorConfig::default())
    }

    /// An emulator with `config` (e.g. TLS on).
    pub fn start_with(config: EmulatorConfig) -> Self {
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        let emulator = runtime.block_on(Emulator::start_with(config)).unwrap();
        Env { emulator, home: tempfile::tempdir().unwrap(), runtime }
    }

    /// A recording proxy on this environment's runtime.
    pub fn proxy(&self) -> RecordingProxy {
        self.runtime.block_on(RecordingProxy::start(None)).unwrap()
    }

    /// The binary with a clean environment: no credentials at all, HOME in a temp dir.
    pub fn bare(&self) -> Command {
        let mut cmd = Command::cargo_bin("infobip").unwrap();
        for name in ENV_NAMES {
            cmd.env_remove(name);
        }
        cmd.env("HOME", self.home.path()).timeout(Duration::from_secs(60));
        cmd
    }

    /// The binary pointed at the emulator through `INFOBIP_*` variables.
    pub fn cmd(&self) -> Command {
        let mut cmd = self.bare();
        cmd.env("INFOBIP_BASE_URL", self.emulator.base_url()).env("INFOBIP_API_KEY", self.emulator.api_key());
        cmd
    }

    /// A std command (for spawning long-running subcommands).
    pub fn spawnable(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(bin());
        for name in ENV_NAMES {
            cmd.env_remove(name);
        }
        cmd.env("HOME", self.home.path())
            .env("INFOBIP_BASE_URL", self.emulator.base_url())
            .env("INFOBIP_API_KEY", self.emulator.api_key())
            .stdin(Stdio::null());
        cmd
    }

    /// Every request for `path` with `method`.
    pub fn requests(&self, method: &str, path: &str) -> Vec<RecordedRequest> {
        self.emulator.requests().into_iter().filter(|r| r.method == method && r.path == path).collect()
    }

    /// The destinations of every `POST /sms/3/messages` received, in order.
    pub fn sent_destinations(&self) -> Vec<String> {
        let mut all = Vec::new();
        for request in self.requests("POST", "/sms/3/messages") {
            let body: serde_json::Value = serde_json::from_str(&request.body).unwrap();
            for message in body["messages"].as_array().unwrap() {
                for d in message["destinations"].as_array().unwrap() {
                    all.push(d["to"].as_str().unwrap().to_owned());
                }
            }
        }
        all
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.home.path().join(name)
    }
}

pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_infobip"))
}

/// Writes a CSV with a `to` column of `n` numbers (and a `text` column).
pub fn write_csv(path: &Path, n: u64) {
    use std::io::Write as _;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    writeln!(out, "to,text").unwrap();
    for i in 0..n {
        writeln!(out, "4179{i:07},Hello {i}").unwrap();
    }
    out.flush().unwrap();
}

/// Stdout of a finished command as text.
pub fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Stderr of a finished command as text.
pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Waits (bounded) for a child to exit; kills it when the time is up.
pub fn wait_bounded(child: &mut std::process::Child, limit: Duration) -> Option<std::process::ExitStatus> {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        if let Some(status) = child.try_wait().unwrap() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}
