//! A small `multipart/form-data` reader (RFC 7578): enough to read the fields and file names of
//! a form the emulator stores (Email v3 `POST /email/3/send`). Parts are returned in order.

use bytes::Bytes;

/// One part of a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Part {
    /// The `name` of its `Content-Disposition`.
    pub name: String,
    /// The `filename`, for a file part.
    pub filename: Option<String>,
    /// The part's `Content-Type`, when given.
    pub content_type: Option<String>,
    /// The part's bytes.
    pub data: Bytes,
}

/// Why a body is not a readable `multipart/form-data` body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MultipartError(pub String);

/// The boundary of a `multipart/form-data` content type, if it is one.
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
    haystack[from..].windows(needle.len()).position(|w| w == needle).map(|i| i + from)
}

/// A header parameter like `name="value"` (quoted or not) of a `Content-Disposition` line.
fn param(line: &str, key: &str) -> Option<String> {
    for piece in line.split(';').skip(1) {
        let Some((k, v)) = piece.split_once('=') else { continue };
        if k.trim().eq_ignore_ascii_case(key) {
            let v = v.trim();
            return Some(v.strip_prefix('"').and_then(|v| v.strip_suffix('"')).unwrap_or(v).replace("\\\"", "\""));
        }
    }
    None
}

/// Reads the parts of `body` separated by `boundary`; a body without a delimiter, or whose last
/// part never ends, is an error.
pub(crate) fn parse(boundary: &str, body: &Bytes) -> Result<Vec<Part>, MultipartError> {
    let delimiter = format!("--{boundary}");
    let closing = format!("\r\n--{boundary}");
    let mut parts = Vec::new();
    let mut at = find(body, delimiter.as_bytes(), 0)
        .ok_or_else(|| MultipartError("no boundary delimiter in the body".into()))?;
    loop {
        at += delimiter.len();
        if body.get(at..at + 2) == Some(b"--") {
            return Ok(parts);
        }
        let headers_end = find(body, b"\r\n\r\n", at)
            .ok_or_else(|| MultipartError("a part has no blank line after its headers".into()))?;
        let headers = String::from_utf8_lossy(&body[at..headers_end]);
        let content_start = headers_end + 4;
        let end = find(body, closing.as_bytes(), content_start)
            .ok_or_else(|| MultipartError("the body has no closing boundary delimiter".into()))?;
        let mut part = Part { name: String::new(), filename: None, content_type: None, data: Bytes::new() };
        for line in headers.split("\r\n") {
            let Some((name, value)) = line.split_once(':') else { continue };
            if name.trim().eq_ignore_ascii_case("content-disposition") {
                part.name = param(value, "name").unwrap_or_default();
                part.filename = param(value, "filename");
            } else if name.trim().eq_ignore_ascii_case("content-type") {
                part.content_type = Some(value.trim().to_string());
            }
        }
        part.data = body.slice(content_start..end);
        parts.push(part);
        at = end + 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fields_and_files_in_order() {
        let body = Bytes::from_static(b"--XyZ\r\nContent-Disposition: form-data; name=\"to\"\r\n\r\na@example.com\r\n\
--XyZ\r\nContent-Disposition: form-data; name=\"to\"\r\n\r\nb@example.com\r\n\
--XyZ\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"r\xc3\xa9sum\xc3\xa9.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF\r\n-1\r\n\
--XyZ--\r\n");
        let parts = parse("XyZ", &body).unwrap();
        let text = |p: &Part| String::from_utf8_lossy(&p.data).into_owned();
        assert_eq!(parts.len(), 3);
        assert_eq!((parts[0].name.as_str(), text(&parts[0]).as_str()), ("to", "a@example.com"));
        assert_eq!(text(&parts[1]), "b@example.com");
        assert_eq!(parts[2].filename.as_deref(), Some("résumé.pdf"));
        assert_eq!(parts[2].content_type.as_deref(), Some("application/pdf"));
        assert_eq!(&parts[2].data[..], b"%PDF\r\n-1");
    }

    #[test]
    fn boundary_and_damage() {
        assert_eq!(boundary("multipart/form-data; boundary=\"a b\""), Some("a b".into()));
        assert_eq!(boundary("Multipart/Form-Data;charset=utf-8; boundary=q"), Some("q".into()));
        assert_eq!(boundary("application/json"), None);
        // A part that never ends, or no delimiter at all, is an error.
        let body = Bytes::from_static(b"--q\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--q\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n2");
        assert!(parse("q", &body).is_err());
        assert!(parse("q", &Bytes::from_static(b"garbage")).is_err());
    }
}
