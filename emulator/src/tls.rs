//! TLS (`--tls`): a certificate authority made at start, a server certificate it signs for
//! `127.0.0.1`, `::1` and `localhost`, and a client certificate it signs, for mutual TLS
//! (`--tls-client-auth` makes the server require it).
//!
//! Nothing is read from disk and nothing outlives the process: every start makes new keys. The
//! binary writes the PEM files (`ca.pem`, `client.pem`, `client-key.pem`) into a directory and
//! prints where the CA is; the in-process [`Emulator`](crate::Emulator) hands them out as text.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DnType, ExtendedKeyUsagePurpose, IsCa, KeyPair,
    KeyUsagePurpose,
};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};

/// The emulator's certificates, in PEM, and the acceptor that serves with them.
#[derive(Clone)]
pub struct TlsMaterial {
    pub(crate) acceptor: tokio_rustls::TlsAcceptor,
    ca_pem: String,
    client_certificate_pem: String,
    client_key_pem: String,
}

impl std::fmt::Debug for TlsMaterial {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TlsMaterial").finish_non_exhaustive()
    }
}

/// Why TLS could not be set up.
fn failed(what: &str, e: impl std::fmt::Display) -> std::io::Error {
    std::io::Error::other(format!("TLS: cannot {what}: {e}"))
}

impl TlsMaterial {
    /// Makes a CA, a server certificate and a client certificate; the server asks for the
    /// client certificate when `require_client_certificate` is set.
    pub fn generate(require_client_certificate: bool) -> std::io::Result<Self> {
        let mut ca_params = CertificateParams::new(Vec::<String>::new()).map_err(|e| failed("make the CA", e))?;
        ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca_params.distinguished_name.push(DnType::CommonName, "Infobip emulator CA");
        ca_params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        let ca_key = KeyPair::generate().map_err(|e| failed("make the CA key", e))?;
        let ca = CertifiedIssuer::self_signed(ca_params, ca_key).map_err(|e| failed("sign the CA", e))?;

        let leaf = |names: Vec<String>, common_name: &str, usage: ExtendedKeyUsagePurpose| {
            let mut params = CertificateParams::new(names).map_err(|e| failed("make a certificate", e))?;
            params.distinguished_name.push(DnType::CommonName, common_name);
            params.extended_key_usages = vec![usage];
            let key = KeyPair::generate().map_err(|e| failed("make a key", e))?;
            let certificate = params.signed_by(&key, &ca).map_err(|e| failed("sign a certificate", e))?;
            Ok::<_, std::io::Error>((certificate, key))
        };
        let names = ["127.0.0.1", "::1", "localhost"].map(String::from).to_vec();
        let (server, server_key) = leaf(names, "Infobip emulator", ExtendedKeyUsagePurpose::ServerAuth)?;
        let (client, client_key) = leaf(Vec::new(), "Infobip emulator client", ExtendedKeyUsagePurpose::ClientAuth)?;

        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let builder = rustls::ServerConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()
            .map_err(|e| failed("choose the protocol versions", e))?;
        let builder = if require_client_certificate {
            let mut roots = rustls::RootCertStore::empty();
            roots.add(ca.der().clone()).map_err(|e| failed("trust the CA", e))?;
            let verifier = rustls::server::WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider)
                .build()
                .map_err(|e| failed("check client certificates", e))?;
            builder.with_client_cert_verifier(verifier)
        } else {
            builder.with_no_client_auth()
        };
        let chain = vec![server.der().clone(), CertificateDer::from(ca.der().to_vec())];
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(server_key.serialize_der()));
        let mut config = builder.with_single_cert(chain, key).map_err(|e| failed("use the server certificate", e))?;
        config.alpn_protocols = vec![b"http/1.1".to_vec()];
        Ok(TlsMaterial {
            acceptor: tokio_rustls::TlsAcceptor::from(Arc::new(config)),
            ca_pem: pem("CERTIFICATE", ca.der()),
            client_certificate_pem: pem("CERTIFICATE", client.der()),
            client_key_pem: pem("PRIVATE KEY", &client_key.serialize_der()),
        })
    }

    /// An acceptor that serves TLS with the server certificate (for a test's own server).
    pub fn acceptor(&self) -> tokio_rustls::TlsAcceptor {
        self.acceptor.clone()
    }

    /// The CA certificate (PEM) that signed the server and client certificates.
    pub fn ca_pem(&self) -> &str {
        &self.ca_pem
    }

    /// The client certificate (PEM) the CA signed, for mutual TLS.
    pub fn client_certificate_pem(&self) -> &str {
        &self.client_certificate_pem
    }

    /// The client certificate's private key (PEM, PKCS#8).
    pub fn client_key_pem(&self) -> &str {
        &self.client_key_pem
    }

    /// Writes `ca.pem`, `client.pem` and `client-key.pem` into `dir` (created, mode 0700 on
    /// Unix) and returns the path of `ca.pem`.
    pub fn write_to(&self, dir: &Path) -> std::io::Result<PathBuf> {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(dir)?;
        for (name, text) in [
            ("ca.pem", &self.ca_pem),
            ("client.pem", &self.client_certificate_pem),
            ("client-key.pem", &self.client_key_pem),
        ] {
            std::fs::write(dir.join(name), text)?;
        }
        Ok(dir.join("ca.pem"))
    }
}

/// DER bytes as PEM text: base64 in lines of 64 characters between the `label`'s markers.
fn pem(label: &str, der: &[u8]) -> String {
    use base64::Engine as _;
    let text = base64::engine::general_purpose::STANDARD.encode(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for line in text.as_bytes().chunks(64) {
        out.push_str(&String::from_utf8_lossy(line));
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

/// The directory the binary writes the PEM files into when `--tls-dir` is not given: a new
/// one in the system's temporary directory, named for the process and port.
pub(crate) fn default_dir(port: u16) -> PathBuf {
    std::env::temp_dir().join(format!("infobip-emulator-tls-{}-{port}", std::process::id()))
}
