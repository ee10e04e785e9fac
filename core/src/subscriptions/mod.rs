//! The Subscription Management API: which events Infobip pushes where, and how it authenticates.
//!
//! Subscriptions (per channel) point to profiles (a webhook URL and how to call it), profiles to
//! security settings (Basic, HMAC, OAuth or custom), and mutual TLS uses uploaded certificates.

mod models;

pub use models::{
    Certificate, CertificateStatus, CertificateUpload, Channel, CredentialsType, Criterion, Event, OauthCredentials,
    Page, PageInfo, Profile, Security, Subscription, Webhook, WebhookCredentials, WebhookTest,
};

use http::Method;
use serde::de::DeserializeOwned;

use crate::error::{Error, Violation};
use crate::http::{Query, encode_component};
use crate::reply::{Traced, fetch};
use crate::{Client, RequestBuilder};

/// Subscription Management calls; get one with [`Client::subscriptions`].
#[derive(Clone, Debug)]
pub struct Subscriptions {
    client: Client,
}

impl Client {
    /// Subscription Management calls: subscriptions, profiles, security settings, certificates.
    pub fn subscriptions(&self) -> Subscriptions {
        Subscriptions { client: self.clone() }
    }
}

const BASE: &str = "/subscriptions/1";

/// Paging of a list call.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Paging {
    /// The page (from 0).
    pub page: Option<u32>,
    /// Items per page (1 to 100).
    pub size: Option<u32>,
}

impl Paging {
    fn query(self) -> Result<Query, Error> {
        if let Some(size) = self.size
            && !(1..=100).contains(&size)
        {
            return Err(Error::validation("size", format!("must be between 1 and 100, not {size}")));
        }
        let mut query = Query::new();
        query.push_opt("page", self.page).push_opt("size", self.size);
        Ok(query)
    }
}

crate::reply::traced!(Subscription, Profile, Security, Certificate, WebhookTest);

impl<T: DeserializeOwned> Traced for Page<T> {
    fn trace(&mut self, id: Option<String>) {
        self.request_id = id;
    }
}

fn segment(field: &str, id: &str) -> Result<String, Error> {
    if id.is_empty() {
        return Err(Error::validation(field, "must not be empty"));
    }
    Ok(encode_component(id))
}

impl Subscriptions {
    fn call(&self, method: Method, path: String, template: &str) -> RequestBuilder {
        let operation = format!("{method} {BASE}{template}");
        self.client.request(method, format!("{BASE}{path}")).operation(operation)
    }

    /// Lists a channel's subscriptions.
    pub async fn list(&self, channel: &Channel, paging: Paging) -> Result<Page<Subscription>, Error> {
        let path = format!("/subscription/{}", segment("channel", channel.as_str())?);
        fetch(self.call(Method::GET, path, "/subscription/{channel}").query_all(paging.query()?)).await
    }

    /// Creates a subscription with its profile (and the profile's security setting).
    pub async fn create(&self, channel: &Channel, subscription: &Subscription) -> Result<Subscription, Error> {
        validate_subscription(subscription, true)?;
        let path = format!("/subscription/{}", segment("channel", channel.as_str())?);
        fetch(self.call(Method::POST, path, "/subscription/{channel}").json(subscription)).await
    }

    /// One subscription.
    pub async fn get(&self, channel: &Channel, subscription_id: &str) -> Result<Subscription, Error> {
        let path = subscription_path(channel, subscription_id)?;
        fetch(self.call(Method::GET, path, "/subscription/{channel}/{subscriptionId}")).await
    }

    /// Replaces a subscription (its `profile` names an existing profile by id).
    pub async fn update(
        &self,
        channel: &Channel,
        subscription_id: &str,
        subscription: &Subscription,
    ) -> Result<Subscription, Error> {
        validate_subscription(subscription, false)?;
        let path = subscription_path(channel, subscription_id)?;
        let body = Subscription { subscription_id: None, ..subscription.clone() };
        fetch(self.call(Method::PUT, path, "/subscription/{channel}/{subscriptionId}").json(&body)).await
    }

    /// Deletes a subscription.
    pub async fn delete(&self, channel: &Channel, subscription_id: &str) -> Result<Subscription, Error> {
        let path = subscription_path(channel, subscription_id)?;
        fetch(self.call(Method::DELETE, path, "/subscription/{channel}/{subscriptionId}")).await
    }

