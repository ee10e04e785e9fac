//! What the generated typed layer ([`crate::api`]) stands on: results that carry their HTTP
//! response, Infobip date-times, open enums, file downloads and paging.
//!
//! Every generated method builds [`CallParams`](crate::CallParams) from its request type and goes
//! through [`Client::call`](crate::Client::call), the one operation path: the same validation,
//! authentication, throttling, retries, send rules and error mapping as every other call.

// The crate's unit-test build, and a build without the product features (the bindings'), leave
// the generated product modules out (see `crate::api`), so the helpers only they call are unused
// there.
#![cfg_attr(any(test, not(feature = "all-products")), allow(dead_code, unused_imports))]

mod datetime;
mod invoke;
mod pages;
mod params;
mod union;

pub use datetime::DateTime;
pub use invoke::{ApiResponse, FileDownload};
pub use pages::{Pages, Paging};
pub use params::ParamValue;

pub(crate) use invoke::{disposition_file_name, empty, file, json, text, to_json};
pub(crate) use pages::item_stream;
pub(crate) use union::{from_value, has_fields, tagged};

/// Declares an open enum: a string newtype whose known values are constants; any other value
/// the API sends is kept as it is.
#[macro_export]
#[doc(hidden)]
macro_rules! open_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $konst:ident = $value:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub std::borrow::Cow<'static, str>);

        impl $name {
            $($(#[$vmeta])* pub const $konst: $name = $name(std::borrow::Cow::Borrowed($value));)*

            /// The value as the API writes it.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                $name(std::borrow::Cow::Owned(value.to_owned()))
            }
        }

        impl From<String> for $name {
            fn from(value: String) -> Self {
                $name(std::borrow::Cow::Owned(value))
            }
        }

        impl $crate::typed::ParamValue for $name {
            fn param_value(&self) -> serde_json::Value {
                serde_json::Value::String(self.0.to_string())
            }
        }
    };
}
