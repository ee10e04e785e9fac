//! SMS: sends, validation, preview, delivery reports (pull), logs, inbound, scheduled bulks.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::*;
use infobip_emulator::{Emulator, EmulatorConfig, StatusWeight};
use serde_json::{Value, json};
use std::time::Duration;

async fn emu(delay_ms: u64) -> (Emulator, Http) {
    let cfg = EmulatorConfig { delivery_delay_ms: delay_ms, ..EmulatorConfig::default() };
    let e = Emulator::start_with(cfg).await.unwrap();
    let h = Http::new(&e.base_url());
    (e, h)
}

async fn pull_all(h: &Http, path: &str) -> Vec<Value> {
    h.get(path, Some(KEY)).await.json()["results"].as_array().cloned().unwrap()
}

/// Polls the logs (bounded, 10 s) until no message matching `filter` (`bulkId=…`, or empty for
/// all) is pending any more: their reports are then ready to be pulled.
async fn wait_final(h: &Http, filter: &str) {
    let path = format!("/sms/3/logs?limit=1000&generalStatus=PENDING&{filter}");
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while !pull_all(h, &path).await.is_empty() {
        assert!(std::time::Instant::now() < deadline, "still pending after 10 s: {filter}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn v3_send_returns_pending_with_generated_or_given_ids_and_stores_messages() {
    let (e, h) = emu(50).await;
    let body = json!({"messages":[
        {"sender":"InfoSMS","destinations":[{"to":"41793026727","messageId":"MY-ID-1"},{"to":"41793026834"}],"content":{"text":"Hello"}},
        {"destinations":[{"to":"41793026700"}],"content":{"hex":"54 65 73 74","dataCoding":0}}],
        "options":{"schedule":{"bulkId":"MY-BULK"},"includeSmsCountInResponse":true}});
    let r = h.post("/sms/3/messages", Some(KEY), &body).await;
    assert_eq!(r.status, 200);
    assert!(r.headers.contains_key("x-request-id"));
    let j = r.json();
    assert_eq!(j["bulkId"], "MY-BULK");
    let msgs = j["messages"].as_array().unwrap();
    assert_eq!(msgs.len(), 3);
    assert_eq!(msgs[0]["messageId"], "MY-ID-1");
    assert_eq!(msgs[0]["destination"], "41793026727");
    assert_eq!(msgs[0]["status"]["groupName"], "PENDING");
    assert_eq!(msgs[0]["status"]["name"], "PENDING_ACCEPTED");
    assert_eq!(msgs[0]["status"]["id"], 26);
    assert_eq!(msgs[0]["details"]["messageCount"], 1);
    assert!(msgs[1]["messageId"].as_str().unwrap().len() >= 16);
    assert_eq!(e.message_count(), 3);

    // Without includeSmsCountInResponse there are no details; bulkId is generated.
    let j = h.post("/sms/3/messages", Some(KEY), &sms("41793026727", "x")).await.json();
    assert!(j["bulkId"].as_str().is_some_and(|b| !b.is_empty()));
    assert!(j["messages"][0].get("details").is_none());

    // A caller-given messageId that was used before is rejected in-band.
    let dup =
        json!({"messages":[{"destinations":[{"to":"41793026727","messageId":"MY-ID-1"}],"content":{"text":"again"}}]});
    let j = h.post("/sms/3/messages", Some(KEY), &dup).await.json();
    assert_eq!(j["messages"][0]["status"]["name"], "REJECTED_DUPLICATE_MESSAGE_ID");
}

#[tokio::test]
async fn v3_validation_names_each_bad_property() {
    let (_e, h) = emu(50).await;
    let body = json!({"messages":[{"destinations":[{"to": "1".repeat(65)}, {"messageId": 5}],"content":{"text": 7}}],
                      "options":{"schedule":{"sendAt":"not a date"}}});
    let r = h.post("/sms/3/messages", Some(KEY), &body).await;
    assert_eq!(r.status, 400);
    let j = r.json();
    assert_eq!(j["errorCode"], "E400");
    let props: Vec<&str> =
        j["violations"].as_array().unwrap().iter().map(|v| v["property"].as_str().unwrap()).collect();
    for p in [
        "messages[0].destinations[0].to",
        "messages[0].destinations[1].to",
        "messages[0].destinations[1].messageId",
        "messages[0].content.text",
        "options.schedule.sendAt",
    ] {
        assert!(props.contains(&p), "{p} not in {props:?}");
    }
    let r = h.post("/sms/3/messages", Some(KEY), &json!({})).await;
    assert_eq!(r.json()["violations"][0]["property"], "messages");
}

#[tokio::test]
async fn v2_text_and_binary_sends_use_v2_response_and_legacy_errors() {
    let (_e, h) = emu(30).await;
    let body = json!({"bulkId":"B2","messages":[{"from":"InfoSMS","destinations":[{"to":"41793026727"}],"text":"Hi"}],"includeSmsCountInResponse":true});
    let j = h.post("/sms/2/text/advanced", Some(KEY), &body).await.json();
    assert_eq!(j["bulkId"], "B2");
    assert_eq!(j["messages"][0]["to"], "41793026727");
    assert_eq!(j["messages"][0]["smsCount"], 1);
    assert_eq!(j["messages"][0]["status"]["groupId"], 1);

    let body = json!({"messages":[{"from":"InfoSMS","destinations":[{"to":"41793026727"}],"binary":{"hex":"54 65 73 74","dataCoding":0,"esmClass":0}}]});
    let r = h.post("/sms/2/binary/advanced", Some(KEY), &body).await;
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    let j = r.json();
    assert!(j["bulkId"].is_string());
    assert_eq!(j["messages"][0]["to"], "41793026727");
    assert_eq!(j["messages"][0]["status"]["name"], "PENDING_ACCEPTED");
    assert!(j["messages"][0]["messageId"].is_string());

    let r = h.post("/sms/2/text/advanced", Some(KEY), &json!({"messages":[{"text":"no destinations"}]})).await;
    assert_eq!(r.status, 400);
    let j = r.json();
    assert_eq!(j["requestError"]["serviceException"]["messageId"], "BAD_REQUEST");
    assert!(j["requestError"]["serviceException"]["validationErrors"]["messages[0].destinations"].is_array());

    // v1 reports carry the legacy shape.
    wait_final(&h, "bulkId=B2").await;
    let results = pull_all(&h, "/sms/1/reports?bulkId=B2").await;
    assert_eq!(results.len(), 1);
    assert_eq!(results[0]["smsCount"], 1);
    assert_eq!(results[0]["error"]["groupName"], "Ok");
    assert_eq!(results[0]["from"], "InfoSMS");
}

#[tokio::test]
async fn query_string_send_v3() {
    let (_e, h) = emu(30).await;
    let r = h
        .get("/sms/3/text/query?to=41793026727&to=41793026834&text=Hello%20world&from=InfoSMS&includeSmsCountInResponse=true", Some(KEY))
        .await;
    assert_eq!(r.status, 200);
    let j = r.json();
    assert_eq!(j["messages"].as_array().unwrap().len(), 2);
    assert_eq!(j["messages"][1]["destination"], "41793026834");
    let r = h.get("/sms/3/text/query?text=x", Some(KEY)).await;
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["violations"][0]["property"], "to");
}

#[tokio::test]
async fn preview_counts_gsm7_and_ucs2_parts() {
    let (_e, h) = emu(30).await;
    let cases = [
        ("a".repeat(160), 1, 0),
        ("a".repeat(161), 2, 145),
        ("€".repeat(81), 2, 143), // 76 in part one (an escape pair is never split), 5 in part two
        ("ж".repeat(70), 1, 0),
        ("ж".repeat(71), 2, 63),
    ];
    for (text, parts, remaining) in cases {
        let j = h.post("/sms/1/preview", Some(KEY), &json!({"text": text})).await.json();
        assert_eq!(j["previews"][0]["messageCount"], parts, "{text}");
        assert_eq!(j["previews"][0]["charactersRemaining"], remaining, "{text}");
        assert_eq!(j["originalText"], text.as_str());
    }
    let tr = "Mesaj gönderimi yapmadan önce önizleme seçeneğini kullanmanız doğru karar vermenize yardımcı olur.";
    let j = h.post("/sms/1/preview", Some(KEY), &json!({"text": tr, "languageCode": "TR"})).await.json();
    assert_eq!(j["previews"][0]["messageCount"], 2);
    assert_eq!(j["previews"][1]["messageCount"], 1);
    assert_eq!(j["previews"][1]["charactersRemaining"], 57);
    assert_eq!(j["previews"][1]["configuration"]["language"]["languageCode"], "TR");
    let r = h.post("/sms/1/preview", Some(KEY), &json!({})).await;
    assert_eq!(r.status, 400);
    assert!(r.json()["requestError"]["serviceException"]["validationErrors"]["text"].is_array());
}

#[tokio::test]
async fn reports_become_final_after_the_delay_and_are_returned_once_with_filters() {
    let (_e, h) = emu(100).await;
    for bulk in ["A", "B"] {
        let body = json!({"messages":[{"destinations":[{"to":"41793026727"},{"to":"41793026728"}],"content":{"text":"x"},
            "webhooks":{"callbackData":"cb"}, "options":{"platform":{"entityId":"ent","applicationId":"app"},"campaignReferenceId":"camp"}}],
            "options":{"schedule":{"bulkId":bulk}}});
        assert_eq!(h.post("/sms/3/messages", Some(KEY), &body).await.status, 200);
    }
    assert!(pull_all(&h, "/sms/3/reports").await.is_empty(), "nothing final yet");
    wait_final(&h, "").await;
    let a = pull_all(&h, "/sms/3/reports?bulkId=A&limit=1").await;
    assert_eq!(a.len(), 1);
    let r = &a[0];
    assert_eq!(r["bulkId"], "A");
    assert_eq!(r["status"]["groupName"], "DELIVERED");
    assert_eq!(r["error"]["name"], "NO_ERROR");
    assert_eq!(r["callbackData"], "cb");
    assert_eq!(r["platform"]["entityId"], "ent");
    assert_eq!(r["campaignReferenceId"], "camp");
    assert!(r["doneAt"].as_str().unwrap().ends_with("+0000"));
    let mid = r["messageId"].as_str().unwrap().to_string();
    let rest = pull_all(&h, "/sms/3/reports?entityId=ent&applicationId=app").await;
    assert_eq!(rest.len(), 3);
    assert!(rest.iter().all(|x| x["messageId"] != mid.as_str()));
    assert!(pull_all(&h, "/sms/3/reports").await.is_empty(), "each report only once");
}

#[tokio::test]
async fn status_mix_is_seeded_and_reproducible() {
    let cfg = || EmulatorConfig {
        delivery_delay_ms: 10,
        seed: 7,
        status_mix: vec![
            StatusWeight { status: "DELIVERED".into(), weight: 50 },
            StatusWeight { status: "UNDELIVERABLE".into(), weight: 25 },
            StatusWeight { status: "EXPIRED".into(), weight: 25 },
        ],
        ..EmulatorConfig::default()
    };
    let mut outcomes = Vec::new();
    for _ in 0..2 {
        let e = Emulator::start_with(cfg()).await.unwrap();
        let h = Http::new(&e.base_url());
        let dests: Vec<Value> =
            (0..40).map(|i| json!({"to": format!("4179302{i:04}"), "messageId": format!("m{i}")})).collect();
        h.post("/sms/3/messages", Some(KEY), &json!({"messages":[{"destinations":dests,"content":{"text":"x"}}]}))
            .await;
        wait_final(&h, "").await;
        let mut r: Vec<(String, String, String)> = pull_all(&h, "/sms/3/reports?limit=1000")
            .await
            .iter()
            .map(|x| {
                (
                    x["messageId"].as_str().unwrap().into(),
                    x["status"]["groupName"].as_str().unwrap().into(),
                    x["error"]["name"].as_str().unwrap().into(),
                )
            })
            .collect();
        r.sort();
        assert_eq!(r.len(), 40);
        outcomes.push(r);
    }
    assert_eq!(outcomes[0], outcomes[1]);
    let groups: std::collections::HashSet<&str> = outcomes[0].iter().map(|x| x.1.as_str()).collect();
    assert!(
        groups.contains("DELIVERED") && groups.contains("UNDELIVERABLE") && groups.contains("EXPIRED"),
        "{groups:?}"
    );
}

#[tokio::test]
async fn logs_filter_and_page_with_cursor() {
    let (_e, h) = emu(20).await;
    let before = infobip_emulator::time::format(chrono::Utc::now() - chrono::Duration::seconds(5));
    for i in 0..7 {
        let body = json!({"messages":[{"sender": if i % 2 == 0 {"Even"} else {"Odd"},"destinations":[{"to": format!("4179300000{i}"), "messageId": format!("L{i}")}],"content":{"text":format!("m{i}")}}],
            "options":{"schedule":{"bulkId": if i < 4 {"LB1"} else {"LB2"}}}});
        h.post("/sms/3/messages", Some(KEY), &body).await;
    }
    wait_final(&h, "").await;
    let all = pull_all(&h, "/sms/3/logs").await;
    assert_eq!(all.len(), 7);
    assert_eq!(all[0]["messageId"], "L6", "newest first");
    assert_eq!(all[0]["content"]["text"], "m6");
    assert_eq!(all[0]["status"]["groupName"], "DELIVERED");

    assert_eq!(pull_all(&h, "/sms/3/logs?sender=Even").await.len(), 4);
    assert_eq!(pull_all(&h, "/sms/3/logs?bulkId=LB2").await.len(), 3);
    assert_eq!(pull_all(&h, "/sms/3/logs?bulkId=LB1&bulkId=LB2").await.len(), 7);
    assert_eq!(pull_all(&h, "/sms/3/logs?messageId=L1,L2").await.len(), 2);
    assert_eq!(pull_all(&h, "/sms/3/logs?destination=41793000003").await.len(), 1);
    assert_eq!(pull_all(&h, "/sms/3/logs?generalStatus=DELIVERED").await.len(), 7);
    assert_eq!(pull_all(&h, "/sms/3/logs?generalStatus=PENDING").await.len(), 0);
    let since = before.replace('+', "%2B");
    assert_eq!(pull_all(&h, &format!("/sms/3/logs?sentSince={since}")).await.len(), 7);
    assert_eq!(pull_all(&h, &format!("/sms/3/logs?sentUntil={since}")).await.len(), 0);
    // Colon offsets are accepted too.
    assert_eq!(pull_all(&h, "/sms/3/logs?sentSince=2020-02-22T17:42:05.390%2B01:00").await.len(), 7);
    let r = h.get("/sms/3/logs?sentSince=yesterday", Some(KEY)).await;
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["violations"][0]["property"], "sentSince");

    // Cursor paging visits every message once.
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    for _ in 0..10 {
        let path = match &cursor {
            Some(c) => format!("/sms/3/logs?useCursor=true&limit=3&cursor={c}"),
            None => "/sms/3/logs?useCursor=true&limit=3".to_string(),
        };
        let j = h.get(&path, Some(KEY)).await.json();
        assert_eq!(j["cursor"]["limit"], 3);
        seen.extend(j["results"].as_array().unwrap().iter().map(|x| x["messageId"].as_str().unwrap().to_string()));
        match j["cursor"]["nextCursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
    }
    assert_eq!(seen, vec!["L6", "L5", "L4", "L3", "L2", "L1", "L0"]);
    // An unreadable cursor is the end of the data set: a documented 200, an empty page, no next.
    let r = h.get("/sms/3/logs?useCursor=true&cursor=garbage!", Some(KEY)).await;
    assert_eq!(r.status, 200);
    let j = r.json();
    assert_eq!(j["results"], json!([]));
    assert!(j["cursor"].get("nextCursor").is_none(), "{j}");
    // Deprecated v1 logs.
    let v1 = pull_all(&h, "/sms/1/logs?from=Odd").await;
    assert_eq!(v1.len(), 3);
    assert!(v1[0]["text"].is_string());
}

#[tokio::test]
async fn inbound_messages_are_injected_pulled_once_and_pushed_as_mo_json_2() {
    let rx = Receiver::start(0).await;
    let cfg = EmulatorConfig { inbound_webhook_url: Some(rx.url.clone()), ..EmulatorConfig::default() };
    let e = Emulator::start_with(cfg).await.unwrap();
    let h = Http::new(&e.base_url());
    let r = h
        .admin("POST", "/inbound", Some(&json!({"from":"385916242493","to":"385921004026","text":"QUIZ Correct answer is Paris","keyword":"QUIZ","callbackData":"cb"})))
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["cleanText"], "Correct answer is Paris");
    e.inject_inbound(&json!({"from":"1","to":"2","text":"second"}));

    let j = h.get("/sms/1/inbox/reports?limit=1", Some(KEY)).await.json();
    assert_eq!(j["messageCount"], 1);
    assert_eq!(j["pendingMessageCount"], 1);
    let m = &j["results"][0];
    assert_eq!(m["keyword"], "QUIZ");
    assert_eq!(m["smsCount"], 1);
    assert!(m["receivedAt"].as_str().unwrap().ends_with("+0000"));
    let j = h.get("/sms/1/inbox/reports", Some(KEY)).await.json();
    assert_eq!(j["results"][0]["text"], "second");
    assert_eq!(h.get("/sms/1/inbox/reports", Some(KEY)).await.json()["messageCount"], 0);

    assert!(wait_until(Duration::from_secs(5), || rx.results().len() == 2).await);
    let bodies = rx.bodies.lock().unwrap().clone();
    assert!(bodies.iter().all(|b| b["messageCount"].is_number() && b["pendingMessageCount"].is_number()));
    assert_eq!(rx.results()[0]["from"], "385916242493");
}

