//! What the SMS calls put on the wire, byte for byte: method, path, raw query, headers, body.
//! Nothing the caller did not set is sent (no `null`s, no defaults), except the ids `send`
//! assigns.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod sms_support;

use chrono::{DateTime, Duration, SubsecRound, Utc};
use infobip::sms::*;
use serde_json::{Value, json};
use wiremock::matchers::{method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

const SEND_RESPONSE: &str = r#"{"bulkId":"b-1","messages":[{"messageId":"m-1","status":{"groupId":1,"groupName":"PENDING","id":26,"name":"PENDING_ACCEPTED","description":"Message sent to next instance"},"destination":"41793026727","details":{"messageCount":1}}]}"#;

async fn server(body: &str) -> MockServer {
    let server = common::server().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(body.to_owned(), "application/json")
                .insert_header("X-Request-Id", "rid-7"),
        )
        .mount(&server)
        .await;
    server
}

async fn only_request(server: &MockServer) -> wiremock::Request {
    let mut received = server.received_requests().await.unwrap();
    assert_eq!(received.len(), 1, "exactly one request");
    received.remove(0)
}

fn body_text(request: &wiremock::Request) -> String {
    String::from_utf8(request.body.clone()).unwrap()
}

/// Checks method, path, raw query (None: no query at all) and the standard headers.
fn assert_wire(request: &wiremock::Request, verb: &str, path: &str, query: Option<&str>, has_body: bool) {
    assert_eq!(request.method.as_str(), verb);
    assert_eq!(request.url.path(), path);
    assert_eq!(request.url.query(), query);
    sms_support::assert_headers(request, has_body);
}

fn tomorrow() -> DateTime<Utc> {
    (Utc::now() + Duration::days(1)).trunc_subsecs(3)
}

fn is_uuid_v4(text: &str) -> bool {
    uuid::Uuid::parse_str(text).map(|u| u.get_version_num() == 4).unwrap_or(false)
}

#[tokio::test]
async fn send_with_ids_given_sends_exactly_those() {
    let server = server(SEND_RESPONSE).await;
    let client = common::builder(&server).build().unwrap();
    let request = SmsRequest::new()
        .message(
            SmsMessage::text("Hello").destination(Destination::to("41793026727").message_id("m-1")).sender("InfoSMS"),
        )
        .bulk_id("b-1");
    let sent = client.sms().send(request).await.unwrap();
    let req = only_request(&server).await;
    assert_wire(&req, "POST", "/sms/3/messages", None, true);
    assert_eq!(
        body_text(&req),
        r#"{"messages":[{"sender":"InfoSMS","destinations":[{"to":"41793026727","messageId":"m-1"}],"content":{"text":"Hello"}}],"options":{"schedule":{"bulkId":"b-1"}}}"#
    );
    assert_eq!(sent.bulk_id.as_deref(), Some("b-1"));
    assert_eq!(sent.request_id.as_deref(), Some("rid-7"));
    let message = &sent.messages[0];
    assert_eq!(message.message_id.as_deref(), Some("m-1"));
    assert_eq!(message.destination.as_deref(), Some("41793026727"));
    assert_eq!(message.message_count(), Some(1));
    let status = message.status.as_ref().unwrap();
    assert_eq!(status.group(), StatusGroup::Pending);
    assert_eq!((status.group_id, status.id, status.name.as_deref()), (Some(1), Some(26), Some("PENDING_ACCEPTED")));
}

