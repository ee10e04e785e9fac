//! XML pushes, read into the JSON shape the models know.
//!
//! Infobip renders a delivery-report push as XML when the webhook's content type asks for it: the
//! same fields as elements (`<reportResponse><results><result><bulkId>…`). Elements become object
//! fields, `results` and repeated elements become arrays, and text becomes a string, except in the
//! few fields the models read as numbers or booleans.
//!
//! The reader keeps a stack of open elements (no recursion) and moves each finished element into
//! its parent, so a document is read in time linear in its size. Elements nested deeper than
//! [`MAX_DEPTH`] are a `decode` error.

use quick_xml::Reader;
use quick_xml::events::Event;
use serde_json::{Map, Value};

use crate::config::MAX_DEPTH;
use crate::error::Error;

/// Fields holding numbers in report models.
const NUMBERS: [&str; 7] =
    ["groupId", "id", "messageCount", "smsCount", "pricePerMessage", "networkId", "sendDateTime"];
/// Fields holding booleans in report models.
const BOOLEANS: [&str; 1] = ["permanent"];
/// Elements whose children form a list even when there is only one.
const LISTS: [&str; 1] = ["results"];

struct Open {
    name: String,
    children: Vec<(String, Value)>,
    text: String,
}

/// Converts an XML document into JSON: the root element's content becomes the top-level object.
pub(crate) fn to_json(body: &[u8]) -> Result<Value, Error> {
    let mut reader = Reader::from_reader(body);
    let mut stack: Vec<Open> = Vec::new();
    let mut buf = Vec::new();
    let mut root: Option<Value> = None;
    loop {
        let offset = reader.buffer_position() as usize;
        let bad = |what: String| Error::decode(format!("an XML push: {what}"), Some(offset));
        match reader.read_event_into(&mut buf).map_err(|e| bad(e.to_string()))? {
            Event::Start(start) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(bad(format!("it nests deeper than the limit of {MAX_DEPTH} elements")));
                }
                let name = String::from_utf8_lossy(start.local_name().as_ref()).into_owned();
                stack.push(Open { name, children: Vec::new(), text: String::new() });
            }
            Event::Empty(empty) => {
                let name = String::from_utf8_lossy(empty.local_name().as_ref()).into_owned();
                let Some(parent) = stack.last_mut() else { return Ok(Value::Object(Map::new())) };
                parent.children.push((name, Value::Null));
            }
            Event::Text(text) => {
                if let Some(open) = stack.last_mut() {
                    open.text.push_str(&text.decode().map_err(|e| bad(e.to_string()))?);
                }
            }
            Event::GeneralRef(reference) => {
                if let Some(open) = stack.last_mut() {
                    let resolved = match reference.resolve_char_ref().map_err(|e| bad(e.to_string()))? {
                        Some(c) => c,
                        None => match reference.decode().map_err(|e| bad(e.to_string()))?.as_ref() {
                            "amp" => '&',
                            "lt" => '<',
                            "gt" => '>',
                            "quot" => '"',
                            "apos" => '\'',
                            other => return Err(bad(format!("unknown entity &{other};"))),
                        },
                    };
                    open.text.push(resolved);
                }
            }
            Event::CData(data) => {
                if let Some(open) = stack.last_mut() {
                    open.text.push_str(&String::from_utf8_lossy(&data));
                }
            }
            Event::End(_) => {
                let Some(done) = stack.pop() else { return Err(bad("an end tag without a start".into())) };
                let (name, value) = element_value(done);
                match stack.last_mut() {
                    Some(parent) => parent.children.push((name, value)),
                    None => root = Some(value),
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    if !stack.is_empty() {
        return Err(Error::decode("an XML push: the document ends inside an element", Some(body.len())));
    }
    match root {
        Some(Value::Object(map)) => Ok(Value::Object(map)),
        Some(_) | None => Err(Error::decode("an XML push: no root element with content", Some(0))),
    }
}

/// A finished element's name and value; its children are moved, not copied.
fn element_value(open: Open) -> (String, Value) {
    if open.children.is_empty() {
        let value = leaf(&open.name, open.text.trim());
        return (open.name, value);
    }
    if LISTS.contains(&open.name.as_str()) {
        return (open.name, Value::Array(open.children.into_iter().map(|(_, v)| v).collect()));
    }
    let mut map = Map::new();
    for (name, value) in open.children {
        match map.get_mut(&name) {
            Some(Value::Array(list)) => list.push(value),
            Some(existing) => {
                let first = existing.take();
                *existing = Value::Array(vec![first, value]);
            }
            None => {
                map.insert(name, value);
            }
        }
    }
    (open.name, Value::Object(map))
}

fn leaf(name: &str, text: &str) -> Value {
    if LISTS.contains(&name) {
        return Value::Array(Vec::new());
    }
    if NUMBERS.contains(&name) {
        if let Ok(n) = text.parse::<i64>() {
            return Value::from(n);
        }
        if let Some(n) = text.parse::<f64>().ok().and_then(serde_json::Number::from_f64) {
            return Value::Number(n);
        }
    }
    if BOOLEANS.contains(&name)
        && let Ok(b) = text.parse::<bool>()
    {
        return Value::Bool(b);
    }
    Value::String(text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_documents_are_refused_and_wide_ones_read() {
        let deep = format!("{}{}", "<a>".repeat(20_000), "</a>".repeat(20_000));
        let error = to_json(deep.as_bytes()).expect_err("too deep");
        assert_eq!(error.code(), "decode");
        assert!(error.to_string().contains("128"), "{error}");
        let fine = format!("<r>{}x{}</r>", "<a>".repeat(MAX_DEPTH - 1), "</a>".repeat(MAX_DEPTH - 1));
        assert!(to_json(fine.as_bytes()).is_ok());
        // 100,000 results: each is moved once into its parent.
        let result = "<result><messageId>m</messageId><status><groupId>3</groupId></status></result>";
        let wide = format!("<reportResponse><results>{}</results></reportResponse>", result.repeat(100_000));
        let value = to_json(wide.as_bytes()).expect("reads");
        assert_eq!(value["results"].as_array().map(Vec::len), Some(100_000));
        assert_eq!(value["results"][7]["status"]["groupId"], 3);
    }
}
