//! The inbox's state API (`/_emulator/ui/api/…`), the channel sends it shows (WhatsApp, Viber,
//! Email stored like SMS), what the page does as the phone (final status, push again, reply,
//! click), its live-update stream, and the Origin/Host guard of every state-changing request.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::*;
use http_body_util::BodyExt;
use infobip_emulator::{Emulator, EmulatorConfig};
use serde_json::{Value, json};
use std::time::{Duration, Instant};

/// An emulator whose messages stay PENDING (the page decides their final status).
async fn emulator(config: EmulatorConfig) -> (Emulator, Http) {
    let e = Emulator::start_with(EmulatorConfig { delivery_delay_ms: 3_600_000, ..config }).await.unwrap();
    let h = Http::new(&e.base_url());
    (e, h)
}

async fn ui(h: &Http, path: &str) -> Value {
    let r = h.get(&format!("/_emulator/ui/api/{path}"), None).await;
    assert_eq!(r.status, 200, "{path}: {}", String::from_utf8_lossy(&r.body));
    r.json()
}

async fn ui_post(h: &Http, path: &str, body: &Value) -> (u16, Value) {
    let r = h.post(&format!("/_emulator/ui/api/{path}"), None, body).await;
    (r.status, r.json())
}

/// The thread of `channel` with `destination` (exactly one must be listed).
async fn thread_of(h: &Http, channel: &str, destination: &str) -> Value {
    let list = ui(h, &format!("threads?channel={channel}&destination={destination}")).await;
    let threads = list["threads"].as_array().unwrap();
    assert_eq!(threads.len(), 1, "{list}");
    let id = threads[0]["id"].as_u64().unwrap();
    ui(h, &format!("threads/{id}")).await
}

/// Sends a request with exactly these headers and returns its status (one connection).
async fn raw_status(addr: std::net::SocketAddr, method: &str, path: &str, headers: &[(&str, &str)]) -> u16 {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let mut head = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\nContent-Length: 0\r\n");
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await.unwrap();
    answer.split_whitespace().nth(1).unwrap().parse().unwrap()
}

