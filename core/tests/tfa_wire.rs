//! What the 2FA calls put on the wire, byte for byte, and how their answers and errors read.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod sms_support;

use infobip::tfa::*;
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn server(body: &str) -> MockServer {
    let server = common::server().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(200).set_body_raw(body.to_owned(), "application/json"))
        .mount(&server)
        .await;
    server
}

/// Method, path, raw query, headers and body (`None`: no body and no content type).
fn assert_wire(request: &wiremock::Request, verb: &str, path: &str, query: Option<&str>, body: Option<&str>) {
    assert_eq!(request.method.as_str(), verb);
    assert_eq!(request.url.path(), path);
    assert_eq!(request.url.query(), query);
    sms_support::assert_headers(request, body.is_some());
    if let Some(expected) = body {
        assert_eq!(String::from_utf8(request.body.clone()).unwrap(), expected);
    }
}

const APP: &str = r#"{"applicationId":"app 1","name":"login","configuration":{"pinAttempts":5,"pinTimeToLive":"10m"},"enabled":true}"#;

#[tokio::test]
async fn application_calls() {
    let server = server(APP).await;
    let client = common::builder(&server).build().unwrap();
    let tfa = client.tfa();
    let request = ApplicationRequest::new("login").enabled(true).configuration(ApplicationConfiguration {
        pin_attempts: Some(5),
        pin_time_to_live: Some("10m".into()),
        ..ApplicationConfiguration::default()
    });
    let created = tfa.create_application(&request).await.unwrap();
    assert_eq!(created.application_id.as_deref(), Some("app 1"));
    assert_eq!(created.configuration.unwrap().pin_attempts, Some(5));
    tfa.application("app 1").await.unwrap();
    tfa.update_application("app 1", &ApplicationRequest::new("login2")).await.unwrap();
    let received = server.received_requests().await.unwrap();
    assert_eq!(received.len(), 3);
    assert_wire(
        &received[0],
        "POST",
        "/2fa/2/applications",
        None,
        Some(r#"{"name":"login","enabled":true,"configuration":{"pinAttempts":5,"pinTimeToLive":"10m"}}"#),
    );
    assert_wire(&received[1], "GET", "/2fa/2/applications/app%201", None, None);
    assert_wire(&received[2], "PUT", "/2fa/2/applications/app%201", None, Some(r#"{"name":"login2"}"#));
}

#[tokio::test]
async fn list_applications() {
    let server = server(&format!("[{APP},{APP}]")).await;
    let client = common::builder(&server).build().unwrap();
    assert_eq!(client.tfa().applications().await.unwrap().len(), 2);
    let received = server.received_requests().await.unwrap();
    assert_wire(&received[0], "GET", "/2fa/2/applications", None, None);
}

#[tokio::test]
async fn template_calls() {
    let server = server(r#"{"messageId":"msg","applicationId":"app","pinPlaceholder":"{{pin}}","messageText":"Code {{pin}}","pinLength":4,"pinType":"NUMERIC","repeatDTMF":"1#","speechRate":1.0}"#).await;
    let client = common::builder(&server).build().unwrap();
    let tfa = client.tfa();
    let mut request = TemplateRequest::new(PinType::Numeric, "Code {{pin}}").pin_length(4).sender_id("Info");
    request.repeat_dtmf = Some("1#".into());
    let template = tfa.create_template("app", &request).await.unwrap();
    assert_eq!(template.pin_placeholder.as_deref(), Some("{{pin}}"));
    assert_eq!(template.repeat_dtmf.as_deref(), Some("1#"));
    tfa.template("app", "msg").await.unwrap();
    tfa.update_template("app", "msg", &TemplateRequest { pin_length: Some(6), ..TemplateRequest::default() })
        .await
        .unwrap();
    let email = EmailTemplateRequest {
        email_template_id: Some(1234),
        from: Some("a@example.com".into()),
        ..EmailTemplateRequest::default()
    };
    tfa.create_email_template("app", &email).await.unwrap();
    tfa.update_email_template(
        "app",
        "msg",
        &EmailTemplateRequest { pin_length: Some(8), ..EmailTemplateRequest::default() },
    )
    .await
    .unwrap();
    let received = server.received_requests().await.unwrap();
    assert_eq!(received.len(), 5);
    assert_wire(
        &received[0],
        "POST",
        "/2fa/2/applications/app/messages",
        None,
        Some(r#"{"pinType":"NUMERIC","messageText":"Code {{pin}}","pinLength":4,"senderId":"Info","repeatDTMF":"1#"}"#),
    );
    assert_wire(&received[1], "GET", "/2fa/2/applications/app/messages/msg", None, None);
    assert_wire(&received[2], "PUT", "/2fa/2/applications/app/messages/msg", None, Some(r#"{"pinLength":6}"#));
    assert_wire(
        &received[3],
        "POST",
        "/2fa/2/applications/app/email/messages",
        None,
        Some(r#"{"from":"a@example.com","emailTemplateId":1234}"#),
    );
    assert_wire(&received[4], "PUT", "/2fa/2/applications/app/email/messages/msg", None, Some(r#"{"pinLength":8}"#));
}

#[tokio::test]
async fn list_templates() {
    let server = server(r#"[{"messageId":"a"},{"messageId":"b","emailTemplateId":1}]"#).await;
    let client = common::builder(&server).build().unwrap();
    let templates = client.tfa().templates("app").await.unwrap();
    assert_eq!(templates[1].email_template_id, Some(1));
    assert_wire(&server.received_requests().await.unwrap()[0], "GET", "/2fa/2/applications/app/messages", None, None);
}

#[tokio::test]
async fn pin_send_resend_and_verify_calls() {
    let server = server(r#"{"pinId":"pin 1","to":"41793026727","ncStatus":"NC_DESTINATION_REACHABLE","smsStatus":"MESSAGE_SENT","callStatus":"PENDING_ACCEPTED","verified":true,"attemptsRemaining":9}"#).await;
    let client = common::builder(&server).build().unwrap();
    let tfa = client.tfa();
    let request =
        SendPin::new("app", "msg", "41793026727").from("Info").placeholder("firstName", "John").track_delivery(true);
    let sent = tfa.send_pin_sms(&request, Some(true)).await.unwrap();
    assert_eq!(sent.nc_status, Some(NcStatus::DestinationReachable));
    assert_eq!(sent.sms_status, Some(SmsStatus::MessageSent));
    tfa.send_pin_voice(&SendPin::new("app", "msg", "41793026727")).await.unwrap();
    tfa.send_pin_email(&SendEmailPin::new("app", "msg", "a@example.com")).await.unwrap();
    tfa.resend_pin_sms("pin 1", &ResendPin::default()).await.unwrap();
    tfa.resend_pin_voice("pin 1", &ResendPin { track_delivery: Some(false), ..ResendPin::default() }).await.unwrap();
    tfa.resend_pin_email("pin 1", &ResendEmailPin::default()).await.unwrap();
    let verified = tfa.verify_pin("pin 1", "1234").await.unwrap();
    assert!(verified.is_verified());
    assert_eq!(verified.attempts_remaining, Some(9));
    let received = server.received_requests().await.unwrap();
    assert_eq!(received.len(), 7);
    assert_wire(
        &received[0],
        "POST",
        "/2fa/2/pin",
        Some("ncNeeded=true"),
        Some(
            r#"{"applicationId":"app","messageId":"msg","to":"41793026727","from":"Info","placeholders":{"firstName":"John"},"trackDelivery":true}"#,
        ),
    );
    assert_wire(
        &received[1],
        "POST",
        "/2fa/2/pin/voice",
        None,
        Some(r#"{"applicationId":"app","messageId":"msg","to":"41793026727"}"#),
    );
    assert_wire(
        &received[2],
        "POST",
        "/2fa/2/pin/email",
        None,
        Some(r#"{"applicationId":"app","messageId":"msg","to":"a@example.com"}"#),
    );
    assert_wire(&received[3], "POST", "/2fa/2/pin/pin%201/resend", None, Some("{}"));
    assert_wire(&received[4], "POST", "/2fa/2/pin/pin%201/resend/voice", None, Some(r#"{"trackDelivery":false}"#));
    assert_wire(&received[5], "POST", "/2fa/2/pin/pin%201/resend/email", None, Some("{}"));
    assert_wire(&received[6], "POST", "/2fa/2/pin/pin%201/verify", None, Some(r#"{"pin":"1234"}"#));
}

#[tokio::test]
async fn verification_status_call() {
    let server =
        server(r#"{"verifications":[{"msisdn":"41793026727","verified":false,"sentAt":1418333246000}]}"#).await;
    let client = common::builder(&server).build().unwrap();
    let status = client.tfa().verifications("app", "+41 79", Some(false), Some(true)).await.unwrap();
    assert_eq!(status.verifications[0].verified, Some(false));
    assert_wire(
        &server.received_requests().await.unwrap()[0],
        "GET",
        "/2fa/2/applications/app/verifications",
        Some("msisdn=%2B41%2079&verified=false&sent=true"),
        None,
    );
}

#[tokio::test]
async fn the_legacy_error_shape_is_mapped() {
    let server = common::server().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(404).set_body_raw(
            r#"{"requestError":{"serviceException":{"messageId":"NOT_FOUND","text":"Pin not found","validationErrors":{"pinId":["unknown"]}}}}"#,
            "application/json",
        ))
        .mount(&server)
        .await;
    let client = common::builder(&server).build().unwrap();
    let error = client.tfa().verify_pin("nope", "1234").await.unwrap_err();
    assert_eq!(error.code(), "not_found");
    let api = error.api().unwrap();
    assert_eq!(api.error_code.as_deref(), Some("NOT_FOUND"));
    assert_eq!(api.text.as_deref(), Some("Pin not found"));
    assert_eq!(api.violations[0].property, "pinId");
    assert_eq!(api.operation, "POST /2fa/2/pin/nope/verify");
}

#[tokio::test]
async fn bad_input_is_refused_before_sending() {
    let server = common::server().await;
    let client = common::builder(&server).build().unwrap();
    let tfa = client.tfa();
    let errors = [
        (
            tfa.create_template("app", &TemplateRequest::new(PinType::Numeric, "no placeholder")).await.unwrap_err(),
            vec!["messageText"],
        ),
        (tfa.create_template("app", &TemplateRequest::default()).await.unwrap_err(), vec!["pinType", "messageText"]),
        (tfa.send_pin_sms(&SendPin::new("app", "msg", ""), None).await.unwrap_err(), vec!["to"]),
        (tfa.verify_pin("pin", "").await.unwrap_err(), vec!["pin"]),
        (tfa.application("").await.unwrap_err(), vec!["appId"]),
        (tfa.create_application(&ApplicationRequest::new("")).await.unwrap_err(), vec!["name"]),
        (
            tfa.create_email_template("app", &EmailTemplateRequest::default()).await.unwrap_err(),
            vec!["emailTemplateId"],
        ),
        (tfa.verifications("app", "", None, None).await.unwrap_err(), vec!["msisdn"]),
    ];
    for (error, fields) in errors {
        let infobip::Error::Validation { violations } = &error else { panic!("expected validation, got {error:?}") };
        let named: Vec<&str> = violations.iter().map(|v| v.property.as_str()).collect();
        assert_eq!(named, fields, "{error}");
    }
    assert!(server.received_requests().await.unwrap().is_empty());
}
