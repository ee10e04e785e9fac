//! `infobip tfa …`: what it takes to send and verify a PIN.

use infobip::tfa::{ApplicationRequest, PinType, SendPin, TemplateRequest};

use crate::args::{Global, TfaCommand};
use crate::exit::CliError;
use crate::output::{self, cell};
use crate::profile;

/// Runs a `tfa` subcommand.
pub async fn run(global: &Global, command: TfaCommand) -> Result<(), CliError> {
    let client = profile::client(global)?;
    let tfa = client.tfa();
    match command {
        TfaCommand::CreateApplication(args) => {
            let app = tfa.create_application(&ApplicationRequest::new(args.name)).await?;
            if global.json {
                return output::json(&app);
            }
            println!("application id: {}", cell(app.application_id.as_deref()));
        }
        TfaCommand::CreateMessage(args) => {
            let mut request =
                TemplateRequest::new(PinType::from(args.pin_type.as_str()), args.text).pin_length(args.pin_length);
            if let Some(sender) = args.sender {
                request = request.sender_id(sender);
            }
            let template = tfa.create_template(&args.app_id, &request).await?;
            if global.json {
                return output::json(&template);
            }
            println!("message id: {}", cell(template.message_id.as_deref()));
        }
        TfaCommand::SendPin(args) => {
            crate::sms::check_number("--to", &args.to)?;
            let mut request = SendPin::new(args.app_id, args.message_id, args.to);
            if let Some(from) = args.from {
                request = request.from(from);
            }
            let sent = tfa.send_pin_sms(&request, None).await?;
            if global.json {
                return output::json(&sent);
            }
            println!("pin id: {}", cell(sent.pin_id.as_deref()));
            println!("sms status: {}", cell(sent.sms_status.as_ref()));
        }
        TfaCommand::VerifyPin(args) => {
            let verification = tfa.verify_pin(&args.pin_id, &args.pin).await?;
            if global.json {
                output::json(&verification)?;
            } else {
                let verdict = if verification.is_verified() { "verified" } else { "not verified" };
                println!("{verdict} (attempts remaining: {})", cell(verification.attempts_remaining));
                if let Some(error) = &verification.pin_error {
                    println!("pin error: {error}");
                }
            }
            if !verification.is_verified() {
                return Err(CliError::Reported(crate::exit::API));
            }
        }
    }
    Ok(())
}
