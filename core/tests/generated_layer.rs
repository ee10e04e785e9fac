//! The generated Rust layer against the emulator: one operation of every product (46), each
//! checked for the request the emulator received (method, path, query, body) and for typed
//! fields of the result.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use infobip::Client;
use infobip::api::*;
use infobip_emulator::Emulator;
use serde_json::{Value, json};

async fn start() -> (Emulator, Client) {
    let emulator = Emulator::start().await.unwrap();
    let client = Client::builder().base_url(emulator.base_url()).api_key(emulator.api_key()).build().unwrap();
    (emulator, client)
}

/// The one request the emulator received: its method, path, query and body (as JSON).
fn received(emulator: &Emulator) -> (String, String, String, Value) {
    let requests = emulator.requests();
    assert_eq!(requests.len(), 1, "{requests:?}");
    let r = &requests[0];
    let body = if r.body.is_empty() { Value::Null } else { serde_json::from_str(&r.body).unwrap() };
    (r.method.clone(), r.path.clone(), r.query.clone(), body)
}

/// Whether `actual` holds everything `expected` holds (objects may hold more: ids the SDK
/// assigns to a send).
fn contains(actual: &Value, expected: &Value) -> bool {
    match (actual, expected) {
        (Value::Object(a), Value::Object(e)) => e.iter().all(|(k, v)| a.get(k).is_some_and(|x| contains(x, v))),
        (Value::Array(a), Value::Array(e)) => a.len() == e.len() && a.iter().zip(e).all(|(x, y)| contains(x, y)),
        (a, e) => a == e,
    }
}

fn assert_request(emulator: &Emulator, method: &str, path: &str, query: &str, body: Value) {
    let (m, p, q, b) = received(emulator);
    assert_eq!((m.as_str(), p.as_str(), q.as_str()), (method, path, query));
    assert!(contains(&b, &body), "sent {b}\nexpected it to hold {body}");
}

#[tokio::test]
async fn whatsapp_text_message() {
    let (emu, client) = start().await;
    let message = whatsapp::TextMessage {
        from: Some("441134960000".into()),
        to: Some("441134960001".into()),
        content: Some(whatsapp::TextContent { text: Some("Hello".into()), ..Default::default() }),
        ..Default::default()
    };
    let sent = client.whatsapp().send_whatsapp_text_message(message).await.unwrap();
    assert_eq!(sent.status(), 200);
    assert_eq!(sent.to.as_deref(), Some("441134960001"));
    assert!(sent.message_id.is_some());
    assert_request(
        &emu,
        "POST",
        "/whatsapp/1/message/text",
        "",
        json!({"from": "441134960000", "to": "441134960001", "content": {"text": "Hello"}}),
    );
}

#[tokio::test]
async fn email_v4_message() {
    let (emu, client) = start().await;
    let body: email::EmailRequest = serde_json::from_value(json!({
        "messages": [{
            "sender": "jane.smith@somecompany.com",
            "destinations": [{"to": [{"destination": "john.doe@somecompany.com"}]}],
            "content": {"subject": "Welcome", "text": "Hello"}
        }]
    }))
    .unwrap();
    let sent = client.email().send_email_messages_api(body).await.unwrap();
    let messages = sent.messages.as_ref().unwrap();
    assert!(!messages.is_empty());
    assert!(messages[0].message_id.is_some());
    assert_request(
        &emu,
        "POST",
        "/email/4/messages",
        "",
        json!({"messages": [{"sender": "jane.smith@somecompany.com", "content": {"subject": "Welcome"}}]}),
    );
}