#[tokio::test]
async fn the_one_liner_sends_its_text_sender_and_the_assigned_ids_only() {
    let server = server(SEND_RESPONSE).await;
    let client = common::builder(&server).build().unwrap();
    client.sms().send(SmsRequest::text("41793026727", "Hello").sender("InfoSMS")).await.unwrap();
    let req = only_request(&server).await;
    assert_wire(&req, "POST", "/sms/3/messages", None, true);
    let body: Value = serde_json::from_slice(&req.body).unwrap();
    let bulk = body["options"]["schedule"]["bulkId"].as_str().unwrap();
    let id = body["messages"][0]["destinations"][0]["messageId"].as_str().unwrap();
    assert!(is_uuid_v4(bulk) && is_uuid_v4(id), "{bulk} {id}");
    assert_eq!(
        body_text(&req),
        format!(
            r#"{{"messages":[{{"sender":"InfoSMS","destinations":[{{"to":"41793026727","messageId":"{id}"}}],"content":{{"text":"Hello"}}}}],"options":{{"schedule":{{"bulkId":"{bulk}"}}}}}}"#
        )
    );
}

#[tokio::test]
async fn send_assigns_uuid_ids_where_none_are_given_and_keeps_given_ones() {
    let server = server(SEND_RESPONSE).await;
    let client = common::builder(&server).build().unwrap();
    let request = SmsRequest::new().message(
        SmsMessage::text("Hi").to("41793026727").destination(Destination::to("41793026834").message_id("mine")),
    );
    client.sms().send(request).await.unwrap();
    let req = only_request(&server).await;
    assert_wire(&req, "POST", "/sms/3/messages", None, true);
    let mut body: Value = serde_json::from_slice(&req.body).unwrap();
    let bulk = body["options"]["schedule"]["bulkId"].as_str().unwrap().to_owned();
    let first = body["messages"][0]["destinations"][0]["messageId"].as_str().unwrap().to_owned();
    assert!(is_uuid_v4(&bulk) && is_uuid_v4(&first), "{bulk} {first}");
    assert_ne!(bulk, first);
    body["options"]["schedule"]["bulkId"] = json!("B");
    body["messages"][0]["destinations"][0]["messageId"] = json!("M");
    assert_eq!(
        body.to_string(),
        r#"{"messages":[{"destinations":[{"to":"41793026727","messageId":"M"},{"to":"41793026834","messageId":"mine"}],"content":{"text":"Hi"}}],"options":{"schedule":{"bulkId":"B"}}}"#
    );
}

