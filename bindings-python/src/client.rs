//! `infobip.Client` and `infobip.AsyncClient`: one native client, called blocking or awaited.

use std::future::Future;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use infobip::{Credentials, Error, Method, RequestOptions, SendTracker};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

use crate::call::{Awaiting, Blocking, Mode, awaitable_send, block_on_send};
use crate::convert::{query_text, to_json};
use crate::errors::{guard, invalid, to_py};
use crate::network::Network;
use crate::response::Response;
use crate::{logs, runtime};

/// What a client is built from, kept so that a forked child (or a use after `close()`) can
/// build its own connection pool.
#[derive(Clone)]
struct Settings {
    base_url: Option<String>,
    credentials: Option<Credentials>,
    timeout: Option<Duration>,
    connect_timeout: Option<Duration>,
    max_retries: Option<u32>,
    user_agent_suffix: Option<String>,
    max_response_bytes: Option<usize>,
    python_version: String,
    network: Network,
}

impl Settings {
    fn build(&self) -> Result<infobip::Client, Error> {
        let mut builder = infobip::Client::builder().runtime("python", &self.python_version);
        if let Some(url) = &self.base_url {
            builder = builder.base_url(url);
        }
        if let Some(credentials) = &self.credentials {
            builder = builder.credentials(credentials.clone());
        }
        if let Some(timeout) = self.timeout {
            builder = builder.timeout(Some(timeout));
        }
        if let Some(timeout) = self.connect_timeout {
            builder = builder.connect_timeout(timeout);
        }
        if let Some(retries) = self.max_retries {
            builder = builder.max_retries(retries);
        }
        if let Some(suffix) = &self.user_agent_suffix {
            builder = builder.user_agent_suffix(suffix);
        }
        if let Some(bytes) = self.max_response_bytes {
            builder = builder.max_response_bytes(bytes);
        }
        self.network.apply(builder).env().build()
    }
}

/// The core client of this process, shared by a client and every `with_options` copy of it.
struct Native {
    settings: Settings,
    /// The process id the core client was built in, and the client; `None` after `close()`.
    built: Mutex<Option<(u32, infobip::Client)>>,
}

impl Native {
    fn new(settings: Settings) -> Result<Self, Error> {
        let client = settings.build()?;
        Ok(Native { settings, built: Mutex::new(Some((std::process::id(), client))) })
    }

    /// The core client, built again when this is a forked child or the client was closed.
    fn client(&self) -> Result<infobip::Client, Error> {
        let pid = std::process::id();
        let mut built = self.built.lock().unwrap_or_else(PoisonError::into_inner);
        match &*built {
            Some((owner, client)) if *owner == pid => Ok(client.clone()),
            _ => {
                let client = self.settings.build()?;
                *built = Some((pid, client.clone()));
                Ok(client)
            }
        }
    }

    /// Takes the core client out, so its connections close once calls in flight end.
    fn take(&self) -> Option<infobip::Client> {
        let pid = std::process::id();
        let taken = self.built.lock().unwrap_or_else(PoisonError::into_inner).take();
        taken.filter(|(owner, _)| *owner == pid).map(|(_, client)| client)
    }
}

/// A client handle: the shared native client and the options of this handle's calls.
#[derive(Clone)]
pub(crate) struct Handle {
    native: Arc<Native>,
    options: RequestOptions,
}

/// The constructor's keyword arguments, shared by both clients.
struct Args<'py> {
    base_url: Option<String>,
    api_key: Option<String>,
    username: Option<String>,
    password: Option<String>,
    ibsso: bool,
    client_id: Option<String>,
    client_secret: Option<String>,
    timeout: Option<f64>,
    connect_timeout: Option<f64>,
    max_retries: Option<u32>,
    user_agent_suffix: Option<String>,
    network: Network,
    max_response_bytes: Option<usize>,
    validate: Option<bool>,
    py: Python<'py>,
}

