//! Files both ways against the emulator: uploads through `call` (multipart forms and
//! octet-stream bodies, recorded part by part with their SHA-256), downloads whole and streamed,
//! the retry rule and error mapping of both.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use futures_util::StreamExt as _;
use infobip::{CallParams, Client, Error, FilePart};
use infobip_emulator::{Emulator, Fault, FaultKind, RecordedRequest};
use serde_json::json;
use sha2::{Digest as _, Sha256};

fn sha256(data: &[u8]) -> String {
    Sha256::digest(data).iter().map(|b| format!("{b:02x}")).collect()
}

fn client(emulator: &Emulator) -> Client {
    Client::builder().base_url(emulator.base_url()).api_key(emulator.api_key()).build().unwrap()
}

/// A directory of its own under the system's temporary directory, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Self {
        let dir = std::env::temp_dir().join(format!("infobip-files-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn write(&self, name: &str, content: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, content).unwrap();
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Bytes that are not valid UTF-8 (every byte value, then some).
fn binary(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i * 7 % 256) as u8).collect()
}

fn last(emulator: &Emulator) -> RecordedRequest {
    emulator.requests().pop().expect("the emulator saw a request")
}

#[tokio::test]
async fn an_email_with_two_attachments_an_inline_image_and_several_recipients() {
    let emulator = Emulator::start().await.unwrap();
    let dir = TempDir::new();
    let report = binary(300_000);
    let report_path = dir.write("Quarterly report.pdf", &report);
    let logo = binary(2_000);
    let logo_path = dir.write("logo.png", &logo);
    let csv = b"id,amount\n1,9.99\n".to_vec();
    let params = CallParams::new()
        .body(json!({
            "from": "Jane Smith <jane.smith@somecompany.com>",
            "to": ["john.smith@example.com", "alice@example.com", "bob@example.com"],
            "subject": "Q1 figures",
            "html": "<p>See attached.</p><img src=\"cid:logo.png\">",
            "track": false,
        }))
        .file("attachment", FilePart::path(&report_path))
        .file("attachment", FilePart::bytes(csv.clone()).with_file_name("numbers.csv").with_content_type("text/csv"))
        .file("inlineImage", FilePart::path(&logo_path));
    let sent = client(&emulator).call("send-fully-featured-email", params).await.unwrap();
    assert_eq!(sent.status, 200, "{}", sent.body);

    let request = last(&emulator);
    assert_eq!((request.method.as_str(), request.path.as_str()), ("POST", "/email/3/send"));
    assert!(request.headers["content-type"].starts_with("multipart/form-data; boundary="));
    let length: usize = request.headers["content-length"].parse().unwrap();
    assert!(length > report.len() + logo.len(), "sent with Content-Length {length}");
    let field = |name: &str| request.parts.iter().filter(|p| p.name == name).collect::<Vec<_>>();
    assert_eq!(field("to").len(), 3, "one part per recipient");
    let attachments = field("attachment");
    assert_eq!(attachments.len(), 2);
    assert_eq!(attachments[0].filename.as_deref(), Some("Quarterly report.pdf"), "the path's name");
    assert_eq!(attachments[0].content_type.as_deref(), Some("application/pdf"), "guessed from the name");
    assert_eq!((attachments[0].size, attachments[0].sha256.as_str()), (report.len(), sha256(&report).as_str()));
    assert_eq!(attachments[1].filename.as_deref(), Some("numbers.csv"), "as given");
    assert_eq!(attachments[1].content_type.as_deref(), Some("text/csv"), "as given");
    assert_eq!(attachments[1].sha256, sha256(&csv));
    let inline = field("inlineImage");
    assert_eq!(inline.len(), 1);
    assert_eq!(
        (inline[0].filename.as_deref(), inline[0].content_type.as_deref()),
        (Some("logo.png"), Some("image/png"))
    );
    assert_eq!(inline[0].sha256, sha256(&logo));
    let track = field("track");
    assert_eq!((track.len(), track[0].filename.as_deref()), (1, None), "JSON fields are text parts");
}

