//! Reading binding input into the core's models.
//!
//! Bindings hand over what their language's objects hold as JSON text (Node's `JSON.stringify`,
//! Python's dicts through `json.dumps`, …). [`from_json`] reads it into a model; a value of the
//! wrong type or shape is a `validation` error naming the field by its path
//! (`messages[0].destinations[1].to`), and a key the model does not know is one too (a typo must
//! not be dropped silently), so bad input is refused before anything is sent (docs/ARCHITECTURE.md, rules of the house).

use serde::Deserializer;
use serde::de::DeserializeOwned;

use crate::error::{Error, Violation};

/// Reads JSON text into `T`. `what` names the whole input (e.g. `request`) for problems that are
/// not inside a field, like text that is not JSON at all.
pub fn from_json<T: DeserializeOwned>(text: &str, what: &str) -> Result<T, Error> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = read(&mut deserializer, what, "", &|name| name.to_owned())?;
    deserializer.end().map_err(|e| Error::validation(what, describe(&e)))?;
    Ok(value)
}

/// Refuses a value nested deeper than [`MAX_DEPTH`](crate::config::MAX_DEPTH) with a
/// `validation` error naming where (`what` then the JSON pointer of the first object or array
/// past the limit). Walks the value without recursion.
pub fn check_depth(value: &serde_json::Value, what: &str) -> Result<(), Error> {
    use serde_json::Value;
    type Children<'v> = Box<dyn Iterator<Item = (String, &'v Value)> + 'v>;
    fn children(value: &Value) -> Option<Children<'_>> {
        match value {
            Value::Array(items) => Some(Box::new(items.iter().enumerate().map(|(i, v)| (i.to_string(), v)))),
            Value::Object(fields) => Some(Box::new(fields.iter().map(|(k, v)| (k.clone(), v)))),
            _ => None,
        }
    }
    let limit = crate::config::MAX_DEPTH;
    // Each entry: a container being walked and the pointer segment that led to it.
    let mut stack: Vec<(Children<'_>, String)> = Vec::new();
    if let Some(iter) = children(value) {
        stack.push((iter, String::new()));
    }
    while let Some((iter, _)) = stack.last_mut() {
        match iter.next() {
            None => {
                stack.pop();
            }
            Some((segment, child)) => {
                if let Some(iter) = children(child) {
                    stack.push((iter, segment));
                    if stack.len() > limit {
                        let pointer: String = stack.iter().skip(1).map(|(_, s)| format!("/{s}")).collect();
                        return Err(Error::validation(
                            format!("{what}{pointer}"),
                            format!("nests deeper than the limit of {limit} levels"),
                        ));
                    }
                }
            }
        }
    }
    Ok(())
}

/// Reads a JSON value into `T`, with the same errors as [`from_json`].
pub fn from_value<T: DeserializeOwned>(value: serde_json::Value, what: &str) -> Result<T, Error> {
    read(value, what, "", &|name| name.to_owned())
}

/// Reads `T` from `deserializer`, refusing unknown keys. A wrong type is a violation at its field
/// path (or `what` at the top level); unknown keys are violations `unknown field`, each named by
/// `root` and the key path, with `name` applied to every key (a binding's own naming).
pub(crate) fn read<'de, D, T>(
    deserializer: D,
    what: &str,
    root: &str,
    name: &dyn Fn(&str) -> String,
) -> Result<T, Error>
where
    D: Deserializer<'de, Error = serde_json::Error>,
    T: serde::Deserialize<'de>,
{
    let mut unknown = Vec::new();
    let mut note = |path: serde_ignored::Path<'_>| unknown.push(ignored_path(root, &path, name));
    let ignoring = serde_ignored::Deserializer::new(deserializer, &mut note);
    let value = serde_path_to_error::deserialize(ignoring).map_err(|e| violation(&e, what, root, name))?;
    if unknown.is_empty() {
        Ok(value)
    } else {
        Err(Error::Validation { violations: unknown.into_iter().map(|f| Violation::new(f, "unknown field")).collect() })
    }
}

