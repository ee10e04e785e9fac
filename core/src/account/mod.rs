//! The account: balances, API keys with scopes, IBSSO sessions and OAuth2 tokens.

mod models;

pub use models::{
    ApiKey, ApiKeyFilter, ApiKeyPage, ApiKeyPaging, ApiKeyPermission, ApiKeyPlatform, ApiKeyRequest, Balance, Currency,
    FreeMessages, TotalBalance,
};

use crate::Client;
use crate::auth::{self, OAuth2Token, Secret, Session};
use crate::error::{Error, Violation};
use crate::http::{Query, encode_component};
use crate::reply::fetch;
use http::Method;

/// Account calls; get one with [`Client::account`].
#[derive(Clone, Debug)]
pub struct Account {
    client: Client,
}

crate::reply::traced!(Balance, FreeMessages, TotalBalance, ApiKey, ApiKeyPage);

impl Client {
    /// Account calls: balances, API keys, sessions and tokens.
    pub fn account(&self) -> Account {
        Account { client: self.clone() }
    }
}

const API_KEYS: &str = "/settings/2/api-keys";

impl Account {
    /// The balance (`GET /account/1/balance`).
    pub async fn balance(&self) -> Result<Balance, Error> {
        fetch(self.client.request(Method::GET, "/account/1/balance")).await
    }

    /// Free messages left (`GET /account/1/free-messages`).
    pub async fn free_messages(&self) -> Result<FreeMessages, Error> {
        fetch(self.client.request(Method::GET, "/account/1/free-messages")).await
    }

    /// The balance with its limits (`GET /account/1/total-balance`).
    pub async fn total_balance(&self) -> Result<TotalBalance, Error> {
        fetch(self.client.request(Method::GET, "/account/1/total-balance")).await
    }

    /// Lists API keys (`GET /settings/2/api-keys`).
    pub async fn api_keys(&self, filter: &ApiKeyFilter) -> Result<ApiKeyPage, Error> {
        let mut query = Query::new();
        query
            .push_opt("accountId", filter.account_id.as_deref())
            .push_opt("name", filter.name.as_deref())
            .push_opt("page", filter.page)
            .push_opt("size", filter.size)
            .push_opt("orderBy", filter.order_by.as_deref())
            .push_opt("orderDirection", filter.order_direction.as_deref())
            .push_opt("enabled", filter.enabled);
        fetch(self.client.request(Method::GET, API_KEYS).query_all(query)).await
    }

    /// Creates an API key with scopes (`POST /settings/2/api-keys`). Infobip allows few of these a day.
    pub async fn create_api_key(&self, key: &ApiKeyRequest) -> Result<ApiKey, Error> {
        if key.name.as_deref().is_none_or(|n| n.trim().is_empty()) {
            return Err(Error::Validation {
                violations: vec![Violation::new("name", "is required to create an API key")],
            });
        }
        fetch(self.client.request(Method::POST, API_KEYS).json(key)).await
    }

    /// One API key (`GET /settings/2/api-keys/{apiKeyId}`).
    pub async fn api_key(&self, id: &str) -> Result<ApiKey, Error> {
        fetch(self.client.request(Method::GET, key_path(id)?).operation("GET /settings/2/api-keys/{apiKeyId}")).await
    }

    /// Changes an API key (`PUT /settings/2/api-keys/{apiKeyId}`).
    pub async fn update_api_key(&self, id: &str, changes: &ApiKeyRequest) -> Result<ApiKey, Error> {
        let request = self.client.request(Method::PUT, key_path(id)?).operation("PUT /settings/2/api-keys/{apiKeyId}");
        fetch(request.json(changes)).await
    }

    /// Revokes an API key: disables it, so it stops working at once.
    pub async fn revoke_api_key(&self, id: &str) -> Result<ApiKey, Error> {
        self.update_api_key(id, &ApiKeyRequest { enabled: Some(false), ..ApiKeyRequest::default() }).await
    }

    /// Creates an IBSSO session for a user (`POST /auth/1/session`). The client's own credentials
    /// are not sent. `unbound_to_ip` asks for a session usable from any IP address.
    pub async fn create_session(
        &self,
        username: &str,
        password: &Secret,
        unbound_to_ip: bool,
    ) -> Result<Session, Error> {
        auth::request_session(self.client.transport(), username, password, unbound_to_ip).await
    }

    /// Destroys an IBSSO session (`DELETE /auth/1/session`).
    pub async fn destroy_session(&self, token: &Secret) -> Result<(), Error> {
        auth::destroy_session(self.client.transport(), &auth::session_header(token)?).await
    }

    /// Fetches an OAuth2 client-credentials token (`POST /auth/1/oauth2/token`).
    pub async fn oauth2_token(&self, client_id: &str, client_secret: &Secret) -> Result<OAuth2Token, Error> {
        auth::request_token(self.client.transport(), client_id, client_secret).await
    }
}

fn key_path(id: &str) -> Result<String, Error> {
    if id.is_empty() {
        return Err(Error::validation("apiKeyId", "must not be empty"));
    }
    Ok(format!("{API_KEYS}/{}", encode_component(id)))
}
