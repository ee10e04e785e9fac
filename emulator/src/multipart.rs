//! `multipart/form-data` request bodies (RFC 7578): the parts of a body, each with its field
//! name, file name, content type and bytes.

use bytes::Bytes;

/// One part of a `multipart/form-data` body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Part {
    /// The field name (`Content-Disposition: form-data; name="…"`).
    pub name: String,
    /// The file name, for a file part.
    pub filename: Option<String>,
    /// The part's `Content-Type`, when it names one.
    pub content_type: Option<String>,
    /// The part's content.
    pub data: Bytes,
}

/// Why a body could not be read as `multipart/form-data`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MultipartError(pub String);

/// Most parts a body may have (a guard against pathological bodies).
const MAX_PARTS: usize = 10_000;

/// The boundary of a `multipart/form-data; boundary=…` content type, or `None` for another type.
pub(crate) fn boundary(content_type: &str) -> Option<String> {
    let mut params = content_type.split(';');
    let media = params.next()?.trim();
    if !media.eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    params.find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim().eq_ignore_ascii_case("boundary").then(|| v.trim().trim_matches('"').to_string())
    })
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() || from > haystack.len() {
        return None;
    }
    haystack.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|i| i + from)
}

/// Splits `body` into its parts. The preamble and epilogue are ignored; a body without the
/// closing delimiter, a part without headers or without a `name` is an error.
pub(crate) fn parse(boundary: &str, body: &Bytes) -> Result<Vec<Part>, MultipartError> {
    if boundary.is_empty() || boundary.len() > 70 {
        return Err(MultipartError("the boundary must be 1 to 70 characters".into()));
    }
    let delimiter = format!("--{boundary}");
    let d = delimiter.as_bytes();
    let mut pos = find(body, d, 0).ok_or_else(|| MultipartError("no boundary delimiter in the body".into()))?;
    let mut parts = Vec::new();
    loop {
        let after = pos + d.len();
        if body.get(after..after + 2) == Some(b"--") {
            return Ok(parts);
        }
        // The delimiter line ends with optional whitespace and CRLF.
        let line_end =
            find(body, b"\r\n", after).ok_or_else(|| MultipartError("a delimiter line has no CRLF".into()))?;
        let start = line_end + 2;
        let next = find(body, format!("\r\n{delimiter}").as_bytes(), start)
            .ok_or_else(|| MultipartError("the body has no closing boundary delimiter".into()))?;
        parts.push(part(&body.slice(start..next))?);
        if parts.len() > MAX_PARTS {
            return Err(MultipartError(format!("more than {MAX_PARTS} parts")));
        }
        pos = next + 2;
    }
}

fn part(raw: &Bytes) -> Result<Part, MultipartError> {
    let split = find(raw, b"\r\n\r\n", 0)
        .map(|i| (i, i + 4))
        .or_else(|| raw.starts_with(b"\r\n").then_some((0, 2)))
        .ok_or_else(|| MultipartError("a part has no blank line after its headers".into()))?;
    let head = String::from_utf8_lossy(raw.get(..split.0).unwrap_or_default()).into_owned();
    let mut name = None;
    let mut filename = None;
    let mut content_type = None;
    for line in head.split("\r\n").filter(|l| !l.is_empty()) {
        let Some((key, value)) = line.split_once(':') else { continue };
        if key.trim().eq_ignore_ascii_case("content-disposition") {
            for param in value.split(';').skip(1) {
                let Some((k, v)) = param.split_once('=') else { continue };
                let v = v.trim().trim_matches('"').to_string();
                match k.trim().to_ascii_lowercase().as_str() {
                    "name" => name = Some(v),
                    "filename" => filename = Some(v),
                    _ => {}
                }
            }
        } else if key.trim().eq_ignore_ascii_case("content-type") {
            content_type = Some(value.trim().to_string());
        }
    }
    let name = name.ok_or_else(|| MultipartError("a part has no Content-Disposition name".into()))?;
    Ok(Part { name, filename, content_type, data: raw.slice(split.1..) })
}