/// `root.messages[0].sendr` for an ignored key, each key renamed by `name`.
fn ignored_path(root: &str, path: &serde_ignored::Path<'_>, name: &dyn Fn(&str) -> String) -> String {
    use serde_ignored::Path;
    match path {
        Path::Root => root.to_owned(),
        Path::Seq { parent, index } => format!("{}[{index}]", ignored_path(root, parent, name)),
        Path::Map { parent, key } => {
            let parent = ignored_path(root, parent, name);
            if parent.is_empty() { name(key) } else { format!("{parent}.{}", name(key)) }
        }
        Path::Some { parent } | Path::NewtypeStruct { parent } | Path::NewtypeVariant { parent } => {
            ignored_path(root, parent, name)
        }
    }
}

/// A validation error naming the field where reading failed (`root` and the field path, each
/// key renamed by `name`), or `what` at the top level.
fn violation(
    error: &serde_path_to_error::Error<serde_json::Error>,
    what: &str,
    root: &str,
    name: &dyn Fn(&str) -> String,
) -> Error {
    use serde_path_to_error::Segment;
    let mut path = root.to_owned();
    for segment in error.path().iter() {
        match segment {
            Segment::Seq { index } => path.push_str(&format!("[{index}]")),
            Segment::Map { key } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(&name(key));
            }
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    let property = if path.is_empty() { what.to_owned() } else { path };
    Error::validation(property, describe(error.inner()))
}

/// serde_json's message without its `at line … column …` suffix.
fn describe(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rsplit_once(" at line ") {
        Some((message, _)) => message.to_owned(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Violation;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Outer {
        messages: Vec<Inner>,
        #[serde(default, with = "crate::time::serde::option")]
        send_at: Option<chrono::DateTime<chrono::FixedOffset>>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Inner {
        to: String,
    }

    fn violation(text: &str) -> Violation {
        match from_json::<Outer>(text, "request") {
            Err(Error::Validation { mut violations }) => violations.remove(0),
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn wrong_types_name_the_field() {
        let v = violation(r#"{"messages":[{"to":"1"},{"to":5}]}"#);
        assert_eq!(v.property, "messages[1].to");
        assert!(v.message.contains("invalid type: integer `5`"), "{}", v.message);
        assert!(!v.message.contains("line"), "{}", v.message);
        let v = violation(r#"{"messages":[{}]}"#);
        assert_eq!(v.property, "messages[0]");
        assert!(v.message.contains("missing field `to`"), "{}", v.message);
        let v = violation(r#"{"messages":[],"send_at":"Invalid Date"}"#);
        assert_eq!(v.property, "send_at");
        assert!(v.message.contains("Invalid Date"), "{}", v.message);
    }

    #[test]
    fn whole_input_problems_name_the_input() {
        assert_eq!(violation("5").property, "request");
        assert_eq!(violation("not json").property, "request");
        assert_eq!(violation(r#"{"messages":[]} x"#).property, "request");
        assert!(from_json::<Outer>(r#"{"messages":[{"to":"41"}],"send_at":"2026-01-02T03:04:05Z"}"#, "r").is_ok());
        let value = serde_json::json!({"messages": [{"to": true}]});
        match from_value::<Outer>(value, "request") {
            Err(Error::Validation { violations }) => assert_eq!(violations[0].property, "messages[0].to"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn nesting_past_the_limit_names_where() {
        let mut value = serde_json::json!("leaf");
        for i in 0..200 {
            value = if i % 2 == 0 { serde_json::json!([value]) } else { serde_json::json!({ "k": value }) };
        }
        match check_depth(&value, "body") {
            Err(Error::Validation { violations }) => {
                assert!(violations[0].property.starts_with("body/k/0/k/0"), "{}", violations[0].property);
                assert_eq!(violations[0].property.matches('/').count(), 128);
                assert!(violations[0].message.contains("128"));
            }
            other => panic!("{other:?}"),
        }
        let mut fine = serde_json::json!(1);
        for _ in 0..128 {
            fine = serde_json::json!([fine]);
        }
        assert!(check_depth(&fine, "body").is_ok());
        assert!(check_depth(&serde_json::json!({"a": [1, {"b": 2}]}), "body").is_ok());
    }
}