#[tokio::test]
async fn a_template_with_an_attachment_is_a_form_of_text_fields() {
    let emulator = Emulator::start().await.unwrap();
    let pdf = binary(5_000);
    use base64::Engine as _;
    let attachments = json!([{"contentType": "application/pdf", "fileName": "terms.pdf",
        "data": base64::engine::general_purpose::STANDARD.encode(&pdf)}]);
    let body = json!({"name": "Welcome", "from": "Infobip <noreply@example.com>", "subject": "Welcome",
        "html": "<html><body>Hello</body></html>", "attachments": attachments.to_string()});
    let created = client(&emulator).call("create-email-template", CallParams::new().body(body)).await.unwrap();
    assert_eq!(created.status, 201, "{}", created.body);
    let request = last(&emulator);
    assert!(request.headers["content-type"].starts_with("multipart/form-data"));
    let names: Vec<&str> = request.parts.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["name", "from", "subject", "html", "attachments"]);
    let sent = request.parts.iter().find(|p| p.name == "attachments").unwrap();
    assert_eq!(sent.sha256, sha256(attachments.to_string().as_bytes()));
}

#[tokio::test]
async fn an_octet_stream_upload_sends_the_file_as_the_body() {
    let emulator = Emulator::start().await.unwrap();
    let dir = TempDir::new();
    let image = binary(70_000);
    let path = dir.write("photo.jpg", &image);
    let params = CallParams::new()
        .header("X-Content-Id", "photo-1")
        .header("X-Media-Type", "image/jpeg")
        .file("body", FilePart::path(&path));
    let uploaded = client(&emulator).call("upload-binary", params).await;
    assert_eq!(uploaded.unwrap().status, 200);
    let request = last(&emulator);
    assert_eq!(request.headers["content-type"], "application/octet-stream");
    let binary = request.binary.expect("a binary body is recorded");
    assert_eq!((binary.size, binary.sha256), (image.len(), sha256(&image)));
}

#[tokio::test]
async fn a_missing_file_is_a_validation_error_naming_its_field_and_nothing_is_sent() {
    let emulator = Emulator::start().await.unwrap();
    let client = client(&emulator);
    let missing = Path::new("/no/such/directory/contract.pdf");
    let params = CallParams::new()
        .body(json!({"to": ["a@example.com"], "subject": "s", "text": "t"}))
        .file("attachment", FilePart::path(missing));
    let error = client.call("send-fully-featured-email", params).await.unwrap_err();
    let Error::Validation { violations } = &error else { panic!("{error:?}") };
    assert_eq!(violations.len(), 1, "{violations:?}");
    assert_eq!(violations[0].property, "attachment");
    assert!(violations[0].message.contains("contract.pdf"), "{}", violations[0].message);
    let headers = || CallParams::new().header("X-Content-Id", "c-1").header("X-Media-Type", "image/png");
    let error = client.call("upload-binary", headers().file("body", FilePart::path(missing))).await.unwrap_err();
    assert_eq!(error.code(), "validation");
    assert!(error.to_string().contains("body: cannot read the file"), "{error}");
    let error = client.call("upload-binary", headers()).await.unwrap_err();
    assert!(error.to_string().contains("body: is required"), "{error}");
    assert!(emulator.requests().is_empty(), "nothing was sent");
}

#[tokio::test]
async fn files_in_the_wrong_place_are_refused_before_sending() {
    let emulator = Emulator::start().await.unwrap();
    let client = client(&emulator);
    let part = || FilePart::bytes(b"x".to_vec()).with_file_name("x.txt");
    let cases = [
        (
            "send-fully-featured-email",
            CallParams::new().body(json!({"to": ["a@example.com"]})).file("attachement", part()),
            "attachement",
            "is not a file field of send-fully-featured-email (it has: attachment, inlineImage)",
        ),
        (
            "upload-calls-audio-file",
            CallParams::new().file("file", part()).file("file", part()),
            "file",
            "takes one file, not 2",
        ),
        (
            "send-sms-messages",
            CallParams::new().body(json!({"messages": []})).file("file", part()),
            "file",
            "send-sms-messages takes no files",
        ),
        ("upload-binary", CallParams::new().file("image", part()), "image", "takes one file, as the field `body`"),
        ("upload-calls-audio-file", CallParams::new(), "file", "required"),
    ];
    for (operation, params, field, message) in cases {
        let error = client.call(operation, params).await.unwrap_err();
        let Error::Validation { violations } = &error else { panic!("{operation}: {error:?}") };
        assert!(
            violations.iter().any(|v| v.property.trim_start_matches('/') == field && v.message.contains(message)),
            "{operation}: {violations:?}"
        );
    }
    assert!(emulator.requests().is_empty());
}

