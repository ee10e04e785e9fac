//! Reading and writing the generated enums: polymorphic types told apart by a discriminator
//! property, and `oneOf` unions told apart by which required fields are present.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Reads a variant from an already parsed value.
pub(crate) fn from_value<T: DeserializeOwned, E: serde::de::Error>(value: Value) -> Result<T, E> {
    serde_json::from_value(value).map_err(E::custom)
}

/// Whether `value` is an object holding every one of `fields`.
pub(crate) fn has_fields(value: &Value, fields: &[&str]) -> bool {
    value.as_object().is_some_and(|object| fields.iter().all(|f| object.contains_key(*f)))
}

/// Writes a variant of a polymorphic type with its discriminator `property` set to `tag`
/// (unless the variant already carries a value there).
pub(crate) fn tagged<S: serde::Serializer, T: Serialize>(
    serializer: S,
    property: &str,
    tag: &str,
    variant: &T,
) -> Result<S::Ok, S::Error> {
    let mut value = serde_json::to_value(variant).map_err(<S::Error as serde::ser::Error>::custom)?;
    if let Value::Object(object) = &mut value
        && object.get(property).is_none_or(Value::is_null)
    {
        object.insert(property.to_owned(), Value::String(tag.to_owned()));
    }
    value.serialize(serializer)
}