impl Handle {
    fn new(args: Args<'_>) -> PyResult<Self> {
        let py = args.py;
        logs::refresh(py);
        let credentials = credentials(&args).map_err(|e| to_py(py, e))?;
        let settings = Settings {
            base_url: args.base_url,
            credentials,
            timeout: seconds(py, "timeout", args.timeout)?,
            connect_timeout: seconds(py, "connect_timeout", args.connect_timeout)?,
            max_retries: args.max_retries,
            user_agent_suffix: args.user_agent_suffix,
            max_response_bytes: args.max_response_bytes,
            python_version: python_version(py),
            network: args.network,
        };
        let native = Native::new(settings).map_err(|e| to_py(py, e))?;
        let mut options = RequestOptions::new();
        if let Some(validate) = args.validate {
            options = options.validate(validate);
        }
        Ok(Handle { native: Arc::new(native), options })
    }

    fn with_options(
        &self,
        py: Python<'_>,
        timeout: Option<f64>,
        max_retries: Option<&Bound<'_, PyAny>>,
        validate: Option<bool>,
    ) -> PyResult<Self> {
        let max_retries = count::<u32>(py, "max_retries", max_retries, u64::from(u32::MAX))?;
        let mut options = self.options.clone();
        if let Some(validate) = validate {
            options = options.validate(validate);
        }
        if let Some(timeout) = seconds(py, "timeout", timeout)? {
            options = options.timeout(timeout);
        }
        if let Some(retries) = max_retries {
            options = options.max_retries(retries);
        }
        Ok(Handle { native: self.native.clone(), options })
    }

    /// Whether a call checks its arguments against the spec: the call's own choice, else this
    /// handle's (on unless `validate=False`).
    pub(crate) fn validates(&self, call: Option<bool>) -> bool {
        call.unwrap_or(self.options.validate != Some(false))
    }

    /// The core client of this process, with this handle's call options.
    pub(crate) fn core(&self, py: Python<'_>) -> PyResult<infobip::Client> {
        logs::refresh(py);
        let client = self.native.client().map_err(|e| to_py(py, e))?;
        Ok(client.with_options(self.options.clone()))
    }

    /// [`core`](Handle::core) for a call that may send messages, with the tracker that follows it.
    pub(crate) fn core_tracked(&self, py: Python<'_>) -> PyResult<(infobip::Client, SendTracker)> {
        let tracker = SendTracker::new();
        let client = self.core(py)?.with_options(RequestOptions::new().tracker(tracker.clone()));
        Ok((client, tracker))
    }

