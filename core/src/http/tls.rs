//! Telling a TLS refusal from other connection failures, and saying what to do about it.

use rustls::AlertDescription;

/// Whether `error` is TLS refusing the connection before a request reached the server: the
/// handshake failed (the server's certificate is not trusted, or does not name the host), or
/// the server ended the connection with an alert about certificates (with TLS 1.3 a server
/// that wants a client certificate says so only after the client finished its handshake).
pub(crate) fn refused(error: &reqwest::Error) -> bool {
    match rustls_error(error) {
        Some(_) if error.is_connect() => true,
        Some(rustls::Error::AlertReceived(alert)) => matches!(
            alert,
            AlertDescription::CertificateRequired
                | AlertDescription::BadCertificate
                | AlertDescription::UnsupportedCertificate
                | AlertDescription::CertificateRevoked
                | AlertDescription::CertificateExpired
                | AlertDescription::CertificateUnknown
                | AlertDescription::UnknownCA
                | AlertDescription::HandshakeFailure
                | AlertDescription::AccessDenied
        ),
        _ => false,
    }
}

/// The rustls error somewhere in `error`'s chain of causes. rustls reports through
/// `std::io::Error`s (nested, even), whose `source` skips the error they wrap, so those are
/// opened with `get_ref`.
fn rustls_error<'a>(error: &'a (dyn std::error::Error + 'static)) -> Option<&'a rustls::Error> {
    let mut cause = Some(error);
    while let Some(current) = cause {
        if let Some(found) = current.downcast_ref::<rustls::Error>() {
            return Some(found);
        }
        cause = match current.downcast_ref::<std::io::Error>() {
            Some(io) => io.get_ref().map(|inner| inner as &(dyn std::error::Error + 'static)),
            None => current.source(),
        };
    }
    None
}

/// What a TLS refusal described by `message` most likely needs.
pub(crate) fn advice(message: &str) -> &'static str {
    if message.contains("invalid peer certificate") {
        "the server's certificate is not one this client trusts; if a private CA or a TLS-inspecting proxy signed it, add that CA as a root certificate"
    } else {
        "the server refused the TLS connection; if it requires a client certificate, configure one"
    }
}