#[tokio::test]
async fn viber_messages() {
    let (emu, client) = start().await;
    let body: viber::ViberRequest = serde_json::from_value(json!({
        "messages": [{"sender": "441134960000", "destinations": [{"to": "441134960001"}], "content": {"text": "Hi", "type": "TEXT"}}]
    }))
    .unwrap();
    let sent = client.viber().send_viber_messages(body).await.unwrap();
    let first = &sent.messages.as_ref().unwrap()[0];
    assert!(first.message_id.is_some());
    assert!(first.status.as_ref().unwrap().group_name.is_some());
    assert_request(
        &emu,
        "POST",
        "/viber/2/messages",
        "",
        json!({"messages": [{"sender": "441134960000", "content": {"text": "Hi", "type": "TEXT"}}]}),
    );
}

#[tokio::test]
async fn rcs_messages() {
    let (emu, client) = start().await;
    let body: rcs::RcsMessageRequest = serde_json::from_value(json!({
        "messages": [{"sender": "DemoSender", "destinations": [{"to": "441134960001"}], "content": {"text": "Some text", "type": "TEXT"}}]
    }))
    .unwrap();
    let sent = client.rcs().send_rcs_messages(body).await.unwrap();
    assert!(sent.messages.as_ref().unwrap()[0].message_id.is_some());
    assert_request(&emu, "POST", "/rcs/2/messages", "", json!({"messages": [{"sender": "DemoSender"}]}));
}

#[tokio::test]
async fn mms_messages() {
    let (emu, client) = start().await;
    let body: mms::MmsUnificationRequest = serde_json::from_value(json!({
        "messages": [{"sender": "441134960000", "destinations": [{"to": "441134960001"}],
                      "content": {"title": "Some title", "messageSegments": [{"text": "Some text", "type": "TEXT"}]}}]
    }))
    .unwrap();
    let sent = client.mms().send_mms_messages(body).await.unwrap();
    assert!(sent.messages.as_ref().unwrap()[0].message_id.is_some());
    assert_request(&emu, "POST", "/mms/2/messages", "", json!({"messages": [{"content": {"title": "Some title"}}]}));
}

#[tokio::test]
async fn messages_api_message() {
    let (emu, client) = start().await;
    let body: messages_api::MessagesApiRequest = serde_json::from_value(json!({
        "messages": [{"channel": "SMS", "sender": "InfoSMS", "destinations": [{"to": "41793026727"}],
                      "content": {"body": {"text": "Hello", "type": "TEXT"}}}]
    }))
    .unwrap();
    let sent = client.messages_api().send_messages_api_message(body).await.unwrap();
    assert!(sent.messages.as_ref().unwrap()[0].message_id.is_some());
    assert_request(&emu, "POST", "/messages-api/1/messages", "", json!({"messages": [{"channel": "SMS"}]}));
}

#[tokio::test]
async fn sms_generated_send_beside_the_hand_written_one() {
    let (emu, client) = start().await;
    let body = sms::SmsRequestEnvelope {
        messages: Some(vec![sms::SmsMessage {
            sender: Some("InfoSMS".into()),
            destinations: Some(vec![sms::Destination { to: Some("41793026727".into()), ..Default::default() }]),
            content: Some(sms::SmsMessageContent::SmsTextMessageContent(Box::new(sms::SmsTextMessageContent {
                text: Some("Hello".into()),
                ..Default::default()
            }))),
            ..Default::default()
        }]),
        ..Default::default()
    };
    let sent = client.sms().send_sms_messages(body).await.unwrap();
    assert!(sent.bulk_id.is_some());
    assert_eq!(sent.messages.as_ref().unwrap()[0].destination.as_deref(), Some("41793026727"));
    assert_request(
        &emu,
        "POST",
        "/sms/3/messages",
        "",
        json!({"messages": [{"sender": "InfoSMS", "destinations": [{"to": "41793026727"}], "content": {"text": "Hello"}}]}),
    );
}

#[tokio::test]
async fn voice_single_tts() {
    let (emu, client) = start().await;
    let body = voice::SingleTtsApiRequest {
        from: Some("41793026700".into()),
        to: Some("41793026727".into()),
        text: Some("Hello".into()),
        language: Some("en".into()),
        ..Default::default()
    };
    let sent = client.voice().send_single_voice_tts(body).await.unwrap();
    assert!(sent.bulk_id.is_some());
    assert_request(&emu, "POST", "/tts/3/single", "", json!({"to": "41793026727", "text": "Hello", "language": "en"}));
}

