//! Sends SMS, waits for their delivery reports on a webhook receiver it runs, pages the logs and
//! handles a rate-limit error.
//!
//! With `INFOBIP_BASE_URL` and `INFOBIP_API_KEY` set it talks to that account (or to a running
//! emulator, as `./x demo` does); otherwise it starts the emulator in-process, so it runs with no
//! account at all.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use infobip::sms::{LogsFilter, SmsMessage, SmsRequest, StreamExt};
use infobip::webhooks::receiver::{Push, Verification, router};
use infobip::{Client, Error, Method};
use infobip_emulator::{Emulator, EmulatorConfig, Fault};
use tokio::sync::mpsc;

const DESTINATIONS: [&str; 3] = ["41793026727", "41793026728", "41793026729"];

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let started = Instant::now();
    // 1. Where to send: your account, or the emulator.
    let emulator = match std::env::var("INFOBIP_BASE_URL") {
        Ok(_) => None,
        Err(_) => {
            Some(Emulator::start_with(EmulatorConfig { delivery_delay_ms: 100, ..EmulatorConfig::default() }).await?)
        }
    };
    let client = match &emulator {
        Some(emulator) => Client::builder().base_url(emulator.base_url()).api_key(emulator.api_key()).build()?,
        None => Client::from_env()?,
    };

    // 2. A webhook receiver for delivery reports, on a local port.
    let (reports_tx, mut reports_rx) = mpsc::unbounded_channel();
    let app = router(Verification::None, move |push| {
        let reports_tx = reports_tx.clone();
        async move {
            if let Push::DeliveryReports(reports) = push {
                for report in reports {
                    reports_tx.send(report).map_err(|e| e.to_string())?;
                }
            }
            Ok(())
        }
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let webhook_url = format!("http://{}/delivery-reports", listener.local_addr()?);
    tokio::spawn(async move { axum::serve(listener, app).await });

    // 3. Send one message per destination, each reporting to the receiver.
    let mut request = SmsRequest::new();
    for to in DESTINATIONS {
        request = request.message(SmsMessage::text("Hello from infobip-sdk").to(to).delivery_url(&webhook_url));
    }
    let sent = client.sms().send(request.sender("InfoSMS")).await?;
    let bulk_id = sent.bulk_id.clone().unwrap_or_default();
    println!("sent {} messages in bulk {bulk_id}", sent.messages.len());

    // 4. Wait for every delivery report (bounded).
    let mut delivered = HashSet::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    while delivered.len() < sent.messages.len() {
        let Ok(Some(report)) = tokio::time::timeout_at(deadline, reports_rx.recv()).await else { break };
        let group = report.status.as_ref().map(|s| s.group().to_string()).unwrap_or_default();
        println!("report: {} {group}", report.message_id.as_deref().unwrap_or("?"));
        if group == "DELIVERED" {
            delivered.insert(report.message_id.unwrap_or_default());
        }
    }

    // 5. Page the logs of the bulk.
    let mut logs = std::pin::pin!(client.sms().logs(LogsFilter::new().bulk_id(bulk_id.clone()).limit(2)));
    let mut logged = 0;
    while let Some(log) = logs.next().await {
        log?;
        logged += 1;
    }

    // 6. Handle a rate-limit error. Against an emulator (in-process, or one on loopback reached
    //    through its admin API), the next balance call is answered 429 with a long Retry-After,
    //    as the real API does when an account goes over a rate limit.
    let fault = Fault {
        count: 1,
        path: Some("/account/1/balance".into()),
        method: None,
        kind: None,
        status: Some(429),
        body: None,
        headers: [("Retry-After".to_owned(), "600".to_owned())].into(),
        delay_ms: 0,
    };
    if let Some(emulator) = &emulator {
        emulator.queue_fault(fault);
    } else if client.base_url().is_loopback() {
        client.request(Method::POST, "/_emulator/faults").json(&fault).send().await?;
    }
    match client.account().balance().await {
        Err(Error::Api(api)) if api.status == 429 => {
            let seconds = api.retry_after.unwrap_or_default().as_secs_f64();
            println!("rate limited: the API asks to wait {seconds} s; try again later")
        }
        Err(other) => return Err(other.into()),
        Ok(balance) => println!("balance: {:?} {:?}", balance.balance, balance.currency),
    }

    println!(
        "summary: rust: sent {}, delivered {}, logged {}, {:.2} s",
        sent.messages.len(),
        delivered.len(),
        logged,
        started.elapsed().as_secs_f64()
    );
    if delivered.len() != sent.messages.len() {
        return Err("not every message was delivered".into());
    }
    Ok(())
}
