//! `client.sms`: the typed SMS API of the core, for both clients.

use std::pin::Pin;
use std::sync::Arc;

use infobip::Error;
use infobip::sms::{
    LogsFilter, ReportsFilter, SendOptions, SendQuery, SmsLog, SmsMessage, SmsRequest, Stream, StreamExt,
};
use pyo3::exceptions::PyStopAsyncIteration;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

use crate::call::{Awaiting, Blocking, Mode};
use crate::client::{AsyncClient, Client, Handle};
use crate::convert::datetime;
use crate::errors::{Outcome, invalid};
use crate::model::{Typed, from_python};
use crate::namespace::{AsyncNamespace, Namespace};
use crate::runtime;

/// One or several strings: `"a"` or `["a", "b"]`.
fn strings(value: Option<&Bound<'_, PyAny>>, name: &str) -> PyResult<Vec<String>> {
    let Some(value) = value else { return Ok(Vec::new()) };
    if let Ok(text) = value.cast::<PyString>() {
        return Ok(vec![text.to_cow()?.into_owned()]);
    }
    if value.cast::<PyList>().is_ok() || value.cast::<PyTuple>().is_ok() {
        return value
            .try_iter()?
            .enumerate()
            .map(|(i, item)| {
                item?.extract::<String>().map_err(|_| invalid(value.py(), format!("{name}[{i}]"), "must be a str"))
            })
            .collect();
    }
    Err(invalid(value.py(), name, "must be a str or a list of str"))
}

/// The request of `send`: either the one-line form or `messages=`, with optional `options=`.
fn send_request(
    py: Python<'_>,
    to: Option<&Bound<'_, PyAny>>,
    text: Option<String>,
    sender: Option<String>,
    messages: Option<&Bound<'_, PyAny>>,
    options: Option<&Bound<'_, PyAny>>,
) -> PyResult<SmsRequest> {
    let mut request = match messages {
        Some(messages) => {
            if to.is_some() || text.is_some() || sender.is_some() {
                return Err(invalid(py, "messages", "give either messages= or to=/text=/sender=, not both"));
            }
            SmsRequest { messages: from_python(messages, "messages")?, options: None }
        }
        None => {
            let to = strings(to, "to")?;
            let (Some(text), false) = (text, to.is_empty()) else {
                return Err(invalid(py, "to", "give to= and text= (or messages=)"));
            };
            let mut message = SmsMessage::text(text);
            for destination in to {
                message = message.to(destination);
            }
            let mut request = SmsRequest::new().message(message);
            if let Some(sender) = sender {
                request = request.sender(sender);
            }
            request
        }
    };
    if let Some(options) = options {
        request.options = Some(from_python::<SendOptions>(options, "options")?);
    }
    Ok(request)
}

type LogStream = Pin<Box<dyn Stream<Item = Result<SmsLog, Error>> + Send>>;

/// The logs of `client.sms.logs(...)`: iterate it (`for`, or `async for` with the async
/// client); pages are fetched by cursor as the iteration goes.
#[pyclass(module = "infobip", frozen)]
pub(crate) struct SmsLogs {
    stream: Arc<tokio::sync::Mutex<LogStream>>,
}

#[pymethods]
impl SmsLogs {
    fn __iter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __next__<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let stream = self.stream.clone();
        match runtime::block_on(py, async move { stream.lock().await.next().await })? {
            None => Ok(None),
            Some(item) => Outcome(item.map(|log| Typed::new(log, "SmsLog"))).into_pyobject(py).map(Some),
        }
    }

    fn __aiter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __anext__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let stream = self.stream.clone();
        runtime::awaitable(py, async move {
            match stream.lock().await.next().await {
                None => Err(PyStopAsyncIteration::new_err(())),
                Some(item) => Ok(Outcome(item.map(|log| Typed::new(log, "SmsLog")))),
            }
        })
    }
}

fn reports_filter(
    bulk_id: Option<String>,
    message_id: Option<String>,
    limit: Option<u32>,
    entity_id: Option<String>,
    application_id: Option<String>,
    campaign_reference_id: Option<String>,
) -> ReportsFilter {
    let mut filter = ReportsFilter::new();
    filter.bulk_id = bulk_id;
    filter.message_id = message_id;
    filter.limit = limit;
    filter.entity_id = entity_id;
    filter.application_id = application_id;
    filter.campaign_reference_id = campaign_reference_id;
    filter
}

