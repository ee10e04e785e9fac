//! Files both ways: uploads ([`FilePart`], sent by [`Client::call`](crate::Client::call) as
//! `multipart/form-data` parts or as an `application/octet-stream` body) and downloads
//! ([`Download`], a file answer read as a stream).
//!
//! # Uploads
//!
//! An operation that takes `multipart/form-data` (Email's `send-fully-featured-email`, the
//! template writes, audio and document uploads, …) gets its file fields from
//! [`CallParams::file`](crate::CallParams::file) and its other fields from the body, as JSON:
//! strings as they are, numbers and booleans as text, a list as one part per item, an object as
//! a JSON part. An `application/octet-stream` upload takes its one file as the field `body`.
//! [`FileField`](crate::catalog::FileField)s of the operation's
//! [`body`](crate::catalog::Operation::body) name the fields that take files.
//!
//! ```no_run
//! # async fn demo(client: infobip::Client) -> Result<(), infobip::Error> {
//! use infobip::{CallParams, FilePart};
//! let params = CallParams::new()
//!     .body(serde_json::json!({"from": "Jane <jane@example.com>", "to": ["a@example.com", "b@example.com"],
//!                              "subject": "Q1", "text": "Attached."}))
//!     .file("attachment", FilePart::path("reports/q1.pdf"))
//!     .file("attachment", FilePart::bytes(b"a,b\n1,2\n".to_vec()).with_file_name("numbers.csv"));
//! let sent = client.call("send-fully-featured-email", params).await?;
//! # Ok(()) }
//! ```
//!
//! Files on disk are opened when the call is checked (a missing one is a `validation` error
//! naming its field, before anything is sent) and read a chunk at a time as the request is
//! written, with a `Content-Length` computed beforehand. An upload follows the retry rule of
//! its method like every request: a POST is sent again only after a 429 or a connection that
//! failed before anything was written, and each attempt reads the files from their start.
//!
//! # Downloads
//!
//! An operation whose success answer is a file ([`Operation::answers_file`]) asks for the
//! content types its spec declares (`Accept`, see [`Operation::accept`]). [`Client::call`]
//! reads the answer whole (into [`CallResponse::raw`](crate::CallResponse::raw), within the
//! client's answer-size cap); [`Client::download`](crate::Client::download) hands it over as it
//! arrives, with no size cap: see [`Download`].

mod download;
mod part;

pub use download::Download;
pub use part::{FilePart, guess_content_type};

pub(crate) use part::Opened;

/// The file field of an operation whose whole body is a file (`application/octet-stream`):
/// `CallParams::new().file(BODY_FIELD, part)`.
pub const BODY_FIELD: &str = "body";

use crate::catalog::Operation;

impl Operation {
    /// Whether its success answer is a file (or other non-JSON content): bytes with a content
    /// type, read with [`Client::download`](crate::Client::download) or as
    /// [`CallResponse::raw`](crate::CallResponse::raw).
    pub fn answers_file(&self) -> bool {
        self.file
    }

    /// The `Accept` header its requests send: `application/json` for an operation that answers
    /// JSON or nothing; for a file, the content types its spec declares, then JSON at a lower
    /// preference for error answers (`application/pdf, application/json;q=0.5`).
    pub fn accept(&self) -> String {
        if !self.answers_file() {
            return "application/json".to_owned();
        }
        let declared = self.answer.join(", ");
        if self.answer.iter().any(|t| t == "*/*") { declared } else { format!("{declared}, application/json;q=0.5") }
    }
}