#[tokio::test]
async fn an_upload_is_sent_again_after_a_429_reading_the_file_from_its_start() {
    let emulator = Emulator::start().await.unwrap();
    let dir = TempDir::new();
    let audio = binary(600_000);
    let path = dir.write("greeting.wav", &audio);
    emulator.queue_fault(Fault { headers: [("Retry-After".into(), "0".into())].into(), ..Fault::status(429, 1, None) });
    let client = Client::builder().base_url(emulator.base_url()).api_key(emulator.api_key()).max_retries(1).build();
    let response =
        client.unwrap().call("upload-calls-audio-file", CallParams::new().file("file", FilePart::path(&path))).await;
    assert_eq!(response.unwrap().attempts, 2);
    let seen = emulator.requests();
    assert_eq!(seen.len(), 2);
    for request in &seen {
        let part = &request.parts[0];
        assert_eq!((part.name.as_str(), part.filename.as_deref()), ("file", Some("greeting.wav")));
        assert_eq!((part.content_type.as_deref(), part.sha256.as_str()), (Some("audio/wav"), sha256(&audio).as_str()));
    }
}

#[tokio::test]
async fn an_upload_that_may_have_been_written_is_never_sent_again() {
    let emulator = Emulator::start().await.unwrap();
    let dir = TempDir::new();
    let path = dir.write("doc.pdf", &binary(50_000));
    let client = Client::builder()
        .base_url(emulator.base_url())
        .api_key(emulator.api_key())
        .timeout(Some(Duration::from_millis(300)))
        .max_retries(3)
        .build()
        .unwrap();
    emulator.queue_fault(Fault { kind: Some(FaultKind::Delay), delay_ms: 2_000, ..Fault::status(200, 1, None) });
    let params = CallParams::new().file("document", FilePart::path(&path));
    let error = client.call("upload-document-metadata", params.clone()).await.unwrap_err();
    assert_eq!(error.code(), "outcome_unknown", "{error}");
    assert_eq!(emulator.requests().len(), 1, "sent once");

    emulator.clear_requests();
    emulator.queue_fault(Fault::status(400, 1, None));
    let error = client.call("upload-document-metadata", params).await.unwrap_err();
    assert_eq!((error.code(), error.api().map(|a| a.status)), ("bad_request", Some(400)));
    assert_eq!(emulator.requests().len(), 1);
}

