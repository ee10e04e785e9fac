//! [`FilePart`]: a file to upload, its name and its content type.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use bytes::Bytes;

use crate::error::Violation;

/// A file to upload: a `multipart/form-data` part ([`CallParams::file`](crate::CallParams::file))
/// or the whole body of an `application/octet-stream` upload (the field `body`).
///
/// Its content is bytes in memory or a file on disk. A file is opened when the call is checked
/// (a missing or unreadable one is a `validation` error naming the field, and nothing is sent)
/// and read as the request is written, a chunk at a time: it is never held in memory whole.
///
/// The file name and content type are the ones given, or else taken from the path: its last
/// component, and a content type guessed from its extension ([`guess_content_type`]);
/// `application/octet-stream` when nothing tells.
///
/// ```
/// use infobip::FilePart;
/// let report = FilePart::path("reports/2026-q1.pdf");
/// assert_eq!(report.file_name(), Some("2026-q1.pdf"));
/// assert_eq!(report.content_type(), "application/pdf");
/// let logo = FilePart::bytes(vec![0x89, b'P', b'N', b'G']).with_file_name("logo.png");
/// assert_eq!(logo.content_type(), "image/png");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct FilePart {
    source: Source,
    file_name: Option<String>,
    content_type: Option<String>,
}

#[derive(Clone, PartialEq, Eq)]
enum Source {
    Bytes(Bytes),
    Path(Arc<PathBuf>),
}

impl FilePart {
    /// A file whose bytes are in memory.
    pub fn bytes(data: impl Into<Bytes>) -> Self {
        FilePart { source: Source::Bytes(data.into()), file_name: None, content_type: None }
    }

    /// A file on disk, read as it is sent.
    pub fn path(path: impl Into<PathBuf>) -> Self {
        FilePart { source: Source::Path(Arc::new(path.into())), file_name: None, content_type: None }
    }

    /// Sets the file name sent with it (by default the path's last component).
    pub fn with_file_name(mut self, name: impl Into<String>) -> Self {
        self.file_name = Some(name.into());
        self
    }

    /// Sets its content type (by default guessed from the file name).
    pub fn with_content_type(mut self, content_type: impl Into<String>) -> Self {
        self.content_type = Some(content_type.into());
        self
    }

    /// The file name sent: the one given, else the path's last component.
    pub fn file_name(&self) -> Option<&str> {
        self.file_name.as_deref().or_else(|| match &self.source {
            Source::Path(path) => path.file_name().and_then(|n| n.to_str()),
            Source::Bytes(_) => None,
        })
    }

    /// The content type sent: the one given, else guessed from the file name, else
    /// `application/octet-stream`.
    pub fn content_type(&self) -> &str {
        self.content_type.as_deref().or_else(|| self.file_name().and_then(guess_content_type)).unwrap_or(OCTET_STREAM)
    }

    /// The path, for a file on disk.
    pub fn file_path(&self) -> Option<&Path> {
        match &self.source {
            Source::Path(path) => Some(path),
            Source::Bytes(_) => None,
        }
    }

    /// Opens its content for sending: the bytes, or the file and its length. A file that cannot
    /// be opened, or is not a regular file, is a violation naming `field`.
    pub(crate) fn open(&self, field: &str) -> Result<Opened, Violation> {
        match &self.source {
            Source::Bytes(bytes) => Ok(Opened::Bytes(bytes.clone())),
            Source::Path(path) => {
                let refuse =
                    |why: String| Violation::new(field, format!("cannot read the file {}: {why}", path.display()));
                let file = std::fs::File::open(path.as_path()).map_err(|e| refuse(e.to_string()))?;
                let metadata = file.metadata().map_err(|e| refuse(e.to_string()))?;
                if !metadata.is_file() {
                    return Err(refuse("it is not a regular file".to_owned()));
                }
                Ok(Opened::File { file: Arc::new(file), len: metadata.len() })
            }
        }
    }
}

/// What a [`FilePart`] sends, opened: shared by every attempt of a call, each reading it from
/// the start (a file by position, so attempts never disturb each other).
#[derive(Clone, Debug)]
pub(crate) enum Opened {
    Bytes(Bytes),
    File { file: Arc<std::fs::File>, len: u64 },
}