#[tokio::test]
async fn tfa_applications_list() {
    let (emu, client) = start().await;
    let created = client
        .tfa()
        .create_2fa_application(tfa::ApplicationRequest {
            name: Some("login".into()),
            enabled: Some(true),
            ..Default::default()
        })
        .await
        .unwrap();
    let apps = client.tfa().get_2fa_applications().await.unwrap();
    let typed: &Vec<tfa::ApplicationResponse> = apps.data();
    let listed =
        typed.iter().find(|a| a.application_id == created.application_id).expect("the created application is listed");
    assert_eq!(listed.name.as_deref(), Some("login"));
    let requests = emu.requests();
    let methods: Vec<(&str, &str)> = requests.iter().map(|r| (r.method.as_str(), r.path.as_str())).collect();
    assert_eq!(methods, [("POST", "/2fa/2/applications"), ("GET", "/2fa/2/applications")]);
}

#[tokio::test]
async fn account_management_audit_logs() {
    let (emu, client) = start().await;
    let request =
        account_management::SearchAuditLogsRequest { description: Some("created user".into()), ..Default::default() };
    let logs = client.account_management().search_audit_logs(request).await.unwrap();
    assert!(logs.first().and_then(|l| l.action.as_ref()).is_some());
    assert_request(&emu, "GET", "/audit/1/logs", "description=created%20user", Value::Null);
}

#[tokio::test]
async fn ai_assistants_query() {
    let (emu, client) = start().await;
    let request = ai_assistants::QueryAiAssistantRequest {
        assistant_id: "assistant-1".into(),
        body: Some(serde_json::from_value(json!({"message": "How do I send an SMS?"})).unwrap()),
    };
    let answer = client.ai_assistants().query_ai_assistant(request).await.unwrap();
    assert!(answer.response.as_deref().unwrap().contains("SMS"));
    assert_request(
        &emu,
        "POST",
        "/ai/1/aiassistants/assistant-1/query",
        "",
        json!({"message": "How do I send an SMS?"}),
    );
}

#[tokio::test]
async fn answers_start_test() {
    let (emu, client) = start().await;
    let body: answers::TestingStartRequest =
        serde_json::from_value(json!({"botId": 42, "webhookUrl": "https://example.com/bot"})).unwrap();
    let started = client.answers().start_test(body).await.unwrap();
    assert_eq!(started.status(), 200);
    assert_request(
        &emu,
        "POST",
        "/bots/1/testing/start",
        "",
        json!({"botId": 42, "webhookUrl": "https://example.com/bot"}),
    );
}

#[tokio::test]
async fn apple_mfb_delivery_reports() {
    let (emu, client) = start().await;
    let request = apple_mfb::GetOutboundAppleMfbMessageDeliveryReportsRequest { limit: Some(5), ..Default::default() };
    let reports = client.apple_mfb().get_outbound_apple_mfb_message_delivery_reports(request).await.unwrap();
    assert!(reports.results.as_ref().unwrap()[0].bulk_id.is_some());
    assert_request(&emu, "GET", "/apple-mfb/1/reports", "limit=5", Value::Null);
}

#[tokio::test]
async fn application_entity_applications() {
    let (emu, client) = start().await;
    let request = application_entity::GetApplicationsRequest { size: Some(10), ..Default::default() };
    let page = client.application_entity().get_applications(request).await.unwrap();
    assert_eq!(page.status(), 200);
    assert_request(&emu, "GET", "/provisioning/1/applications", "size=10", Value::Null);
}

