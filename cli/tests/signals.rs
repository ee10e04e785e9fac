//! The long-running commands stop cleanly on a SIGTERM or SIGINT sent the moment they said they
//! are ready: their handlers are installed before that line is printed, not after.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::{BufRead as _, BufReader};
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{Env, wait_bounded};

/// How many times each command is started and signalled.
const RUNS: usize = 20;

/// Where a command prints its "ready" line.
#[derive(Clone, Copy)]
enum Ready {
    Stdout,
    Stderr,
}

/// Starts `infobip args…` `RUNS` times; each time reads its first line from `ready`, sends
/// SIGTERM (even runs) or SIGINT (odd runs) at once, and expects exit code 0 within 5 s.
/// Returns the runs that did not exit 0 (killed by the signal, or stuck).
fn signal_right_after_the_line(env: &Env, args: &[&str], ready: Ready) -> Vec<String> {
    let started = Instant::now();
    let mut failures = Vec::new();
    for run in 0..RUNS {
        let mut child = env.spawnable().args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        let mut line = String::new();
        match ready {
            Ready::Stdout => BufReader::new(child.stdout.take().unwrap()).read_line(&mut line),
            Ready::Stderr => BufReader::new(child.stderr.take().unwrap()).read_line(&mut line),
        }
        .unwrap();
        assert!(!line.is_empty(), "{args:?} printed nothing");
        let signal = if run % 2 == 0 { "-TERM" } else { "-INT" };
        let kill = std::process::Command::new("kill").args([signal, &child.id().to_string()]).status().unwrap();
        assert!(kill.success());
        match wait_bounded(&mut child, Duration::from_secs(5)) {
            Some(status) if status.code() == Some(0) => {}
            other => failures.push(format!("run {run} ({signal}): {other:?}")),
        }
    }
    assert!(started.elapsed() < Duration::from_secs(90), "{RUNS} runs took {:?}", started.elapsed());
    failures
}

#[test]
fn emulator_stops_cleanly_on_a_signal_right_after_its_listening_line() {
    let env = Env::start();
    let failures = signal_right_after_the_line(&env, &["emulator", "--port", "0"], Ready::Stdout);
    assert!(failures.is_empty(), "{} of {RUNS} runs did not exit 0: {failures:#?}", failures.len());
}

#[test]
fn webhooks_listen_stops_cleanly_on_a_signal_right_after_its_listening_line() {
    let env = Env::start();
    let failures = signal_right_after_the_line(&env, &["webhooks", "listen", "--port", "0"], Ready::Stderr);
    assert!(failures.is_empty(), "{} of {RUNS} runs did not exit 0: {failures:#?}", failures.len());
}

#[test]
fn logs_follow_stops_cleanly_on_a_signal_right_after_its_header() {
    let env = Env::start();
    let failures = signal_right_after_the_line(&env, &["sms", "logs", "--follow"], Ready::Stdout);
    assert!(failures.is_empty(), "{} of {RUNS} runs did not exit 0: {failures:#?}", failures.len());
}
