//! Request bodies sent in pieces: `multipart/form-data` (RFC 7578) and single-file uploads.
//!
//! A body is a list of segments: bytes in memory (part headers, text fields, files given as
//! bytes) and open files, read a chunk at a time by position as the request is written. Its
//! length is known before it is sent (so it goes with `Content-Length`), and every attempt
//! reads it from the start without disturbing another.

use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use bytes::Bytes;
use http_body::{Frame, SizeHint};

use crate::files::Opened;

/// How much of a file is read at a time.
const CHUNK: u64 = 256 * 1024;

/// A body made of segments, sent as they are read.
#[derive(Clone, Debug)]
pub(crate) struct Pieces {
    segments: Arc<[Opened]>,
    len: u64,
}

impl Pieces {
    /// A body that is one file (an `application/octet-stream` upload).
    pub(crate) fn single(file: Opened) -> Self {
        let len = file.len();
        Pieces { segments: Arc::from(vec![file]), len }
    }

    /// A fresh reader of the whole body, for one attempt.
    pub(crate) fn reader(&self) -> reqwest::Body {
        reqwest::Body::wrap(self.start())
    }

    fn start(&self) -> Reader {
        Reader { segments: self.segments.clone(), index: 0, offset: 0, remaining: self.len, reading: None }
    }
}

/// A `multipart/form-data` body being put together.
#[derive(Debug)]
pub(crate) struct Form {
    boundary: String,
    segments: Vec<Opened>,
}

impl Form {
    /// An empty form with a random boundary.
    pub(crate) fn new() -> Self {
        Form { boundary: format!("infobip-{}", uuid::Uuid::new_v4().simple()), segments: Vec::new() }
    }

    /// `multipart/form-data; boundary=…`.
    pub(crate) fn content_type(&self) -> String {
        format!("multipart/form-data; boundary={}", self.boundary)
    }

    /// Adds a text field; `content_type` names a type other than plain text (JSON).
    pub(crate) fn text(&mut self, name: &str, value: &str, content_type: Option<&str>) {
        let mut head = self.head(name, None);
        if let Some(content_type) = content_type {
            head.push_str(&format!("Content-Type: {content_type}\r\n"));
        }
        head.push_str("\r\n");
        head.push_str(value);
        self.segments.push(Opened::Bytes(Bytes::from(head)));
    }

    /// Adds a file field.
    pub(crate) fn file(&mut self, name: &str, file_name: Option<&str>, content_type: &str, content: Opened) {
        let mut head = self.head(name, Some(file_name.unwrap_or(name)));
        head.push_str(&format!("Content-Type: {}\r\n\r\n", header_safe(content_type)));
        self.segments.push(Opened::Bytes(Bytes::from(head)));
        self.segments.push(content);
    }

    /// The delimiter and `Content-Disposition` of a part (its blank line still to come).
    fn head(&self, name: &str, file_name: Option<&str>) -> String {
        let first = self.segments.is_empty();
        let mut head = format!("{}--{}\r\n", if first { "" } else { "\r\n" }, self.boundary);
        head.push_str(&format!("Content-Disposition: form-data; name=\"{}\"", quoted(name)));
        if let Some(file_name) = file_name {
            head.push_str(&format!("; filename=\"{}\"", quoted(file_name)));
        }
        head.push_str("\r\n");
        head
    }

    /// The finished body.
    pub(crate) fn finish(mut self) -> Pieces {
        let lead = if self.segments.is_empty() { "" } else { "\r\n" };
        self.segments.push(Opened::Bytes(Bytes::from(format!("{lead}--{}--\r\n", self.boundary))));
        let len = self.segments.iter().map(Opened::len).sum();
        Pieces { segments: Arc::from(self.segments), len }
    }
}

/// A name or file name inside a quoted header parameter: quotes, CR and LF percent-encoded (as
/// browsers send them; RFC 7578 §2), everything else as it is (UTF-8).
fn quoted(text: &str) -> String {
    text.replace('"', "%22").replace('\r', "%0D").replace('\n', "%0A")
}

/// A header value without line breaks.
fn header_safe(text: &str) -> String {
    text.replace(['\r', '\n'], " ")
}

/// Reads the segments of one attempt, one file chunk at a time off the async runtime.
struct Reader {
    segments: Arc<[Opened]>,
    index: usize,
    /// Position in the current segment.
    offset: u64,
    remaining: u64,
    reading: Option<tokio::task::JoinHandle<io::Result<Bytes>>>,
}

impl http_body::Body for Reader {
    type Data = Bytes;
    type Error = io::Error;