#[tokio::test]
async fn billing_usage_query() {
    let (emu, client) = start().await;
    let body: billing_usage_api::QueryBillingUsageRequest = serde_json::from_value(json!({
        "callbackUrl": "https://example.com/receive",
        "request": {"filterBy": {"dateInterval": {"sentSince": "2026-03-01", "sentUntil": "2026-04-01"}}, "aggregateBy": ["COUNTRY_NAME"]}
    }))
    .unwrap();
    let queued = client.billing_usage_api().query_billing_usage(body).await.unwrap();
    assert!(queued.request_id.is_some());
    assert_request(&emu, "POST", "/billing/1/usage/query", "", json!({"callbackUrl": "https://example.com/receive"}));
}

#[tokio::test]
async fn biometrics_scenarios() {
    let (emu, client) = start().await;
    let scenarios = client
        .biometrics()
        .get_biometrics_scenarios(biometrics::GetBiometricsScenariosRequest::default())
        .await
        .unwrap();
    assert!(scenarios.scenarios.as_ref().unwrap()[0].name.is_some());
    assert_request(&emu, "GET", "/biometrics/1/scenarios", "", Value::Null);
}

#[tokio::test]
async fn blocklist_all() {
    let (emu, client) = start().await;
    let request = blocklist::GetAllBlocklistsRequest { sender: Some("10950".into()), ..Default::default() };
    let page = client.blocklist().get_all_blocklists(request).await.unwrap();
    assert_eq!(page.results.as_ref().unwrap()[0].sender.as_deref(), Some("10950"));
    assert_request(&emu, "GET", "/platform/1/blocklists", "sender=10950", Value::Null);
}

#[tokio::test]
async fn camara_device_phone_number() {
    let (emu, client) = start().await;
    let request = camara::GetDevicePhoneNumberRequest { x_correlator: Some("c-1".into()) };
    let number = client.camara().get_device_phone_number(request).await.unwrap();
    assert_eq!(number.device_phone_number.as_deref(), Some("+441134961234"));
    let requests = emu.requests();
    assert_eq!(requests[0].headers.get("x-correlator").map(String::as_str), Some("c-1"));
    assert_request(&emu, "GET", "/camara/number-verification/v2/device-phone-number", "", Value::Null);
}

#[tokio::test]
async fn catalogs() {
    let (emu, client) = start().await;
    let request = catalogs_api::GetCatalogsRequest { name: Some("Catalog".into()), ..Default::default() };
    let page = client.catalogs_api().get_catalogs(request).await.unwrap();
    assert_eq!(page.results.as_ref().unwrap()[0]["id"], json!(10061));
    assert_request(&emu, "GET", "/catalogs/1/catalogs", "name=Catalog", Value::Null);
}

#[tokio::test]
async fn common_assets_request_status() {
    let (emu, client) = start().await;
    let request = common_assets::SaasRequestStatusRequest { request_id: "req 1".into() };
    let status = client.common_assets().saas_request_status(request).await.unwrap();
    assert_eq!(status.status(), 200);
    assert_request(&emu, "GET", "/saas/1/request/req%201/status", "", Value::Null);
}

#[tokio::test]
async fn conversations_waiting_strategies() {
    let (emu, client) = start().await;
    let request = conversations::GetConversationsWaitingStrategiesRequest { page_size: Some(5), ..Default::default() };
    let page = client.conversations().get_conversations_waiting_strategies(request).await.unwrap();
    assert!(page.elements.as_ref().unwrap()[0]["name"].is_string());
    assert_request(&emu, "GET", "/ccaas/voice/2/waiting-strategies", "pageSize=5", Value::Null);
}

#[tokio::test]
async fn instagram_delivery_reports() {
    let (emu, client) = start().await;
    let request = instagram::GetOutboundInstagramMessageDeliveryReportsRequest { limit: Some(2), ..Default::default() };
    let reports = client.instagram().get_outbound_instagram_message_delivery_reports(request).await.unwrap();
    assert!(reports.results.as_ref().unwrap()[0].price.is_some());
    assert_request(&emu, "GET", "/instagram/1/reports", "limit=2", Value::Null);
}