    /// Converts the arguments of a raw request (with the GIL) into a future that sends it.
    fn request(
        &self,
        py: Python<'_>,
        method: &str,
        path: String,
        query: Option<&Bound<'_, PyDict>>,
        json: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<(impl Future<Output = Result<infobip::Response, Error>> + Send + 'static, SendTracker)> {
        let method = Method::from_bytes(method.to_ascii_uppercase().as_bytes())
            .map_err(|_| invalid(py, "method", format!("{method:?} is not an HTTP method")))?;
        let mut pairs: Vec<(String, Vec<String>)> = Vec::new();
        if let Some(query) = query {
            for (name, value) in query.iter() {
                let name: String = name.extract().map_err(|_| invalid(py, "query", "names must be strings"))?;
                let path = format!("query.{name}");
                let values = if value.cast::<PyList>().is_ok() || value.cast::<PyTuple>().is_ok() {
                    value.try_iter()?.map(|v| query_text(&v?, &path)).collect::<PyResult<Vec<_>>>()?
                } else if value.is_none() {
                    continue;
                } else {
                    vec![query_text(&value, &path)?]
                };
                pairs.push((name, values));
            }
        }
        let body = json.map(|json| to_json(json, "json")).transpose()?;
        let (client, tracker) = self.core_tracked(py)?;
        let future = async move {
            let mut request = client.request(method, path);
            for (name, values) in &pairs {
                request = request.query_list(name, values);
            }
            if let Some(body) = &body {
                request = request.json(body);
            }
            request.send().await
        };
        Ok((future, tracker))
    }

    /// Converts the arguments of `call` (with the GIL) into a future that calls the operation.
    fn call(
        &self,
        py: Python<'_>,
        operation_id: String,
        path: Option<&Bound<'_, PyDict>>,
        query: Option<&Bound<'_, PyDict>>,
        headers: Option<&Bound<'_, PyDict>>,
        body: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<(impl Future<Output = Result<infobip::Response, Error>> + Send + 'static, SendTracker)> {
        let params = crate::catalog::params(py, path, query, headers, body)?;
        let (client, tracker) = self.core_tracked(py)?;
        let future = async move {
            let answer = client.call(&operation_id, params).await?;
            Ok(infobip::Response {
                status: answer.status,
                headers: answer.headers,
                body: answer.raw,
                request_id: answer.request_id,
                attempts: answer.attempts,
                sent: None,
            })
        };
        Ok((future, tracker))
    }

    fn close(&self) -> impl Future<Output = Result<(), Error>> + Send + 'static {
        let client = self.native.take();
        async move {
            match client {
                Some(client) => client.close().await,
                None => Ok(()),
            }
        }
    }

    fn repr(&self, class: &str) -> String {
        let settings = &self.native.settings;
        let base_url = self
            .native
            .built
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
            .map(|(_, c)| c.base_url().to_string())
            .or_else(|| settings.base_url.clone())
            .unwrap_or_default();
        let auth = settings.credentials.as_ref().map_or("from environment", Credentials::scheme);
        format!("<infobip.{class} base_url={base_url:?} auth={auth:?}>")
    }
}

fn credentials(args: &Args<'_>) -> Result<Option<Credentials>, Error> {
    let some = |v: &Option<String>| v.is_some();
    let basic = some(&args.username) || some(&args.password);
    let oauth = some(&args.client_id) || some(&args.client_secret);
    let schemes = usize::from(some(&args.api_key)) + usize::from(basic) + usize::from(oauth);
    if schemes > 1 {
        return Err(Error::config(
            "give one kind of credentials: api_key=, or username= and password= (Basic, or IBSSO with ibsso=True), \
             or client_id= and client_secret= (OAuth2)",
        ));
    }
    if args.ibsso && !basic {
        return Err(Error::config("ibsso=True needs username= and password="));
    }
    Ok(match (&args.api_key, &args.username, &args.password, &args.client_id, &args.client_secret) {
        (Some(key), ..) => Some(Credentials::ApiKey(key.clone().into())),
        (_, Some(user), Some(password), ..) if args.ibsso => {
            Some(Credentials::Ibsso { username: user.clone(), password: password.clone().into() })
        }
        (_, Some(user), Some(password), ..) => {
            Some(Credentials::Basic { username: user.clone(), password: password.clone().into() })
        }
        (.., Some(id), Some(secret)) => {
            Some(Credentials::OAuth2 { client_id: id.clone(), client_secret: secret.clone().into() })
        }
        _ if basic => return Err(Error::config("Basic and IBSSO need both username= and password=")),
        _ if oauth => return Err(Error::config("OAuth2 needs both client_id= and client_secret=")),
        _ => None,
    })
}

/// A whole number from 0 to `max` for option `name`; anything else (a bool, a float, a negative
/// or larger number) is a `ConfigurationError` naming the option.
fn count<T: TryFrom<u64>>(
    py: Python<'_>,
    name: &str,
    value: Option<&Bound<'_, PyAny>>,
    max: u64,
) -> PyResult<Option<T>> {
    let Some(value) = value.filter(|v| !v.is_none()) else { return Ok(None) };
    let refuse = || to_py(py, Error::config(format!("{name} must be a whole number from 0 to {max}")));
    if value.cast::<pyo3::types::PyBool>().is_ok() || value.cast::<pyo3::types::PyInt>().is_err() {
        return Err(refuse());
    }
    let n: u64 = value.extract().map_err(|_| refuse())?;
    if n > max {
        return Err(refuse());
    }
    T::try_from(n).map(Some).map_err(|_| refuse())
}

/// Seconds as a duration; negative, NaN, infinite or huge values are a `ConfigurationError`
/// naming `name`.
fn seconds(py: Python<'_>, name: &str, value: Option<f64>) -> PyResult<Option<Duration>> {
    value.map(|s| infobip::config::seconds(name, s).map_err(|e| to_py(py, e))).transpose()
}

fn python_version(py: Python<'_>) -> String {
    let v = py.version_info();
    format!("{}.{}.{}", v.major, v.minor, v.patch)
}

/// The native part of `infobip.Client` (which adds the namespaces). Calls release the GIL
/// while they wait.
#[pyclass(module = "infobip", subclass, frozen)]
pub(crate) struct Client {
    pub(crate) handle: Handle,
}

/// The native part of `infobip.AsyncClient`. Calls return awaitables; cancelling one aborts its
/// request.
#[pyclass(module = "infobip", subclass, frozen)]
pub(crate) struct AsyncClient {
    pub(crate) handle: Handle,
}

/// A handle passed from `with_options` to the constructor of the caller's own class (the
/// Python `Client` is a subclass), so the copy shares the connections.
#[pyclass(module = "infobip._native", name = "_Shared", frozen)]
pub(crate) struct Shared {
    handle: Handle,
}

/// An instance of `class` (a client class or a subclass of it) holding `handle`.
fn shared<'py>(class: Bound<'py, pyo3::types::PyType>, handle: Handle) -> PyResult<Bound<'py, PyAny>> {
    let py = class.py();
    let kwargs = PyDict::new(py);
    kwargs.set_item("_share", Py::new(py, Shared { handle })?)?;
    class.call((), Some(&kwargs))
}

