//! Every example in Infobip's specs read through the generated Rust types: each operation's
//! success answers into its answer type, each request example into its body type and back.
//! A failure means a generated type cannot hold what the API sends.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use serde_json::Value;

const METHODS: [&str; 5] = ["get", "put", "post", "delete", "patch"];

/// `(operation id, media object)` for every operation's success responses and request bodies.
fn examples(part: &str) -> Vec<(String, Value)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../spec");
    let mut found = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for path in files.iter().filter(|p| p.extension().is_some_and(|e| e == "json")) {
        let spec: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
        for item in spec["paths"].as_object().unwrap().values() {
            for method in METHODS {
                let Some(op) = item.get(method) else { continue };
                let id = op["operationId"].as_str().unwrap().to_owned();
                let media: Vec<&Value> = match part {
                    "answer" => op["responses"]
                        .as_object()
                        .into_iter()
                        .flatten()
                        .filter(|(code, _)| code.starts_with('2'))
                        .filter_map(|(_, r)| r.pointer("/content/application~1json"))
                        .collect(),
                    _ => op.pointer("/requestBody/content/application~1json").into_iter().collect(),
                };
                for m in media {
                    for example in m.get("example").into_iter().chain(
                        m.get("examples")
                            .and_then(Value::as_object)
                            .into_iter()
                            .flatten()
                            .filter_map(|(_, e)| e.get("value")),
                    ) {
                        match example {
                            // Text of JSON where JSON was documented: read it; a few such examples
                            // miss a comma, and are skipped.
                            Value::String(text) if text.trim_start().starts_with(['{', '[']) => {
                                if let Ok(parsed) = serde_json::from_str(text) {
                                    found.push((id.clone(), parsed));
                                }
                            }
                            other => found.push((id.clone(), other.clone())),
                        }
                    }
                }
            }
        }
    }
    found
}

#[test]
fn every_answer_example_reads_into_its_type() {
    let mut failures = Vec::new();
    let mut read = 0;
    for (id, example) in examples("answer") {
        let bytes = serde_json::to_vec(&example).unwrap();
        match infobip::api::decode_answer(&id, &bytes) {
            Some(Ok(())) => read += 1,
            Some(Err(e)) => failures.push(format!("{id}: {e}")),
            None => {}
        }
    }
    println!("answer examples read: {read}");
    assert!(read > 800, "{read}");
    assert!(failures.is_empty(), "{} failed:\n{}", failures.len(), failures.join("\n"));
}

/// Whether a request written back by the typed model says what the example said: `null`
/// members left out, numbers equal by value, date-times equal as instants (the model writes
/// Infobip's one format).
fn same(written: &Value, example: &Value) -> bool {
    match (written, example) {
        (Value::Object(w), Value::Object(e)) => {
            let e: Vec<(&String, &Value)> = e.iter().filter(|(_, v)| !v.is_null()).collect();
            w.len() == e.len() && e.iter().all(|(k, v)| w.get(*k).is_some_and(|x| same(x, v)))
        }
        (Value::Array(w), Value::Array(e)) => w.len() == e.len() && w.iter().zip(e).all(|(x, y)| same(x, y)),
        (Value::Number(w), Value::Number(e)) => w.as_f64() == e.as_f64(),
        (Value::String(w), Value::String(e)) if w != e => match (infobip::time::parse(w), infobip::time::parse(e)) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        },
        (w, e) => w == e,
    }
}

/// The first place where `written` and `example` differ, for the failure message.
fn first_difference(written: &Value, example: &Value, at: String) -> String {
    match (written, example) {
        (Value::Object(w), Value::Object(e)) => {
            for (k, v) in e.iter().filter(|(_, v)| !v.is_null()) {
                match w.get(k) {
                    Some(x) if !same(x, v) => return first_difference(x, v, format!("{at}/{k}")),
                    None => return format!("{at}/{k}: dropped"),
                    _ => {}
                }
            }
            match w.keys().find(|k| e.get(*k).is_none_or(Value::is_null)) {
                Some(k) => format!("{at}/{k}: added"),
                None => format!("{at}: ?"),
            }
        }
        (Value::Array(w), Value::Array(e)) if w.len() == e.len() => {
            let i = w.iter().zip(e).position(|(x, y)| !same(x, y)).unwrap_or(0);
            first_difference(&w[i], &e[i], format!("{at}/{i}"))
        }
        (w, e) => format!("{at}: {e} became {w}"),
    }
}

#[test]
fn every_request_example_reads_into_its_type_and_writes_back() {
    let mut failures = Vec::new();
    let (mut unchanged, mut changed) = (0, Vec::new());
    for (id, example) in examples("request") {
        let bytes = serde_json::to_vec(&example).unwrap();
        match infobip::api::round_trip_body(&id, &bytes) {
            Some(Ok(back)) if same(&back, &example) => unchanged += 1,
            Some(Ok(back)) => changed.push(format!("{id}: {}", first_difference(&back, &example, String::new()))),
            Some(Err(e)) => failures.push(format!("{id}: {e}")),
            None => {}
        }
    }
    println!(
        "request examples: {unchanged} written back unchanged, {} changed:\n{}",
        changed.len(),
        changed.join("\n")
    );
    assert!(unchanged > 900, "{unchanged}");
    assert!(failures.is_empty(), "{} failed:\n{}", failures.len(), failures.join("\n"));
}