#[tokio::test]
async fn kakao_alim_delivery_reports() {
    let (emu, client) = start().await;
    let request =
        kakao::GetOutboundKakaoAlimMessageDeliveryReportsRequest { bulk_id: Some("b-1".into()), ..Default::default() };
    let reports = client.kakao().get_outbound_kakao_alim_message_delivery_reports(request).await.unwrap();
    assert!(reports.results.as_ref().unwrap()[0].status.is_some());
    assert_request(&emu, "GET", "/kakao-alim/1/reports", "bulkId=b-1", Value::Null);
}

#[tokio::test]
async fn knowledge_base_articles() {
    let (emu, client) = start().await;
    let request = knowledge_base::GetArticlesRequest { size: Some(3), ..Default::default() };
    let page = client.knowledge_base().get_articles(request).await.unwrap();
    assert_eq!(page.status(), 200);
    assert_request(&emu, "GET", "/knowledge-base/1/articles", "size=3", Value::Null);
}

#[tokio::test]
async fn line_delivery_reports() {
    let (emu, client) = start().await;
    let request = line::GetOutboundLineMessageDeliveryReportsRequest { limit: Some(1), ..Default::default() };
    let reports = client.line().get_outbound_line_message_delivery_reports(request).await.unwrap();
    assert_eq!(reports.results.as_ref().unwrap()[0].bulk_id.as_deref(), Some("1688025180464000013"));
    assert_request(&emu, "GET", "/line/1/reports", "limit=1", Value::Null);
}

#[tokio::test]
async fn live_chat_invalidate_session() {
    let (emu, client) = start().await;
    let request = live_chat::InvalidateCustomerSessionRequest { widget_id: "w-1".into(), session_id: "s-1".into() };
    let done = client.live_chat().invalidate_customer_session(request).await.unwrap();
    assert!((200..300).contains(&done.status()));
    assert_request(&emu, "DELETE", "/livechat/1/widgets/w-1/sessions/s-1", "", Value::Null);
}

#[tokio::test]
async fn messenger_delivery_reports() {
    let (emu, client) = start().await;
    let request = messenger::GetOutboundMessengerMessageDeliveryReportsRequest { limit: Some(4), ..Default::default() };
    let reports = client.messenger().get_outbound_messenger_message_delivery_reports(request).await.unwrap();
    assert!(reports.results.as_ref().unwrap()[0].message_id.is_some());
    assert_request(&emu, "GET", "/messenger/1/reports", "limit=4", Value::Null);
}

#[tokio::test]
async fn metrics_query_aggregate_data() {
    let (emu, client) = start().await;
    let body: metrics_api::QueryAggregateDataRequest = serde_json::from_value(json!({
        "callbackUrl": "https://example.com/metrics",
        "request": {"metrics": ["TOTAL_TRAFFIC_COUNT"], "filterBy": {"channelCodes": ["SMS"], "sentSince": "2026-03-01T00:00:00.000+0000", "sentUntil": "2026-03-02T00:00:00.000+0000"}, "aggregateBy": ["DAY"]}
    }))
    .unwrap();
    let queued = client.metrics_api().query_aggregate_data(body).await.unwrap();
    assert!(queued.request_id.is_some());
    assert_request(
        &emu,
        "POST",
        "/metrics/1/query-aggregate-data",
        "",
        json!({"callbackUrl": "https://example.com/metrics"}),
    );
}

#[tokio::test]
async fn mobile_app_messaging_push_reports() {
    let (emu, client) = start().await;
    let request = mobile_app_messaging::GetPushReportsRequest { limit: Some(7), ..Default::default() };
    let reports = client.mobile_app_messaging().get_push_reports(request).await.unwrap();
    assert!(reports.results.as_ref().unwrap()[0].sent_at.is_some());
    assert_request(&emu, "GET", "/push/1/reports", "limit=7", Value::Null);
}