#[tokio::test]
async fn send_with_every_field_of_the_spec() {
    let server = server(SEND_RESPONSE).await;
    let client = common::builder(&server).build().unwrap();
    let at = tomorrow();
    let message = SmsMessage::text("Artık Türkçe")
        .destination(Destination::to("41793026727").message_id("m-1").network_id(310))
        .sender("InfoSMS")
        .transliteration(Transliteration::Turkish)
        .language(Language::code(LanguageCode::Tr).single_shift(true).locking_shift(false))
        .entity_id("entity")
        .application_id("app")
        .validity_period(ValidityPeriod::hours(2))
        .delivery_time_window(
            DeliveryTimeWindow::days([DeliveryDay::Monday, DeliveryDay::Friday])
                .between(DeliveryTime::new(6, 0), DeliveryTime::new(15, 30)),
        )
        .campaign_reference_id("summer")
        .india_dlt(IndiaDlt {
            content_template_id: Some("t".into()),
            principal_entity_id: "p".into(),
            telemarketer_id: Some("tm".into()),
        })
        .turkey_iys(TurkeyIys { brand_code: Some(7), recipient_type: IysRecipientType::Tacir })
        .south_korea(SouthKorea { reseller_code: Some(123456789), title: Some("Title".into()) })
        .flash(true)
        .delivery_url("https://example.com/dlr")
        .intermediate_report(true)
        .notify(true)
        .webhook_content_type("application/json")
        .callback_data("cb");
    let request = SmsRequest::new()
        .message(message)
        .message(SmsMessage::binary("48 69").data_coding(8).esm_class(0).to("41793026834").sender("InfoSMS"))
        .bulk_id("b-1")
        .send_at(at)
        .sending_speed_limit(SendingSpeedLimit::new(10, SpeedLimitUnit::Hour))
        .tracking(UrlTracking {
            shorten_url: Some(true),
            track_clicks: Some(false),
            tracking_url: Some("https://example.com/clicks".into()),
            remove_protocol: Some(true),
            custom_domain: Some("ex.co".into()),
        })
        .include_sms_count(true)
        .conversion_tracking(ConversionTracking {
            use_conversion_tracking: Some(true),
            conversion_tracking_name: Some("OTP".into()),
        });
    client.sms().send(request).await.unwrap();
    let req = only_request(&server).await;
    assert_wire(&req, "POST", "/sms/3/messages", None, true);
    let expected = json!({
        "messages": [
            {
                "sender": "InfoSMS",
                "destinations": [{"to": "41793026727", "messageId": "m-1", "networkId": 310}],
                "content": {"text": "Artık Türkçe", "transliteration": "TURKISH", "language": {"languageCode": "TR", "singleShift": true, "lockingShift": false}},
                "options": {
                    "platform": {"entityId": "entity", "applicationId": "app"},
                    "validityPeriod": {"amount": 2, "timeUnit": "HOURS"},
                    "deliveryTimeWindow": {"days": ["MONDAY", "FRIDAY"], "from": {"hour": 6, "minute": 0}, "to": {"hour": 15, "minute": 30}},
                    "campaignReferenceId": "summer",
                    "regional": {
                        "indiaDlt": {"contentTemplateId": "t", "principalEntityId": "p", "telemarketerId": "tm"},
                        "turkeyIys": {"brandCode": 7, "recipientType": "TACIR"},
                        "southKorea": {"resellerCode": 123456789, "title": "Title"}
                    },
                    "flash": true
                },
                "webhooks": {
                    "delivery": {"url": "https://example.com/dlr", "intermediateReport": true, "notify": true},
                    "contentType": "application/json",
                    "callbackData": "cb"
                }
            },
            {
                "sender": "InfoSMS",
                "destinations": [{"to": "41793026834", "messageId": "ASSIGNED"}],
                "content": {"hex": "48 69", "dataCoding": 8, "esmClass": 0}
            }
        ],
        "options": {
            "schedule": {"bulkId": "b-1", "sendAt": infobip::time::format(&at), "sendingSpeedLimit": {"amount": 10, "timeUnit": "HOUR"}},
            "tracking": {"shortenUrl": true, "trackClicks": false, "trackingUrl": "https://example.com/clicks", "removeProtocol": true, "customDomain": "ex.co"},
            "includeSmsCountInResponse": true,
            "conversionTracking": {"useConversionTracking": true, "conversionTrackingName": "OTP"}
        }
    });
    let mut body: Value = serde_json::from_slice(&req.body).unwrap();
    let assigned = &mut body["messages"][1]["destinations"][0]["messageId"];
    assert!(is_uuid_v4(assigned.as_str().unwrap()));
    *assigned = json!("ASSIGNED");
    // Same keys in the same order: compare the bytes of both.
    assert_eq!(body.to_string(), expected.to_string());
    assert!(at.to_rfc3339().len() > 10 && !body_text(&req).contains("null"));
    // Every property of the spec's request schema was sent, and nothing the spec does not name.
    let spec = sms_support::spec("infobip-sms-openapi.json");
    let in_spec = sms_support::request_paths(&spec, "post", "/sms/3/messages");
    let sent = sms_support::value_paths(&body);
    assert_eq!(in_spec.difference(&sent).collect::<Vec<_>>(), Vec::<&String>::new(), "spec fields not sent");
    assert_eq!(sent.difference(&in_spec).collect::<Vec<_>>(), Vec::<&String>::new(), "fields not in the spec");
    assert_eq!(in_spec.len(), 68, "the spec's request schema changed");
}

