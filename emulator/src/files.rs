//! Operations that answer files (recordings, media, documents, exports, PDFs): the answer is
//! bytes of the declared content type (the spec's example where it has one, otherwise a small
//! valid file of that type), with `Content-Type` and `Content-Disposition`.
//!
//! An answer is a file when its success content has no JSON type with a non-binary schema, and
//! is not `*/*` with an object schema (several products declare JSON answers so).

use crate::api::Ctx;
use crate::server::{ResBody, raw_response};
use crate::spec::{self, OpInfo};
use bytes::Bytes;
use http::{HeaderValue, Response};
use serde_json::Value;

/// The file answer of `ctx.op`, or `None` when it answers JSON or nothing.
pub(crate) fn answer(ctx: &Ctx<'_>) -> Option<Response<ResBody>> {
    let (declared, example) = declared(ctx.op)?;
    let (content_type, bytes, extension) = match example {
        Some(text) => (declared.clone(), Bytes::from(text), extension(&declared)),
        None => sample(&declared, ctx.op),
    };
    let name = format!("{}.{extension}", ctx.op.operation_id);
    let mut response = raw_response(ctx.shared, ctx.op.success, Some(bytes), &content_type);
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        response.headers_mut().insert(http::header::CONTENT_DISPOSITION, value);
    }
    Some(response)
}

/// The declared content type of a file answer, and its example text when the spec gives one.
fn declared(op: &OpInfo) -> Option<(String, Option<String>)> {
    let doc = spec::document(op.spec);
    let responses = spec::operation_object(op).get("responses")?;
    let response = spec::deref(doc, responses.get(op.success.to_string())?);
    let content = response.get("content")?.as_object()?;
    let schema = |media: &'static Value| spec::deref(doc, media.get("schema").unwrap_or(&Value::Null));
    let json = |t: &str| t == "application/json" || t.ends_with("+json") || t == "text/json";
    if content.iter().any(|(t, media)| json(t) && schema(media).get("format").and_then(Value::as_str) != Some("binary"))
    {
        return None;
    }
    if let Some(media) = content.get("*/*")
        && (media.pointer("/schema/$ref").is_some()
            || schema(media).get("type").and_then(Value::as_str) == Some("object"))
    {
        return None;
    }
    let (media_type, media) = content.iter().next()?;
    let examples = media.get("example").into_iter().chain(
        media.get("examples").and_then(Value::as_object).into_iter().flatten().filter_map(|(_, e)| e.get("value")),
    );
    let example = examples.filter_map(Value::as_str).next().map(str::to_owned);
    Some((media_type.clone(), example))
}

/// A small valid file for a declared content type: the content type sent, the bytes and the
/// file name's extension. A recording declared as `application/octet-stream` is a WAV file.
fn sample(declared: &str, op: &OpInfo) -> (String, Bytes, &'static str) {
    let media = declared.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    let recording = op.path.contains("recording") || op.path.contains("/record");
    let sent = if media == "*/*" { "image/png" } else { declared };
    let (bytes, extension) = match media.as_str() {
        "audio/vnd.wave" | "audio/wav" | "audio/x-wav" | "audio/wave" => (wav(), "wav"),
        "application/octet-stream" if recording => (wav(), "wav"),
        "application/pdf" => (pdf(), "pdf"),
        "image/png" | "*/*" => (png(), "png"),
        "text/csv" => (
            Bytes::from_static(
                b"timestamp,user,action,resource\r\n2026-01-05T10:00:00.000+0000,jane@example.com,LOGIN,portal\r\n",
            ),
            "csv",
        ),
        "text/html" => (Bytes::from_static(b"<html><body><p>Hello from the emulator</p></body></html>"), "html"),
        m if m.starts_with("text/") => (Bytes::from_static(b"emulator sample\n"), "txt"),
        _ => (Bytes::from((0..=255u8).cycle().take(1024).collect::<Vec<u8>>()), "bin"),
    };
    (sent.to_owned(), bytes, extension)
}

/// The extension of a file given as the spec's example text.
fn extension(content_type: &str) -> &'static str {
    match content_type.split(';').next().unwrap_or_default().trim() {
        "text/csv" => "csv",
        "text/html" => "html",
        _ => "txt",
    }
}