macro_rules! client {
    ($name:ident) => {
        impl $name {
            #[allow(clippy::too_many_arguments)]
            fn build(
                py: Python<'_>,
                base_url: Option<String>,
                api_key: Option<String>,
                username: Option<String>,
                password: Option<String>,
                ibsso: bool,
                client_id: Option<String>,
                client_secret: Option<String>,
                timeout: Option<f64>,
                connect_timeout: Option<f64>,
                max_retries: Option<&Bound<'_, PyAny>>,
                user_agent_suffix: Option<String>,
                proxy: Option<String>,
                no_proxy: Option<String>,
                ca_cert: Option<Bound<'_, PyAny>>,
                client_cert: Option<Bound<'_, PyAny>>,
                client_key: Option<Bound<'_, PyAny>>,
                max_response_bytes: Option<&Bound<'_, PyAny>>,
                validate: Option<bool>,
                share: Option<PyRef<'_, Shared>>,
            ) -> PyResult<Self> {
                if let Some(share) = share {
                    return Ok($name { handle: share.handle.clone() });
                }
                let network =
                    Network::new(py, proxy, no_proxy, ca_cert.as_ref(), client_cert.as_ref(), client_key.as_ref())?;
                let max_retries = count::<u32>(py, "max_retries", max_retries, u64::from(u32::MAX))?;
                let max_response_bytes =
                    count::<usize>(py, "max_response_bytes", max_response_bytes, u64::from(u32::MAX))?;
                let args = Args {
                    base_url,
                    api_key,
                    username,
                    password,
                    ibsso,
                    client_id,
                    client_secret,
                    timeout,
                    connect_timeout,
                    max_retries,
                    user_agent_suffix,
                    network,
                    max_response_bytes,
                    validate,
                    py,
                };
                Ok($name { handle: guard(py, || Handle::new(args))? })
            }
        }
    };
}

