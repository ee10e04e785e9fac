//! The clients' network keywords: `proxy=`, `no_proxy=`, `ca_cert=`, `client_cert=` and
//! `client_key=`, read into the core's builder.

use std::path::PathBuf;

use infobip::{ClientBuilder, Error, Pem, Secret};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::errors::{invalid, to_py};

/// The network settings of a client, kept with its other settings (a forked child builds its
/// own connection pool from them).
#[derive(Clone, Default)]
pub(crate) struct Network {
    proxy: Option<Secret>,
    no_proxy: Option<String>,
    ca_cert: Option<Pem>,
    client_certificate: Option<(Pem, Pem)>,
}

impl Network {
    /// Reads the keywords; a certificate or key is a path (`str` or `os.PathLike`) or PEM
    /// `bytes`.
    pub(crate) fn new(
        py: Python<'_>,
        proxy: Option<String>,
        no_proxy: Option<String>,
        ca_cert: Option<&Bound<'_, PyAny>>,
        client_cert: Option<&Bound<'_, PyAny>>,
        client_key: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let client_certificate = match (pem(py, "client_cert", client_cert)?, pem(py, "client_key", client_key)?) {
            (Some(certificate), Some(key)) => Some((certificate, key)),
            (None, None) => None,
            _ => return Err(to_py(py, Error::config("client_cert= and client_key= go together"))),
        };
        Ok(Network {
            proxy: proxy.map(Secret::new),
            no_proxy,
            ca_cert: pem(py, "ca_cert", ca_cert)?,
            client_certificate,
        })
    }

    /// Adds the settings to `builder`.
    pub(crate) fn apply(&self, mut builder: ClientBuilder) -> ClientBuilder {
        if let Some(proxy) = &self.proxy {
            builder = builder.proxy(proxy.clone());
        }
        if let Some(list) = &self.no_proxy {
            builder = builder.no_proxy(list.as_str());
        }
        if let Some(pem) = &self.ca_cert {
            builder = builder.root_certificates(pem.clone());
        }
        if let Some((certificate, key)) = &self.client_certificate {
            builder = builder.client_certificate(certificate.clone(), key.clone());
        }
        builder
    }
}

fn pem(py: Python<'_>, name: &str, value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Pem>> {
    let Some(value) = value.filter(|v| !v.is_none()) else { return Ok(None) };
    if let Ok(bytes) = value.cast::<PyBytes>() {
        return Ok(Some(Pem::text(bytes.as_bytes())));
    }
    match value.extract::<PathBuf>() {
        Ok(path) => Ok(Some(Pem::file(path))),
        Err(_) => Err(invalid(py, name, "must be a path (str or os.PathLike) or PEM bytes")),
    }
}
