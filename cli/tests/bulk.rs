//! `infobip sms bulk`: batches, results file, resume without sending anything twice, bad rows,
//! and bounded memory on a large file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Duration;

use common::{Env, stderr, stdout, wait_bounded, write_csv};
use infobip_emulator::{Fault, FaultKind};
use serde_json::Value;

fn fault(kind: FaultKind, delay_ms: u64) -> Fault {
    Fault {
        count: 1,
        path: Some("/sms/3/messages".into()),
        method: Some("POST".into()),
        kind: Some(kind),
        status: None,
        body: None,
        headers: Default::default(),
        delay_ms,
    }
}

/// The results file: (line, outcome) rows.
fn results(path: &Path) -> Vec<HashMap<String, String>> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    reader.deserialize::<HashMap<String, String>>().map(Result::unwrap).collect()
}

/// The final outcome of each line (the last row for it that is not `pending`).
fn outcomes(path: &Path) -> HashMap<u64, String> {
    let mut out = HashMap::new();
    for row in results(path) {
        if row["outcome"] != "pending" {
            out.insert(row["line"].parse().unwrap(), row["outcome"].clone());
        }
    }
    out
}

fn assert_each_sent_once(env: &Env, n: u64) {
    let sent = env.sent_destinations();
    let unique: HashSet<&String> = sent.iter().collect();
    assert_eq!(unique.len(), sent.len(), "a destination was sent twice");
    assert_eq!(sent.len() as u64, n, "every destination is sent");
}

#[test]
fn bulk_sends_in_batches_and_records_every_id() {
    let env = Env::start();
    let csv = env.path("numbers.csv");
    write_csv(&csv, 2500);
    let output = env.cmd().arg("--json").args(bulk_args(&csv, 1000)).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let summary: Value = serde_json::from_str(stdout(&output).trim()).unwrap();
    assert_eq!(summary["read"], 2500);
    assert_eq!(summary["sent"], 2500);
    assert_eq!(summary["accepted"], 2500);
    assert_eq!(summary["outcomeUnknown"], 0);
    assert!(stderr(&output).contains("progress: 2500/2500"), "plain progress lines: {}", stderr(&output));
    assert_eq!(env.requests("POST", "/sms/3/messages").len(), 3);
    assert_each_sent_once(&env, 2500);

    let rows = results(&env.path("numbers.results.csv"));
    assert_eq!(rows.len(), 5000, "a pending row and an outcome row per destination");
    let finals: Vec<_> = rows.iter().filter(|r| r["outcome"] == "accepted").collect();
    assert_eq!(finals.len(), 2500);
    let bulks: HashSet<&String> = finals.iter().map(|r| &r["bulk_id"]).collect();
    assert_eq!(bulks.len(), 3, "one bulk id per batch");
    // The ids recorded are the ids the API got.
    let logged = env.emulator.requests();
    let first: Value = serde_json::from_str(&logged[0].body).unwrap();
    assert_eq!(first["options"]["schedule"]["bulkId"].as_str(), Some(rows[0]["bulk_id"].as_str()));
    assert_eq!(first["messages"][0]["destinations"][0]["messageId"].as_str(), Some(rows[0]["message_id"].as_str()));

    // Human output: one summary line.
    let output = env
        .cmd()
        .args(["sms", "bulk", "--csv", csv.to_str().unwrap(), "--text", "Hi", "--results"])
        .arg(env.path("second.csv"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output).lines().count(), 1);
    assert!(
        stdout(&output)
            .starts_with("destinations read: 2500, sent: 2500, accepted: 2500, rejected: 0, outcome unknown: 0")
    );
}

