//! [`Download`]: a file answer, read as it arrives.

use std::path::{Path, PathBuf};

use bytes::Bytes;
use futures_util::Stream;
use http::HeaderMap;
use http::header::{CONTENT_DISPOSITION, CONTENT_LENGTH, CONTENT_TYPE};
use tokio::io::AsyncWriteExt as _;

use crate::catalog::CallParams;
use crate::client::Client;
use crate::error::Error;
use crate::http::{Response, Streaming, Unread};
use crate::typed::FileDownload;

/// A file an operation answers, read as it arrives: [`chunk`](Self::chunk) after chunk, as a
/// [`Stream`] ([`into_stream`](Self::into_stream)), straight into a file
/// ([`write_to`](Self::write_to)), or whole ([`into_file`](Self::into_file)). Its memory use
/// stays that of one chunk however large the file, and it is not subject to the client's
/// answer-size cap, except [`into_file`](Self::into_file), which holds the file in memory.
///
/// The call's timeout bounds the wait for the answer and then for each chunk. A body that
/// breaks off is a `connection` error (the operation is a GET: call again to start over).
///
/// ```no_run
/// # async fn demo(client: infobip::Client) -> Result<(), infobip::Error> {
/// use infobip::CallParams;
/// let params = CallParams::new().path("fileId", "2a7c84fb-1c0f-4b43-9f1b-2d17b8e3c4aa");
/// let recording = client.download("download-recording-file", params).await?;
/// println!("{:?} {:?}", recording.content_type(), recording.file_name());
/// let written = recording.write_to("call.wav").await?;
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct Download {
    status: u16,
    headers: HeaderMap,
    request_id: Option<String>,
    attempts: u32,
    operation: String,
    body: Option<Streaming>,
    received: u64,
    /// The client's answer-size cap, for [`into_file`](Self::into_file).
    cap: usize,
}

impl Client {
    /// Calls an operation like [`call`](Client::call) (same checks, authentication, retries and
    /// error mapping), and hands over its success answer as a [`Download`] as soon as its head
    /// arrives; an error answer is an error, as for `call`. Meant for operations that answer a
    /// file ([`Operation::answers_file`](crate::catalog::Operation::answers_file)), it works for
    /// any.
    pub async fn download(&self, operation_id: &str, params: CallParams) -> Result<Download, Error> {
        let slot = Unread::default();
        let response = self.send_operation(operation_id, params, Some(slot.clone())).await?;
        let cap = self.transport().max_response_bytes;
        Ok(Download::new(operation_id, response, slot.take(), cap))
    }
}

impl Download {
    fn new(operation: &str, response: Response, body: Option<Streaming>, cap: usize) -> Self {
        Download {
            status: response.status,
            request_id: response.request_id,
            attempts: response.attempts,
            operation: operation.to_owned(),
            body,
            headers: response.headers,
            received: 0,
            cap,
        }
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The answer's headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The request id the API gave (`X-Request-Id`).
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// Attempts made (1 unless retried).
    pub fn attempts(&self) -> u32 {
        self.attempts
    }

    /// The file's content type, as the server declared it.
    pub fn content_type(&self) -> Option<&str> {
        self.headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok())
    }

    /// The file's name, from `Content-Disposition`, when the server gave one.
    pub fn file_name(&self) -> Option<String> {
        let value = self.headers.get(CONTENT_DISPOSITION).and_then(|v| v.to_str().ok())?;
        crate::typed::disposition_file_name(value)
    }

    /// The file's size, when the server announced it (`Content-Length`).
    pub fn content_length(&self) -> Option<u64> {
        self.headers.get(CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse().ok())
    }

    /// Bytes read so far.
    pub fn received(&self) -> u64 {
        self.received
    }

    /// The next chunk of the file, `None` once it is all read.
    pub async fn chunk(&mut self) -> Result<Option<Bytes>, Error> {
        let Some(body) = self.body.as_mut() else { return Ok(None) };
        match body.chunk(&self.operation, self.attempts).await {
            Ok(Some(chunk)) => {
                self.received += chunk.len() as u64;
                Ok(Some(chunk))
            }
            other => {
                self.body = None;
                other
            }
        }
    }

    /// The file as a [`Stream`] of chunks; it ends after the last chunk or the first error.
    pub fn into_stream(self) -> impl Stream<Item = Result<Bytes, Error>> + Send + Unpin + 'static {
        Box::pin(futures_util::stream::unfold(self, |mut download| async move {
            download.chunk().await.transpose().map(|chunk| (chunk, download))
        }))
    }

    /// Writes the file to `path` as it arrives and returns its size. It is written to a
    /// temporary file beside `path` first, which becomes `path` only once the file is whole:
    /// a download that fails leaves no partial file (and an existing `path` untouched). A path
    /// that cannot be written is a `validation` error naming `path`.
    pub async fn write_to(mut self, path: impl AsRef<Path>) -> Result<u64, Error> {
        let path = path.as_ref();
        let partial = partial_path(path);
        let result = self.write_partial(&partial, path).await;
        if result.is_err() {
            let _ = tokio::fs::remove_file(&partial).await;
        }
        result
    }

    async fn write_partial(&mut self, partial: &Path, path: &Path) -> Result<u64, Error> {
        let refuse = |e: std::io::Error| Error::validation("path", format!("cannot write {}: {e}", path.display()));
        let mut file = tokio::fs::File::create(partial).await.map_err(refuse)?;
        while let Some(chunk) = self.chunk().await? {
            file.write_all(&chunk).await.map_err(refuse)?;
        }
        file.flush().await.map_err(refuse)?;
        drop(file);
        tokio::fs::rename(partial, path).await.map_err(refuse)?;
        Ok(self.received)
    }

    /// Reads the whole file into memory, within the client's answer-size cap
    /// (`max_response_bytes`): a larger file is a `decode` error naming the cap (read it with
    /// [`write_to`](Self::write_to) or [`into_stream`](Self::into_stream) instead).
    pub async fn into_file(mut self) -> Result<FileDownload, Error> {
        let cap = self.cap;
        let mut bytes = Vec::with_capacity(self.content_length().unwrap_or(0).min(cap as u64).min(1 << 20) as usize);
        while let Some(chunk) = self.chunk().await? {
            if chunk.len() > cap - bytes.len() {
                return Err(Error::decode(
                    format!(
                        "the file answered to {} is larger than the client's cap of {cap} bytes (max_response_bytes); \
                         read it with write_to or into_stream",
                        self.operation
                    ),
                    None,
                ));
            }
            bytes.extend_from_slice(&chunk);
        }
        Ok(FileDownload {
            bytes: Bytes::from(bytes),
            content_type: self.content_type().map(str::to_owned),
            file_name: self.file_name(),
        })
    }
}

/// `dir/.name.<random>.part`: beside the target, so the final rename stays on one file system.
fn partial_path(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "download".to_owned());
    path.with_file_name(format!(".{name}.{}.part", uuid::Uuid::new_v4().simple()))
}