#[tokio::test]
async fn mobile_identity_silent_verification() {
    let (emu, client) = start().await;
    let body: mobile_identity::SmvVerifyRequestDto =
        serde_json::from_value(json!({"phoneNumber": "441134960001", "deviceIp": "10.0.0.1", "callbackUrl": "https://example.com/mi", "consentGranted": true})).unwrap();
    let result = client.mobile_identity().silent_mobile_verification(body).await.unwrap();
    assert!(result.token.is_some());
    assert_request(&emu, "POST", "/mi/verification/1/verify", "", json!({"phoneNumber": "441134960001"}));
}

#[tokio::test]
async fn moments_forms() {
    let (emu, client) = start().await;
    let request = moments::GetFormsRequest { limit: Some(10), ..Default::default() };
    let forms = client.moments().get_forms(request).await.unwrap();
    assert_eq!(forms.forms.as_ref().unwrap()[0].name.as_deref(), Some("Test form"));
    assert_request(&emu, "GET", "/forms/1/forms", "limit=10", Value::Null);
}

#[tokio::test]
async fn number_activation_state_reports() {
    let (emu, client) = start().await;
    let request = number_activation_state::GetReportsMetadataRequest { size: Some(2), ..Default::default() };
    let page = client.number_activation_state().get_reports_metadata(request).await.unwrap();
    assert_eq!(page.results.as_ref().unwrap()[0].network_id, Some(1717));
    assert_request(&emu, "GET", "/number-activation-state/1/network-reports", "size=2", Value::Null);
}

#[tokio::test]
async fn number_lookup_async() {
    let (emu, client) = start().await;
    let body: number_lookup::NcNotifyRequest =
        serde_json::from_value(json!({"to": ["3859851212"], "notifyUrl": "https://example.com/nc"})).unwrap();
    let result = client.number_lookup().number_context_lookup_async(body).await.unwrap();
    assert!(result.results.as_ref().unwrap()[0].to.is_some());
    assert_request(&emu, "POST", "/number/1/notify", "", json!({"to": ["3859851212"]}));
}

#[tokio::test]
async fn numbers_available() {
    let (emu, client) = start().await;
    let request = numbers::GetAvailableNumbersRequest { country: Some("RU".into()), ..Default::default() };
    let found = client.numbers().get_available_numbers(request).await.unwrap();
    assert_eq!(found.numbers.as_ref().unwrap()[0].country.as_deref(), Some("RU"));
    assert_request(&emu, "GET", "/numbers/1/numbers/available", "country=RU", Value::Null);
}

#[tokio::test]
async fn omni_failover_scenarios() {
    let (emu, client) = start().await;
    let request = omni_failover::GetOmniFailoverScenariosRequest { is_default: Some(true), ..Default::default() };
    let found = client.omni_failover().get_omni_failover_scenarios(request).await.unwrap();
    assert!(found.scenarios.as_ref().unwrap()[0].key.is_some());
    assert_request(&emu, "GET", "/omni/1/scenarios", "isDefault=true", Value::Null);
}

#[tokio::test]
async fn open_channel_inbound() {
    let (emu, client) = start().await;
    let body: open_channel::OpenChannelMessageRequest = serde_json::from_value(json!({
        "sender": "customer-1", "destination": "app-1", "content": {"body": {"type": "TEXT", "text": "Hi"}}
    }))
    .unwrap();
    let accepted = client.open_channel().send_open_channel_inbound_message(body).await.unwrap();
    assert!(accepted.status.is_some());
    assert_eq!(accepted.status(), 200);
    assert_request(&emu, "POST", "/open-channel/1/messages/inbound", "", json!({"sender": "customer-1"}));
}

#[tokio::test]
async fn openapi_document() {
    let (emu, client) = start().await;
    let document = client.openapi().get_openapi().await.unwrap();
    assert_eq!(document.status(), 200);
    assert_eq!(
        document.data().len(),
        serde_json::from_slice::<serde_json::Map<String, Value>>(document.raw()).unwrap().len()
    );
    assert_request(&emu, "GET", "/platform/1/openapi", "", Value::Null);
}

