//! Authentication: the four schemes Infobip accepts, and the sessions and tokens two of them need.
//!
//! - `App <key>`: an API key.
//! - `Basic base64(username:password)`.
//! - `IBSSO <token>`: a session made with `POST /auth/1/session`, reused, made again once
//!   after a 401, and destroyed with `DELETE /auth/1/session` when the client is closed.
//! - `Bearer <token>`: an OAuth2 client-credentials token from `POST /auth/1/oauth2/token`,
//!   cached and fetched again before `expires_in` runs out; one fetch serves every waiting caller.

mod secret;
mod tokens;

pub use secret::Secret;
pub(crate) use tokens::{Authenticator, destroy_session, request_session, request_token, session_header};
pub use tokens::{OAuth2Token, Session};

use crate::error::Error;

/// The credentials a client authenticates with.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Credentials {
    /// An API key, sent as `Authorization: App <key>`.
    ApiKey(Secret),
    /// A username and password, sent as `Authorization: Basic …`.
    Basic {
        /// The username.
        username: String,
        /// The password.
        password: Secret,
    },
    /// A username and password exchanged for an IBSSO session token.
    Ibsso {
        /// The username.
        username: String,
        /// The password.
        password: Secret,
    },
    /// OAuth2 client credentials exchanged for a bearer token.
    OAuth2 {
        /// The client id (the Infobip username).
        client_id: String,
        /// The client secret (the password).
        client_secret: Secret,
    },
}

impl Credentials {
    /// The scheme's name, for messages: `App`, `Basic`, `IBSSO` or `OAuth2`.
    pub fn scheme(&self) -> &'static str {
        match self {
            Credentials::ApiKey(_) => "App",
            Credentials::Basic { .. } => "Basic",
            Credentials::Ibsso { .. } => "IBSSO",
            Credentials::OAuth2 { .. } => "OAuth2",
        }
    }

    /// Checks that every part is non-empty and can go into a header.
    pub(crate) fn validate(&self) -> Result<(), Error> {
        let parts: Vec<(&str, &str)> = match self {
            Credentials::ApiKey(key) => vec![("API key", key.expose())],
            Credentials::Basic { username, password } | Credentials::Ibsso { username, password } => {
                vec![("username", username.as_str()), ("password", password.expose())]
            }
            Credentials::OAuth2 { client_id, client_secret } => {
                vec![("client id", client_id.as_str()), ("client secret", client_secret.expose())]
            }
        };
        for (name, value) in parts {
            if value.is_empty() {
                return Err(Error::config(format!("the {name} is empty")));
            }
            if value.chars().any(char::is_control) {
                return Err(Error::config(format!(
                    "the {name} contains a line break or another control character, which cannot be sent in a header"
                )));
            }
        }
        if let Credentials::Basic { username, .. } = self
            && username.contains(':')
        {
            return Err(Error::config("a Basic username cannot contain ':'"));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_control_characters_without_echoing() {
        let cases = [
            Credentials::ApiKey(Secret::new("abc\r\nX-Evil: 1")),
            Credentials::Basic { username: "u".into(), password: Secret::new("p\nw") },
            Credentials::OAuth2 { client_id: "id".into(), client_secret: Secret::new("s\r") },
            Credentials::ApiKey(Secret::new("")),
        ];
        for creds in cases {
            let err = creds.validate().expect_err("must refuse");
            assert_eq!(err.code(), "config");
            let text = format!("{err} {err:?}");
            assert!(!text.contains("X-Evil") && !text.contains("p\nw"), "{text}");
        }
        assert!(Credentials::ApiKey(Secret::new("key")).validate().is_ok());
    }
}