#[tokio::test]
async fn an_email_send_with_attachments_follows_the_send_rule_with_ids_in_its_form() {
    let emulator = Emulator::start().await.unwrap();
    let dir = TempDir::new();
    let path = dir.write("contract.pdf", &binary(20_000));
    let client = Client::builder()
        .base_url(emulator.base_url())
        .api_key(emulator.api_key())
        .timeout(Some(Duration::from_millis(300)))
        .max_retries(3)
        .build()
        .unwrap();
    let params = |body: serde_json::Value| CallParams::new().body(body).file("attachment", FilePart::path(&path));
    let email = json!({"from": "Jane <jane@example.com>", "to": ["a@example.com", "b@example.com"], "subject": "s", "text": "t"});
    let text_part = |request: &RecordedRequest, name: &str| {
        let parts: Vec<_> = request.parts.iter().filter(|p| p.name == name).collect();
        assert_eq!(parts.len(), 1, "one {name} part: {:?}", request.parts);
        parts[0].sha256.clone()
    };

    // Written, then no answer in time: outcome_unknown with the ids the form went out with.
    emulator.queue_fault(Fault { kind: Some(FaultKind::Delay), delay_ms: 2_000, ..Fault::status(200, 1, None) });
    let error = client.call("send-fully-featured-email", params(email.clone())).await.unwrap_err();
    let Error::OutcomeUnknown(unknown) = &error else { panic!("{error:?}") };
    let requests = emulator.requests();
    assert_eq!(requests.len(), 1, "never sent again once written");
    let bulk_id = unknown.bulk_id.clone().expect("a bulk id assigned");
    assert_eq!(unknown.message_ids.len(), 1, "{unknown:?}");
    assert_eq!(text_part(&requests[0], "bulkId"), sha256(bulk_id.as_bytes()), "the id sent is the id reported");
    assert_eq!(text_part(&requests[0], "messageId"), sha256(unknown.message_ids[0].as_bytes()));
    assert_eq!(requests[0].parts.iter().filter(|p| p.name == "attachment").count(), 1);

    // A 5xx is a send in doubt too; the caller's own ids are kept.
    emulator.clear_requests();
    emulator.queue_fault(Fault::status(500, 1, None));
    let mut mine = email.clone();
    mine["bulkId"] = json!("my-bulk");
    mine["messageId"] = json!("my-message");
    let error = client.call("send-fully-featured-email", params(mine)).await.unwrap_err();
    let Error::OutcomeUnknown(unknown) = &error else { panic!("{error:?}") };
    assert_eq!(
        (unknown.bulk_id.as_deref(), unknown.message_ids.as_slice()),
        (Some("my-bulk"), &["my-message".to_owned()][..])
    );
    assert_eq!((unknown.status, emulator.requests().len()), (Some(500), 1));

    // Answered: the response carries the ids the form was sent with.
    emulator.clear_requests();
    let sent = client.call("send-fully-featured-email", params(email)).await.unwrap();
    assert_eq!(sent.status, 200, "{}", sent.body);
    let request = last(&emulator);
    assert_eq!(request.parts.iter().filter(|p| p.name == "bulkId").count(), 1, "a bulk id assigned");
}

/// The recording the emulator serves, fetched without the SDK.
async fn served(emulator: &Emulator, path: &str) -> (Vec<u8>, String, String) {
    let _ = client(emulator); // building one installs the TLS provider reqwest needs
    let response = reqwest::Client::new()
        .get(format!("{}{path}", emulator.base_url()))
        .header("authorization", format!("App {}", emulator.api_key()))
        .send()
        .await
        .unwrap();
    let header = |name: &str| response.headers()[name].to_str().unwrap().to_owned();
    let (content_type, disposition) = (header("content-type"), header("content-disposition"));
    (response.bytes().await.unwrap().to_vec(), content_type, disposition)
}

#[tokio::test]
async fn a_recording_downloads_whole_with_its_type_and_name() {
    let emulator = Emulator::start().await.unwrap();
    let (expected, content_type, disposition) = served(&emulator, "/calls/1/recordings/files/file-1").await;
    assert!(std::str::from_utf8(&expected).is_err(), "the recording is binary");
    assert!(disposition.contains("filename="), "{disposition}");
    emulator.clear_requests();

    let client = client(&emulator);
    let params = CallParams::new().path("fileId", "file-1");
    let response = client.call("download-recording-file", params).await.unwrap();
    assert_eq!(response.raw.as_ref(), &expected[..]);
    assert_eq!(response.body, serde_json::Value::Null, "binary content is not JSON");
    assert_eq!(response.headers["content-type"], content_type.as_str());
    let accept = &last(&emulator).headers["accept"];
    assert_eq!(accept, "application/octet-stream, application/json;q=0.5", "asks for what the operation answers");

    let op = infobip::catalog::operation("download-recording-file").unwrap();
    assert!(op.answers_file());
    assert!(!infobip::catalog::operation("send-sms-messages").unwrap().answers_file());
    assert!(!infobip::catalog::operation("get-account-balance").unwrap().answers_file(), "*/* with a JSON schema");
}