impl Opened {
    /// The number of bytes it sends.
    pub(crate) fn len(&self) -> u64 {
        match self {
            Opened::Bytes(bytes) => bytes.len() as u64,
            Opened::File { len, .. } => *len,
        }
    }
}

impl fmt::Debug for FilePart {
    /// Names the file and its size, never its bytes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = f.debug_struct("FilePart");
        match &self.source {
            Source::Bytes(bytes) => out.field("bytes", &bytes.len()),
            Source::Path(path) => out.field("path", path),
        };
        out.field("file_name", &self.file_name()).field("content_type", &self.content_type()).finish()
    }
}

const OCTET_STREAM: &str = "application/octet-stream";

/// The content type of a file name's extension (case ignored), for the file types Infobip's
/// channels take: documents, images, audio, video and text. `None` for any other extension.
///
/// ```
/// assert_eq!(infobip::files::guess_content_type("Call 12.WAV"), Some("audio/wav"));
/// assert_eq!(infobip::files::guess_content_type("notes"), None);
/// ```
pub fn guess_content_type(file_name: &str) -> Option<&'static str> {
    let (_, extension) = file_name.rsplit_once('.')?;
    let extension = extension.to_ascii_lowercase();
    let found = match extension.as_str() {
        "pdf" => "application/pdf",
        "json" => "application/json",
        "xml" => "application/xml",
        "zip" => "application/zip",
        "gz" => "application/gzip",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ppt" => "application/vnd.ms-powerpoint",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "odt" => "application/vnd.oasis.opendocument.text",
        "ics" => "text/calendar",
        "vcf" => "text/vcard",
        "txt" | "text" | "log" => "text/plain",
        "csv" => "text/csv",
        "htm" | "html" => "text/html",
        "css" => "text/css",
        "md" => "text/markdown",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "bmp" => "image/bmp",
        "svg" => "image/svg+xml",
        "ico" => "image/vnd.microsoft.icon",
        "tif" | "tiff" => "image/tiff",
        "heic" => "image/heic",
        "wav" => "audio/wav",
        "mp3" => "audio/mpeg",
        "ogg" | "oga" | "opus" => "audio/ogg",
        "m4a" => "audio/mp4",
        "aac" => "audio/aac",
        "amr" => "audio/amr",
        "flac" => "audio/flac",
        "mp4" | "m4v" => "video/mp4",
        "3gp" => "video/3gpp",
        "mov" => "video/quicktime",
        "webm" => "video/webm",
        "avi" => "video/x-msvideo",
        "pem" => "application/x-pem-file",
        _ => return None,
    };
    Some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_types_come_from_the_path_unless_given() {
        let part = FilePart::path("/tmp/dir/Recording 7.MP3");
        assert_eq!(part.file_name(), Some("Recording 7.MP3"));
        assert_eq!(part.content_type(), "audio/mpeg");
        let given = part.clone().with_file_name("call.wav").with_content_type("audio/x-wav");
        assert_eq!((given.file_name(), given.content_type()), (Some("call.wav"), "audio/x-wav"));
        let unnamed = FilePart::bytes(&b"\x00\x01"[..]);
        assert_eq!((unnamed.file_name(), unnamed.content_type()), (None, "application/octet-stream"));
        assert_eq!(FilePart::path("archive.unknownext").content_type(), "application/octet-stream");
        assert_eq!(FilePart::bytes(Bytes::new()).with_file_name("a.JPEG").content_type(), "image/jpeg");
    }

    #[test]
    fn debug_shows_sizes_not_bytes() {
        let text = format!("{:?}", FilePart::bytes(b"secret-bytes".to_vec()).with_file_name("a.txt"));
        assert!(text.contains("bytes: 12") && !text.contains("secret"), "{text}");
    }

    #[test]
    fn a_missing_file_is_a_violation_naming_the_field() {
        let violation = FilePart::path("/no/such/dir/invoice.pdf").open("attachment").expect_err("missing");
        assert_eq!(violation.property, "attachment");
        assert!(violation.message.contains("/no/such/dir/invoice.pdf"), "{}", violation.message);
        let dir = FilePart::path(std::env::temp_dir()).open("file").expect_err("a directory");
        assert!(dir.message.contains("not a regular file"), "{}", dir.message);
    }
}
