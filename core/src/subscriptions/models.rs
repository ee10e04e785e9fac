//! Subscription Management models: subscriptions, profiles, security settings, certificates.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::auth::Secret;
use crate::sms::open_enum::open_enum;

open_enum! {
    /// The channel a subscription belongs to.
    Channel {
        /// AgentOS.
        AgentOs = "AGENT_OS",
        /// Apple Messages for Business.
        AppleMessagesForBusiness = "APPLE_MESSAGES_FOR_BUSINESS",
        /// Blocklist.
        Blocklist = "BLOCKLIST",
        /// Customer engagement.
        CustomerEngagement = "CUSTOMER_ENGAGEMENT",
        /// Email.
        Email = "EMAIL",
        /// Facebook Messenger.
        Facebook = "FACEBOOK",
        /// Kakao Alimtalk.
        KakaoAlim = "KAKAO_ALIM",
        /// Kakao brand messages.
        KakaoBrandMessage = "KAKAO_BRAND_MESSAGE",
        /// LINE.
        Line = "LINE",
        /// MMS.
        Mms = "MMS",
        /// Mobile Identity.
        MobileIdentity = "MOBILE_IDENTITY",
        /// Mobile push.
        MobilePush = "MOBILE_PUSH",
        /// Number Lookup.
        NumberLookup = "NUMBER_LOOKUP",
        /// Open Channel.
        OpenChannel = "OPEN_CHANNEL",
        /// RCS.
        Rcs = "RCS",
        /// Registration.
        Registration = "REGISTRATION",
        /// SMS.
        Sms = "SMS",
        /// Viber.
        Viber = "VIBER",
        /// Voice and video.
        VoiceVideo = "VOICE_VIDEO",
        /// Web push.
        WebPush = "WEB_PUSH",
        /// WhatsApp.
        Whatsapp = "WHATSAPP",
        /// Zalo.
        Zalo = "ZALO",
    }
}

open_enum! {
    /// How Infobip authenticates to your webhook.
    CredentialsType {
        /// Basic credentials.
        Basic = "BASIC",
        /// An HMAC signature.
        Hmac = "HMAC",
        /// An OAuth2 token.
        Oauth = "OAUTH",
        /// Custom headers.
        Custom = "CUSTOM",
    }
}

open_enum! {
    /// The state of an uploaded client certificate.
    CertificateStatus {
        /// Being processed.
        Processing = "PROCESSING",
        /// Ready to use.
        Ready = "READY",
        /// Expired.
        Expired = "EXPIRED",
    }
}

/// An event a subscription listens to (`DELIVERY`, `INBOUND_MESSAGE`, `CLICK`…), optionally with
/// the payload format to deliver it in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// The event's name.
    pub event: String,
    /// The payload format (for example `MO_JSON_2`), when one is chosen.
    pub format: Option<String>,
}

impl Event {
    /// An event in its default format.
    pub fn new(event: impl Into<String>) -> Self {
        Event { event: event.into(), format: None }
    }

    /// An event delivered in `format`.
    pub fn with_format(event: impl Into<String>, format: impl Into<String>) -> Self {
        Event { event: event.into(), format: Some(format.into()) }
    }
}

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct WithFormat<'a> {
            event: &'a str,
            format: &'a str,
        }
        match &self.format {
            None => s.serialize_str(&self.event),
            Some(format) => WithFormat { event: &self.event, format }.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Name(String),
            Full {
                event: String,
                #[serde(default)]
                format: Option<String>,
            },
        }
        Ok(match Raw::deserialize(d)? {
            Raw::Name(event) => Event { event, format: None },
            Raw::Full { event, format } => Event { event, format },
        })
    }
}

/// Which traffic a subscription matches: an application, an entity, a calls configuration.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Criterion {
    /// The application id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_id: Option<String>,
    /// The entity id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_id: Option<String>,
    /// The calls configuration id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calls_configuration_id: Option<String>,
}

/// Where events are pushed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Webhook {
    /// The URL Infobip posts to (at most 512 characters).
    #[serde(default)]
    pub notify_url: String,
    /// The content type of the pushes (`application/json`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
}

/// Credentials Infobip uses to authenticate to your webhook. Secrets never show in `Debug`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum WebhookCredentials {
    /// HMAC signing of each push.
    Hmac {
        /// The signing key.
        #[serde(rename = "secretKey")]
        secret_key: Secret,
        /// The algorithm, as the API names it (`HMAC_SHA_256`…); see
        /// [`HmacAlgorithm::from_name`](crate::webhooks::HmacAlgorithm::from_name).
        algorithm: String,
    },
    /// OAuth2: Infobip fetches a token from your token URL.
    Oauth(Box<OauthCredentials>),
    /// Basic credentials.
    Basic {
        /// The username.
        username: String,
        /// The password.
        password: Secret,
    },
}

/// OAuth2 credentials for pushes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OauthCredentials {
    /// Your token endpoint.
    pub token_url: String,
    /// The grant type.
    pub grant_type: String,
    /// The client id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// The client secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_secret: Option<Secret>,
    /// The scope.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// A username.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// A password.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<Secret>,
    /// The resource.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    /// A refresh token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<Secret>,
    /// Extra headers for the token request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headers: Option<BTreeMap<String, String>>,
}