#[tokio::test]
async fn people_persons() {
    let (emu, client) = start().await;
    let request =
        people::GetASinglePersonOrAListOfPeopleRequest { identifier: Some("jane".into()), ..Default::default() };
    let person = client.people().get_a_single_person_or_a_list_of_people(request).await.unwrap();
    assert!(person.first_name.is_some() && person.contact_information.is_some(), "{:?}", person.data());
    assert_request(&emu, "GET", "/people/2/persons", "identifier=jane", Value::Null);
}

#[tokio::test]
async fn resources_requests() {
    let (emu, client) = start().await;
    let request = resources::GetResourceRequestsRequest {
        country_code: Some(vec!["HR".into(), "DE".into()]),
        ..Default::default()
    };
    let page = client.resources().get_resource_requests(request).await.unwrap();
    let results = page.results.as_ref().unwrap();
    assert!(!results.is_empty());
    assert!(
        results.iter().all(|r| !matches!(r, resources::PageResourceOrderApiDocResultsItem::Other(_))),
        "{results:?}"
    );
    assert_request(&emu, "GET", "/resources/1/requests", "countryCode=HR&countryCode=DE", Value::Null);
}

#[tokio::test]
async fn sending_strategies() {
    let (emu, client) = start().await;
    let request =
        sending_strategy::GetSendingStrategiesV2Request { entity_id: Some("e-1".into()), ..Default::default() };
    let page = client.sending_strategy().get_sending_strategies_v2(request).await.unwrap();
    assert!(page.results.as_ref().unwrap()[0].sending_strategy_id.is_some());
    assert_request(&emu, "GET", "/provisioning/2/sending-strategies", "entityId=e-1", Value::Null);
}

#[tokio::test]
async fn signals_trusted_msisdn() {
    let (emu, client) = start().await;
    let request = signals::TrustedMsisdnsCheckRequest { msisdn: "441134960001".into() };
    let check = client.signals().trusted_msisdns_check(request).await.unwrap();
    assert_eq!(check.exists, Some(false));
    assert_request(&emu, "GET", "/signals/1/trusted-msisdns/441134960001/check", "", Value::Null);
}

#[tokio::test]
async fn subscriptions_certificates() {
    let (emu, client) = start().await;
    let request =
        subscriptions_api::GetCertificatesDetailsPageRequest { search: Some("my".into()), ..Default::default() };
    let page = client.subscriptions_api().get_certificates_details_page(request).await.unwrap();
    assert_eq!(page.results.as_ref().unwrap()[0].certificate_id.as_deref(), Some("my-certificate-1"));
    assert_request(&emu, "GET", "/subscriptions/1/certificates", "search=my", Value::Null);
}

#[tokio::test]
async fn tiktok_delivery_reports() {
    let (emu, client) = start().await;
    let request = tiktok::GetOutboundTiktokMessageDeliveryReportsRequest { limit: Some(3), ..Default::default() };
    let reports = client.tiktok().get_outbound_tiktok_message_delivery_reports(request).await.unwrap();
    assert!(reports.results.as_ref().unwrap()[0].price.is_some());
    assert_request(&emu, "GET", "/tiktok/1/reports", "limit=3", Value::Null);
}

#[tokio::test]
async fn vocalize_campaigns() {
    let (emu, client) = start().await;
    let request = vocalize::VocalizeGetMyCampaignsRequest { active_only: Some(true), ..Default::default() };
    let list = client.vocalize().vocalize_get_my_campaigns(request).await.unwrap();
    assert_eq!(list.campaigns.as_ref().unwrap()[0].name.as_deref(), Some("Greetings Campaign"));
    assert_request(&emu, "GET", "/vocalize/2/campaigns/me", "activeOnly=true", Value::Null);
}