#[tokio::test]
async fn whatsapp_viber_and_email_sends_are_stored_answered_in_the_spec_shape_and_threaded() {
    let (e, h) = emulator(EmulatorConfig::default()).await;
    // WhatsApp: the caller's messageId is kept; a missing one is generated.
    let r = h
        .post(
            "/whatsapp/1/message/text",
            Some(KEY),
            &json!({"from": "441134960000", "to": "441134960001", "messageId": "wa-1", "content": {"text": "Hi <b>there</b>"}}),
        )
        .await;
    assert_eq!(r.status, 200);
    let v = r.json();
    assert_eq!(
        (v["to"].as_str(), v["messageId"].as_str(), v["messageCount"].as_u64()),
        (Some("441134960001"), Some("wa-1"), Some(1))
    );
    assert_eq!(v["status"]["groupName"], "PENDING");
    let image = json!({"from": "441134960000", "to": "441134960001", "content": {"mediaUrl": "https://example.com/cat.jpg", "caption": "A cat"}});
    let generated = h.post("/whatsapp/1/message/image", Some(KEY), &image).await.json();
    assert_eq!(generated["messageId"].as_str().unwrap().len(), 36, "a generated UUID: {generated}");
    let template = json!({"bulkId": "wa-bulk", "messages": [{"from": "441134960000", "to": "441134960002", "messageId": "wa-t",
        "content": {"templateName": "order_update", "templateData": {"body": {"placeholders": ["Ana", "#42"]}}, "language": "en"}}]});
    let v = h.post("/whatsapp/1/message/template", Some(KEY), &template).await.json();
    assert_eq!(v["bulkId"], "wa-bulk");
    assert_eq!(v["messages"][0]["messageId"], "wa-t");
    assert_eq!(v["messages"][0]["messageCount"], 1);

    // Viber v2 (destinations) and v1 (a bulk).
    let viber = json!({"messages": [{"sender": "DemoCompany", "destinations": [{"to": "385916242493", "messageId": "vb-1"}, {"to": "385916242494"}],
        "content": {"type": "TEXT", "text": "Viber hello"}}], "options": {"schedule": {"bulkId": "vb-bulk"}}});
    let v = h.post("/viber/2/messages", Some(KEY), &viber).await.json();
    assert_eq!(v["bulkId"], "vb-bulk");
    assert_eq!(v["messages"].as_array().unwrap().len(), 2);
    assert_eq!(
        (v["messages"][0]["messageId"].as_str(), v["messages"][0]["destination"].as_str()),
        (Some("vb-1"), Some("385916242493"))
    );
    let v1 = json!({"messages": [{"from": "DemoCompany", "to": "385916242495", "content": {"text": "v1 text"}}]});
    let v = h.post("/viber/1/message/text", Some(KEY), &v1).await.json();
    assert!(v["bulkId"].is_string() && v["messages"][0]["to"] == "385916242495", "{v}");

    // Email v3: a multipart form with two recipients and an attachment.
    let boundary = "XyZ";
    let mut form = String::new();
    for (name, value) in [
        ("from", "jane@example.com"),
        ("to", "john@example.com"),
        ("to", "ann@example.com"),
        ("subject", "Quarterly report"),
        ("text", "See attached"),
        ("messageId", "em-1"),
        ("bulkId", "em-bulk"),
    ] {
        form.push_str(&format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"));
    }
    form.push_str(&format!("--{boundary}\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"q3.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--{boundary}--\r\n"));
    let r = h
        .send(
            "POST",
            "/email/3/send",
            Some(KEY),
            Some(&format!("multipart/form-data; boundary={boundary}")),
            form.into_bytes(),
        )
        .await;
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    let v = r.json();
    assert_eq!(v["bulkId"], "em-bulk");
    let to: Vec<&str> = v["messages"].as_array().unwrap().iter().map(|m| m["to"].as_str().unwrap()).collect();
    assert_eq!(to, ["john@example.com", "ann@example.com"]);
    assert_eq!(v["messages"][0]["messageId"], "em-1");
    let v4 = json!({"messages": [{"sender": "jenny@company.com", "destinations": [{"to": [{"destination": "john.smith@company.com", "messageId": "em-4"}]}],
        "content": {"subject": "v4 subject", "text": "v4 body"}}]});
    let v = h.post("/email/4/messages", Some(KEY), &v4).await.json();
    assert_eq!(
        (v["messages"][0]["messageId"].as_str(), v["messages"][0]["destination"].as_str()),
        (Some("em-4"), Some("john.smith@company.com"))
    );
    let mime = json!({"mimeMessage": "From: a@example.com\r\nTo: b@example.com\r\nSubject: From MIME\r\n\r\nbody\r\n--x\r\nContent-Disposition: attachment; filename=\"m.txt\"\r\n\r\nm\r\n"});
    let v = h.post("/email/4/mime", Some(KEY), &mime).await.json();
    assert_eq!(v["messages"][0]["to"], "b@example.com");

    // They are in threads per channel, sender and destination, with what they say.
    let t = thread_of(&h, "WHATSAPP", "441134960001").await;
    assert_eq!(t["thread"]["sender"], "441134960000");
    let items = t["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["content"]["text"], "Hi <b>there</b>", "stored as sent; the page escapes it");
    assert_eq!(items[0]["content"]["type"], "TEXT");
    assert_eq!(items[1]["content"]["media"][0], "https://example.com/cat.jpg");
    assert_eq!(items[1]["content"]["caption"], "A cat");
    let t = thread_of(&h, "WHATSAPP", "441134960002").await;
    assert_eq!(t["items"][0]["content"]["template"]["name"], "order_update");
    assert_eq!(t["items"][0]["content"]["template"]["parameters"], json!(["Ana", "#42"]));
    assert_eq!(t["items"][0]["bulkId"], "wa-bulk");
    let t = thread_of(&h, "EMAIL", "ann@example.com").await;
    assert_eq!(t["items"][0]["content"]["subject"], "Quarterly report");
    assert_eq!(t["items"][0]["content"]["attachments"], json!(["q3.pdf"]));
    assert_eq!(t["thread"]["sender"], "jane@example.com");
    let t = thread_of(&h, "EMAIL", "b@example.com").await;
    assert_eq!(
        (t["items"][0]["content"]["subject"].as_str(), t["items"][0]["content"]["attachments"][0].as_str()),
        (Some("From MIME"), Some("m.txt"))
    );
    assert_eq!(thread_of(&h, "VIBER", "385916242493").await["items"][0]["content"]["text"], "Viber hello");
    let overview = ui(&h, "overview").await;
    assert_eq!(overview["messages"], 10);

    // The SMS APIs do not see them: logs and reports stay SMS-only.
    assert_eq!(h.get("/sms/3/logs", Some(KEY)).await.json()["results"], json!([]));
    assert_eq!(e.flush_delivery_reports(), 10, "every channel's message becomes final");
    assert!(wait_until(Duration::from_secs(10), || true).await);
    let mut finals = 0;
    for _ in 0..250 {
        finals = ui(&h, "threads?status=DELIVERED").await["total"].as_u64().unwrap();
        if finals == 9 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(finals, 9, "all 9 threads have a delivered message");
    assert_eq!(h.get("/sms/3/reports", Some(KEY)).await.json()["results"], json!([]));
}

#[tokio::test]
async fn threads_are_paged_newest_last_and_found_by_every_filter() {
    let (_e, h) = emulator(EmulatorConfig::default()).await;
    for i in 0..120 {
        let body = json!({"messages":[{"sender":"InfoSMS","destinations":[{"to":"41793026727","messageId":format!("m{i}")}],"content":{"text":format!("n{i}")}}],
            "options":{"schedule":{"bulkId": if i < 60 { "first-half" } else { "second-half" }}}});
        assert_eq!(h.post("/sms/3/messages", Some(KEY), &body).await.status, 200);
    }
    for i in 0..5 {
        assert_eq!(h.post("/sms/3/messages", Some(KEY), &sms(&format!("3859100000{i}"), "other")).await.status, 200);
    }
    // The thread list: newest activity first, paged by cursor.
    let page = ui(&h, "threads?limit=4").await;
    assert_eq!(page["total"], 6);
    let ids: Vec<&str> =
        page["threads"].as_array().unwrap().iter().map(|t| t["destination"].as_str().unwrap()).collect();
    assert_eq!(ids, ["38591000004", "38591000003", "38591000002", "38591000001"]);
    let next = ui(&h, &format!("threads?limit=4&cursor={}", page["nextCursor"].as_str().unwrap())).await;
    let ids: Vec<&str> =
        next["threads"].as_array().unwrap().iter().map(|t| t["destination"].as_str().unwrap()).collect();
    assert_eq!(ids, ["38591000000", "41793026727"]);
    assert!(next["nextCursor"].is_null());

    // A thread's last page, newest last, then the page before it.
    let list = ui(&h, "threads?destination=4179302").await;
    let id = list["threads"][0]["id"].as_u64().unwrap();
    assert_eq!(list["threads"][0]["count"], 120);
    let last = ui(&h, &format!("threads/{id}")).await;
    let texts: Vec<&str> =
        last["items"].as_array().unwrap().iter().map(|m| m["content"]["text"].as_str().unwrap()).collect();
    assert_eq!(texts.len(), 50);
    assert_eq!((texts[0], texts[49]), ("n70", "n119"));
    let before = last["before"].as_str().unwrap();
    let older = ui(&h, &format!("threads/{id}?before={before}&limit=100")).await;
    let texts: Vec<&str> =
        older["items"].as_array().unwrap().iter().map(|m| m["content"]["text"].as_str().unwrap()).collect();
    assert_eq!((texts.len(), texts[0], texts[69]), (70, "n0", "n69"));
    assert!(older["before"].is_null());

    // Filters: bulk id, message id, status, sender, channel.
    let by_bulk = ui(&h, &format!("threads/{id}?bulkId=first-half")).await;
    assert_eq!(by_bulk["total"], 60);
    assert_eq!(by_bulk["items"][49]["content"]["text"], "n59");
    assert_eq!(ui(&h, "threads?messageId=m7").await["total"], 1);
    assert_eq!(ui(&h, &format!("threads/{id}?messageId=m7")).await["items"][0]["messageId"], "m7");
    assert_eq!(ui(&h, "threads?status=PENDING").await["total"], 6);
    assert_eq!(ui(&h, "threads?status=DELIVERED").await["total"], 0);
    assert_eq!(ui(&h, "threads?sender=infosms").await["total"], 6);
    assert_eq!(ui(&h, "threads?sender=nobody").await["total"], 0);
    assert_eq!(ui(&h, "threads?channel=WHATSAPP").await["total"], 0);
    assert_eq!(h.get("/_emulator/ui/api/threads?channel=PIGEON", None).await.status, 400);
    assert_eq!(h.get("/_emulator/ui/api/threads/999", None).await.status, 404);
}

#[tokio::test]
async fn a_final_status_set_from_the_page_pushes_the_report_now_in_each_channels_format_and_again() {
    let rx = Receiver::start(0).await;
    let (_e, h) = emulator(EmulatorConfig::default()).await;
    let v3 = json!({"messages":[{"sender":"InfoSMS","destinations":[{"to":"41793026727","messageId":"s3"}],"content":{"text":"hello"},
        "webhooks":{"delivery":{"url": rx.url},"callbackData":"cb3"}}]});
    h.post("/sms/3/messages", Some(KEY), &v3).await;
    let v2 = json!({"messages":[{"from":"InfoSMS","destinations":[{"to":"41793026728","messageId":"s2"}],"text":"hello","notifyUrl": rx.url}]});
    h.post("/sms/2/text/advanced", Some(KEY), &v2).await;
    let wa = json!({"from":"441134960000","to":"441134960001","messageId":"w1","content":{"text":"hi"},"notifyUrl": rx.url, "callbackData": "cbw"});
    h.post("/whatsapp/1/message/text", Some(KEY), &wa).await;
    let vb = json!({"messages":[{"sender":"DemoCompany","destinations":[{"to":"385916242493","messageId":"v1"}],"content":{"type":"TEXT","text":"hi"},
        "webhooks":{"delivery":{"url": rx.url}}}]});
    h.post("/viber/2/messages", Some(KEY), &vb).await;
    let silent = json!({"from":"441134960000","to":"441134960009","messageId":"w-silent","content":{"text":"no hook"}});
    h.post("/whatsapp/1/message/text", Some(KEY), &silent).await;

    for (id, status) in
        [("s3", "UNDELIVERABLE"), ("s2", "EXPIRED"), ("w1", "REJECTED"), ("v1", "DELIVERED"), ("w-silent", "DELIVERED")]
    {
        let (code, item) = ui_post(&h, &format!("messages/{id}/status"), &json!({"status": status})).await;
        assert_eq!(code, 200, "{item}");
        assert_eq!(item["status"]["group"], status);
        assert_eq!(item["final"], true);
    }
    assert!(wait_until(Duration::from_secs(10), || rx.results().len() == 4).await, "{:?}", rx.results());
    let by_id = |id: &str| rx.results().into_iter().find(|r| r["messageId"] == id).unwrap();
    let s3 = by_id("s3");
    assert_eq!(
        (s3["status"]["name"].as_str(), s3["error"]["name"].as_str()),
        (Some("UNDELIVERABLE_NOT_DELIVERED"), Some("EC_UNKNOWN_SUBSCRIBER"))
    );
    assert_eq!(
        (s3["messageCount"].as_u64(), s3["sender"].as_str(), s3["callbackData"].as_str()),
        (Some(1), Some("InfoSMS"), Some("cb3"))
    );
    let s2 = by_id("s2");
    assert_eq!(
        (s2["status"]["groupName"].as_str(), s2["smsCount"].as_u64(), s2["from"].as_str()),
        (Some("EXPIRED"), Some(1), Some("InfoSMS"))
    );
    let w1 = by_id("w1");
    assert_eq!(
        (w1["status"]["groupName"].as_str(), w1["messageCount"].as_u64(), w1["callbackData"].as_str()),
        (Some("REJECTED"), Some(1), Some("cbw"))
    );
    assert_eq!(w1["contact"]["phoneNumber"], "441134960001", "WhatsApp's report format");
    assert!(w1.get("smsCount").is_none() && w1.get("sender").is_none());
    let v1 = by_id("v1");
    assert_eq!(
        (v1["status"]["name"].as_str(), v1["sender"].as_str()),
        (Some("DELIVERED_TO_HANDSET"), Some("DemoCompany"))
    );

    // The history shows every status; the SMS pull API has the report too.
    let detail = ui(&h, "messages/s3").await;
    let history: Vec<&str> =
        detail["history"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(history, ["PENDING_ACCEPTED", "UNDELIVERABLE_NOT_DELIVERED"]);
    assert_eq!(detail["report"]["status"]["groupName"], "UNDELIVERABLE");
    let pulled = h.get("/sms/3/reports?messageId=s3", Some(KEY)).await.json();
    assert_eq!(pulled["results"][0]["status"]["groupName"], "UNDELIVERABLE");

    // Push again: the same report a second time; every attempt is listed for the message.
    let (code, v) = ui_post(&h, "messages/s3/push", &json!({})).await;
    assert_eq!((code, v["url"].as_str()), (200, Some(rx.url.as_str())));
    assert!(
        wait_until(Duration::from_secs(10), || rx.results().iter().filter(|r| r["messageId"] == "s3").count() == 2)
            .await
    );
    let mut attempts = Vec::new();
    for _ in 0..250 {
        attempts = ui(&h, "messages/s3").await["attemptsLog"].as_array().unwrap().clone();
        if attempts.len() == 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(attempts.len(), 2);
    assert!(
        attempts.iter().all(|a| a["status"] == 200 && a["url"] == rx.url.as_str() && a["kind"] == "delivery report")
    );
    // Overriding a final status works and pushes again; nothing to push without a webhook.
    assert_eq!(ui_post(&h, "messages/s3/status", &json!({"status": "DELIVERED"})).await.0, 200);
    assert!(
        wait_until(Duration::from_secs(10), || rx.results().iter().filter(|r| r["messageId"] == "s3").count() == 3)
            .await
    );
    assert_eq!(ui_post(&h, "messages/w-silent/push", &json!({})).await.0, 409);
    assert_eq!(ui_post(&h, "messages/s3/status", &json!({"status": "LOST"})).await.0, 400);
    assert_eq!(ui_post(&h, "messages/nope/status", &json!({"status": "DELIVERED"})).await.0, 404);
}

#[tokio::test]
async fn a_reply_is_an_inbound_message_stored_for_the_pull_api_and_pushed_in_the_channels_format() {
    let rx = Receiver::start(0).await;
    let (_e, h) =
        emulator(EmulatorConfig { inbound_webhook_url: Some(rx.url.clone()), ..EmulatorConfig::default() }).await;
    h.post("/sms/3/messages", Some(KEY), &sms("41793026727", "Reply YES to confirm")).await;
    h.post(
        "/whatsapp/1/message/text",
        Some(KEY),
        &json!({"from":"441134960000","to":"441134960001","content":{"text":"hi"}}),
    )
    .await;
    let sms_thread = thread_of(&h, "SMS", "41793026727").await["thread"]["id"].as_u64().unwrap();
    let (code, mo) = ui_post(&h, &format!("threads/{sms_thread}/reply"), &json!({"text": "YES please"})).await;
    assert_eq!(code, 200, "{mo}");
    assert_eq!(
        (mo["from"].as_str(), mo["to"].as_str(), mo["keyword"].as_str()),
        (Some("41793026727"), Some("InfoSMS"), Some("YES"))
    );
    let wa_thread = thread_of(&h, "WHATSAPP", "441134960001").await["thread"]["id"].as_u64().unwrap();
    let (code, wa) =
        ui_post(&h, &format!("threads/{wa_thread}/reply"), &json!({"text": "<script>alert(1)</script>"})).await;
    assert_eq!(code, 200, "{wa}");
    assert_eq!((wa["integrationType"].as_str(), wa["message"]["type"].as_str()), (Some("WHATSAPP"), Some("TEXT")));

    // Pushed like /_emulator/inbound: MO_JSON_2 for SMS, WhatsApp's inbound format for WhatsApp.
    assert!(wait_until(Duration::from_secs(10), || rx.results().len() == 2).await);
    let results = rx.results();
    let sms_mo = results.iter().find(|r| r["text"] == "YES please").unwrap();
    assert_eq!((sms_mo["cleanText"].as_str(), sms_mo["from"].as_str()), (Some("please"), Some("41793026727")));
    let wa_mo = results.iter().find(|r| r["integrationType"] == "WHATSAPP").unwrap();
    assert_eq!(
        (wa_mo["message"]["text"].as_str(), wa_mo["from"].as_str(), wa_mo["to"].as_str()),
        (Some("<script>alert(1)</script>"), Some("441134960001"), Some("441134960000"))
    );
    // Only the SMS is in the SMS pull API.
    let pulled = h.get("/sms/1/inbox/reports", Some(KEY)).await.json();
    assert_eq!(pulled["results"].as_array().unwrap().len(), 1);
    assert_eq!(pulled["results"][0]["text"], "YES please");

    // The reply is in its thread, newest last, and can be pushed again.
    let t = ui(&h, &format!("threads/{sms_thread}")).await;
    let items = t["items"].as_array().unwrap();
    assert_eq!(
        (items.len(), items[1]["kind"].as_str(), items[1]["content"]["text"].as_str()),
        (2, Some("in"), Some("YES please"))
    );
    let id = items[1]["messageId"].as_str().unwrap();
    assert_eq!(ui_post(&h, &format!("messages/{id}/push"), &json!({})).await.0, 200);
    assert!(
        wait_until(Duration::from_secs(10), || rx.results().iter().filter(|r| r["text"] == "YES please").count() == 2)
            .await
    );

    // The admin endpoint takes a channel too; Viber's inbound format names the sender `sender`.
    let v = h
        .admin(
            "POST",
            "/inbound",
            Some(&json!({"channel": "VIBER", "from": "385916242493", "to": "DemoCompany", "text": "hey"})),
        )
        .await;
    assert_eq!(v.status, 200);
    assert_eq!(
        (v.json()["sender"].as_str(), v.json()["integrationType"].as_str()),
        (Some("385916242493"), Some("VIBER"))
    );
    assert_eq!(thread_of(&h, "VIBER", "385916242493").await["items"][0]["kind"], "in");
    assert_eq!(h.admin("POST", "/inbound", Some(&json!({"channel": "PIGEON", "text": "x"}))).await.status, 400);
    assert_eq!(ui_post(&h, "threads/999/reply", &json!({"text": "x"})).await.0, 404);
    assert_eq!(ui_post(&h, &format!("threads/{sms_thread}/reply"), &json!({"text": " "})).await.0, 400);
}

#[tokio::test]
async fn a_viber_bot_message_is_stored_in_its_viber_thread_and_reports_like_viber() {
    let rx = Receiver::start(0).await;
    let (e, h) = emulator(EmulatorConfig::default()).await;
    let bot = json!({"messages": [{"sender": "OFFICIAL-ACCOUNT-ID-123", "destinations": [{"to": "66855538125"}],
        "content": {"type": "TEXT", "text": "Hello from the bot"}, "webhooks": {"delivery": {"url": rx.url}}}]});
    let r = h.post("/viber-bot/1/messages", Some(KEY), &bot).await;
    assert_eq!(r.status, 200);
    let v = r.json();
    let id = v["messages"][0]["messageId"].as_str().unwrap().to_string();
    assert_eq!((v["messages"][0]["destination"].as_str(), v["bulkId"].is_string()), (Some("66855538125"), true));
    let t = thread_of(&h, "VIBER", "66855538125").await;
    assert_eq!(t["thread"]["sender"], "OFFICIAL-ACCOUNT-ID-123");
    assert_eq!(t["items"][0]["content"]["text"], "Hello from the bot");
    assert_eq!(e.flush_delivery_reports(), 1);
    assert!(wait_until(Duration::from_secs(10), || rx.count() == 1).await);
    let report = &rx.results()[0];
    assert_eq!((report["messageId"].as_str(), report["to"].as_str()), (Some(id.as_str()), Some("66855538125")));
    assert_eq!(report["status"]["groupName"], "DELIVERED");
}

#[tokio::test]
async fn messages_api_sends_are_stored_in_their_channels_threads_and_report_in_its_shape() {
    let rx = Receiver::start(0).await;
    let (e, h) = emulator(EmulatorConfig::default()).await;
    let hooks = json!({"delivery": {"url": rx.url}, "callbackData": "cb-1"});
    let request = json!({"messages": [
        {"channel": "WHATSAPP", "sender": "441134960000", "destinations": [{"to": "441134960009", "messageId": "ma-1"}],
         "content": {"body": {"type": "TEXT", "text": "Order shipped"}}, "webhooks": hooks},
        {"channel": "VIBER_BM", "sender": "DemoCompany", "destinations": [{"to": "385916242499"}],
         "content": {"body": {"type": "TEXT", "text": "Viber via Messages API"}}, "webhooks": hooks}],
        "options": {"schedule": {"bulkId": "ma-bulk"}}});
    let r = h.post("/messages-api/1/messages", Some(KEY), &request).await;
    assert_eq!(r.status, 200);
    let v = r.json();
    assert_eq!(v["bulkId"], "ma-bulk");
    assert_eq!(
        (v["messages"][0]["messageId"].as_str(), v["messages"][0]["destination"].as_str()),
        (Some("ma-1"), Some("441134960009"))
    );
    assert_eq!(
        (v["messages"][0]["status"]["id"].as_u64(), v["messages"][0]["status"]["name"].as_str()),
        (Some(26), Some("MESSAGE_ACCEPTED"))
    );
    let wa = thread_of(&h, "WHATSAPP", "441134960009").await;
    assert_eq!(
        (wa["items"][0]["content"]["text"].as_str(), wa["items"][0]["bulkId"].as_str()),
        (Some("Order shipped"), Some("ma-bulk"))
    );
    let vb = thread_of(&h, "VIBER", "385916242499").await;
    assert_eq!(vb["items"][0]["content"]["text"], "Viber via Messages API");

    // Reports in the Messages API's own shape, naming the channel as that API does.
    assert_eq!(e.flush_delivery_reports(), 2);
    assert!(wait_until(Duration::from_secs(10), || rx.count() == 2).await);
    let results = rx.results();
    let wa_report = results.iter().find(|r| r["messageId"] == "ma-1").unwrap();
    assert_eq!(
        (wa_report["event"].as_str(), wa_report["channel"].as_str(), wa_report["destination"].as_str()),
        (Some("DELIVERY"), Some("WHATSAPP"), Some("441134960009"))
    );
    assert_eq!((wa_report["bulkId"].as_str(), wa_report["callbackData"].as_str()), (Some("ma-bulk"), Some("cb-1")));
    assert!(wa_report.get("to").is_none(), "{wa_report}");
    assert!(results.iter().any(|r| r["channel"] == "VIBER_BM" && r["destination"] == "385916242499"));

    // A channel the inbox keeps no threads for is answered from the spec and not stored.
    let rcs = json!({"messages": [{"channel": "RCS", "sender": "DemoAgent", "destinations": [{"to": "441134960010"}],
        "content": {"body": {"type": "TEXT", "text": "rcs"}}}]});
    assert_eq!(h.post("/messages-api/1/messages", Some(KEY), &rcs).await.status, 200);
    assert_eq!(ui(&h, "overview").await["messages"], 2);
}

#[tokio::test]
async fn a_reply_in_an_email_thread_is_pushed_as_the_inbound_email_form() {
    let rx = Receiver::start(0).await;
    let (_e, h) =
        emulator(EmulatorConfig { inbound_webhook_url: Some(rx.url.clone()), ..EmulatorConfig::default() }).await;
    let v4 = json!({"messages": [{"sender": "jenny@company.com", "destinations": [{"to": [{"destination": "john.smith@example.com"}]}],
        "content": {"subject": "Your order", "text": "It ships today"}}]});
    assert_eq!(h.post("/email/4/messages", Some(KEY), &v4).await.status, 200);
    let thread = thread_of(&h, "EMAIL", "john.smith@example.com").await["thread"]["id"].as_u64().unwrap();
    let (code, mo) = ui_post(&h, &format!("threads/{thread}/reply"), &json!({"text": "Thanks <3"})).await;
    assert_eq!(code, 200, "{mo}");
    assert_eq!((mo["from"].as_str(), mo["to"].as_str()), (Some("john.smith@example.com"), Some("jenny@company.com")));

    // Pushed on its own as `multipart/form-data`, the form of Infobip's `receive-inbound-email`.
    assert!(wait_until(Duration::from_secs(10), || rx.other.lock().unwrap().len() == 1).await);
    let (content_type, body) = rx.other.lock().unwrap()[0].clone();
    let boundary = content_type.strip_prefix("multipart/form-data; boundary=").expect(&content_type).to_string();
    let text = String::from_utf8(body.to_vec()).unwrap();
    let field = |name: &str| {
        let start = format!("name=\"{name}\"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n");
        let at = text.find(&start).unwrap_or_else(|| panic!("no field {name} in {text}")) + start.len();
        text[at..].split(&format!("\r\n--{boundary}")).next().unwrap().to_string()
    };
    assert_eq!(
        (field("from"), field("to"), field("text"), field("spfCheck")),
        ("john.smith@example.com".into(), "jenny@company.com".into(), "Thanks <3".into(), "pass".into())
    );
    assert_eq!(field("html"), "<div>Thanks &lt;3</div>");
    assert_eq!(field("subject"), "Re: Your order");
    let envelope: Value = serde_json::from_str(&field("envelope")).unwrap();
    assert_eq!(envelope, json!({"from": "john.smith@example.com", "to": "jenny@company.com"}));
    assert_eq!(rx.count(), 0, "nothing went out as a JSON batch");

    // It is in the thread, and pushing it again sends the form a second time.
    let t = ui(&h, &format!("threads/{thread}")).await;
    let items = t["items"].as_array().unwrap();
    assert_eq!((items.len(), items[1]["kind"].as_str()), (2, Some("in")));
    let id = items[1]["messageId"].as_str().unwrap();
    assert_eq!(id, field("id"));
    assert_eq!(ui_post(&h, &format!("messages/{id}/push"), &json!({})).await.0, 200);
    assert!(wait_until(Duration::from_secs(10), || rx.other.lock().unwrap().len() == 2).await);
}

#[tokio::test]
async fn a_click_on_a_tracked_link_pushes_a_click_report() {
    let rx = Receiver::start(0).await;
    let (_e, h) = emulator(EmulatorConfig::default()).await;
    let tracked = json!({"messages":[{"destinations":[{"to":"41793026727","messageId":"t1"}],"content":{"text":"See https://example.com/offer"}}],
        "options":{"tracking":{"trackClicks": true, "trackingUrl": rx.url}}});
    h.post("/sms/3/messages", Some(KEY), &tracked).await;
    h.post("/sms/3/messages", Some(KEY), &json!({"messages":[{"destinations":[{"to":"41793026727","messageId":"t2"}],"content":{"text":"https://x.example"}}]})).await;
    let (code, v) = ui_post(&h, "messages/t1/click", &json!({"url": "https://example.com/offer"})).await;
    assert_eq!(code, 200, "{v}");
    assert!(wait_until(Duration::from_secs(10), || rx.bodies.lock().unwrap().len() == 1).await);
    let click = rx.bodies.lock().unwrap()[0].clone();
    assert_eq!(
        (
            click["notificationType"].as_str(),
            click["url"].as_str(),
            click["messageId"].as_str(),
            click["recipient"].as_str()
        ),
        (Some("CLICKED"), Some("https://example.com/offer"), Some("t1"), Some("41793026727"))
    );
    assert_eq!(ui(&h, "messages/t1").await["clicks"][0]["url"], "https://example.com/offer");
    assert_eq!(ui_post(&h, "messages/t2/click", &json!({"url": "https://x.example"})).await.0, 409, "not tracked");
}

#[tokio::test]
async fn a_message_shows_its_raw_request_request_id_encoding_and_parts() {
    let (_e, h) = emulator(EmulatorConfig::default()).await;
    let text = "Čaj ✓ ".repeat(20);
    let r = h.post("/sms/3/messages", Some(KEY), &sms("41793026727", &text)).await;
    let request_id = r.headers.get("x-request-id").unwrap().to_str().unwrap().to_string();
    let id = r.json()["messages"][0]["messageId"].as_str().unwrap().to_string();
    let d = ui(&h, &format!("messages/{id}")).await;
    assert_eq!(d["requestId"], request_id.as_str(), "the response's X-Request-ID");
    assert_eq!((d["sms"]["encoding"].as_str(), d["sms"]["parts"].as_u64()), (Some("UCS-2"), Some(2)));
    assert_eq!(d["sms"]["ucs2Characters"], json!(["Č", "✓"]));
    assert_eq!(d["price"]["currency"], "EUR");
    let req = &d["request"];
    assert_eq!((req["method"].as_str(), req["target"].as_str()), (Some("POST"), Some("/sms/3/messages")));
    assert!(req["body"].as_str().unwrap().contains("Čaj"));
    let auth = req["headers"].as_array().unwrap().iter().find(|h| h[0] == "authorization").unwrap();
    assert_eq!(auth[1], "App ****", "the key is not shown");
    let gsm = h.post("/sms/3/messages", Some(KEY), &sms("41793026727", "plain {text}")).await.json();
    let d = ui(&h, &format!("messages/{}", gsm["messages"][0]["messageId"].as_str().unwrap())).await;
    assert_eq!((d["sms"]["encoding"].as_str(), d["sms"]["ucs2Characters"].clone()), (Some("GSM-7"), json!([])));
    let q = h.get("/sms/3/text/query?from=InfoSMS&to=41793026727&text=query%20send", Some(KEY)).await;
    assert_eq!(q.status, 200);
    let t = thread_of(&h, "SMS", "41793026727").await;
    let last = t["items"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["content"]["text"], "query send");
    assert!(
        ui(&h, &format!("messages/{}", last["messageId"].as_str().unwrap())).await["request"]["target"]
            .as_str()
            .unwrap()
            .starts_with("/sms/3/text/query?from=InfoSMS&to=")
    );
}

#[tokio::test]
async fn pins_are_listed_per_application_with_attempts_and_verified_state() {
    let (e, h) = emulator(EmulatorConfig::default()).await;
    let app = h.post("/2fa/2/applications", Some(KEY), &json!({"name": "Shop login"})).await.json();
    let app_id = app["applicationId"].as_str().unwrap();
    let tpl = h
        .post(
            &format!("/2fa/2/applications/{app_id}/messages"),
            Some(KEY),
            &json!({"messageText": "Code {{pin}}", "pinLength": 6, "pinType": "NUMERIC"}),
        )
        .await
        .json();
    let pin = h
        .post(
            "/2fa/2/pin",
            Some(KEY),
            &json!({"applicationId": app_id, "messageId": tpl["messageId"], "to": "41793026727"}),
        )
        .await
        .json();
    let pin_id = pin["pinId"].as_str().unwrap_or_else(|| panic!("{pin} {tpl}"));
    h.post(&format!("/2fa/2/pin/{pin_id}/verify"), Some(KEY), &json!({"pin": "000000x"})).await;
    let v = ui(&h, "pins").await;
    let a = &v["applications"][0];
    assert_eq!((a["applicationId"].as_str(), a["name"].as_str()), (Some(app_id), Some("Shop login")));
    let p = &a["pins"][0];
    assert_eq!(
        (p["to"].as_str(), p["verified"].as_bool(), p["attemptsRemaining"].as_u64()),
        (Some("41793026727"), Some(false), Some(9))
    );
    assert_eq!(p["pin"].as_str().unwrap(), e.pin(pin_id).unwrap());
    h.post(&format!("/2fa/2/pin/{pin_id}/verify"), Some(KEY), &json!({"pin": e.pin(pin_id).unwrap()})).await;
    assert_eq!(ui(&h, "pins").await["applications"][0]["pins"][0]["verified"], true);
}

#[tokio::test]
async fn state_changes_from_another_origin_or_host_are_refused_and_curl_keeps_working() {
    let (e, _h) = emulator(EmulatorConfig::default()).await;
    let addr = e.addr();
    let own = format!("127.0.0.1:{}", addr.port());
    let own_origin = format!("http://{own}");
    for path in ["/_emulator/reset", "/_emulator/ui/api/messages/x/push"] {
        assert_eq!(
            raw_status(addr, "POST", path, &[("Host", &own), ("Origin", "http://evil.example")]).await,
            403,
            "{path}"
        );
        assert_eq!(
            raw_status(addr, "POST", path, &[("Host", &own), ("Origin", "http://127.0.0.1:1")]).await,
            403,
            "{path}"
        );
        assert_eq!(
            raw_status(addr, "POST", path, &[("Host", &own), ("Sec-Fetch-Site", "cross-site")]).await,
            403,
            "{path}"
        );
        assert_eq!(
            raw_status(addr, "POST", path, &[("Host", &format!("evil.example:{}", addr.port()))]).await,
            403,
            "{path}"
        );
    }
    assert_eq!(
        raw_status(addr, "DELETE", "/_emulator/faults", &[("Host", &own), ("Origin", "https://evil.example")]).await,
        403
    );
    assert_eq!(raw_status(addr, "GET", "/_emulator/ui/", &[("Host", "rebound.example")]).await, 403, "DNS rebinding");
    // curl: no Origin. The page itself: its own origin. Both work.
    assert_eq!(raw_status(addr, "POST", "/_emulator/reset", &[("Host", &own)]).await, 200);
    assert_eq!(
        raw_status(
            addr,
            "POST",
            "/_emulator/reset",
            &[("Host", &own), ("Origin", &own_origin), ("Sec-Fetch-Site", "same-origin")]
        )
        .await,
        200
    );
    assert_eq!(
        raw_status(addr, "POST", "/_emulator/reset", &[("Host", &format!("localhost:{}", addr.port()))]).await,
        200
    );
    assert_eq!(
        raw_status(addr, "GET", "/_emulator/ui/", &[("Host", &own), ("Sec-Fetch-Site", "cross-site")]).await,
        200,
        "a link to the page"
    );
    // The API itself is not guarded (SDKs and their tests call it as they always did).
    assert_eq!(
        raw_status(addr, "GET", "/sms/3/logs", &[("Host", "evil.example"), ("Authorization", "App emulator-api-key")])
            .await,
        200
    );
}

#[tokio::test]
async fn the_event_stream_says_change_when_a_message_arrives() {
    let (e, h) = emulator(EmulatorConfig::default()).await;
    let client = hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
        .build_http::<http_body_util::Empty<bytes::Bytes>>();
    let uri = format!("{}/_emulator/ui/api/events", e.base_url());
    let resp = client.get(uri.parse().unwrap()).await.unwrap();
    assert_eq!(resp.headers()["content-type"], "text/event-stream");
    let mut body = resp.into_body();
    let mut seen = String::new();
    let mut next_event = async |seen: &mut String| {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(end) = seen.find("\n\n") {
                let event: String = seen.drain(..end + 2).collect();
                if event.contains("event: change") {
                    return event;
                }
                continue;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            let frame = tokio::time::timeout(left, body.frame()).await.expect("an event in time").unwrap().unwrap();
            seen.push_str(&String::from_utf8_lossy(&frame.into_data().unwrap()));
        }
    };
    let first = next_event(&mut seen).await;
    assert!(first.starts_with("retry: "), "{first}");
    let sent = Instant::now();
    assert_eq!(h.post("/sms/3/messages", Some(KEY), &sms("41793026727", "live")).await.status, 200);
    let change = next_event(&mut seen).await;
    println!("change event {:?} after the send", sent.elapsed());
    assert!(change.contains("data: "), "{change}");
    let version = |event: &str| event.lines().find_map(|l| l.strip_prefix("data: ")).map(str::to_string);
    assert_ne!(version(&first), version(&change), "a new version");
}

#[tokio::test]
async fn a_hundred_thousand_messages_stay_paged() {
    let (_e, h) = emulator(EmulatorConfig { max_body_bytes: 16 * 1024 * 1024, ..EmulatorConfig::default() }).await;
    // One thread of 50,000 messages and 50,000 one-message threads, in two requests.
    let same: Vec<Value> = (0..50_000).map(|_| json!({"to": "41793026727"})).collect();
    let many: Vec<Value> = (0..50_000).map(|i| json!({"to": format!("3859{i:08}")})).collect();
    for destinations in [same, many] {
        let body = json!({"messages":[{"sender":"InfoSMS","destinations": destinations,"content":{"text":"bulk"}}]});
        let r = h.post("/sms/3/messages", Some(KEY), &body).await;
        assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body[..r.body.len().min(300)]));
    }
    let start = Instant::now();
    let list = ui(&h, "threads").await;
    let list_time = start.elapsed();
    assert_eq!(list["total"], 50_001);
    assert_eq!(list["threads"].as_array().unwrap().len(), 50);
    let big = ui(&h, "threads?destination=41793026727").await["threads"][0]["id"].as_u64().unwrap();
    let start = Instant::now();
    let page = ui(&h, &format!("threads/{big}")).await;
    let thread_time = start.elapsed();
    assert_eq!((page["total"].as_u64(), page["items"].as_array().unwrap().len()), (Some(50_000), 50));
    assert_eq!(page["before"], "49950");
    let overview = ui(&h, "overview").await;
    assert_eq!(overview["messages"], 100_000);
    println!("100,000 messages: thread list page {list_time:?}, last page of a 50,000-message thread {thread_time:?}");
}

#[tokio::test]
async fn with_the_ui_off_the_page_and_its_api_are_not_served() {
    let (e, h) = emulator(EmulatorConfig { ui: false, ..EmulatorConfig::default() }).await;
    assert_eq!(e.inbox_url(), None);
    assert_eq!(h.get("/_emulator/ui/", None).await.status, 404);
    assert_eq!(h.get("/_emulator/ui/api/threads", None).await.status, 404);
    // Sends are stored all the same.
    assert_eq!(
        h.post("/whatsapp/1/message/text", Some(KEY), &json!({"from":"1","to":"2","content":{"text":"x"}}))
            .await
            .status,
        200
    );
    assert_eq!(e.message_count(), 1);
    let (on, h) = emulator(EmulatorConfig::default()).await;
    assert_eq!(on.inbox_url(), Some(format!("{}/_emulator/ui/", on.base_url())));
    assert_eq!(on.inbox_line(), Some(format!("Inbox: {}/_emulator/ui/", on.base_url())));
    let page = h.get("/_emulator/ui/", None).await;
    assert_eq!(page.status, 200);
    assert!(page.headers["content-security-policy"].to_str().unwrap().contains("script-src 'self'"));
    assert_eq!(h.get("/_emulator/ui", None).await.status, 308);
    assert_eq!(h.get("/_emulator/ui/app.js", None).await.status, 200);
    assert_eq!(h.get("/_emulator/ui/nope.js", None).await.status, 404);
}
