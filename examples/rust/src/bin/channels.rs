//! Sends a WhatsApp template message, then an email (Email API v4), through the generated typed
//! layer, and prints the typed results.
//!
//! With `INFOBIP_BASE_URL` and `INFOBIP_API_KEY` set it talks to that account (or to a running
//! emulator); otherwise it starts the emulator in-process.

use infobip::Client;
use infobip::api::{email, whatsapp};
use infobip_emulator::Emulator;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let emulator = match std::env::var("INFOBIP_BASE_URL") {
        Ok(_) => None,
        Err(_) => Some(Emulator::start().await?),
    };
    let client = match &emulator {
        Some(emulator) => Client::builder().base_url(emulator.base_url()).api_key(emulator.api_key()).build()?,
        None => Client::from_env()?,
    };

    // A WhatsApp template message: `client.whatsapp()` holds every operation of the WhatsApp
    // spec, each named after its operationId (`send-whatsapp-template-message`).
    let template = whatsapp::BulkMessage {
        messages: Some(vec![whatsapp::FailoverMessage {
            from: Some("441134960000".into()),
            to: Some("441134960001".into()),
            content: Some(whatsapp::TemplateContent {
                template_name: Some("order_update".into()),
                language: Some("en".into()),
                template_data: Some(whatsapp::TemplateDataContent {
                    body: Some(whatsapp::TemplateBodyContent { placeholders: Some(vec!["Ann".into(), "42".into()]) }),
                    ..Default::default()
                }),
            }),
            ..Default::default()
        }]),
        ..Default::default()
    };
    let sent = client.whatsapp().send_whatsapp_template_message(template).await?;
    for message in sent.messages.iter().flatten() {
        let status = message.status.as_ref().and_then(|s| s.name.as_deref()).unwrap_or("?");
        println!(
            "whatsapp: {} to {} ({status})",
            message.message_id.as_deref().unwrap_or("?"),
            message.to.as_deref().unwrap_or("?")
        );
    }
    println!("whatsapp: request id {:?}, HTTP {}", sent.request_id(), sent.status());

    // An email with the Email API v4 (`send-email-messages-api`).
    let mail = email::EmailRequest {
        messages: Some(vec![email::EmailMessage {
            sender: Some("orders@example.com".into()),
            destinations: Some(vec![email::EmailGroupDestination {
                to: Some(vec![email::EmailToDestination {
                    destination: Some("ann@example.com".into()),
                    ..Default::default()
                }]),
                ..Default::default()
            }]),
            content: Some(email::EmailMessageContent {
                subject: Some("Your order 42".into()),
                text: Some("It is on its way.".into()),
                ..Default::default()
            }),
            ..Default::default()
        }]),
        ..Default::default()
    };
    let mailed = client.email().send_email_messages_api(mail).await?;
    println!("email: bulk {}", mailed.bulk_id.as_deref().unwrap_or("?"));
    for message in mailed.messages.iter().flatten() {
        let status = message.status.as_ref().and_then(|s| s.group_name.as_ref().map(|g| g.as_str())).unwrap_or("?");
        println!("email: {} ({status})", message.message_id.as_deref().unwrap_or("?"));
    }
    Ok(())
}
