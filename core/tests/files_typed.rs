//! Files through the generated methods against the emulator: a form's file fields
//! (`Vec<FilePart>`, `Option<FilePart>`) sent as parts beside its JSON fields, an octet-stream
//! body, and file answers whole (bytes, content type, file name) and streamed (`*_stream`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use infobip::api::email::{CreateEmailTemplateRequest, SendRequestSchema, UploadBinaryContentRequest};
use infobip::api::mms::UploadBinaryRequest;
use infobip::api::voice::DownloadRecordingFileRequest;
use infobip::{Client, FilePart};
use infobip_emulator::{Emulator, RecordedRequest};
use sha2::{Digest as _, Sha256};

fn sha256(data: &[u8]) -> String {
    Sha256::digest(data).iter().map(|b| format!("{b:02x}")).collect()
}

fn client(emulator: &Emulator) -> Client {
    Client::builder().base_url(emulator.base_url()).api_key(emulator.api_key()).build().unwrap()
}

/// Bytes that are not valid UTF-8.
fn binary(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i * 13 % 256) as u8).collect()
}

/// A file under a directory of its own, removed on drop.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, content: &[u8]) -> Self {
        let dir = std::env::temp_dir().join(format!("infobip-files-typed-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, content).unwrap();
        TempFile(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Some(dir) = self.0.parent() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

fn last(emulator: &Emulator) -> RecordedRequest {
    emulator.requests().pop().expect("the emulator saw a request")
}

#[tokio::test]
async fn send_fully_featured_email_with_attachments_an_inline_image_and_several_recipients() {
    let emulator = Emulator::start().await.unwrap();
    let contract = binary(120_000);
    let contract_file = TempFile::new("Contract 2026.pdf", &contract);
    let sheet = b"sku,qty\nA-1,3\n".to_vec();
    let logo = binary(3_000);
    let email = SendRequestSchema {
        from: Some("Jane Smith <jane.smith@somecompany.com>".into()),
        to: Some(vec!["john@example.com".into(), "alice@example.com".into(), "bob@example.com".into()]),
        subject: Some("Your contract".into()),
        html: Some("<p>Signed copy attached.</p><img src=\"cid:logo.png\">".into()),
        attachment: Some(vec![
            FilePart::path(&contract_file.0),
            FilePart::bytes(sheet.clone()).with_file_name("order.csv"),
        ]),
        inline_image: Some(vec![FilePart::bytes(logo.clone()).with_file_name("logo.png")]),
        ..Default::default()
    };
    let sent = client(&emulator).email().send_fully_featured_email(email).await.unwrap();
    assert_eq!(sent.status(), 200);
    assert!(sent.messages.as_ref().is_some_and(|m| !m.is_empty()), "typed answer: {:?}", *sent);

    let request = last(&emulator);
    assert_eq!((request.method.as_str(), request.path.as_str()), ("POST", "/email/3/send"));
    assert!(request.headers["content-type"].starts_with("multipart/form-data; boundary="));
    let field = |name: &str| request.parts.iter().filter(|p| p.name == name).collect::<Vec<_>>();
    let to = field("to");
    assert_eq!(to.len(), 3, "one part per recipient: {:?}", request.parts);
    assert!(to.iter().all(|p| p.filename.is_none()), "recipients are text parts");
    assert_eq!(field("subject").len(), 1);
    let attachments = field("attachment");
    assert_eq!(attachments.len(), 2);
    assert_eq!(
        (attachments[0].filename.as_deref(), attachments[0].content_type.as_deref()),
        (Some("Contract 2026.pdf"), Some("application/pdf")),
        "name and type from the path"
    );
    assert_eq!((attachments[0].size, attachments[0].sha256.as_str()), (contract.len(), sha256(&contract).as_str()));
    assert_eq!(
        (attachments[1].filename.as_deref(), attachments[1].content_type.as_deref()),
        (Some("order.csv"), Some("text/csv")),
        "type guessed from the given name"
    );
    assert_eq!(attachments[1].sha256, sha256(&sheet));
    let inline = field("inlineImage");
    assert_eq!((inline.len(), inline[0].sha256.as_str()), (1, sha256(&logo).as_str()));
    assert_eq!(inline[0].content_type.as_deref(), Some("image/png"));
}

#[tokio::test]
async fn a_missing_attachment_is_a_validation_error_before_anything_is_sent() {
    let emulator = Emulator::start().await.unwrap();
    let email = SendRequestSchema {
        to: Some(vec!["john@example.com".into()]),
        subject: Some("s".into()),
        text: Some("t".into()),
        attachment: Some(vec![FilePart::path("/no/such/place/invoice.pdf")]),
        ..Default::default()
    };
    let error = client(&emulator).email().send_fully_featured_email(email).await.unwrap_err();
    assert_eq!(error.code(), "validation");
    assert!(error.to_string().contains("attachment") && error.to_string().contains("invoice.pdf"), "{error}");
    assert!(emulator.requests().is_empty(), "nothing was sent");
}

#[tokio::test]
async fn create_email_template_with_an_attachment() {
    use base64::Engine as _;
    let emulator = Emulator::start().await.unwrap();
    let pdf = binary(4_000);
    let attachments = serde_json::json!([{"contentType": "application/pdf", "fileName": "terms.pdf",
        "data": base64::engine::general_purpose::STANDARD.encode(&pdf)}])
    .to_string();
    let template = CreateEmailTemplateRequest {
        name: Some("Welcome".into()),
        from: Some("Infobip <noreply@example.com>".into()),
        subject: Some("Welcome aboard".into()),
        html: Some("<html><body>Hello</body></html>".into()),
        attachments: Some(attachments.clone()),
        ..Default::default()
    };
    let created = client(&emulator).email().create_email_template(template).await.unwrap();
    assert_eq!(created.status(), 201);
    assert!(created.id.is_some(), "typed answer: {:?}", *created);
    let request = last(&emulator);
    assert_eq!(request.path, "/email/1/templates");
    assert!(request.headers["content-type"].starts_with("multipart/form-data"));
    let sent = request.parts.iter().find(|p| p.name == "attachments").expect("the attachments part");
    assert_eq!(sent.sha256, sha256(attachments.as_bytes()));
    assert!(request.parts.iter().any(|p| p.name == "name"));
}

#[tokio::test]
async fn octet_stream_uploads_send_the_file_as_the_body() {
    let emulator = Emulator::start().await.unwrap();
    let image = binary(90_000);
    let file = TempFile::new("banner.jpg", &image);
    let upload = UploadBinaryContentRequest {
        x_content_id: Some("banner-1".into()),
        x_media_type: Some("image/jpeg".into()),
        body: Some(FilePart::path(&file.0)),
        ..Default::default()
    };
    let uploaded = client(&emulator).email().upload_binary_content(upload).await.unwrap();
    assert_eq!(uploaded.status(), 200);
    let request = last(&emulator);
    assert_eq!(
        (request.path.as_str(), request.headers["content-type"].as_str()),
        ("/email/1/content", "application/octet-stream")
    );
    assert_eq!(request.headers["x-content-id"], "banner-1");
    let body = request.binary.expect("a binary body is recorded");
    assert_eq!((body.size, body.sha256), (image.len(), sha256(&image)));

    let clip = binary(10_000);
    let upload = UploadBinaryRequest {
        x_content_id: Some("clip-1".into()),
        x_media_type: Some("video/mp4".into()),
        body: Some(FilePart::bytes(clip.clone())),
        ..Default::default()
    };
    assert_eq!(client(&emulator).mms().upload_binary(upload).await.unwrap().status(), 200);
    let body = last(&emulator).binary.expect("a binary body is recorded");
    assert_eq!(body.sha256, sha256(&clip));
}

/// The recording the emulator serves, fetched without the SDK.
async fn served(emulator: &Emulator, file_id: &str) -> Vec<u8> {
    let _ = client(emulator); // building one installs the TLS provider reqwest needs
    let response = reqwest::Client::new()
        .get(format!("{}/calls/1/recordings/files/{file_id}", emulator.base_url()))
        .header("authorization", format!("App {}", emulator.api_key()))
        .send()
        .await
        .unwrap();
    response.bytes().await.unwrap().to_vec()
}

#[tokio::test]
async fn a_download_is_bytes_with_content_type_and_file_name_whole_or_streamed() {
    let emulator = Emulator::start().await.unwrap();
    let expected = served(&emulator, "rec-9").await;
    assert!(std::str::from_utf8(&expected).is_err(), "the recording is binary");
    emulator.clear_requests();
    let client = client(&emulator);
    let request = || DownloadRecordingFileRequest { file_id: "rec-9".into(), ..Default::default() };

    let file = client.voice().download_recording_file(request()).await.unwrap();
    assert_eq!(file.status(), 200);
    assert_eq!(file.bytes.as_ref(), &expected[..]);
    assert_eq!(file.content_type.as_deref(), Some("application/octet-stream"));
    assert_eq!(file.file_name.as_deref(), Some("download-recording-file.wav"));
    let seen = last(&emulator);
    assert_eq!(seen.path, "/calls/1/recordings/files/rec-9");
    assert_eq!(seen.headers["accept"], "application/octet-stream, application/json;q=0.5");

    let download = client.voice().download_recording_file_stream(request()).await.unwrap();
    assert_eq!(download.file_name().as_deref(), Some("download-recording-file.wav"));
    let target = TempFile::new("placeholder", b"");
    let path = target.0.with_file_name("call.wav");
    assert_eq!(download.write_to(&path).await.unwrap(), expected.len() as u64);
    assert_eq!(std::fs::read(&path).unwrap(), expected);
}