#[tokio::test]
async fn webrtc_files() {
    let (emu, client) = start().await;
    let request = webrtc_calls::GetFilesRequest { size: Some(20), ..Default::default() };
    let page = client.webrtc_calls().get_files(request).await.unwrap();
    assert!(page.results.as_ref().unwrap()[0].name.is_some());
    assert_request(&emu, "GET", "/webrtc/1/files", "size=20", Value::Null);
}

#[tokio::test]
async fn zalo_templates() {
    let (emu, client) = start().await;
    let request = zalo::GetZaloTemplatesRequest { sender: 1234, size: Some(5), ..Default::default() };
    let page = client.zalo().get_zalo_templates(request).await.unwrap();
    assert!(page.results.as_ref().unwrap()[0].display_name.is_some());
    assert_request(&emu, "GET", "/zalo/1/sender/1234/templates", "size=5", Value::Null);
}

#[tokio::test]
async fn sms_logs_stream_pages_through_the_cursor() {
    let (emu, client) = start().await;
    for to in ["41793026727", "41793026728", "41793026729"] {
        let message = infobip::sms::SmsMessage::text("Hi").to(to);
        client.sms().send(infobip::sms::SmsRequest::new().message(message)).await.unwrap();
    }
    emu.clear_requests();
    use futures_util::StreamExt;
    let request = sms::GetOutboundSmsMessageLogsV3Request { limit: Some(2), ..Default::default() };
    let logs: Vec<sms::SmsLogSmsMessageContent> =
        client.sms().get_outbound_sms_message_logs_v3_stream(request).map(Result::unwrap).collect().await;
    assert_eq!(logs.len(), 3);
    let pages = emu.requests();
    assert_eq!(pages.len(), 2, "two pages of two");
    assert!(pages[0].query.contains("useCursor=true"), "{}", pages[0].query);
    assert!(pages[1].query.contains("cursor="), "{}", pages[1].query);
}

#[test]
fn every_operation_has_exactly_one_generated_method() {
    // The methods the generator wrote (read from its output), against the catalog: one per
    // operation, named after its id, and no two ids on one name.
    let api = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/api");
    let mut generated = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir(&api).unwrap() {
        let dir = entry.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        let product = dir.file_name().unwrap().to_str().unwrap().to_owned();
        let text = std::fs::read_to_string(dir.join("mod.rs")).unwrap();
        for line in text.lines().filter_map(|l| l.trim().strip_prefix("pub async fn ")) {
            let name = line.split('(').next().unwrap().trim_start_matches("r#").to_owned();
            assert!(generated.insert((product.clone(), name.clone())), "{product}: {name} twice");
        }
    }
    let mut expected = std::collections::BTreeSet::new();
    let mut streams = std::collections::BTreeSet::new();
    for op in infobip::catalog::operations() {
        let product = if op.product == "2fa" { "tfa".to_owned() } else { infobip::names::snake_ident(&op.product) };
        let name = infobip::names::snake_ident(&op.id);
        let text =
            op.answer.iter().all(|t| t.starts_with("text/plain") || t.starts_with("text/html") || t.ends_with("/xml"));
        if op.answers_file() && !text {
            // Its `<method>_stream` twin, reading the file as it arrives (`Client::download`);
            // a text answer (an HTML preview) is read as text.
            streams.insert((product.clone(), format!("{name}_stream")));
        }
        assert!(expected.insert((product, name)), "{} collides", op.id);
    }
    assert_eq!(expected.len(), infobip::catalog::operations().len());
    assert!(streams.is_disjoint(&expected), "a _stream twin takes an operation's name");
    let twins: std::collections::BTreeSet<_> = generated.difference(&expected).cloned().collect();
    assert_eq!(twins, streams, "one _stream twin per operation answering a file, and nothing else");
    generated.retain(|method| !streams.contains(method));
    assert_eq!(generated, expected);
    println!("Rust: {} typed operations", generated.len());
}