    /// Lists profiles.
    pub async fn profiles(&self, paging: Paging) -> Result<Page<Profile>, Error> {
        fetch(self.call(Method::GET, "/profiles".into(), "/profiles").query_all(paging.query()?)).await
    }

    /// Creates a profile.
    pub async fn create_profile(&self, profile: &Profile) -> Result<Profile, Error> {
        validate_profile(profile, "", true)?;
        fetch(self.call(Method::POST, "/profiles".into(), "/profiles").json(profile)).await
    }

    /// One profile.
    pub async fn profile(&self, profile_id: &str) -> Result<Profile, Error> {
        let path = format!("/profiles/{}", segment("profileId", profile_id)?);
        fetch(self.call(Method::GET, path, "/profiles/{profileId}")).await
    }

    /// Replaces a profile (its `security` names an existing setting by id).
    pub async fn update_profile(&self, profile_id: &str, profile: &Profile) -> Result<Profile, Error> {
        validate_profile(profile, "", false)?;
        let path = format!("/profiles/{}", segment("profileId", profile_id)?);
        let body = Profile { profile_id: None, ..profile.clone() };
        fetch(self.call(Method::PUT, path, "/profiles/{profileId}").json(&body)).await
    }

    /// Deletes a profile.
    pub async fn delete_profile(&self, profile_id: &str) -> Result<Profile, Error> {
        let path = format!("/profiles/{}", segment("profileId", profile_id)?);
        fetch(self.call(Method::DELETE, path, "/profiles/{profileId}")).await
    }

    /// Lists security settings.
    pub async fn security_settings(&self, paging: Paging) -> Result<Page<Security>, Error> {
        fetch(self.call(Method::GET, "/security".into(), "/security").query_all(paging.query()?)).await
    }

    /// Creates a security setting.
    pub async fn create_security(&self, security: &Security) -> Result<Security, Error> {
        require(security.auth_id.as_deref(), "authId", 255)?;
        fetch(self.call(Method::POST, "/security".into(), "/security").json(security)).await
    }

    /// One security setting.
    pub async fn security(&self, auth_id: &str) -> Result<Security, Error> {
        let path = format!("/security/{}", segment("authId", auth_id)?);
        fetch(self.call(Method::GET, path, "/security/{authId}")).await
    }

    /// Replaces a security setting.
    pub async fn update_security(&self, auth_id: &str, security: &Security) -> Result<Security, Error> {
        let path = format!("/security/{}", segment("authId", auth_id)?);
        let body = Security { auth_id: None, ..security.clone() };
        fetch(self.call(Method::PUT, path, "/security/{authId}").json(&body)).await
    }

    /// Deletes a security setting.
    pub async fn delete_security(&self, auth_id: &str) -> Result<Security, Error> {
        let path = format!("/security/{}", segment("authId", auth_id)?);
        fetch(self.call(Method::DELETE, path, "/security/{authId}")).await
    }

    /// Lists uploaded certificates.
    pub async fn certificates(&self, paging: Paging) -> Result<Page<Certificate>, Error> {
        fetch(self.call(Method::GET, "/certificates".into(), "/certificates").query_all(paging.query()?)).await
    }

    /// Uploads a client certificate for mutual TLS.
    pub async fn upload_certificate(&self, certificate: &CertificateUpload) -> Result<Certificate, Error> {
        require(Some(&certificate.certificate_id), "certificateId", 255)?;
        require(Some(&certificate.certificate_content), "certificateContent", usize::MAX)?;
        fetch(self.call(Method::POST, "/certificates".into(), "/certificates").json(certificate)).await
    }

    /// One certificate's details.
    pub async fn certificate(&self, certificate_id: &str) -> Result<Certificate, Error> {
        let path = format!("/certificates/{}", segment("certificateId", certificate_id)?);
        fetch(self.call(Method::GET, path, "/certificates/{certificateId}")).await
    }

    /// One certificate's processing state.
    pub async fn certificate_status(&self, certificate_id: &str) -> Result<Certificate, Error> {
        let path = format!("/certificates/status/{}", segment("certificateId", certificate_id)?);
        fetch(self.call(Method::GET, path, "/certificates/status/{certificateId}")).await
    }

    /// Deletes a certificate.
    pub async fn delete_certificate(&self, certificate_id: &str) -> Result<Certificate, Error> {
        let path = format!("/certificates/{}", segment("certificateId", certificate_id)?);
        fetch(self.call(Method::DELETE, path, "/certificates/{certificateId}")).await
    }