#[tokio::test]
async fn send_query_encodes_every_parameter() {
    let server = server(SEND_RESPONSE).await;
    let client = common::builder(&server).build().unwrap();
    let at = tomorrow();
    let mut query =
        SendQuery::new(["41793026727", "41793026834"], "Hi & bye +1").from("Info SMS").bulk_id("b 1").send_at(at);
    query.flash = Some(true);
    query.transliteration = Some(Transliteration::Greek);
    query.language_code = Some(LanguageCode::Tr);
    query.intermediate_report = Some(false);
    query.notify_url = Some("https://example.com/dlr?x=1".into());
    query.notify_content_type = Some("application/json".into());
    query.callback_data = Some("cb".into());
    query.validity_period = Some(60);
    query.include_sms_count_in_response = Some(true);
    query.tracking_url = Some("https://example.com/t".into());
    query.tracking_type = Some("ONE_TIME_PIN".into());
    query.india_dlt_content_template_id = Some("t".into());
    query.india_dlt_principal_entity_id = Some("p".into());
    query.india_dlt_telemarketer_id = Some("tm".into());
    query.turkey_iys_brand_code = Some(7);
    query.turkey_iys_recipient_type = Some(IysRecipientType::Bireysel);
    query.south_korea_reseller_code = Some(9);
    query.south_korea_title = Some("T".into());
    let sent = client.sms().send_query(query).await.unwrap();
    assert_eq!(sent.bulk_id.as_deref(), Some("b-1"));
    let req = only_request(&server).await;
    let send_at = infobip::time::format(&at).replace(':', "%3A").replace('+', "%2B");
    let expected = format!(
        "bulkId=b%201&from=Info%20SMS&to=41793026727&to=41793026834&text=Hi%20%26%20bye%20%2B1&flash=true&transliteration=GREEK&languageCode=TR&intermediateReport=false&notifyUrl=https%3A%2F%2Fexample.com%2Fdlr%3Fx%3D1&notifyContentType=application%2Fjson&callbackData=cb&validityPeriod=60&sendAt={send_at}&includeSmsCountInResponse=true&trackingUrl=https%3A%2F%2Fexample.com%2Ft&trackingType=ONE_TIME_PIN&indiaDltContentTemplateId=t&indiaDltPrincipalEntityId=p&indiaDltTelemarketerId=tm&turkeyIysBrandCode=7&turkeyIysRecipientType=BIREYSEL&southKoreaResellerCode=9&southKoreaTitle=T"
    );
    assert_wire(&req, "GET", "/sms/3/text/query", Some(&expected), false);
}

#[tokio::test]
async fn send_query_minimal_sends_only_to_text_and_the_assigned_bulk_id() {
    let server = server(SEND_RESPONSE).await;
    let client = common::builder(&server).build().unwrap();
    client.sms().send_query(SendQuery::new(["41793026727"], "Hi")).await.unwrap();
    let req = only_request(&server).await;
    let query = req.url.query().unwrap();
    let bulk = query.rsplit_once("&bulkId=").unwrap().1;
    assert!(is_uuid_v4(bulk), "{query}");
    assert_wire(&req, "GET", "/sms/3/text/query", Some(&format!("to=41793026727&text=Hi&bulkId={bulk}")), false);
}