/// A WAV file: 16-bit mono PCM at 8 kHz, a quarter second of a 400 Hz square wave.
fn wav() -> Bytes {
    const RATE: u32 = 8000;
    let samples: Vec<i16> = (0..RATE / 4).map(|i| if (i / 10) % 2 == 0 { 12_000 } else { -12_000 }).collect();
    let data_len = u32::try_from(samples.len() * 2).unwrap_or(0);
    let mut out = Vec::with_capacity(44 + samples.len() * 2);
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(36 + data_len).to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&16u32.to_le_bytes()); // fmt chunk size
    out.extend_from_slice(&1u16.to_le_bytes()); // PCM
    out.extend_from_slice(&1u16.to_le_bytes()); // mono
    out.extend_from_slice(&RATE.to_le_bytes());
    out.extend_from_slice(&(RATE * 2).to_le_bytes()); // bytes per second
    out.extend_from_slice(&2u16.to_le_bytes()); // block align
    out.extend_from_slice(&16u16.to_le_bytes()); // bits per sample
    out.extend_from_slice(b"data");
    out.extend_from_slice(&data_len.to_le_bytes());
    for sample in samples {
        out.extend_from_slice(&sample.to_le_bytes());
    }
    Bytes::from(out)
}

/// A one-page PDF saying "Emulator report", with a correct cross-reference table.
fn pdf() -> Bytes {
    let stream = "BT /F1 18 Tf 72 720 Td (Emulator report) Tj ET";
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_owned(),
        format!("<< /Length {} >>\nstream\n{stream}\nendstream", stream.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
    ];
    // The binary comment line marks the file as binary for tools that guess.
    let mut out: Vec<u8> = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes(),
    );
    Bytes::from(out)
}

/// A 2×2 RGB PNG (orange), its image data in one stored (uncompressed) zlib block.
fn png() -> Bytes {
    // Two scanlines, each a filter byte (0: none) then two orange pixels.
    let raw = [0, 0xFF, 0x7F, 0x00, 0xFF, 0x7F, 0x00].repeat(2);
    let mut zlib = vec![0x78, 0x01, 0x01];
    let len = u16::try_from(raw.len()).unwrap_or(0);
    zlib.extend_from_slice(&len.to_le_bytes());
    zlib.extend_from_slice(&(!len).to_le_bytes());
    zlib.extend_from_slice(&raw);
    zlib.extend_from_slice(&adler32(&raw).to_be_bytes());
    let mut header = Vec::new();
    header.extend_from_slice(&2u32.to_be_bytes());
    header.extend_from_slice(&2u32.to_be_bytes());
    header.extend_from_slice(&[8, 2, 0, 0, 0]); // 8-bit RGB, deflate, no filter, no interlace
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    for (kind, data) in [(&b"IHDR"[..], header), (b"IDAT", zlib), (b"IEND", Vec::new())] {
        out.extend_from_slice(&u32::try_from(data.len()).unwrap_or(0).to_be_bytes());
        let start = out.len();
        out.extend_from_slice(kind);
        out.extend_from_slice(&data);
        let crc = crc32(&out[start..]);
        out.extend_from_slice(&crc.to_be_bytes());
    }
    Bytes::from(out)
}

fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for byte in data {
        a = (a + u32::from(*byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    (b << 16) | a
}

/// CRC-32 (IEEE, as PNG chunks use it), bit by bit.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for byte in data {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_are_well_formed_files() {
        let wav = wav();
        assert_eq!((&wav[..4], &wav[8..16]), (&b"RIFF"[..], &b"WAVEfmt "[..]));
        assert_eq!(u32::from_le_bytes([wav[4], wav[5], wav[6], wav[7]]) as usize, wav.len() - 8);
        assert!(std::str::from_utf8(&wav).is_err(), "a WAV's samples are not text");

        let pdf = pdf();
        assert!(pdf.starts_with(b"%PDF-1.4") && pdf.ends_with(b"%%EOF\n"));
        let tail = String::from_utf8_lossy(&pdf[pdf.len() - 40..]).into_owned();
        let xref: usize = tail.rsplit("startxref\n").next().unwrap().lines().next().unwrap().parse().unwrap();
        assert!(pdf[xref..].starts_with(b"xref"), "startxref points at the table");
        let table = String::from_utf8_lossy(&pdf[xref..]).into_owned();
        for (n, line) in table.lines().skip(3).take(5).enumerate() {
            let offset: usize = line[..10].parse().unwrap();
            assert!(pdf[offset..].starts_with(format!("{} 0 obj", n + 1).as_bytes()), "object {}", n + 1);
        }

        let png = png();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(crc32(b"IEND"), 0xAE42_6082, "the known CRC of an empty IEND chunk");
        assert!(png.ends_with(&[0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xAE, 0x42, 0x60, 0x82]));
    }

    #[test]
    fn every_file_answer_is_bytes_of_its_declared_type() {
        let mut files = 0;
        for op in crate::spec::OPERATIONS {
            let Some((declared, _)) = declared(op) else { continue };
            files += 1;
            let (sent, bytes, _) = sample(&declared, op);
            assert!(!bytes.is_empty(), "{}", op.operation_id);
            assert!(declared == "*/*" || sent == declared, "{}: {sent} for {declared}", op.operation_id);
        }
        assert_eq!(files, 15, "the operations that answer files");
    }
}