#[test]
fn text_column_sends_each_rows_text() {
    let env = Env::start();
    let csv = env.path("texts.csv");
    write_csv(&csv, 3);
    let output = env
        .cmd()
        .args(["sms", "bulk", "--csv", csv.to_str().unwrap(), "--text-column", "text", "--sender", "Shop"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let body: Value = serde_json::from_str(&env.requests("POST", "/sms/3/messages")[0].body).unwrap();
    let texts: Vec<&str> =
        body["messages"].as_array().unwrap().iter().map(|m| m["content"]["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["Hello 0", "Hello 1", "Hello 2"]);
    assert_eq!(body["messages"][2]["sender"], "Shop");
}

/// `sms bulk --csv CSV --text Hi --batch-size N`.
fn bulk_args(csv: &Path, batch_size: u32) -> Vec<String> {
    let csv = csv.to_str().unwrap().to_owned();
    ["sms", "bulk", "--csv", &csv, "--text", "Hi", "--batch-size", &batch_size.to_string()].map(str::to_owned).to_vec()
}

/// An emulator whose second send gets `second`, and a CSV of `n` numbers (with its results path).
fn second_batch_faulty(n: u64, second: Fault) -> (Env, PathBuf, PathBuf) {
    let env = Env::start();
    let csv = env.path("numbers.csv");
    write_csv(&csv, n);
    env.emulator.queue_fault(fault(FaultKind::Delay, 0));
    env.emulator.queue_fault(second);
    let results = env.path("numbers.results.csv");
    (env, csv, results)
}

#[test]
fn interrupted_bulk_resumes_and_sends_every_destination_exactly_once() {
    // The first batch goes through, the second loses its connection after being written.
    let (env, csv, results_file) = second_batch_faulty(2500, fault(FaultKind::ResetAfterStatusLine, 0));
    let run = || env.cmd().arg("--json").args(bulk_args(&csv, 1000)).arg("--resume").output().unwrap();
    let first = run();
    assert_eq!(first.status.code(), Some(4), "{}", stderr(&first));
    assert!(stderr(&first).contains("lines 1002-2001"), "{}", stderr(&first));
    let summary: Value = serde_json::from_str(stdout(&first).trim()).unwrap();
    assert_eq!((summary["accepted"].as_u64(), summary["outcomeUnknown"].as_u64()), (Some(1000), Some(1000)));

    // Without --resume an existing results file is refused.
    let refused = env.cmd().args(["sms", "bulk", "--csv", csv.to_str().unwrap(), "--text", "Hi"]).output().unwrap();
    assert_eq!(refused.status.code(), Some(2));

    let second = run();
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    let summary: Value = serde_json::from_str(stdout(&second).trim()).unwrap();
    assert_eq!((summary["skipped"].as_u64(), summary["sent"].as_u64()), (Some(2000), Some(500)));

    assert_each_sent_once(&env, 2500);
    let outcomes = outcomes(&results_file);
    assert_eq!(outcomes.len(), 2500);
    assert_eq!(outcomes.values().filter(|o| *o == "outcome_unknown").count(), 1000);
    assert!((1002..=2001).all(|line| outcomes[&line] == "outcome_unknown"));
    assert_eq!(outcomes.values().filter(|o| *o == "accepted").count(), 1500);

    // A third run has nothing left to send.
    let third = run();
    assert_eq!(third.status.code(), Some(0));
    assert_each_sent_once(&env, 2500);

    // A different CSV under the same results file is refused before anything is sent.
    write_csv(&csv, 2000);
    let shorter = run();
    assert_eq!(shorter.status.code(), Some(2), "{}", stderr(&shorter));
    assert!(stderr(&shorter).contains("no longer has"), "{}", stderr(&shorter));
    let mut text = std::fs::read_to_string(&csv).unwrap();
    text = text.replacen("41790000000", "41799999999", 1);
    text.push_str(&(2000..2500).map(|i| format!("4179{i:07},x\n")).collect::<String>());
    let edited = text.replace("41790002499,x", "41790002498,x");
    std::fs::write(&csv, edited).unwrap();
    let changed = run();
    assert_eq!(changed.status.code(), Some(2), "{}", stderr(&changed));
    assert!(stderr(&changed).contains("line 2501"), "{}", stderr(&changed));
    assert_each_sent_once(&env, 2500);
}

/// Spawns a bulk of `csv` in batches of 500 and waits (bounded) until its second send arrived.
fn spawn_until_second_send(env: &Env, csv: &Path) -> std::process::Child {
    let child = env
        .spawnable()
        .args(bulk_args(csv, 500))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    for _ in 0..300 {
        if env.requests("POST", "/sms/3/messages").len() >= 2 {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child
}

#[test]
fn killed_bulk_resumes_without_resending_the_open_batch() {
    // The second batch is answered late; the process is killed while it waits.
    let (env, csv, results_file) = second_batch_faulty(1500, fault(FaultKind::Delay, 20_000));
    let mut child = spawn_until_second_send(&env, &csv);
    child.kill().unwrap();
    let _ = child.wait();
    assert_eq!(env.requests("POST", "/sms/3/messages").len(), 2);

    let output = env.cmd().arg("--json").args(bulk_args(&csv, 500)).arg("--resume").output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("500 destination(s) of an interrupted batch"), "{}", stderr(&output));
    assert_each_sent_once(&env, 1500);
    let outcomes = outcomes(&results_file);
    assert_eq!(outcomes.len(), 1500);
    assert!((502..=1001).all(|line| outcomes[&line] == "outcome_unknown"));
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_after_the_current_batch() {
    // The second batch is answered after 2 s; Ctrl-C arrives while it is in flight.
    let (env, csv, results_file) = second_batch_faulty(1500, fault(FaultKind::Delay, 2_000));
    let mut child = spawn_until_second_send(&env, &csv);
    let sent = std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(sent.success());
    let status = wait_bounded(&mut child, Duration::from_secs(30)).expect("the bulk did not stop");
    assert_eq!(status.code(), Some(130));
    assert_eq!(env.requests("POST", "/sms/3/messages").len(), 2, "no batch is started after Ctrl-C");
    let outcomes = outcomes(&results_file);
    assert_eq!(outcomes.len(), 1000);
    assert!(outcomes.values().all(|o| o == "accepted"), "the batch in flight was finished and recorded");

    let output = env.cmd().args(bulk_args(&csv, 500)).arg("--resume").output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_each_sent_once(&env, 1500);
}

/// Waits (bounded) until the results file ends in the middle of a row.
fn wait_for_torn_row(path: &Path, child: &mut std::process::Child) {
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    loop {
        let text = std::fs::read(path).unwrap_or_default();
        if !text.is_empty() && !text.ends_with(b"\n") {
            return;
        }
        assert!(child.try_wait().unwrap().is_none(), "the run ended before tearing a row");
        assert!(std::time::Instant::now() < deadline, "no torn row within a minute");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[cfg(unix)]
#[test]
fn killed_in_the_middle_of_a_journal_row_then_resumed_sends_every_destination_exactly_once() {
    let env = Env::start();
    let csv = env.path("numbers.csv");
    write_csv(&csv, 1500);
    let results_file = env.path("numbers.results.csv");
    // The first batch is sent and answered; writing its outcome rows pauses half-way through the
    // first row, and the process is killed there (SIGKILL).
    let mut child = env
        .spawnable()
        .env("INFOBIP_BULK_PAUSE_MID_ROW_MS", "60000")
        .args(bulk_args(&csv, 500))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    wait_for_torn_row(&results_file, &mut child);
    child.kill().unwrap();
    let status = child.wait().unwrap();
    use std::os::unix::process::ExitStatusExt as _;
    assert_eq!(status.signal(), Some(9), "killed by SIGKILL");
    assert_eq!(env.requests("POST", "/sms/3/messages").len(), 1, "the first batch was sent");
    assert!(!std::fs::read(&results_file).unwrap().ends_with(b"\n"), "a torn last row");

    let output = env.cmd().arg("--json").args(bulk_args(&csv, 500)).arg("--resume").output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("500 destination(s) of an interrupted batch"), "{}", stderr(&output));
    // Every destination reached the emulator exactly once: the torn batch was not sent again.
    assert_each_sent_once(&env, 1500);
    let outcomes = outcomes(&results_file);
    assert_eq!(outcomes.len(), 1500);
    assert!((2..=501).all(|line| outcomes[&line] == "outcome_unknown"), "the torn batch is in doubt");
    assert!((502..=1501).all(|line| outcomes[&line] == "accepted"));
    // The torn bytes were cut off: every row of the file reads.
    let rows = results(&results_file);
    assert!(rows.iter().all(|row| ["pending", "accepted", "outcome_unknown"].contains(&row["outcome"].as_str())));
}

#[test]
fn a_batch_whose_authentication_failed_is_failed_and_sent_on_resume() {
    let env = Env::start();
    let csv = env.path("numbers.csv");
    write_csv(&csv, 20);
    // A 500 is not retried: the token request fails once.
    env.emulator.queue_fault(Fault::status(500, 1, Some("/auth/1/oauth2/token")));
    let run = || {
        env.bare()
            .env("INFOBIP_BASE_URL", env.emulator.base_url())
            .env("INFOBIP_CLIENT_ID", "emulator")
            .env("INFOBIP_CLIENT_SECRET", "emulator-password")
            .args(bulk_args(&csv, 10))
            .arg("--resume")
            .output()
            .unwrap()
    };
    let first = run();
    assert_eq!(first.status.code(), Some(1), "{}", stderr(&first));
    assert!(stderr(&first).contains("auth_failed"), "{}", stderr(&first));
    assert!(env.requests("POST", "/sms/3/messages").is_empty(), "nothing was sent");
    let rows = results(&env.path("numbers.results.csv"));
    assert!(rows.iter().any(|r| r["outcome"] == "failed" && r["error"] == "auth_failed"), "{rows:?}");
    let second = run();
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    assert_each_sent_once(&env, 20);
}

#[test]
fn a_message_the_answer_does_not_mention_is_outcome_unknown() {
    let env = Env::start();
    let csv = env.path("numbers.csv");
    write_csv(&csv, 3);
    let mut answer = Fault::status(200, 1, Some("/sms/3/messages"));
    answer.body = Some(serde_json::json!({"bulkId": "b", "messages": []}));
    env.emulator.queue_fault(answer);
    let output = env.cmd().args(bulk_args(&csv, 10)).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let outcomes = outcomes(&env.path("numbers.results.csv"));
    assert_eq!(outcomes.len(), 3);
    assert!(outcomes.values().all(|o| o == "outcome_unknown"), "{outcomes:?}");
}

#[test]
fn refused_batch_stops_and_is_sent_again_on_resume() {
    let env = Env::start();
    let csv = env.path("numbers.csv");
    write_csv(&csv, 30);
    let mut refused = fault(FaultKind::Status, 0);
    refused.status = Some(403);
    env.emulator.queue_fault(fault(FaultKind::Delay, 0));
    env.emulator.queue_fault(refused);
    let mut args = bulk_args(&csv, 10);
    args.push("--resume".into());
    let first = env.cmd().args(&args).output().unwrap();
    assert_eq!(first.status.code(), Some(1), "{}", stderr(&first));
    assert_eq!(env.requests("POST", "/sms/3/messages").len(), 2, "the run stops at the refused batch");
    let second = env.cmd().args(&args).output().unwrap();
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    let outcomes = outcomes(&env.path("numbers.results.csv"));
    assert_eq!(outcomes.values().filter(|o| *o == "accepted").count(), 30);
    // The refused batch reached the emulator but was not accepted; each number was accepted once.
    assert_eq!(env.emulator.message_count(), 30);
}

#[test]
fn bad_rows_exit_2_naming_the_line_and_nothing_is_sent() {
    let env = Env::start();
    let cases: &[(&str, &str, &str)] = &[
        ("to\n41793026727\n4179302672x\n", "line 3", "4179302672x"),
        ("to\n41793026727\n\"unterminated\n", "line", ""),
        ("phone\n41793026727\n", "no column", "to"),
        ("to,text\n41793026727\n", "line 2", "text column"),
    ];
    for (i, (content, needle, needle2)) in cases.iter().enumerate() {
        let csv = env.path(&format!("bad{i}.csv"));
        std::fs::write(&csv, content).unwrap();
        let mut cmd = env.cmd();
        cmd.args(["sms", "bulk", "--csv", csv.to_str().unwrap()]);
        if content.starts_with("to,text") {
            cmd.args(["--text-column", "text"]);
        } else {
            cmd.args(["--text", "Hi"]);
        }
        let output = cmd.output().unwrap();
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "case {i}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "case {i}: {err}");
        assert!(err.contains(needle) && err.contains(needle2), "case {i}: {err}");
    }
    // Invalid UTF-8 on line 3.
    let csv = env.path("latin1.csv");
    std::fs::write(&csv, b"to,text\n41793026727,ok\n41793026728,caf\xe9\n").unwrap();
    let output =
        env.cmd().args(["sms", "bulk", "--csv", csv.to_str().unwrap(), "--text-column", "text"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("line 3") && stderr(&output).contains("UTF-8"), "{}", stderr(&output));
    // A missing file, and an empty text.
    let output = env.cmd().args(["sms", "bulk", "--csv", "/nonexistent.csv", "--text", "Hi"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let csv = env.path("ok.csv");
    write_csv(&csv, 3);
    let output = env.cmd().args(["sms", "bulk", "--csv", csv.to_str().unwrap(), "--text", ""]).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(env.emulator.requests().is_empty(), "nothing may be sent: {:?}", env.emulator.requests().len());
    // A bad row late in a big file: still nothing sent.
    let csv = env.path("late.csv");
    write_csv(&csv, 5000);
    let mut text = std::fs::read_to_string(&csv).unwrap();
    text.push_str("not-a-number,x\n");
    std::fs::write(&csv, text).unwrap();
    let output = env.cmd().args(["sms", "bulk", "--csv", csv.to_str().unwrap(), "--text", "Hi"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("line 5002"), "{}", stderr(&output));
    assert!(env.emulator.requests().is_empty());
}

/// Peak resident memory (VmHWM, kB) of a child, read until it exits (bounded).
#[cfg(target_os = "linux")]
fn peak_rss_kb(mut child: std::process::Child) -> (u64, std::process::ExitStatus) {
    let path = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    for _ in 0..12_000 {
        let status = std::fs::read_to_string(&path).unwrap_or_default();
        let kb = status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok());
        peak = peak.max(kb.unwrap_or(0));
        if let Some(exit) = child.try_wait().unwrap() {
            return (peak, exit);
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let exit = wait_bounded(&mut child, Duration::from_secs(1));
    panic!("the bulk did not finish: {exit:?}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_large_csv_streams_in_bounded_memory() {
    let env = Env::start();
    let run = |n: u64| {
        let csv = env.path(&format!("big{n}.csv"));
        write_csv(&csv, n);
        let child = env
            .spawnable()
            .arg("--json")
            .args(bulk_args(&csv, 5000))
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let (peak, exit) = peak_rss_kb(child);
        assert!(exit.success());
        peak
    };
    let small = run(5_000);
    let large = run(100_000);
    eprintln!("peak RSS: 5k destinations {small} kB, 100k destinations {large} kB");
    assert!(large < small + 16 * 1024, "memory grows with the file: {small} kB vs {large} kB");
    assert!(large < 96 * 1024, "peak RSS {large} kB");
}
