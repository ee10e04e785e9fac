//! [`ParamValue`]: how a typed parameter becomes the JSON value `call` sends as text.

use serde_json::Value;

/// A value a generated request type passes as a path, query or header parameter.
pub trait ParamValue {
    /// The value as JSON (strings as they are, numbers and booleans as themselves, lists as
    /// arrays, date-times in Infobip's format).
    fn param_value(&self) -> Value;
}

macro_rules! plain {
    ($($t:ty),*) => {$(
        impl ParamValue for $t {
            fn param_value(&self) -> Value {
                Value::from(self.clone())
            }
        }
    )*};
}

plain!(String, i32, i64, f64, bool);

impl ParamValue for Value {
    fn param_value(&self) -> Value {
        self.clone()
    }
}

impl<T: ParamValue> ParamValue for Vec<T> {
    fn param_value(&self) -> Value {
        Value::Array(self.iter().map(ParamValue::param_value).collect())
    }
}