    /// Asks Infobip to call `webhook_url` using a certificate, and reports whether it worked.
    pub async fn test_webhook(&self, certificate_id: &str, webhook_url: &str) -> Result<WebhookTest, Error> {
        require(Some(certificate_id), "certificateId", 255)?;
        check_url("webhookUrl", webhook_url)?;
        let body = serde_json::json!({ "certificateId": certificate_id, "webhookUrl": webhook_url });
        fetch(self.call(Method::POST, "/certificates/test/webhook".into(), "/certificates/test/webhook").json(&body))
            .await
    }
}

fn subscription_path(channel: &Channel, id: &str) -> Result<String, Error> {
    Ok(format!("/subscription/{}/{}", segment("channel", channel.as_str())?, segment("subscriptionId", id)?))
}

fn require(value: Option<&str>, field: &str, max: usize) -> Result<(), Error> {
    match value {
        None | Some("") => Err(Error::validation(field, "is required")),
        Some(v) if v.chars().count() > max => {
            Err(Error::validation(field, format!("must be at most {max} characters")))
        }
        Some(_) => Ok(()),
    }
}

fn check_url(field: &str, url: &str) -> Result<(), Error> {
    let lower = url.to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://")) || reqwest::Url::parse(url).is_err() {
        return Err(Error::validation(field, format!("must be an http(s) URL, not {url:?}")));
    }
    Ok(())
}

fn in_range(out: &mut Vec<Violation>, field: String, value: Option<u32>, min: u32, max: u32) {
    if let Some(v) = value
        && !(min..=max).contains(&v)
    {
        out.push(Violation::new(field, format!("must be between {min} and {max}, not {v}")));
    }
}

fn validate_subscription(subscription: &Subscription, creating: bool) -> Result<(), Error> {
    let mut violations = Vec::new();
    if creating {
        match subscription.subscription_id.as_deref() {
            None | Some("") => violations.push(Violation::new("subscriptionId", "is required")),
            Some(id) if id.len() > 255 || id.bytes().any(|b| !(b.is_ascii_alphanumeric() || b"-._~".contains(&b))) => {
                violations.push(Violation::new(
                    "subscriptionId",
                    "must be 1 to 255 characters that need no URL encoding (letters, digits, - . _ ~)",
                ))
            }
            Some(_) => {}
        }
    }
    if subscription.events.is_empty() {
        violations.push(Violation::new("events", "must name at least one event"));
    }
    match &subscription.profile {
        None => violations.push(Violation::new("profile", "is required")),
        Some(profile) if creating => {
            if let Err(Error::Validation { violations: found }) = validate_profile(profile, "profile.", true) {
                violations.extend(found);
            }
        }
        Some(profile) if profile.profile_id.as_deref().is_none_or(str::is_empty) => {
            violations.push(Violation::new("profile.profileId", "is required"))
        }
        Some(_) => {}
    }
    if violations.is_empty() { Ok(()) } else { Err(Error::Validation { violations }) }
}

fn validate_profile(profile: &Profile, prefix: &str, creating: bool) -> Result<(), Error> {
    let mut violations = Vec::new();
    let field = |name: &str| format!("{prefix}{name}");
    if creating && profile.profile_id.as_deref().is_none_or(str::is_empty) {
        violations.push(Violation::new(field("profileId"), "is required"));
    }
    if let Some(webhook) = &profile.webhook {
        if let Err(Error::Validation { violations: found }) =
            check_url(&field("webhook.notifyUrl"), &webhook.notify_url)
        {
            violations.extend(found);
        } else if webhook.notify_url.len() > 512 {
            violations.push(Violation::new(field("webhook.notifyUrl"), "must be at most 512 characters"));
        }
    }
    if let Some(security) = &profile.security
        && security.auth_id.as_deref().is_none_or(str::is_empty)
    {
        violations.push(Violation::new(field("security.authId"), "is required"));
    }
    in_range(&mut violations, field("maxBucketSize"), profile.max_bucket_size, 1, 2000);
    in_range(&mut violations, field("windowSize"), profile.window_size, 20, 10_000);
    in_range(&mut violations, field("connectTimeout"), profile.connect_timeout, 300, 30_000);
    in_range(&mut violations, field("readTimeout"), profile.read_timeout, 1000, 90_000);
    in_range(&mut violations, field("rateLimit"), profile.rate_limit, 1, 5000);
    if violations.is_empty() { Ok(()) } else { Err(Error::Validation { violations }) }
}
