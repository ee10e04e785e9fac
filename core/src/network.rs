//! Network settings of a client: an explicit proxy, extra trusted root certificates and a
//! client certificate (mutual TLS).
//!
//! | setting | when not given |
//! |---|---|
//! | proxy (`http://` or `https://`, credentials in the URL) | `HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY` and `NO_PROXY` from the environment; none for a loopback base URL |
//! | no-proxy list (hosts, domains, IP ranges, `*`) | applies to the explicit proxy only |
//! | extra root certificates (PEM, one or more) | the platform's trusted roots only |
//! | client certificate (PEM certificate chain and private key) | none |
//!
//! A proxy URL is a secret like the API key (it may carry a password): `Debug` and every error
//! show it as `scheme://***@host:port`. PEM text given as is (a private key, perhaps) is wiped
//! when the client is dropped and never shown, only its length. Files are read when the client is built; a
//! missing or malformed file is a `config` error naming the file, never quoting it.

use std::fmt;
use std::path::PathBuf;

use reqwest::Url;
use zeroize::Zeroizing;

use crate::auth::Secret;
use crate::error::Error;

/// PEM text (certificates, or a private key) given as is or as a file read when the client is
/// built. Text given as is is wiped from memory when dropped (it may be a private key).
#[derive(Clone)]
pub enum Pem {
    /// The PEM text itself.
    Text(Zeroizing<Vec<u8>>),
    /// A file holding it.
    File(PathBuf),
}

impl Pem {
    /// PEM text given as is.
    pub fn text(pem: impl Into<Vec<u8>>) -> Self {
        Pem::Text(Zeroizing::new(pem.into()))
    }

    /// PEM text held as a [`Secret`] (a private key a binding received as one).
    pub fn secret(text: &Secret) -> Self {
        Pem::text(text.expose().as_bytes())
    }

    /// PEM text in a file, read when the client is built.
    pub fn file(path: impl Into<PathBuf>) -> Self {
        Pem::File(path.into())
    }

    fn read(&self, what: &str) -> Result<Zeroizing<Vec<u8>>, Error> {
        match self {
            Pem::Text(bytes) => Ok(bytes.clone()),
            Pem::File(path) => std::fs::read(path)
                .map(Zeroizing::new)
                .map_err(|e| Error::config(format!("cannot read the {what} file {}: {e}", path.display()))),
        }
    }
}

/// What is shown of PEM text: its length or its file, never the text.
impl fmt::Debug for Pem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Pem::Text(bytes) => write!(f, "{} bytes of PEM", bytes.len()),
            Pem::File(path) => write!(f, "{}", path.display()),
        }
    }
}

/// The network settings a [`ClientBuilder`](crate::ClientBuilder) collects (see the
/// [module docs](self)).
#[derive(Clone, Default)]
pub(crate) struct NetworkOptions {
    proxy: Option<Secret>,
    no_proxy: Option<String>,
    roots: Vec<Pem>,
    /// The certificate chain and the private key.
    client_certificate: Option<(Pem, Pem)>,
}

impl fmt::Debug for NetworkOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NetworkOptions")
            .field("proxy", &self.proxy.as_ref().map(shown))
            .field("no_proxy", &self.no_proxy)
            .field("roots", &self.roots)
            .field("client_certificate", &self.client_certificate.as_ref().map(|(chain, _)| chain))
            .finish()
    }
}

impl NetworkOptions {
    pub(crate) fn proxy(&mut self, url: Secret) {
        self.proxy = Some(url);
    }

    pub(crate) fn no_proxy(&mut self, list: String) {
        self.no_proxy = Some(list);
    }

    pub(crate) fn root_certificates(&mut self, pem: Pem) {
        self.roots.push(pem);
    }

    pub(crate) fn client_certificate(&mut self, certificate: Pem, key: Pem) {
        self.client_certificate = Some((certificate, key));
    }

    /// Applies the settings to reqwest's builder. `loopback`: the base URL is a loopback host,
    /// which no proxy from the environment is used for.
    pub(crate) fn apply(
        &self,
        mut http: reqwest::ClientBuilder,
        loopback: bool,
    ) -> Result<reqwest::ClientBuilder, Error> {
        match &self.proxy {
            Some(url) => http = http.proxy(proxy(url, self.no_proxy.as_deref())?),
            None if loopback => http = http.no_proxy(),
            None => {}
        }
        let mut roots = Vec::new();
        for pem in &self.roots {
            let bytes = pem.read("root certificate")?;
            let refuse = |why: &str| Error::config(format!("root certificates ({pem:?}): {why}"));
            let certificates = reqwest::Certificate::from_pem_bundle(&bytes).map_err(|_| refuse("not valid PEM"))?;
            if certificates.is_empty() {
                return Err(refuse("no PEM certificate in it"));
            }
            roots.extend(certificates);
        }
        if !roots.is_empty() {
            http = http.tls_certs_merge(roots);
        }
        if let Some((chain, key)) = &self.client_certificate {
            http = http.identity(identity(chain, key)?);
        }
        Ok(http)
    }
}