#[tokio::test]
async fn scheduled_bulks_stay_pending_and_can_be_rescheduled_paused_resumed_and_canceled() {
    let (e, h) = emu(30).await;
    let at = |secs: i64| infobip_emulator::time::format(chrono::Utc::now() + chrono::Duration::seconds(secs));
    let body = json!({"messages":[{"destinations":[{"to":"41793026727"},{"to":"41793026728"}],"content":{"text":"later"}}],
        "options":{"schedule":{"bulkId":"SCHED","sendAt": at(3600)}}});
    assert_eq!(h.post("/sms/3/messages", Some(KEY), &body).await.status, 200);
    assert_eq!(e.flush_delivery_reports(), 0, "scheduled messages are not flushed");
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(pull_all(&h, "/sms/3/logs?generalStatus=PENDING").await.len(), 2);
    let j = h.get("/sms/1/bulks?bulkId=SCHED", Some(KEY)).await.json();
    assert_eq!(j["bulkId"], "SCHED");
    assert!(j["sendAt"].is_string());
    assert_eq!(h.get("/sms/1/bulks/status?bulkId=SCHED", Some(KEY)).await.json()["status"], "PENDING");

    let r = h.get("/sms/1/bulks?bulkId=NOPE", Some(KEY)).await;
    assert_eq!(r.status, 404);
    assert_eq!(r.json()["requestError"]["serviceException"]["text"], "Bulk not found");

    // Pause, then reschedule to now: nothing is delivered while paused.
    let j = h.put("/sms/1/bulks/status?bulkId=SCHED", Some(KEY), &json!({"status":"PAUSED"})).await.json();
    assert_eq!(j["status"], "PAUSED");
    let r = h.put("/sms/1/bulks?bulkId=SCHED", Some(KEY), &json!({"sendAt": at(-1)})).await;
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    tokio::time::sleep(Duration::from_millis(150)).await;
    assert!(pull_all(&h, "/sms/3/reports?bulkId=SCHED").await.is_empty());
    // Resume: delivered.
    let j = h.put("/sms/1/bulks/status?bulkId=SCHED", Some(KEY), &json!({"status":"PENDING"})).await.json();
    assert_ne!(j["status"], "PAUSED");
    wait_final(&h, "bulkId=SCHED").await;
    assert_eq!(pull_all(&h, "/sms/3/reports?bulkId=SCHED").await.len(), 2);
    assert_eq!(h.get("/sms/1/bulks/status?bulkId=SCHED", Some(KEY)).await.json()["status"], "FINISHED");
    let r = h.put("/sms/1/bulks/status?bulkId=SCHED", Some(KEY), &json!({"status":"CANCELED"})).await;
    assert_eq!(r.status, 400);

    // Cancel another scheduled bulk: its messages end as not sent / canceled.
    let body = json!({"bulkId":"SCHED2","messages":[{"destinations":[{"to":"41793026727"}],"text":"later","sendAt": at(600)}]});
    assert_eq!(h.post("/sms/2/text/advanced", Some(KEY), &body).await.status, 200);
    let j = h.put("/sms/1/bulks/status?bulkId=SCHED2", Some(KEY), &json!({"status":"CANCELED"})).await.json();
    assert_eq!(j["status"], "CANCELED");
    let reports = pull_all(&h, "/sms/1/reports?bulkId=SCHED2").await;
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0]["error"]["name"], "EC_MESSAGE_CANCELED");
    let r = h.put("/sms/1/bulks?bulkId=SCHED2", Some(KEY), &json!({"sendAt": at(60)})).await;
    assert_eq!(r.status, 400);
}