#[tokio::test]
async fn a_download_streams_into_a_file_and_as_a_stream() {
    let emulator = Emulator::start().await.unwrap();
    let (expected, _, _) = served(&emulator, "/calls/1/recordings/files/file-2").await;
    let client = client(&emulator);
    let params = || CallParams::new().path("fileId", "file-2");

    let download = client.download("download-recording-file", params()).await.unwrap();
    assert_eq!(download.status(), 200);
    assert_eq!(download.content_type(), Some("application/octet-stream"));
    assert_eq!(download.file_name().as_deref(), Some("download-recording-file.wav"));
    assert_eq!(download.content_length(), Some(expected.len() as u64));
    assert!(download.request_id().is_some());
    let dir = TempDir::new();
    let target = dir.0.join("call.wav");
    assert_eq!(download.write_to(&target).await.unwrap(), expected.len() as u64);
    assert_eq!(std::fs::read(&target).unwrap(), expected);
    assert_eq!(std::fs::read_dir(&dir.0).unwrap().count(), 1, "no partial file left beside it");

    let mut stream = client.download("download-recording-file", params()).await.unwrap().into_stream();
    let mut streamed = Vec::new();
    while let Some(chunk) = stream.next().await {
        streamed.extend_from_slice(&chunk.unwrap());
    }
    assert_eq!(streamed, expected);

    let whole = client.download("download-recording-file", params()).await.unwrap().into_file().await.unwrap();
    assert_eq!(whole.bytes.as_ref(), &expected[..]);
    assert_eq!(whole.file_name.as_deref(), Some("download-recording-file.wav"));
}

#[tokio::test]
async fn the_answer_cap_holds_for_files_read_whole_but_not_for_streamed_ones() {
    let emulator = Emulator::start().await.unwrap();
    let (expected, _, _) = served(&emulator, "/calls/1/recordings/files/file-3").await;
    let cap = expected.len() - 1;
    let client = Client::builder()
        .base_url(emulator.base_url())
        .api_key(emulator.api_key())
        .max_response_bytes(cap)
        .build()
        .unwrap();
    let params = || CallParams::new().path("fileId", "file-3");

    let error = client.call("download-recording-file", params()).await.unwrap_err();
    assert_eq!(error.code(), "decode", "{error}");
    assert!(error.to_string().contains("max_response_bytes"), "{error}");
    let error = client.download("download-recording-file", params()).await.unwrap().into_file().await.unwrap_err();
    assert_eq!(error.code(), "decode", "{error}");
    assert!(error.to_string().contains(&format!("cap of {cap} bytes")), "{error}");

    let dir = TempDir::new();
    let target = dir.0.join("call.wav");
    let download = client.download("download-recording-file", params()).await.unwrap();
    assert_eq!(download.write_to(&target).await.unwrap(), expected.len() as u64, "streamed past the cap");
    assert_eq!(std::fs::read(&target).unwrap(), expected);
}

#[tokio::test]
async fn a_download_answered_with_an_error_is_that_error() {
    let emulator = Emulator::start().await.unwrap();
    let client = client(&emulator);
    emulator.queue_fault(Fault::status(404, 1, None));
    let error = client.download("download-recording-file", CallParams::new().path("fileId", "gone")).await.unwrap_err();
    assert_eq!((error.code(), error.api().map(|a| a.status)), ("not_found", Some(404)));

    emulator.queue_fault(Fault { kind: Some(FaultKind::ResetAfterStatusLine), ..Fault::status(200, 1, None) });
    let download = client.download("download-recording-file", CallParams::new().path("fileId", "cut")).await.unwrap();
    let dir = TempDir::new();
    let target = dir.0.join("cut.wav");
    let error = download.write_to(&target).await.unwrap_err();
    assert_eq!(error.code(), "connection", "{error}");
    assert!(!target.exists() && std::fs::read_dir(&dir.0).unwrap().count() == 0, "nothing partial is left");
}