/// A proxy URL as it may be shown: its credentials masked, or nothing of it when it is no URL.
fn shown(url: &Secret) -> String {
    match Url::parse(url.expose()) {
        Ok(_) => crate::config::masked(url.expose()),
        Err(_) => "***".to_owned(),
    }
}

/// The explicit proxy, checked: `http://` or `https://`, a host, no path or query.
fn proxy(url: &Secret, no_proxy: Option<&str>) -> Result<reqwest::Proxy, Error> {
    let text = url.expose();
    let refuse = |why: &str| Error::config(format!("invalid proxy URL {:?}: {why}", shown(url)));
    // A value that is no URL is not quoted at all: where its password is cannot be told.
    let parsed = Url::parse(text)
        .map_err(|e| Error::config(format!("invalid proxy URL (not shown, it may hold a password): {e}")))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(refuse("the scheme must be http or https"));
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(refuse("it has no host"));
    }
    if parsed.path() != "/" || parsed.query().is_some() || parsed.fragment().is_some() {
        return Err(refuse("a proxy URL has no path, query or fragment"));
    }
    let proxy = reqwest::Proxy::all(text).map_err(|_| refuse("not usable as a proxy"))?;
    Ok(proxy.no_proxy(no_proxy.and_then(reqwest::NoProxy::from_string)))
}

/// The client certificate as reqwest's identity: the certificate chain and the key, in one
/// buffer that is wiped once read.
fn identity(chain: &Pem, key: &Pem) -> Result<reqwest::Identity, Error> {
    let (chain_text, key_text) = (chain.read("client certificate")?, key.read("client key")?);
    let mut both = Zeroizing::new(Vec::with_capacity(chain_text.len() + key_text.len() + 1));
    both.extend_from_slice(&chain_text);
    both.push(b'\n');
    both.extend_from_slice(&key_text);
    reqwest::Identity::from_pem(&both).map_err(|_| {
        Error::config(format!(
            "the client certificate ({chain:?}) with the key ({key:?}): not a PEM certificate chain and a private key (RSA, SEC1 or PKCS#8)"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(options: &NetworkOptions) -> Result<reqwest::Client, Error> {
        crate::client::install_crypto_provider();
        options.apply(reqwest::Client::builder(), false)?.build().map_err(|e| Error::config(e.to_string()))
    }

    #[test]
    fn proxy_urls_are_checked_and_never_quoted_with_their_password() {
        for (url, why) in [
            ("socks5://u:hunter2@127.0.0.1:1080", "scheme"),
            ("http://u:hunter2@127.0.0.1:3128/path", "path"),
            ("http://u:hunter2@127.0.0.1:3128/?q=1", "query"),
            ("not a url hunter2", "invalid proxy URL"),
        ] {
            let mut options = NetworkOptions::default();
            options.proxy(Secret::new(url));
            let err = build(&options).expect_err(url);
            let text = err.to_string();
            assert_eq!(err.code(), "config", "{url}");
            assert!(text.contains(why), "{url}: {text}");
            assert!(!text.contains("hunter2"), "{url}: {text}");
            assert!(!format!("{options:?}").contains("hunter2"));
        }
        let mut options = NetworkOptions::default();
        options.proxy(Secret::new("https://user:hunter2@proxy.example:8443"));
        options.no_proxy("internal.example, 10.0.0.0/8".into());
        assert!(build(&options).is_ok());
        let shown = format!("{options:?}");
        assert!(shown.contains("https://***@proxy.example:8443") && !shown.contains("hunter2"), "{shown}");
    }

    #[test]
    fn certificates_that_are_not_pem_are_config_errors_naming_what() {
        let mut options = NetworkOptions::default();
        options.root_certificates(Pem::text("not a certificate"));
        let err = build(&options).unwrap_err();
        assert!(err.to_string().contains("root certificates (17 bytes of PEM)"), "{err}");

        let mut options = NetworkOptions::default();
        options.root_certificates(Pem::file("/nonexistent/ca.pem"));
        let err = build(&options).unwrap_err();
        assert!(err.to_string().contains("/nonexistent/ca.pem"), "{err}");

        let mut options = NetworkOptions::default();
        options.client_certificate(Pem::text("-----BEGIN CERTIFICATE-----\n"), Pem::text("key-hunter2"));
        let err = build(&options).unwrap_err();
        assert_eq!(err.code(), "config");
        assert!(err.to_string().contains("client certificate") && !err.to_string().contains("hunter2"), "{err}");
    }
}