#[tokio::test]
async fn reports_filter_by_message_id_and_legacy_v1_reports_work_too() {
    let (_e, h) = emu(20).await;
    let dests: Vec<Value> = (1..=3).map(|i| json!({"to": "41793026727", "messageId": format!("R{i}")})).collect();
    let body = json!({"messages":[{"destinations": dests, "content":{"text":"x"}}]});
    assert_eq!(h.post("/sms/3/messages", Some(KEY), &body).await.status, 200);
    let v2 = json!({"messages":[{"from":"InfoSMS","destinations":[{"to":"41793026727","messageId":"R4"}],"text":"x"}]});
    assert_eq!(h.post("/sms/2/text/advanced", Some(KEY), &v2).await.status, 200);
    wait_final(&h, "").await;

    let one = pull_all(&h, "/sms/3/reports?messageId=R2").await;
    assert_eq!(one.len(), 1);
    assert_eq!(one[0]["messageId"], "R2");
    assert!(pull_all(&h, "/sms/3/reports?messageId=R2").await.is_empty(), "consumed when read");
    let ids = |v: &[Value]| {
        let mut ids: Vec<String> = v.iter().map(|r| r["messageId"].as_str().unwrap().to_string()).collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(&pull_all(&h, "/sms/3/reports?messageId=R1&messageId=R3").await), vec!["R1", "R3"]);
    let legacy = pull_all(&h, "/sms/1/reports?messageId=R4").await;
    assert_eq!(ids(&legacy), vec!["R4"]);
    assert_eq!(legacy[0]["smsCount"], 1);
    assert_eq!(legacy[0]["status"]["groupName"], "DELIVERED");
    assert!(pull_all(&h, "/sms/1/reports").await.is_empty());
}