#[tokio::test]
async fn preview_sends_the_text_and_only_the_options_given() {
    let server = server(r#"{"originalText":"Hi","previews":[{"textPreview":"Hi","messageCount":1,"charactersRemaining":158,"configuration":{}}]}"#).await;
    let client = common::builder(&server).build().unwrap();
    let preview = client.sms().preview(&PreviewRequest::new("Hi").language_code("TR")).await.unwrap();
    let req = only_request(&server).await;
    assert_wire(&req, "POST", "/sms/1/preview", None, true);
    assert_eq!(body_text(&req), r#"{"text":"Hi","languageCode":"TR"}"#);
    assert_eq!(preview.previews[0].characters_remaining, Some(158));
    assert_eq!(preview.previews[0].configuration, Some(PreviewConfiguration::default()));
}

#[tokio::test]
async fn delivery_reports_with_every_filter_and_with_none() {
    let server = server(r#"{"results":[{"messageId":"m-1","sentAt":"2026-12-24T09:30:00.000+0100","status":{"groupName":"DELIVERED"},"error":{"id":0,"permanent":false}}]}"#).await;
    let client = common::builder(&server).build().unwrap();
    let filter = ReportsFilter::new()
        .bulk_id("b 1")
        .message_id("m/1")
        .limit(1000)
        .entity_id("e")
        .application_id("a")
        .campaign_reference_id("c");
    let reports = client.sms().delivery_reports(&filter).await.unwrap();
    assert_eq!(reports.results[0].status.as_ref().unwrap().group(), StatusGroup::Delivered);
    assert!(!reports.results[0].error.as_ref().unwrap().is_permanent());
    client.sms().delivery_reports(&ReportsFilter::new()).await.unwrap();
    let received = server.received_requests().await.unwrap();
    assert_eq!(received.len(), 2);
    assert_wire(
        &received[0],
        "GET",
        "/sms/3/reports",
        Some("bulkId=b%201&messageId=m%2F1&limit=1000&entityId=e&applicationId=a&campaignReferenceId=c"),
        false,
    );
    assert_wire(&received[1], "GET", "/sms/3/reports", None, false);
}

#[tokio::test]
async fn v1_delivery_reports() {
    let server =
        server(r#"{"results":[{"messageId":"m","from":"S","smsCount":2,"error":{"groupName":"Ok","id":0}}]}"#).await;
    let client = common::builder(&server).build().unwrap();
    let reports = client.sms().delivery_reports_v1(&ReportsFilter::new().limit(5)).await.unwrap();
    assert_eq!(reports.results[0].sms_count, Some(2));
    assert_wire(&only_request(&server).await, "GET", "/sms/1/reports", Some("limit=5"), false);
}

#[tokio::test]
async fn logs_page_with_every_filter() {
    let server = server(r#"{"results":[],"cursor":{"limit":100}}"#).await;
    let client = common::builder(&server).build().unwrap();
    let since = infobip::time::parse("2026-12-24T09:30:00.123+01:00").unwrap();
    let until = infobip::time::parse("2026-12-24T10:00:00Z").unwrap();
    let filter = LogsFilter::new()
        .mcc("228")
        .mnc("01")
        .sender("Info SMS")
        .destination("41793026727")
        .bulk_id("b1")
        .bulk_id("b 2")
        .message_id("m1")
        .message_id("m2")
        .general_status(StatusGroup::Delivered)
        .sent_since(since)
        .sent_until(until)
        .limit(100)
        .entity_id("e")
        .application_id("a")
        .campaign_reference_id("c1")
        .campaign_reference_id("c2");
    let page = client.sms().logs_page(&filter, Some("abc=")).await.unwrap();
    assert!(page.results.is_empty() && page.next_cursor().is_none());
    assert_wire(
        &only_request(&server).await,
        "GET",
        "/sms/3/logs",
        Some(
            "mcc=228&mnc=01&sender=Info%20SMS&destination=41793026727&bulkId=b1&bulkId=b%202&messageId=m1&messageId=m2&generalStatus=DELIVERED&sentSince=2026-12-24T08%3A30%3A00.123%2B0000&sentUntil=2026-12-24T10%3A00%3A00.000%2B0000&limit=100&entityId=e&applicationId=a&campaignReferenceId=c1&campaignReferenceId=c2&useCursor=true&cursor=abc%3D",
        ),
        false,
    );
}

#[tokio::test]
async fn logs_stream_follows_the_cursor_to_the_end() {
    let server = common::server().await;
    let log = |id: &str| json!({"messageId": id, "bulkId": "b", "content": {"text": "x"}});
    Mock::given(method("GET"))
        .and(path("/sms/3/logs"))
        .and(query_param_is_missing("cursor"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"results": [log("1"), log("2")], "cursor": {"limit": 2, "nextCursor": "p2"}})),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/sms/3/logs"))
        .and(query_param("cursor", "p2"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"results": [log("3")], "cursor": {"limit": 2, "nextCursor": null}})),
        )
        .mount(&server)
        .await;
    let client = common::builder(&server).build().unwrap();
    let logs: Vec<SmsLog> =
        client.sms().logs(LogsFilter::new().bulk_id("b").limit(2)).map(Result::unwrap).collect().await;
    let ids: Vec<_> = logs.iter().map(|l| l.message_id.clone().unwrap()).collect();
    assert_eq!(ids, ["1", "2", "3"]);
    let received = server.received_requests().await.unwrap();
    assert_eq!(received.len(), 2);
    assert_wire(&received[0], "GET", "/sms/3/logs", Some("bulkId=b&limit=2&useCursor=true"), false);
    assert_wire(&received[1], "GET", "/sms/3/logs", Some("bulkId=b&limit=2&useCursor=true&cursor=p2"), false);
}

/// A server that answers every page with the same `nextCursor` does not make the stream spin:
/// the first page's logs, the second page's, then a `decode` error naming the cursor, after
/// exactly two requests.
#[tokio::test]
async fn logs_stream_ends_with_a_decode_error_when_the_server_repeats_a_cursor() {
    let server = server(r#"{"results":[{"messageId":"1"},{"messageId":"2"}],"cursor":{"nextCursor":"again"}}"#).await;
    let client = common::builder(&server).build().unwrap();
    let items: Vec<_> = client.sms().logs(LogsFilter::new().limit(2)).take(100).collect().await;
    assert_eq!(items.len(), 5, "four logs and one error: {items:?}");
    assert!(items[..4].iter().all(Result::is_ok));
    let err = items[4].as_ref().unwrap_err();
    assert_eq!(err.code(), "decode");
    assert!(err.to_string().contains("\"again\""), "{err}");
    let received = server.received_requests().await.unwrap();
    assert_eq!(received.len(), 2, "no request after the repeated cursor");
    assert_wire(&received[1], "GET", "/sms/3/logs", Some("limit=2&useCursor=true&cursor=again"), false);
}

/// An empty page ends the stream even when it names a next cursor.
#[tokio::test]
async fn logs_stream_ends_at_an_empty_page() {
    let server = server(r#"{"results":[],"cursor":{"nextCursor":"more"}}"#).await;
    let client = common::builder(&server).build().unwrap();
    let items: Vec<_> = client.sms().logs(LogsFilter::new()).take(100).collect().await;
    assert!(items.is_empty(), "{items:?}");
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn logs_stream_stops_at_the_callers_limit() {
    let server =
        server(r#"{"results":[{"messageId":"1"},{"messageId":"2"},{"messageId":"3"}],"cursor":{"nextCursor":"more"}}"#)
            .await;
    let client = common::builder(&server).build().unwrap();
    let logs: Vec<_> = client.sms().logs(LogsFilter::new().max_results(3)).collect().await;
    assert_eq!(logs.len(), 3);
    // One page was enough, and it asked for just what was wanted.
    assert_wire(&only_request(&server).await, "GET", "/sms/3/logs", Some("limit=3&useCursor=true"), false);
}

#[tokio::test]
async fn inbound_sends_the_limit() {
    let server = server(r#"{"results":[{"messageId":"1","from":"385","text":"QUIZ Paris","cleanText":"Paris","keyword":"QUIZ","receivedAt":"2019-11-09T16:00:00.000+0000"}],"messageCount":1,"pendingMessageCount":0}"#).await;
    let client = common::builder(&server).build().unwrap();
    let inbound = client.sms().inbound(Some(10)).await.unwrap();
    assert_eq!(inbound.results[0].keyword.as_deref(), Some("QUIZ"));
    assert_eq!(inbound.pending_message_count, Some(0));
    assert_wire(&only_request(&server).await, "GET", "/sms/1/inbox/reports", Some("limit=10"), false);
}

#[tokio::test]
async fn scheduled_bulk_calls() {
    let server = server(r#"{"bulkId":"b 1","sendAt":"2027-01-01T10:00:00.000+0000","status":"PAUSED"}"#).await;
    let client = common::builder(&server).build().unwrap();
    let sms = client.sms();
    let at = tomorrow();
    let schedule = sms.bulk_schedule("b 1").await.unwrap();
    assert_eq!(schedule.bulk_id.as_deref(), Some("b 1"));
    sms.reschedule_bulk("b 1", at).await.unwrap();
    let status = sms.bulk_status("b 1").await.unwrap();
    assert_eq!(status.status, Some(BulkStatus::Paused));
    sms.pause_bulk("b 1").await.unwrap();
    sms.resume_bulk("b 1").await.unwrap();
    sms.cancel_bulk("b 1").await.unwrap();
    let received = server.received_requests().await.unwrap();
    assert_eq!(received.len(), 6);
    let q = Some("bulkId=b%201");
    assert_wire(&received[0], "GET", "/sms/1/bulks", q, false);
    assert_wire(&received[1], "PUT", "/sms/1/bulks", q, true);
    assert_eq!(body_text(&received[1]), format!(r#"{{"sendAt":"{}"}}"#, infobip::time::format(&at)));
    assert_wire(&received[2], "GET", "/sms/1/bulks/status", q, false);
    for (request, status) in received[3..].iter().zip(["PAUSED", "PENDING", "CANCELED"]) {
        assert_wire(request, "PUT", "/sms/1/bulks/status", q, true);
        assert_eq!(body_text(request), format!(r#"{{"status":"{status}"}}"#));
    }
}

#[tokio::test]
async fn v2_text_and_binary_sends() {
    let server = server(r#"{"bulkId":"b","messages":[{"to":"41793026727","status":{"groupId":1,"groupName":"PENDING","id":26,"name":"PENDING_ACCEPTED"},"messageId":"m","smsCount":1}]}"#).await;
    let client = common::builder(&server).build().unwrap();
    let mut text = LegacyMessage::text("41793026727", "Hi");
    text.destinations[0].message_id = Some("m".into());
    text.from = Some("InfoSMS".into());
    text.validity_period = Some(60);
    text.notify_url = Some("https://example.com/dlr".into());
    let mut request = LegacySendRequest::new([text]);
    request.bulk_id = Some("b".into());
    let sent = client.sms().send_v2_text(request).await.unwrap();
    assert_eq!(sent.messages[0].sms_count, Some(1));
    let mut binary = LegacySendRequest::new([LegacyMessage::binary("41793026727", BinaryContent::from_bytes(b"Hi"))]);
    binary.bulk_id = Some("b2".into());
    binary.messages[0].destinations[0].message_id = Some("m2".into());
    client.sms().send_v2_binary(binary).await.unwrap();
    let received = server.received_requests().await.unwrap();
    assert_wire(&received[0], "POST", "/sms/2/text/advanced", None, true);
    assert_eq!(
        body_text(&received[0]),
        r#"{"bulkId":"b","messages":[{"from":"InfoSMS","destinations":[{"to":"41793026727","messageId":"m"}],"text":"Hi","validityPeriod":60,"notifyUrl":"https://example.com/dlr"}]}"#
    );
    assert_wire(&received[1], "POST", "/sms/2/binary/advanced", None, true);
    assert_eq!(
        body_text(&received[1]),
        r#"{"bulkId":"b2","messages":[{"destinations":[{"to":"41793026727","messageId":"m2"}],"binary":{"hex":"48 69"}}]}"#
    );
}

#[tokio::test]
async fn conversion_report_encodes_the_message_id_into_the_path() {
    let server = server(r#"{"processKey":"A37D"}"#).await;
    let client = common::builder(&server).build().unwrap();
    let logged = client.sms().log_conversion("id/with space").await.unwrap();
    assert_eq!(logged.process_key.as_deref(), Some("A37D"));
    assert_wire(&only_request(&server).await, "POST", "/ct/1/log/end/id%2Fwith%20space", None, false);
}

#[tokio::test]
async fn api_errors_of_both_shapes_are_mapped() {
    let server = common::server().await;
    Mock::given(path("/sms/3/messages"))
        .respond_with(ResponseTemplate::new(400).set_body_raw(
            r#"{"errorCode":"E400","description":"Request cannot be processed.","action":"Check the syntax.","violations":[{"property":"messages[0].destinations[0].to","violation":"invalid"}],"resources":[]}"#,
            "application/json",
        ))
        .mount(&server)
        .await;
    Mock::given(path("/sms/1/bulks"))
        .respond_with(ResponseTemplate::new(404).set_body_raw(
            r#"{"requestError":{"serviceException":{"messageId":"NOT_FOUND","text":"Bulk not found"}}}"#,
            "application/json",
        ))
        .mount(&server)
        .await;
    let client = common::builder(&server).build().unwrap();
    let err = client.sms().send(SmsRequest::text("41793026727", "Hi")).await.unwrap_err();
    assert_eq!(err.code(), "bad_request");
    assert_eq!(err.api().unwrap().violations[0].property, "messages[0].destinations[0].to");
    let err = client.sms().bulk_schedule("nope").await.unwrap_err();
    assert_eq!(err.code(), "not_found");
    assert_eq!(err.api().unwrap().text.as_deref(), Some("Bulk not found"));
}

#[test]
fn unset_fields_are_never_written() {
    fn json<T: serde::Serialize>(value: &T) -> String {
        serde_json::to_string(value).unwrap()
    }
    for empty in [
        json(&SendOptions::default()),
        json(&MessageOptions::default()),
        json(&Webhooks::default()),
        json(&DeliveryWebhook::default()),
        json(&Schedule::default()),
        json(&UrlTracking::default()),
        json(&ConversionTracking::default()),
        json(&Regional::default()),
        json(&Platform::default()),
        json(&Language::default()),
        json(&SouthKorea::default()),
        json(&infobip::tfa::ApplicationConfiguration::default()),
        json(&infobip::tfa::TemplateRequest::default()),
        json(&infobip::tfa::EmailTemplateRequest::default()),
        json(&infobip::tfa::ResendPin::default()),
        json(&infobip::tfa::ResendEmailPin::default()),
    ] {
        assert_eq!(empty, "{}");
    }
    assert_eq!(json(&PreviewRequest::new("x")), r#"{"text":"x"}"#);
    assert_eq!(json(&Destination::to("1")), r#"{"to":"1"}"#);
    assert_eq!(json(&LegacyMessage::text("1", "x")), r#"{"destinations":[{"to":"1"}],"text":"x"}"#);
    assert_eq!(json(&SmsMessage::binary("00")), r#"{"destinations":[],"content":{"hex":"00"}}"#);
    assert_eq!(json(&infobip::tfa::SendPin::new("a", "m", "1")), r#"{"applicationId":"a","messageId":"m","to":"1"}"#);
}

#[test]
fn send_query_reads_from_its_camel_case_parameter_names() {
    let query: SendQuery = serde_json::from_value(json!({
        "to": ["41793026727"], "text": "Hi", "from": "InfoSMS", "flash": true,
        "sendAt": "2030-01-02T03:04:05.000+0100", "indiaDltContentTemplateId": "t"
    }))
    .unwrap();
    let expected = SendQuery::new(["41793026727"], "Hi")
        .from("InfoSMS")
        .send_at(DateTime::parse_from_rfc3339("2030-01-02T03:04:05+01:00").unwrap());
    assert_eq!(query.flash, Some(true));
    assert_eq!(query.india_dlt_content_template_id.as_deref(), Some("t"));
    assert_eq!(
        (query.to, query.text, query.from, query.send_at),
        (expected.to, expected.text, expected.from, expected.send_at)
    );
    let empty: SendQuery = serde_json::from_value(json!({})).unwrap();
    assert_eq!(empty, SendQuery::default());
}
