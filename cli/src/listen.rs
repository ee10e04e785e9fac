//! `infobip webhooks listen`: core's webhook receiver on 127.0.0.1, printing each push.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use infobip::Secret;
use infobip::webhooks::HmacAlgorithm;
use infobip::webhooks::receiver::{self, Push, Verification};
use serde_json::json;
use tokio::sync::Notify;

use crate::args::{Global, ListenArgs};
use crate::exit::CliError;
use crate::output::cell;

fn verification(args: &ListenArgs) -> Result<Verification, CliError> {
    if let Some(basic) = &args.basic {
        let (user, password) = basic
            .split_once(':')
            .filter(|(u, _)| !u.is_empty())
            .ok_or_else(|| CliError::usage("--basic: expected USER:PASSWORD"))?;
        return Ok(Verification::Basic { username: user.to_owned(), password: Secret::new(password) });
    }
    if let Some(secret) = &args.hmac_secret {
        let algorithm = HmacAlgorithm::from_name(&args.hmac_algorithm)
            .map_err(|e| CliError::usage(format!("--hmac-algorithm: {e}")))?;
        return Ok(Verification::Hmac {
            header: args.hmac_header.clone(),
            secret: Secret::new(secret.as_str()),
            algorithm,
        });
    }
    Ok(Verification::None)
}

/// One printed line: `{"type": kind, "data": item}` as JSON, or the readable `human` text.
fn line<T: serde::Serialize>(as_json: bool, kind: &str, item: &T, human: impl FnOnce() -> String) -> String {
    if as_json {
        json!({"type": kind, "data": serde_json::to_value(item).unwrap_or_default()}).to_string()
    } else {
        human()
    }
}

/// The lines printed for one push: JSON lines, or one readable line per item.
fn lines(push: &Push, as_json: bool) -> Vec<String> {
    match push {
        Push::DeliveryReports(reports) => reports
            .iter()
            .map(|r| {
                line(as_json, "delivery_report", r, || {
                    format!(
                        "delivery report  {}  to {}  {}{}",
                        cell(r.message_id.as_deref()),
                        cell(r.to.as_deref()),
                        cell(r.status.as_ref().and_then(|s| s.name.clone())),
                        r.error.as_ref().and_then(|e| e.name.clone()).map(|e| format!(" ({e})")).unwrap_or_default()
                    )
                })
            })
            .collect(),
        Push::Inbound(messages) => messages
            .results
            .iter()
            .map(|m| {
                line(as_json, "inbound", m, || {
                    format!(
                        "inbound  {}  from {} to {}: {}",
                        cell(m.message_id.as_deref()),
                        cell(m.from.as_deref()),
                        cell(m.to.as_deref()),
                        cell(m.text.as_deref())
                    )
                })
            })
            .collect(),
        Push::Click(click) => vec![line(as_json, "click", click, || {
            format!("click  {}  {}", cell(click.message_id.as_deref()), cell(click.url.as_deref()))
        })],
        _ => vec![line(as_json, "unknown", &serde_json::Value::Null, || "unknown push".to_owned())],
    }
}

/// Serves core's receiver on 127.0.0.1 until Ctrl-C (or `--max-pushes`).
pub async fn listen(global: &Global, args: ListenArgs) -> Result<(), CliError> {
    let verification = verification(&args)?;
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", args.port))
        .await
        .map_err(|e| CliError::Io(format!("cannot listen on 127.0.0.1:{}: {e}", args.port)))?;
    let addr = listener.local_addr().map_err(|e| CliError::Io(e.to_string()))?;
    let done = Arc::new(Notify::new());
    let count = Arc::new(AtomicU64::new(0));
    let (as_json, max) = (global.json, args.max_pushes);
    let on_push = {
        let (done, count) = (done.clone(), count.clone());
        move |push: Push| {
            for line in lines(&push, as_json) {
                println!("{line}");
            }
            if max.is_some_and(|max| count.fetch_add(1, Ordering::SeqCst) + 1 >= max) {
                done.notify_one();
            }
            async { Ok(()) }
        }
    };
    let app = receiver::router(verification, on_push);
    let stopped = crate::signals::stopped();
    eprintln!("Listening for webhooks on http://{addr} (POST /delivery-reports, /inbound, /clicks); Ctrl-C stops");
    let stop = async move {
        tokio::select! {
            () = stopped => {}
            () = done.notified() => {}
        }
    };
    axum::serve(listener, app)
        .with_graceful_shutdown(stop)
        .await
        .map_err(|e| CliError::Io(format!("the webhook receiver failed: {e}")))
}