/// The parts of a `multipart/form-data` request, as the request log records them (name, file
/// name, content type, size, SHA-256); empty for any other body or a malformed one.
pub(crate) fn record(headers: &http::HeaderMap, body: &Bytes) -> Vec<crate::state::RecordedPart> {
    let Some(boundary) = headers.get(http::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).and_then(boundary)
    else {
        return Vec::new();
    };
    parse(&boundary, body)
        .unwrap_or_default()
        .into_iter()
        .map(|p| crate::state::RecordedPart {
            sha256: sha256_hex(&p.data),
            size: p.data.len(),
            name: p.name,
            filename: p.filename,
            content_type: p.content_type,
        })
        .collect()
}

/// A binary request body (not JSON, a form, multipart or text), as the request log records it:
/// its content type, size and SHA-256.
pub(crate) fn record_binary(headers: &http::HeaderMap, body: &Bytes) -> Option<crate::state::RecordedBinary> {
    let content_type = headers.get(http::header::CONTENT_TYPE).and_then(|v| v.to_str().ok())?;
    let media = content_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    let textual = media.contains("json")
        || media.starts_with("text/")
        || media.starts_with("multipart/")
        || media.ends_with("/xml")
        || media == "application/x-www-form-urlencoded";
    (!textual && !body.is_empty()).then(|| crate::state::RecordedBinary {
        content_type: content_type.to_owned(),
        size: body.len(),
        sha256: sha256_hex(body),
    })
}

/// A `multipart/form-data` body holding one text field per key of the object `fields`: strings as
/// they are, every other value as its JSON text (the way Infobip's inbound email push sends
/// `dkimCheck`, `envelope` and `attachmentInfo`). Keys are the emulator's own, never a caller's.
pub(crate) fn form(boundary: &str, fields: &serde_json::Value) -> Vec<u8> {
    let mut out = Vec::new();
    for (name, value) in fields.as_object().into_iter().flatten() {
        let text = match value {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        out.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n").as_bytes(),
        );
        out.extend_from_slice(b"Content-Type: text/plain; charset=utf-8\r\n\r\n");
        out.extend_from_slice(text.as_bytes());
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    out
}

fn sha256_hex(data: &[u8]) -> String {
    use sha2::Digest as _;
    sha2::Sha256::digest(data).iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fields_and_files() {
        let body = Bytes::from_static(
            b"preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"from\"\r\n\r\nJane <jane@example.com>\r\n\
--XyZ\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"a.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n\x00\x01\r\n--\r\n\
--XyZ--\r\nepilogue",
        );
        let parts = parse("XyZ", &body).unwrap();
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].name, "from");
        assert_eq!(&parts[0].data[..], b"Jane <jane@example.com>");
        assert_eq!(parts[1].filename.as_deref(), Some("a.bin"));
        assert_eq!(parts[1].content_type.as_deref(), Some("application/octet-stream"));
        assert_eq!(&parts[1].data[..], b"\x00\x01\r\n--");
        assert_eq!(boundary("multipart/form-data; boundary=\"XyZ\""), Some("XyZ".into()));
        assert_eq!(boundary("application/json"), None);
    }

    #[test]
    fn a_written_form_reads_back_with_json_text_for_structured_values() {
        let fields =
            serde_json::json!({"from": "Jane <jane@example.com>", "envelope": {"to": "a@b.c"}, "text": "Hi\r\nthere"});
        let parts = parse("B1", &Bytes::from(form("B1", &fields))).unwrap();
        let read: Vec<(String, String)> =
            parts.iter().map(|p| (p.name.clone(), String::from_utf8_lossy(&p.data).into_owned())).collect();
        assert_eq!(
            read,
            vec![
                ("from".into(), "Jane <jane@example.com>".into()),
                ("envelope".into(), r#"{"to":"a@b.c"}"#.into()),
                ("text".into(), "Hi\r\nthere".into()),
            ]
        );
    }

    #[test]
    fn refuses_broken_bodies() {
        assert!(parse("b", &Bytes::from_static(b"no delimiter")).is_err());
        assert!(
            parse("b", &Bytes::from_static(b"--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1")).is_err()
        );
        let nameless = Bytes::from_static(b"--b\r\nContent-Type: text/plain\r\n\r\n1\r\n--b--");
        assert!(parse("b", &nameless).is_err());
        assert_eq!(parse("b", &Bytes::from_static(b"--b--")).unwrap(), vec![]);
    }
}