    fn poll_frame(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, io::Error>>> {
        let this = &mut *self;
        loop {
            if let Some(reading) = this.reading.as_mut() {
                let read = match Pin::new(reading).poll(cx) {
                    Poll::Pending => return Poll::Pending,
                    Poll::Ready(joined) => joined.map_err(io::Error::other).and_then(|r| r),
                };
                this.reading = None;
                return Poll::Ready(Some(read.map(|chunk| {
                    this.offset += chunk.len() as u64;
                    this.remaining = this.remaining.saturating_sub(chunk.len() as u64);
                    Frame::data(chunk)
                })));
            }
            let Some(segment) = this.segments.get(this.index) else { return Poll::Ready(None) };
            match segment {
                Opened::Bytes(bytes) => {
                    this.index += 1;
                    if !bytes.is_empty() {
                        this.remaining = this.remaining.saturating_sub(bytes.len() as u64);
                        return Poll::Ready(Some(Ok(Frame::data(bytes.clone()))));
                    }
                }
                Opened::File { file, len } if this.offset < *len => {
                    let (file, offset) = (file.clone(), this.offset);
                    let size = (*len - offset).min(CHUNK) as usize;
                    this.reading = Some(tokio::task::spawn_blocking(move || read_at(&file, offset, size)));
                }
                Opened::File { .. } => {
                    this.index += 1;
                    this.offset = 0;
                }
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        self.remaining == 0 && self.reading.is_none()
    }

    fn size_hint(&self) -> SizeHint {
        SizeHint::with_exact(self.remaining)
    }
}

/// `size` bytes of `file` from `offset`; a file that became shorter than when it was opened
/// is an error (the request cannot be completed as announced).
fn read_at(file: &std::fs::File, offset: u64, size: usize) -> io::Result<Bytes> {
    let mut buffer = vec![0; size];
    let mut filled = 0;
    while filled < size {
        let read = positional_read(file, &mut buffer[filled..], offset + filled as u64)?;
        if read == 0 {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the file became shorter while it was being sent",
            ));
        }
        filled += read;
    }
    Ok(Bytes::from(buffer))
}

#[cfg(unix)]
fn positional_read(file: &std::fs::File, buffer: &mut [u8], offset: u64) -> io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(file, buffer, offset)
}

#[cfg(windows)]
fn positional_read(file: &std::fs::File, buffer: &mut [u8], offset: u64) -> io::Result<usize> {
    std::os::windows::fs::FileExt::seek_read(file, buffer, offset)
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::BodyExt as _;

    async fn collect(pieces: &Pieces) -> Vec<u8> {
        pieces.start().collect().await.unwrap().to_bytes().to_vec()
    }

    #[tokio::test]
    async fn a_form_of_text_and_files_reads_back_whole_and_as_long_as_announced() {
        let dir = std::env::temp_dir().join(format!("infobip-multipart-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("big.bin");
        let content: Vec<u8> = (0..(CHUNK as usize * 2 + 17)).map(|i| (i % 251) as u8).collect();
        std::fs::write(&path, &content).unwrap();
        let file = std::fs::File::open(&path).unwrap();
        let mut form = Form::new();
        form.text("from", "Jane <jane@example.com>", None);
        form.text("meta", "{\"a\":1}", Some("application/json"));
        form.file(
            "attachment",
            Some("a \"quoted\".bin"),
            "application/octet-stream",
            Opened::File { file: Arc::new(file), len: content.len() as u64 },
        );
        form.file("inlineImage", None, "image/png", Opened::Bytes(Bytes::from_static(b"\x89PNG")));
        let boundary = form.boundary.clone();
        let pieces = form.finish();
        for _ in 0..2 {
            let body = collect(&pieces).await;
            assert_eq!(body.len() as u64, pieces.len);
            let text = String::from_utf8_lossy(&body);
            assert!(
                text.starts_with(&format!("--{boundary}\r\nContent-Disposition: form-data; name=\"from\"\r\n\r\nJane"))
            );
            assert!(text.contains(
                "name=\"attachment\"; filename=\"a %22quoted%22.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            ));
            assert!(text.contains(
                "name=\"inlineImage\"; filename=\"inlineImage\"\r\nContent-Type: image/png\r\n\r\n\u{FFFD}PNG\r\n"
            ));
            assert!(text.ends_with(&format!("\r\n--{boundary}--\r\n")));
            assert!(body.windows(content.len()).any(|w| w == &content[..]), "the file's bytes are in the body whole");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[tokio::test]
    async fn a_file_that_shrinks_fails_the_body() {
        let path = std::env::temp_dir().join(format!("infobip-shrink-{}", uuid::Uuid::new_v4()));
        std::fs::write(&path, vec![7u8; 1000]).unwrap();
        let file = std::fs::File::open(&path).unwrap();
        let pieces = Pieces::single(Opened::File { file: Arc::new(file), len: 1000 });
        std::fs::write(&path, vec![7u8; 10]).unwrap();
        let error = pieces.start().collect().await.expect_err("shorter than announced");
        assert!(error.to_string().contains("shorter"), "{error}");
        std::fs::remove_file(&path).unwrap();
    }

    #[test]
    fn an_empty_form_is_just_the_closing_delimiter() {
        let form = Form::new();
        let boundary = form.boundary.clone();
        let pieces = form.finish();
        let Opened::Bytes(bytes) = &pieces.segments[0] else { panic!() };
        assert_eq!(&bytes[..], format!("--{boundary}--\r\n").as_bytes());
    }
}