#[tokio::test]
async fn a_scheduled_message_stays_pending_until_its_send_at_then_is_delivered() {
    let (_e, h) = emu(20).await;
    let send_at = chrono::Utc::now() + chrono::Duration::milliseconds(800);
    let body = json!({"messages":[{"destinations":[{"to":"41793026727","messageId":"AT1"}],"content":{"text":"soon"}}],
        "options":{"schedule":{"bulkId":"AT","sendAt": infobip_emulator::time::format(send_at)}}});
    assert_eq!(h.post("/sms/3/messages", Some(KEY), &body).await.status, 200);
    let log = pull_all(&h, "/sms/3/logs?bulkId=AT").await;
    if chrono::Utc::now() < send_at {
        assert_eq!(log[0]["status"]["groupName"], "PENDING");
    }
    let mut reports = Vec::new();
    for _ in 0..250 {
        reports = pull_all(&h, "/sms/3/reports?bulkId=AT").await;
        if !reports.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(reports.len(), 1, "delivered once its time came");
    let done = infobip_emulator::time::parse(reports[0]["doneAt"].as_str().unwrap()).unwrap();
    assert!(done >= send_at - chrono::Duration::milliseconds(1), "final at {done}, scheduled for {send_at}");
    assert_eq!(reports[0]["status"]["groupName"], "DELIVERED");
}

#[tokio::test]
async fn logs_filter_by_network_platform_and_campaign() {
    let (_e, h) = emu(20).await;
    let body = json!({"messages":[
        {"destinations":[{"to":"41793026727","messageId":"N1"}],"content":{"text":"x"},
         "options":{"platform":{"entityId":"ent","applicationId":"app"},"campaignReferenceId":"camp"}},
        {"destinations":[{"to":"385916242493","messageId":"N2"}],"content":{"text":"x"}}]});
    assert_eq!(h.post("/sms/3/messages", Some(KEY), &body).await.status, 200);
    let only = |v: Vec<Value>| v.iter().map(|r| r["messageId"].as_str().unwrap().to_string()).collect::<Vec<_>>();
    assert_eq!(only(pull_all(&h, "/sms/3/logs?mcc=228").await), vec!["N1"]);
    assert_eq!(only(pull_all(&h, "/sms/3/logs?mcc=228&mnc=01").await), vec!["N1"]);
    assert_eq!(only(pull_all(&h, "/sms/3/logs?mcc=219&mnc=01").await), vec!["N2"]);
    assert!(pull_all(&h, "/sms/3/logs?mcc=219&mnc=02").await.is_empty());
    assert_eq!(only(pull_all(&h, "/sms/3/logs?entityId=ent").await), vec!["N1"]);
    assert_eq!(only(pull_all(&h, "/sms/3/logs?applicationId=app").await), vec!["N1"]);
    assert_eq!(only(pull_all(&h, "/sms/3/logs?campaignReferenceId=other,camp").await), vec!["N1"]);
    assert!(pull_all(&h, "/sms/3/logs?entityId=nope").await.is_empty());
    let r = h.get("/sms/3/logs?mnc=01", Some(KEY)).await;
    assert_eq!(r.status, 400, "mnc needs mcc");
    assert_eq!(r.json()["violations"][0]["property"], "mcc");
}