client!(Client);
client!(AsyncClient);

#[pymethods]
impl Client {
    #[new]
    #[pyo3(signature = (base_url=None, *, api_key=None, username=None, password=None, ibsso=false,
        client_id=None, client_secret=None, timeout=None, connect_timeout=None, max_retries=None,
        user_agent_suffix=None, proxy=None, no_proxy=None, ca_cert=None, client_cert=None, client_key=None, max_response_bytes=None, validate=None, _share=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        base_url: Option<String>,
        api_key: Option<String>,
        username: Option<String>,
        password: Option<String>,
        ibsso: bool,
        client_id: Option<String>,
        client_secret: Option<String>,
        timeout: Option<f64>,
        connect_timeout: Option<f64>,
        max_retries: Option<&Bound<'_, PyAny>>,
        user_agent_suffix: Option<String>,
        proxy: Option<String>,
        no_proxy: Option<String>,
        ca_cert: Option<Bound<'_, PyAny>>,
        client_cert: Option<Bound<'_, PyAny>>,
        client_key: Option<Bound<'_, PyAny>>,
        max_response_bytes: Option<&Bound<'_, PyAny>>,
        validate: Option<bool>,
        _share: Option<PyRef<'_, Shared>>,
    ) -> PyResult<Self> {
        Self::build(
            py,
            base_url,
            api_key,
            username,
            password,
            ibsso,
            client_id,
            client_secret,
            timeout,
            connect_timeout,
            max_retries,
            user_agent_suffix,
            proxy,
            no_proxy,
            ca_cert,
            client_cert,
            client_key,
            max_response_bytes,
            validate,
            _share,
        )
    }

    /// A client of the same class sharing this one's connections, with other per-call options.
    #[pyo3(signature = (*, timeout=None, max_retries=None, validate=None))]
    fn with_options<'py>(
        slf: &Bound<'py, Self>,
        timeout: Option<f64>,
        max_retries: Option<&Bound<'py, PyAny>>,
        validate: Option<bool>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let handle = slf.get().handle.with_options(slf.py(), timeout, max_retries, validate)?;
        shared(slf.get_type(), handle)
    }

    /// Sends a request to any endpoint; `json` is sent as the body without key conversion.
    #[pyo3(signature = (method, path, *, query=None, json=None))]
    fn request(
        &self,
        py: Python<'_>,
        method: &str,
        path: String,
        query: Option<&Bound<'_, PyDict>>,
        json: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Response> {
        let (call, tracker) = self.handle.request(py, method, path, query, json)?;
        block_on_send(py, &tracker, call)?.map(Response::from).map_err(|e| to_py(py, e))
    }

    /// Calls any operation of the spec by its id (`infobip.operations()` lists them), with path,
    /// query and header parameters and a JSON body as the API names them; checked against the
    /// spec before sending.
    #[pyo3(signature = (operation_id, *, path=None, query=None, headers=None, body=None))]
    fn call(
        &self,
        py: Python<'_>,
        operation_id: String,
        path: Option<&Bound<'_, PyDict>>,
        query: Option<&Bound<'_, PyDict>>,
        headers: Option<&Bound<'_, PyDict>>,
        body: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Response> {
        let (call, tracker) = self.handle.call(py, operation_id, path, query, headers, body)?;
        block_on_send(py, &tracker, call)?.map(Response::from).map_err(|e| to_py(py, e))
    }

    /// Ends an IBSSO session and releases the connections. Using the client afterwards opens
    /// new ones.
    fn close(&self, py: Python<'_>) -> PyResult<()> {
        Blocking::finish(py, self.handle.close()).map(drop)
    }

    fn __enter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    #[pyo3(signature = (*_exc))]
    fn __exit__(&self, py: Python<'_>, _exc: &Bound<'_, PyTuple>) -> PyResult<()> {
        self.close(py)
    }

    fn __repr__(&self) -> String {
        self.handle.repr("Client")
    }
}

#[pymethods]
impl AsyncClient {
    #[new]
    #[pyo3(signature = (base_url=None, *, api_key=None, username=None, password=None, ibsso=false,
        client_id=None, client_secret=None, timeout=None, connect_timeout=None, max_retries=None,
        user_agent_suffix=None, proxy=None, no_proxy=None, ca_cert=None, client_cert=None, client_key=None, max_response_bytes=None, validate=None, _share=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        base_url: Option<String>,
        api_key: Option<String>,
        username: Option<String>,
        password: Option<String>,
        ibsso: bool,
        client_id: Option<String>,
        client_secret: Option<String>,
        timeout: Option<f64>,
        connect_timeout: Option<f64>,
        max_retries: Option<&Bound<'_, PyAny>>,
        user_agent_suffix: Option<String>,
        proxy: Option<String>,
        no_proxy: Option<String>,
        ca_cert: Option<Bound<'_, PyAny>>,
        client_cert: Option<Bound<'_, PyAny>>,
        client_key: Option<Bound<'_, PyAny>>,
        max_response_bytes: Option<&Bound<'_, PyAny>>,
        validate: Option<bool>,
        _share: Option<PyRef<'_, Shared>>,
    ) -> PyResult<Self> {
        Self::build(
            py,
            base_url,
            api_key,
            username,
            password,
            ibsso,
            client_id,
            client_secret,
            timeout,
            connect_timeout,
            max_retries,
            user_agent_suffix,
            proxy,
            no_proxy,
            ca_cert,
            client_cert,
            client_key,
            max_response_bytes,
            validate,
            _share,
        )
    }

    /// A client of the same class sharing this one's connections, with other per-call options.
    #[pyo3(signature = (*, timeout=None, max_retries=None, validate=None))]
    fn with_options<'py>(
        slf: &Bound<'py, Self>,
        timeout: Option<f64>,
        max_retries: Option<&Bound<'py, PyAny>>,
        validate: Option<bool>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let handle = slf.get().handle.with_options(slf.py(), timeout, max_retries, validate)?;
        shared(slf.get_type(), handle)
    }

    /// Sends a request to any endpoint; `json` is sent as the body without key conversion.
    #[pyo3(signature = (method, path, *, query=None, json=None))]
    fn request<'py>(
        &self,
        py: Python<'py>,
        method: &str,
        path: String,
        query: Option<&Bound<'_, PyDict>>,
        json: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (call, tracker) = self.handle.request(py, method, path, query, json)?;
        awaitable_send(py, tracker, async move { call.await.map(Response::from) })
    }

    /// Calls any operation of the spec by its id (see `Client.call`).
    #[pyo3(signature = (operation_id, *, path=None, query=None, headers=None, body=None))]
    fn call<'py>(
        &self,
        py: Python<'py>,
        operation_id: String,
        path: Option<&Bound<'_, PyDict>>,
        query: Option<&Bound<'_, PyDict>>,
        headers: Option<&Bound<'_, PyDict>>,
        body: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (call, tracker) = self.handle.call(py, operation_id, path, query, headers, body)?;
        awaitable_send(py, tracker, async move { call.await.map(Response::from) })
    }

    /// Ends an IBSSO session and releases the connections. Using the client afterwards opens
    /// new ones.
    fn close<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let close = self.handle.close();
        Awaiting::finish(py, close)
    }

    fn __aenter__<'py>(slf: Py<Self>, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        runtime::awaitable(py, async move { Ok(slf) })
    }

    #[pyo3(signature = (*_exc))]
    fn __aexit__<'py>(&self, py: Python<'py>, _exc: &Bound<'_, PyTuple>) -> PyResult<Bound<'py, PyAny>> {
        self.close(py)
    }

    fn __repr__(&self) -> String {
        self.handle.repr("AsyncClient")
    }
}