/// A security setting: how Infobip authenticates to your webhook.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Security {
    /// The setting's id (required when creating).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_id: Option<String>,
    /// The kind of credentials.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<CredentialsType>,
    /// The credentials (`None` in an answer whose credentials have a shape this SDK does not know).
    #[serde(default, deserialize_with = "known_credentials", skip_serializing_if = "Option::is_none")]
    pub credentials: Option<WebhookCredentials>,
    /// The request id the API gave.
    #[serde(skip)]
    pub request_id: Option<String>,
}

/// Reads credentials leniently: a shape this SDK does not know gives `None` rather than an error
/// (and is not kept, since it may hold secrets that would then show in `Debug`).
fn known_credentials<'de, D: Deserializer<'de>>(d: D) -> Result<Option<WebhookCredentials>, D::Error> {
    let value = Option::<serde_json::Value>::deserialize(d)?;
    Ok(value.and_then(|v| serde_json::from_value(v).ok()))
}

/// A notification profile: the webhook and how it is called.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    /// The profile's id (required when creating).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile_id: Option<String>,
    /// Where pushes go.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhook: Option<Webhook>,
    /// Its security setting: a full one when creating a profile, an id otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security: Option<Security>,
    /// A client certificate for mutual TLS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_certificate_id: Option<String>,
    /// Events per push (1 to 2000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_bucket_size: Option<u32>,
    /// Concurrent pushes (20 to 10000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window_size: Option<u32>,
    /// Connect timeout in milliseconds (300 to 30000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connect_timeout: Option<u32>,
    /// Read timeout in milliseconds (1000 to 90000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_timeout: Option<u32>,
    /// TLS versions allowed (`TLSv1.2`, `TLSv1.3`).
    #[serde(default, rename = "enabledSSLProtocols", skip_serializing_if = "Option::is_none")]
    pub enabled_ssl_protocols: Option<Vec<String>>,
    /// Static headers added to each push.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headers: Option<BTreeMap<String, String>>,
    /// A regular expression the response status must match to count as delivered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_regex: Option<String>,
    /// A regular expression the response body must match.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_body_regex: Option<String>,
    /// Pushes per second (1 to 5000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_limit: Option<u32>,
    /// The request id the API gave.
    #[serde(skip)]
    pub request_id: Option<String>,
}

/// A subscription: which events of a channel go to which profile.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Subscription {
    /// The subscription's id (required when creating; URL-safe; cannot change).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscription_id: Option<String>,
    /// A readable name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The events.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Event>,
    /// Which traffic it matches.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub criteria: Vec<Criterion>,
    /// Sender names it is limited to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<String>,
    /// Users it is limited to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub users: Vec<String>,
    /// Its profile: a full one when creating, an id when updating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<Profile>,
    /// The request id the API gave.
    #[serde(skip)]
    pub request_id: Option<String>,
}

/// Paging of a list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PageInfo {
    /// This page (from 0).
    #[serde(default)]
    pub page: Option<i64>,
    /// Items per page.
    #[serde(default)]
    pub size: Option<i64>,
    /// Number of pages.
    #[serde(default)]
    pub total_pages: Option<i64>,
    /// Items in all pages.
    #[serde(default)]
    pub total_results: Option<i64>,
}

/// One page of a list.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Page<T> {
    /// The items.
    #[serde(default = "Vec::new")]
    pub results: Vec<T>,
    /// The paging.
    #[serde(default)]
    pub paging: Option<PageInfo>,
    /// The request id the API gave.
    #[serde(skip)]
    pub request_id: Option<String>,
}

/// A certificate to upload for mutual TLS.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CertificateUpload {
    /// Its id.
    pub certificate_id: String,
    /// The certificate, base64-encoded.
    pub certificate_content: String,
    /// The passphrase, base64-encoded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub passphrase: Option<Secret>,
}

/// An uploaded certificate.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Certificate {
    /// Its id.
    #[serde(default)]
    pub certificate_id: Option<String>,
    /// Issuer.
    #[serde(default)]
    pub issued_by: Option<String>,
    /// Subject.
    #[serde(default)]
    pub issued_to: Option<String>,
    /// Valid from.
    #[serde(default, with = "crate::time::serde::option")]
    pub valid_from: Option<chrono::DateTime<chrono::FixedOffset>>,
    /// Valid until.
    #[serde(default, with = "crate::time::serde::option")]
    pub valid_until: Option<chrono::DateTime<chrono::FixedOffset>>,
    /// Its state (in details).
    #[serde(default)]
    pub certificate_status: Option<CertificateStatus>,
    /// Its state (in status answers).
    #[serde(default)]
    pub status: Option<CertificateStatus>,
    /// Serial number.
    #[serde(default)]
    pub serial_number: Option<String>,
    /// The request id the API gave.
    #[serde(skip)]
    pub request_id: Option<String>,
}

/// The result of testing a webhook with a certificate.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WebhookTest {
    /// The certificate used.
    #[serde(default)]
    pub certificate_id: Option<String>,
    /// The URL tested.
    #[serde(default)]
    pub webhook_url: Option<String>,
    /// `SUCCESS` or `FAIL`.
    #[serde(default)]
    pub result: Option<String>,
    /// Why it failed.
    #[serde(default)]
    pub fail_reasons: Vec<String>,
    /// A hint.
    #[serde(default)]
    pub hint: Option<String>,
    /// The request id the API gave.
    #[serde(skip)]
    pub request_id: Option<String>,
}