macro_rules! sms_namespace {
    ($(#[$doc:meta])* $name:ident, $mode:ty, $base:ident, $client:ty) => {
        $(#[$doc])*
        #[pyclass(module = "infobip", extends = $base, subclass, frozen)]
        pub(crate) struct $name {
            pub(crate) handle: Handle,
        }

        #[pymethods]
        impl $name {
            /// The namespace of `client` (the generated class of this namespace extends it).
            #[new]
            fn new(client: PyRef<'_, $client>) -> PyClassInitializer<$name> {
                let base = $base::of(&client);
                let handle = base.handle.clone();
                PyClassInitializer::from(base).add_subclass($name { handle })
            }

            /// Sends messages (`POST /sms/3/messages`): `to=`, `text=`, `sender=` for one text, or
            /// `messages=[...]`; `options=` for the whole request. Bulk and message ids are
            /// assigned when not given, so an `OutcomeUnknownError` can name them.
            #[pyo3(signature = (*, to=None, text=None, sender=None, messages=None, options=None))]
            fn send<'py>(
                &self,
                py: Python<'py>,
                to: Option<&Bound<'_, PyAny>>,
                text: Option<String>,
                sender: Option<String>,
                messages: Option<&Bound<'_, PyAny>>,
                options: Option<&Bound<'_, PyAny>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let request = send_request(py, to, text, sender, messages, options)?;
                let (client, tracker) = self.handle.core_tracked(py)?;
                <$mode>::finish_send(py, tracker, async move {
                    let sent = client.sms().send(request).await?;
                    let request_id = sent.request_id.clone();
                    Ok(Typed::new(sent, "SendResponse").with_request_id(request_id))
                })
            }

            /// Sends one text over query parameters (`GET /sms/3/text/query`): `to=` (a str or a
            /// list), `text=`, and the endpoint's other parameters in snake_case (`from_=`,
            /// `send_at=`, `notify_url=`, ...). A bulk id is assigned when none is given.
            #[pyo3(signature = (*, to, text, **fields))]
            fn send_query<'py>(
                &self,
                py: Python<'py>,
                to: &Bound<'_, PyAny>,
                text: String,
                fields: Option<&Bound<'_, PyDict>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let mut query: SendQuery = match fields {
                    Some(fields) => from_python(fields.as_any(), "")?,
                    None => SendQuery::default(),
                };
                query.to = strings(Some(to), "to")?;
                query.text = text;
                let (client, tracker) = self.handle.core_tracked(py)?;
                <$mode>::finish_send(py, tracker, async move {
                    let sent = client.sms().send_query(query).await?;
                    let request_id = sent.request_id.clone();
                    Ok(Typed::new(sent, "SendResponse").with_request_id(request_id))
                })
            }

            /// How a text is split into SMS (`POST /sms/1/preview`).
            #[pyo3(signature = (text, *, language_code=None, transliteration=None))]
            fn preview<'py>(
                &self,
                py: Python<'py>,
                text: String,
                language_code: Option<&Bound<'_, PyAny>>,
                transliteration: Option<&Bound<'_, PyAny>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let mut request = infobip::sms::PreviewRequest::new(text);
                if let Some(code) = language_code {
                    request.language_code = Some(from_python(code, "language_code")?);
                }
                if let Some(value) = transliteration {
                    request.transliteration = Some(from_python(value, "transliteration")?);
                }
                let client = self.handle.core(py)?;
                <$mode>::finish(py, async move {
                    Ok(Typed::new(client.sms().preview(&request).await?, "PreviewResponse"))
                })
            }

            /// Pulls delivery reports (`GET /sms/3/reports`). Consume-once: a report pulled
            /// here is not returned again; use `logs()` to look messages up repeatedly.
            #[pyo3(signature = (*, bulk_id=None, message_id=None, limit=None, entity_id=None, application_id=None,
                campaign_reference_id=None))]
            #[allow(clippy::too_many_arguments)]
            fn delivery_reports<'py>(
                &self,
                py: Python<'py>,
                bulk_id: Option<String>,
                message_id: Option<String>,
                limit: Option<u32>,
                entity_id: Option<String>,
                application_id: Option<String>,
                campaign_reference_id: Option<String>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let filter =
                    reports_filter(bulk_id, message_id, limit, entity_id, application_id, campaign_reference_id);
                let client = self.handle.core(py)?;
                <$mode>::finish(py, async move {
                    Ok(Typed::new(client.sms().delivery_reports(&filter).await?, "DeliveryReports"))
                })
            }

            /// Every log matching the filter (`GET /sms/3/logs`), fetched page by page by cursor
            /// while iterating; `max_results` stops early. Logs cover the last 48 hours.
            #[pyo3(signature = (*, bulk_id=None, message_id=None, sender=None, destination=None, mcc=None,
                mnc=None, general_status=None, sent_since=None, sent_until=None, limit=None, entity_id=None,
                application_id=None, campaign_reference_id=None, max_results=None))]
            #[allow(clippy::too_many_arguments)]
            fn logs(
                &self,
                py: Python<'_>,
                bulk_id: Option<&Bound<'_, PyAny>>,
                message_id: Option<&Bound<'_, PyAny>>,
                sender: Option<String>,
                destination: Option<String>,
                mcc: Option<String>,
                mnc: Option<String>,
                general_status: Option<&Bound<'_, PyAny>>,
                sent_since: Option<&Bound<'_, PyAny>>,
                sent_until: Option<&Bound<'_, PyAny>>,
                limit: Option<u32>,
                entity_id: Option<String>,
                application_id: Option<String>,
                campaign_reference_id: Option<&Bound<'_, PyAny>>,
                max_results: Option<usize>,
            ) -> PyResult<SmsLogs> {
                let mut filter = LogsFilter::new();
                filter.bulk_ids = strings(bulk_id, "bulk_id")?;
                filter.message_ids = strings(message_id, "message_id")?;
                filter.sender = sender;
                filter.destination = destination;
                filter.mcc = mcc;
                filter.mnc = mnc;
                filter.general_status = general_status.map(|g| from_python(g, "general_status")).transpose()?;
                filter.sent_since = sent_since.map(|t| datetime(t, "sent_since")).transpose()?;
                filter.sent_until = sent_until.map(|t| datetime(t, "sent_until")).transpose()?;
                filter.limit = limit;
                filter.entity_id = entity_id;
                filter.application_id = application_id;
                filter.campaign_reference_ids = strings(campaign_reference_id, "campaign_reference_id")?;
                filter.max_results = max_results;
                let client = self.handle.core(py)?;
                let stream: LogStream = Box::pin(client.sms().logs(filter));
                Ok(SmsLogs { stream: Arc::new(tokio::sync::Mutex::new(stream)) })
            }

            /// Pulls inbound messages (`GET /sms/1/inbox/reports`); consume-once.
            #[pyo3(signature = (*, limit=None))]
            fn inbound<'py>(&self, py: Python<'py>, limit: Option<u32>) -> PyResult<Bound<'py, PyAny>> {
                let client = self.handle.core(py)?;
                <$mode>::finish(py, async move {
                    Ok(Typed::new(client.sms().inbound(limit).await?, "InboundMessages"))
                })
            }

            /// When a scheduled bulk is sent (`GET /sms/1/bulks`).
            fn bulk_schedule<'py>(&self, py: Python<'py>, bulk_id: String) -> PyResult<Bound<'py, PyAny>> {
                let client = self.handle.core(py)?;
                <$mode>::finish(py, async move {
                    Ok(Typed::new(client.sms().bulk_schedule(&bulk_id).await?, "BulkSchedule"))
                })
            }

            /// Moves a scheduled bulk to `send_at`, an aware datetime (`PUT /sms/1/bulks`).
            fn reschedule_bulk<'py>(
                &self,
                py: Python<'py>,
                bulk_id: String,
                send_at: &Bound<'_, PyAny>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let send_at = datetime(send_at, "send_at")?;
                let client = self.handle.core(py)?;
                <$mode>::finish(py, async move {
                    Ok(Typed::new(client.sms().reschedule_bulk(&bulk_id, send_at).await?, "BulkSchedule"))
                })
            }

            /// The state of a scheduled bulk (`GET /sms/1/bulks/status`).
            fn bulk_status<'py>(&self, py: Python<'py>, bulk_id: String) -> PyResult<Bound<'py, PyAny>> {
                let client = self.handle.core(py)?;
                <$mode>::finish(py, async move {
                    Ok(Typed::new(client.sms().bulk_status(&bulk_id).await?, "BulkStatusInfo"))
                })
            }

            /// Pauses a scheduled bulk.
            fn pause_bulk<'py>(&self, py: Python<'py>, bulk_id: String) -> PyResult<Bound<'py, PyAny>> {
                let client = self.handle.core(py)?;
                <$mode>::finish(py, async move {
                    Ok(Typed::new(client.sms().pause_bulk(&bulk_id).await?, "BulkStatusInfo"))
                })
            }

            /// Resumes a paused bulk.
            fn resume_bulk<'py>(&self, py: Python<'py>, bulk_id: String) -> PyResult<Bound<'py, PyAny>> {
                let client = self.handle.core(py)?;
                <$mode>::finish(py, async move {
                    Ok(Typed::new(client.sms().resume_bulk(&bulk_id).await?, "BulkStatusInfo"))
                })
            }

            /// Cancels a scheduled bulk.
            fn cancel_bulk<'py>(&self, py: Python<'py>, bulk_id: String) -> PyResult<Bound<'py, PyAny>> {
                let client = self.handle.core(py)?;
                <$mode>::finish(py, async move {
                    Ok(Typed::new(client.sms().cancel_bulk(&bulk_id).await?, "BulkStatusInfo"))
                })
            }
        }
    };
}

sms_namespace!(
    /// The SMS API of a `Client` (blocking calls).
    Sms,
    Blocking,
    Namespace,
    Client
);
sms_namespace!(
    /// The SMS API of an `AsyncClient` (awaitable calls).
    AsyncSms,
    Awaiting,
    AsyncNamespace,
    AsyncClient
);
