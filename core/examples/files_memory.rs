//! Peak memory and throughput of a 50 MB upload and a 100 MB download, streamed, against a
//! baseline in the same run that holds the whole file in memory (Linux `/proc`).
//!
//! `cargo run --release -p infobip --no-default-features --example files_memory`
//!
//! The server is a loopback sink on a thread of its own: it reads each request a buffer at a
//! time and throws the bytes away, and answers a download with a file written a buffer at a
//! time, so the figures are the SDK's alone. Before each case the process's peak RSS is reset
//! (`/proc/self/clear_refs`), and the case's figure is its peak minus the RSS before it.
//!
//! - upload, streamed: `send-fully-featured-email` with a 50 MB attachment `FilePart::path`;
//! - upload, baseline: the same file read into memory first (`FilePart::bytes(fs::read(..))`);
//! - download, streamed: `Client::download(..).write_to(path)` of a 100 MB file;
//! - download, baseline: the same download read whole (`Download::into_file`).

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::{TcpListener, TcpStream};
use std::time::Instant;

use infobip::{CallParams, Client, FilePart};

type Failure = Box<dyn std::error::Error>;

const UPLOAD: u64 = 50 * 1024 * 1024;
const DOWNLOAD: u64 = 100 * 1024 * 1024;

fn status_kib(key: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let line = status.lines().find(|l| l.starts_with(key)).unwrap_or_default();
    line.split_whitespace().nth(1).and_then(|n| n.parse().ok()).unwrap_or(0)
}

/// Runs `case`, returning its peak RSS above the RSS before it (MiB) and its duration.
fn measure(label: &str, bytes: u64, case: impl FnOnce() -> Result<(), Failure>) -> Result<f64, Failure> {
    std::fs::write("/proc/self/clear_refs", "5")?;
    let before = status_kib("VmRSS:");
    let started = Instant::now();
    case()?;
    let took = started.elapsed().as_secs_f64();
    let peak = status_kib("VmHWM:").saturating_sub(before) as f64 / 1024.0;
    let rate = bytes as f64 / (1024.0 * 1024.0) / took;
    println!("{label:<28} peak RSS +{peak:>7.1} MiB   {rate:>8.1} MB/s   ({took:.2} s)");
    Ok(peak)
}

/// Answers one request on `stream`: reads and drops its body; a GET gets a `DOWNLOAD`-byte file.
fn answer(stream: TcpStream) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut head = String::new();
    let mut length = 0u64;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            length = value.trim().parse().unwrap_or(0);
        }
        head.push_str(&line);
        if line == "\r\n" {
            break;
        }
    }
    std::io::copy(&mut reader.by_ref().take(length), &mut std::io::sink())?;
    let mut out = stream;
    if head.starts_with("GET") {
        write!(
            out,
            "HTTP/1.1 200 OK\r\ncontent-type: audio/wav\r\ncontent-length: {DOWNLOAD}\r\n\
             content-disposition: attachment; filename=\"call.wav\"\r\nconnection: close\r\n\r\n"
        )?;
        let chunk = vec![0x5au8; 64 * 1024];
        for _ in 0..DOWNLOAD / chunk.len() as u64 {
            out.write_all(&chunk)?;
        }
    } else {
        let body = br#"{"bulkId":"b-1","messages":[]}"#;
        write!(
            out,
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
            body.len()
        )?;
        out.write_all(body)?;
    }
    out.flush()
}

fn main() -> Result<(), Failure> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let base_url = format!("http://{}", listener.local_addr()?);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || answer(stream));
        }
    });
    let dir = std::env::temp_dir().join(format!("infobip-files-memory-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let attachment = dir.join("attachment.pdf");
    {
        let mut file = std::fs::File::create(&attachment)?;
        let block: Vec<u8> = (0..1024 * 1024).map(|i| (i % 251) as u8).collect();
        for _ in 0..UPLOAD / block.len() as u64 {
            file.write_all(&block)?;
        }
    }
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
    let client = Client::builder().base_url(base_url).api_key("memory-bench").max_retries(0).build()?;
    let email = |part: FilePart| {
        CallParams::new()
            .body(serde_json::json!({"from": "a@example.com", "to": ["b@example.com"], "subject": "s", "text": "t"}))
            .file("attachment", part)
    };
    let send = |params: CallParams| -> Result<(), Failure> {
        let response = runtime.block_on(client.call("send-fully-featured-email", params))?;
        assert_eq!(response.status, 200);
        Ok(())
    };
    // Warm up: the catalog, the connection pool and the runtime's threads.
    send(email(FilePart::bytes(b"warm".to_vec()).with_file_name("w.txt")))?;

    println!("{} MiB upload, {} MiB download", UPLOAD >> 20, DOWNLOAD >> 20);
    let streamed = measure("upload, streamed from disk", UPLOAD, || send(email(FilePart::path(&attachment))))?;
    let held = measure("upload, read into memory", UPLOAD, || {
        send(email(FilePart::bytes(std::fs::read(&attachment)?).with_file_name("attachment.pdf")))
    })?;
    let download =
        || runtime.block_on(client.download("download-recording-file", CallParams::new().path("fileId", "f")));
    let target = dir.join("call.wav");
    let written = measure("download, streamed to disk", DOWNLOAD, || {
        let n = runtime.block_on(download()?.write_to(&target))?;
        assert_eq!(n, DOWNLOAD);
        Ok(())
    })?;
    let whole = measure("download, read into memory", DOWNLOAD, || {
        let file = runtime.block_on(download()?.into_file())?;
        assert_eq!(file.bytes.len() as u64, DOWNLOAD);
        Ok(())
    })?;
    println!(
        "streamed / in memory peak: upload {:.2}, download {:.2}",
        streamed / held.max(0.1),
        written / whole.max(0.1)
    );
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
