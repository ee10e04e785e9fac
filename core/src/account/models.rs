//! Account models: balances and API keys.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::auth::Secret;
use crate::sms::open_enum::open_enum;

/// The account balance (`GET /account/1/balance`).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Balance {
    /// The balance.
    #[serde(default)]
    pub balance: Option<f64>,
    /// Its currency (`EUR`…).
    #[serde(default)]
    pub currency: Option<String>,
    /// The request id the API gave.
    #[serde(skip)]
    pub request_id: Option<String>,
}

/// Free messages left (`GET /account/1/free-messages`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FreeMessages {
    /// How many free messages are left.
    #[serde(default)]
    pub remaining_count: Option<i64>,
    /// The request id the API gave.
    #[serde(skip)]
    pub request_id: Option<String>,
}

/// A currency as the total balance describes it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Currency {
    /// Infobip's id of the currency.
    #[serde(default)]
    pub id: Option<i64>,
    /// The ISO code (`EUR`).
    #[serde(default)]
    pub code: Option<String>,
    /// The currency's name.
    #[serde(default)]
    pub currency_name: Option<String>,
    /// Its symbol (`€`).
    #[serde(default)]
    pub symbol: Option<String>,
}

/// The balance with limits (`GET /account/1/total-balance`).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TotalBalance {
    /// The balance.
    #[serde(default)]
    pub balance: Option<f64>,
    /// How far below zero the account may go.
    #[serde(default)]
    pub allowed_minus: Option<f64>,
    /// The monthly spending limit.
    #[serde(default)]
    pub monthly_limit: Option<f64>,
    /// Spent this month.
    #[serde(default)]
    pub monthly_balance: Option<f64>,
    /// The currency.
    #[serde(default)]
    pub currency: Option<Currency>,
    /// Free messages, as the API describes them.
    #[serde(default)]
    pub free_messages: Option<serde_json::Value>,
    /// The request id the API gave.
    #[serde(skip)]
    pub request_id: Option<String>,
}

open_enum! {
    /// What an API key may be used for.
    ApiKeyPermission {
        /// The public API.
        PublicApi = "PUBLIC_API",
        /// 2FA clients.
        TwoFactorClient = "2FA_CLIENT",
        /// Web SDKs.
        WebSdk = "WEB_SDK",
    }
}

/// A platform (application and entity) an API key is tied to.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiKeyPlatform {
    /// The platform key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The application id.
    #[serde(default)]
    pub application_id: String,
    /// The entity id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_id: Option<String>,
    /// The action, as the API describes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<serde_json::Value>,
}

/// An API key (`/settings/2/api-keys`). Its secret is a [`Secret`]: it never shows in `Debug`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiKey {
    /// The key's id.
    #[serde(default)]
    pub id: Option<String>,
    /// The key itself (use it with [`ClientBuilder::api_key`](crate::ClientBuilder::api_key)).
    #[serde(default)]
    pub api_key_secret: Option<Secret>,
    /// The account it belongs to.
    #[serde(default)]
    pub account_id: Option<String>,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
    /// IP addresses it may be used from.
    #[serde(default, rename = "allowedIPs")]
    pub allowed_ips: Vec<String>,
    /// Valid from.
    #[serde(default, with = "crate::time::serde::option")]
    pub valid_from: Option<DateTime<FixedOffset>>,
    /// Valid until.
    #[serde(default, with = "crate::time::serde::option")]
    pub valid_to: Option<DateTime<FixedOffset>>,
    /// Whether it works (a revoked key is disabled).
    #[serde(default)]
    pub enabled: Option<bool>,
    /// What it may be used for.
    #[serde(default)]
    pub permissions: Vec<ApiKeyPermission>,
    /// Platforms it is tied to.
    #[serde(default)]
    pub platform: Vec<ApiKeyPlatform>,
    /// The scopes it has (ids of scopes such as `sms:message:send`).
    #[serde(default)]
    pub scope_guids: Vec<String>,
    /// The request id the API gave.
    #[serde(skip)]
    pub request_id: Option<String>,
}

/// Paging of a list of API keys.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiKeyPaging {
    /// This page's number (from 0).
    #[serde(default)]
    pub page: Option<i64>,
    /// Keys per page.
    #[serde(default)]
    pub page_size: Option<i64>,
    /// Sort direction.
    #[serde(default)]
    pub order_direction: Option<String>,
    /// Sort field.
    #[serde(default)]
    pub order_by: Option<String>,
    /// Keys in all pages.
    #[serde(default)]
    pub total_count: Option<i64>,
    /// Number of pages.
    #[serde(default)]
    pub total_pages: Option<i64>,
}

/// One page of API keys.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiKeyPage {
    /// The keys.
    #[serde(default)]
    pub api_keys: Vec<ApiKey>,
    /// The paging.
    #[serde(default)]
    pub paging: Option<ApiKeyPaging>,
    /// The request id the API gave.
    #[serde(skip)]
    pub request_id: Option<String>,
}

/// Filters for listing API keys.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ApiKeyFilter {
    /// Only keys of this account.
    pub account_id: Option<String>,
    /// Only keys with this name.
    pub name: Option<String>,
    /// Only enabled (or only disabled) keys.
    pub enabled: Option<bool>,
    /// The page (from 0).
    pub page: Option<u32>,
    /// Keys per page.
    pub size: Option<u32>,
    /// Sort field.
    pub order_by: Option<String>,
    /// Sort direction (`ASC`, `DESC`).
    pub order_direction: Option<String>,
}

/// A new API key, or changes to one: every field is optional in an update, and `name` is
/// required when creating.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiKeyRequest {
    /// The account the key belongs to (default: yours).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    /// The key's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// IP addresses it may be used from.
    #[serde(rename = "allowedIPs", skip_serializing_if = "Option::is_none")]
    pub allowed_ips: Option<Vec<String>>,
    /// Valid from.
    #[serde(with = "crate::time::serde::option", skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<DateTime<FixedOffset>>,
    /// Valid until.
    #[serde(with = "crate::time::serde::option", skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<DateTime<FixedOffset>>,
    /// Enabled or disabled (updates only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// What it may be used for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permissions: Option<Vec<ApiKeyPermission>>,
    /// Platforms it is tied to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform: Option<Vec<ApiKeyPlatform>>,
    /// The scopes it gets (e.g. `sms:message:send`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope_guids: Option<Vec<String>>,
}

impl ApiKeyRequest {
    /// A new key with a name and scopes.
    pub fn new(name: impl Into<String>, scopes: impl IntoIterator<Item = impl Into<String>>) -> Self {
        ApiKeyRequest {
            name: Some(name.into()),
            scope_guids: Some(scopes.into_iter().map(Into::into).collect()),
            ..ApiKeyRequest::default()
        }
    }
}
