//! SMS and 2FA end to end against the emulator (an independent implementation of the API).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use chrono::Utc;
use infobip::sms::*;
use infobip::tfa::{ApplicationRequest, PinError, PinType, SendPin, TemplateRequest};
use infobip::{Client, Error, RequestOptions};
use infobip_emulator::{Emulator, EmulatorConfig, Fault, FaultKind};

async fn start() -> (Emulator, Client) {
    let config = EmulatorConfig { delivery_delay_ms: 50, ..EmulatorConfig::default() };
    let emulator = Emulator::start_with(config).await.unwrap();
    let client = Client::builder().base_url(emulator.base_url()).api_key(emulator.api_key()).build().unwrap();
    (emulator, client)
}

/// Every log of a bulk, through the cursor stream.
async fn logs_of(client: &Client, bulk_id: &str, page: u32) -> Vec<SmsLog> {
    client.sms().logs(LogsFilter::new().bulk_id(bulk_id).limit(page)).map(Result::unwrap).collect().await
}

#[tokio::test]
async fn send_then_pull_the_delivery_report_once() {
    let (emulator, client) = start().await;
    let message = SmsMessage::text("Hello from the SDK").to("41793026727").sender("InfoSMS").callback_data("order-42");
    let sent = client.sms().send(SmsRequest::new().message(message)).await.unwrap();
    let bulk_id = sent.bulk_id.clone().unwrap();
    let message_id = sent.messages[0].message_id.clone().unwrap();
    assert_eq!(sent.messages[0].status.as_ref().unwrap().group(), StatusGroup::Pending);
    emulator.flush_delivery_reports();
    let mut reports = Vec::new();
    for _ in 0..100 {
        reports = client.sms().delivery_reports(&ReportsFilter::new().bulk_id(&bulk_id)).await.unwrap().results;
        if !reports.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(reports.len(), 1, "one report for the one message");
    let report = &reports[0];
    assert_eq!(report.message_id.as_deref(), Some(message_id.as_str()));
    assert_eq!(report.to.as_deref(), Some("41793026727"));
    assert!(report.status.as_ref().unwrap().group().is_final(), "{report:?}");
    assert!(report.sent_at.is_some() && report.done_at.is_some());
    assert_eq!(report.callback_data.as_deref(), Some("order-42"));
    // Consume-once: the same report is not returned again.
    let again = client.sms().delivery_reports(&ReportsFilter::new().bulk_id(&bulk_id)).await.unwrap();
    assert!(again.results.is_empty());
}

#[tokio::test]
async fn logs_page_through_more_than_one_cursor_page() {
    let (_emulator, client) = start().await;
    let mut message = SmsMessage::text("Newsletter");
    for i in 0..5 {
        message = message.to(format!("4179302670{i}"));
    }
    let sent = client.sms().send(SmsRequest::new().message(message).bulk_id("newsletter-1")).await.unwrap();
    assert_eq!(sent.messages.len(), 5);
    let mut sent_ids: Vec<String> = sent.messages.iter().map(|m| m.message_id.clone().unwrap()).collect();
    // Another bulk that must not show up.
    client.sms().send(SmsRequest::text("41793026799", "Other")).await.unwrap();
    let first = client.sms().logs_page(&LogsFilter::new().bulk_id("newsletter-1").limit(2), None).await.unwrap();
    assert_eq!(first.results.len(), 2);
    assert!(first.next_cursor().is_some(), "a second page is announced");
    let logs = logs_of(&client, "newsletter-1", 2).await;
    let mut found: Vec<String> = logs.iter().map(|l| l.message_id.clone().unwrap()).collect();
    assert_eq!(found.len(), 5, "three pages of 2, 2 and 1");
    found.sort();
    sent_ids.sort();
    assert_eq!(found, sent_ids);
    assert!(logs.iter().all(|l| l.content.as_ref().and_then(Content::text) == Some("Newsletter")));
    // A caller limit stops the stream early.
    let three: Vec<_> =
        client.sms().logs(LogsFilter::new().bulk_id("newsletter-1").limit(2).max_results(3)).collect().await;
    assert_eq!(three.len(), 3);
}

#[tokio::test]
async fn schedule_reschedule_pause_resume_then_cancel_a_bulk() {
    let (_emulator, client) = start().await;
    let sms = client.sms();
    let at = Utc::now() + chrono::Duration::days(2);
    let request = SmsRequest::new()
        .message(SmsMessage::text("Later").to("41793026727").to("41793026834"))
        .bulk_id("scheduled-1")
        .send_at(at);
    sms.send(request).await.unwrap();
    let schedule = sms.bulk_schedule("scheduled-1").await.unwrap();
    assert_eq!(schedule.send_at.unwrap().timestamp_millis(), at.timestamp_millis());
    assert_eq!(sms.bulk_status("scheduled-1").await.unwrap().status, Some(BulkStatus::Pending));
    let later = at + chrono::Duration::hours(3);
    let moved = sms.reschedule_bulk("scheduled-1", later).await.unwrap();
    assert_eq!(moved.send_at.unwrap().timestamp_millis(), later.timestamp_millis());
    assert_eq!(sms.pause_bulk("scheduled-1").await.unwrap().status, Some(BulkStatus::Paused));
    assert_eq!(sms.resume_bulk("scheduled-1").await.unwrap().status, Some(BulkStatus::Pending));
    assert_eq!(sms.cancel_bulk("scheduled-1").await.unwrap().status, Some(BulkStatus::Canceled));
    assert_eq!(sms.bulk_status("scheduled-1").await.unwrap().status, Some(BulkStatus::Canceled));
    let error = sms.bulk_status("no-such-bulk").await.unwrap_err();
    assert_eq!(error.code(), "not_found");
}

#[tokio::test]
async fn an_outcome_unknown_send_is_found_in_the_logs_once() {
    let (emulator, client) = start().await;
    let mut fault = Fault::of_kind(FaultKind::Delay, 1, Some("/sms/3/messages"));
    fault.delay_ms = 1500;
    emulator.queue_fault(fault);
    let request = SmsRequest::new()
        .message(SmsMessage::text("In doubt").to("41793026727").to("41793026834"))
        .message(SmsMessage::text("Also in doubt").to("41793026700"));
    let options = RequestOptions::new().timeout(Duration::from_millis(300));
    let error = client.sms().send_with(request, options).await.unwrap_err();
    let Error::OutcomeUnknown(outcome) = error else { panic!("expected outcome_unknown, got {error:?}") };
    let bulk_id = outcome.bulk_id.clone().unwrap();
    assert_eq!(outcome.message_ids.len(), 3);
    // Look the ids up by bulk id, one log per cursor page (bounded: 50 tries, 50 ms apart).
    let mut found: Vec<String> = Vec::new();
    for _ in 0..50 {
        found = logs_of(&client, &bulk_id, 1).await.iter().map(|l| l.message_id.clone().unwrap()).collect();
        if found.len() >= 3 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    found.sort();
    let mut expected = outcome.message_ids.clone();
    expected.sort();
    let sends = emulator.requests().iter().filter(|r| r.path == "/sms/3/messages").count();
    assert_eq!(sends, 1, "the SDK sent the request once");
    // Nothing lost, nothing sent twice: the emulator acted on the send before answering late, so
    // the logs by bulk id hold every id of the send, each once.
    assert_eq!(found, expected, "every id of the send is in the logs exactly once");
    assert_eq!(emulator.message_count(), 3, "nothing stored twice");
}

#[tokio::test]
async fn a_send_whose_connection_is_cut_is_outcome_unknown_and_not_repeated() {
    let (emulator, client) = start().await;
    emulator.queue_fault(Fault::of_kind(FaultKind::ResetBeforeResponse, 1, Some("/sms/3/messages")));
    let request = SmsRequest::new().message(SmsMessage::text("Cut").to("41793026727").to("41793026834"));
    let error = client.sms().send(request).await.unwrap_err();
    let Error::OutcomeUnknown(outcome) = error else { panic!("expected outcome_unknown, got {error:?}") };
    assert_eq!(outcome.message_ids.len(), 2);
    let bulk_id = outcome.bulk_id.clone().unwrap();
    assert_eq!(emulator.requests().iter().filter(|r| r.path == "/sms/3/messages").count(), 1, "sent once");
    // This emulator fault cuts the connection before acting: the logs say nothing was accepted,
    // so sending again with the same ids is safe.
    assert!(logs_of(&client, &bulk_id, 10).await.is_empty());
    assert_eq!(emulator.message_count(), 0);
}

#[tokio::test]
async fn a_5xx_send_is_outcome_unknown_and_not_repeated() {
    let (emulator, client) = start().await;
    emulator.queue_fault(Fault::status(503, 1, Some("/sms/3/messages")));
    let error = client.sms().send(SmsRequest::text("41793026727", "Hi").bulk_id("five-oh-three")).await.unwrap_err();
    let Error::OutcomeUnknown(outcome) = error else { panic!("{error:?}") };
    assert_eq!(outcome.bulk_id.as_deref(), Some("five-oh-three"));
    assert_eq!(outcome.status, Some(503));
    assert_eq!(emulator.requests().len(), 1);
    // Here the emulator refused before storing: the logs say nothing was accepted.
    assert!(logs_of(&client, "five-oh-three", 10).await.is_empty());
}

#[tokio::test]
async fn preview_inbound_and_query_send() {
    let (emulator, client) = start().await;
    let preview = client.sms().preview(&PreviewRequest::new("Hello").transliteration("GREEK")).await.unwrap();
    assert_eq!(preview.original_text.as_deref(), Some("Hello"));
    assert!(!preview.previews.is_empty() && preview.previews[0].message_count == Some(1));
    emulator.inject_inbound(&serde_json::json!({"from": "385916242493", "to": "385921004026", "text": "QUIZ Paris"}));
    let inbound = client.sms().inbound(Some(10)).await.unwrap();
    assert_eq!(inbound.results.len(), 1);
    assert_eq!(inbound.results[0].keyword.as_deref(), Some("QUIZ"));
    assert_eq!(inbound.results[0].clean_text.as_deref(), Some("Paris"));
    assert!(client.sms().inbound(None).await.unwrap().results.is_empty(), "consume-once");
    let sent = client.sms().send_query(SendQuery::new(["41793026727", "41793026834"], "Via query")).await.unwrap();
    assert_eq!(sent.messages.len(), 2);
    let bulk = sent.bulk_id.unwrap();
    assert_eq!(logs_of(&client, &bulk, 50).await.len(), 2);
}

#[tokio::test]
async fn v2_sends_and_v1_reports() {
    let (emulator, client) = start().await;
    let sent = client
        .sms()
        .send_v2_text(LegacySendRequest::new([LegacyMessage::text("41793026727", "Legacy")]))
        .await
        .unwrap();
    let bulk = sent.bulk_id.clone().unwrap();
    client
        .sms()
        .send_v2_binary(LegacySendRequest::new([LegacyMessage::binary(
            "41793026727",
            BinaryContent::from_bytes(b"Hi"),
        )]))
        .await
        .unwrap();
    emulator.flush_delivery_reports();
    let mut reports = Vec::new();
    for _ in 0..100 {
        reports = client.sms().delivery_reports_v1(&ReportsFilter::new().bulk_id(&bulk)).await.unwrap().results;
        if !reports.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0].message_id, sent.messages[0].message_id);
}

#[tokio::test]
async fn tfa_send_and_verify_a_pin() {
    let (emulator, client) = start().await;
    let tfa = client.tfa();
    let app = tfa.create_application(&ApplicationRequest::new("login").enabled(true)).await.unwrap();
    let app_id = app.application_id.unwrap();
    assert_eq!(tfa.application(&app_id).await.unwrap().name.as_deref(), Some("login"));
    assert!(tfa.applications().await.unwrap().iter().any(|a| a.application_id.as_deref() == Some(app_id.as_str())));
    let template = tfa
        .create_template(&app_id, &TemplateRequest::new(PinType::Numeric, "Your code is {{pin}}").pin_length(6))
        .await
        .unwrap();
    let msg_id = template.message_id.unwrap();
    assert_eq!(tfa.templates(&app_id).await.unwrap().len(), 1);
    let sent = tfa.send_pin_sms(&SendPin::new(&app_id, &msg_id, "41793026727"), None).await.unwrap();
    let pin_id = sent.pin_id.unwrap();
    let pin = emulator.pin(&pin_id).expect("the emulator reveals the PIN");
    assert_eq!(pin.len(), 6);
    let wrong = tfa.verify_pin(&pin_id, "not-it").await.unwrap();
    assert!(!wrong.is_verified());
    assert_eq!(wrong.pin_error, Some(PinError::WrongPin));
    let attempts_left = wrong.attempts_remaining.expect("attempts remaining after a wrong PIN");
    assert_eq!(attempts_left, 9, "the API's default of 10 attempts, one used");
    let right = tfa.verify_pin(&pin_id, &pin).await.unwrap();
    assert!(right.is_verified(), "{right:?}");
    assert!(right.pin_error.is_none() && right.attempts_remaining.is_some_and(|n| n <= attempts_left), "{right:?}");
    let status = tfa.verifications(&app_id, "41793026727", None, None).await.unwrap();
    assert_eq!(status.verifications[0].verified, Some(true));
    assert!(status.verifications[0].verified_time().is_some());
    let error = tfa.verify_pin("no-such-pin", "1234").await.unwrap_err();
    assert_eq!(error.code(), "not_found", "the legacy error shape is mapped: {error}");
}
