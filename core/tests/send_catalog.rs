//! Which operations the catalog marks as sends, and where their requests carry ids.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use infobip::catalog::{self, IdPlace, SendSpec};

fn spec(id: &str) -> SendSpec {
    catalog::operation(id).unwrap_or_else(|| panic!("{id}")).send.clone().unwrap_or_else(|| panic!("{id} is no send"))
}

fn body(pointer: &str) -> IdPlace {
    IdPlace::Body(pointer.to_owned())
}

#[test]
fn every_send_of_every_channel_is_marked_and_counted() {
    let sends: Vec<_> = catalog::sends().collect();
    assert_eq!(sends.len(), 76, "operations that send messages");
    // Issue 15 counts 64 sends whose request carries messageId/bulkId in the body; three of them
    // are 2FA's, whose `messageId` names a template. The two query sends carry a bulk id.
    let with_ids: Vec<_> = sends
        .iter()
        .filter(|op| op.send.as_ref().is_some_and(|s| s.bulk_id.is_some() || !s.message_ids.is_empty()))
        .collect();
    assert_eq!(with_ids.len(), 63);
    let in_body = with_ids
        .iter()
        .filter(|op| {
            let send = op.send.as_ref().unwrap();
            send.bulk_id.iter().chain(&send.message_ids).any(|p| matches!(p, IdPlace::Body(_)))
        })
        .count();
    assert_eq!(in_body, 61);
    // Every `send-…` POST or GET is a send, but for four events and signals; plus the resends.
    for op in catalog::operations() {
        let named = op.id.starts_with("send-") && (op.method == "POST" || op.method == "GET");
        let not = ["send-custom-events", "send-custom-event", "send-event", "send-ringing"].contains(&op.id.as_str());
        let resend = op.id.starts_with("resend-2fa-pin-code-over-");
        assert_eq!(op.send.is_some(), (named && !not) || resend, "{}", op.id);
    }
    let products: std::collections::BTreeSet<&str> = with_ids.iter().map(|op| op.product.as_str()).collect();
    for product in [
        "sms",
        "whatsapp",
        "viber",
        "rcs",
        "mms",
        "email",
        "messages-api",
        "voice",
        "kakao",
        "line",
        "zalo",
        "tiktok",
        "instagram",
        "messenger",
        "apple-mfb",
        "omni-failover",
        "mobile-app-messaging",
    ] {
        assert!(products.contains(product), "{product}: {products:?}");
    }
}

#[test]
fn a_few_by_hand() {
    let sms = spec("send-sms-messages");
    assert_eq!(sms.bulk_id, Some(body("/options/schedule/bulkId")));
    assert_eq!(sms.message_ids, [body("/messages/*/destinations/*/messageId")]);
    let v2 = spec("send-sms-message");
    assert_eq!(v2.bulk_id, Some(body("/bulkId")));
    assert_eq!(v2.message_ids, [body("/messages/*/destinations/*/messageId")]);
    for query in ["send-sms-messages-over-query-parameters", "send-sms-message-over-query-parameters"] {
        assert_eq!(catalog::operation(query).unwrap().method, "GET");
        let send = spec(query);
        assert_eq!(send.bulk_id, Some(IdPlace::Query("bulkId".into())));
        assert!(send.message_ids.is_empty());
    }
    let template = spec("send-whatsapp-template-message");
    assert_eq!(template.bulk_id, Some(body("/bulkId")));
    assert_eq!(template.message_ids, [body("/messages/*/messageId")]);
    assert_eq!(spec("send-whatsapp-text-message").message_ids, [body("/messageId")]);
    let email = spec("send-email-messages-api");
    assert_eq!(
        email.message_ids,
        ["to", "cc", "bcc"].map(|kind| body(&format!("/messages/*/destinations/*/{kind}/*/messageId")))
    );
    // Per-channel ids inside a Messages API destination are left to the caller.
    assert_eq!(spec("send-messages-api-message").message_ids, [body("/messages/*/destinations/*/messageId")]);
    // An MMS destination is one number or a group of them.
    assert_eq!(
        spec("send-mms-messages").message_ids,
        [body("/messages/*/destinations/*/messageId"), body("/messages/*/destinations/*/group/*/messageId")]
    );
    // 2FA: a send, but its `messageId` is the template's.
    assert_eq!(spec("send-2fa-pin-code-over-sms"), SendSpec::default());
    assert_eq!(spec("resend-2fa-pin-code-over-voice"), SendSpec::default());
    assert_eq!(spec("send-advanced-voice-tts").bulk_id, Some(body("/bulkId")));
    // Not sends.
    for id in [
        "get-outbound-sms-message-logs-v3",
        "validate-messages-api-message",
        "preview-sms-message",
        "send-custom-events",
    ] {
        assert!(catalog::operation(id).unwrap().send.is_none(), "{id}");
    }
}
