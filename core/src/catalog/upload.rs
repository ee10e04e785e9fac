//! Checking and encoding the body of an upload: a `multipart/form-data` form of the body's
//! fields and the call's files, or one file sent as the whole body.

use serde_json::{Map, Value};

use super::model::{Operation, RequestBody};
use super::schema::kind;
use crate::error::Violation;
use crate::files::{BODY_FIELD, FilePart};
use crate::http::{Form, Pieces};
use crate::send::SendIds;

/// An upload ready to send: its body, content type, and the ids of a send put in its fields
/// (see [`send`](crate::send)).
#[derive(Debug)]
pub(crate) struct Upload {
    pub(crate) pieces: Pieces,
    pub(crate) content_type: String,
    pub(crate) ids: SendIds,
}

/// How an operation takes an upload.
enum Kind {
    /// `multipart/form-data`.
    Form,
    /// One file as the whole body, of this content type.
    Whole(String),
}

const FORM: &str = "multipart/form-data";

/// Encodes the request body of `op` as an upload, when it is one: the operation takes only
/// `multipart/form-data` or a file's bytes, or it takes a form among other types and the call
/// has files. `None` when it is not (the body is JSON or form-encoded; files given are then
/// violations); `Some(None)` when nothing is to be sent, or the call has problems. Problems are
/// added to `violations`; a file that cannot be opened is one, naming its field.
pub(crate) fn encode(
    op: &Operation,
    spec: &RequestBody,
    body: Option<&Value>,
    files: &[(String, FilePart)],
    validate: bool,
    violations: &mut Vec<Violation>,
) -> Option<Option<Upload>> {
    let Some(kind) = upload_kind(spec, !files.is_empty()) else {
        refuse_files(op, files, violations);
        return None;
    };
    Some(match kind {
        Kind::Form => form(op, spec, body, files, validate, violations),
        Kind::Whole(content_type) => whole(op, spec, body, files, content_type, violations),
    })
}

/// Each file given to an operation that takes none is a violation naming its field.
pub(crate) fn refuse_files(op: &Operation, files: &[(String, FilePart)], violations: &mut Vec<Violation>) {
    for (field, _) in files {
        violations.push(Violation::new(field, format!("{} takes no files", op.id)));
    }
}

fn upload_kind(spec: &RequestBody, has_files: bool) -> Option<Kind> {
    let takes_form = spec.content_types.iter().any(|t| t == FORM);
    if takes_form && (has_files || spec.encoding().is_none()) {
        return Some(Kind::Form);
    }
    if spec.encoding().is_some() {
        return None;
    }
    spec.content_types.first().map(|t| Kind::Whole(t.clone()))
}

fn form(
    op: &Operation,
    spec: &RequestBody,
    body: Option<&Value>,
    files: &[(String, FilePart)],
    validate: bool,
    violations: &mut Vec<Violation>,
) -> Option<Upload> {
    let empty = Map::new();
    let fields = match body {
        None => &empty,
        Some(Value::Object(fields)) => fields,
        Some(other) => {
            violations
                .push(Violation::new("body", format!("the fields of a form must be an object, not {}", kind(other))));
            return None;
        }
    };
    let mut given: Vec<(&str, usize)> = Vec::new();
    for (field, _) in files {
        match given.iter_mut().find(|(name, _)| name == field) {
            Some((_, count)) => *count += 1,
            None => given.push((field, 1)),
        }
    }
    for (field, count) in &given {
        match spec.files.iter().find(|f| f.name == *field) {
            None if validate => {
                let known: Vec<&str> = spec.files.iter().map(|f| f.name.as_str()).collect();
                let known = if known.is_empty() { "none".to_owned() } else { known.join(", ") };
                violations.push(Violation::new(*field, format!("is not a file field of {} (it has: {known})", op.id)));
            }
            Some(declared) if !declared.list && *count > 1 => {
                violations.push(Violation::new(*field, format!("takes one file, not {count}")));
            }
            _ => {}
        }
        if fields.contains_key(*field) {
            violations.push(Violation::new(*field, "is given both as a file and in the body"));
        }
    }
    if validate {
        violations.extend(op.body_violations(&with_file_placeholders(fields, &given, spec)));
    }
    // A send's ids go in its fields after the check, so problems name the caller's own body.
    let mut fields = fields.clone();
    let ids = op.send.as_ref().map(|send| send.assign_in_form(&mut fields)).unwrap_or_default();
    let mut form = Form::new();
    for (name, value) in &fields {
        text_parts(&mut form, name, value);
    }
    for (field, part) in files {
        match part.open(field) {
            Ok(content) => form.file(field, part.file_name(), part.content_type(), content),
            Err(violation) => violations.push(violation),
        }
    }
    let content_type = form.content_type();
    Some(Upload { pieces: form.finish(), content_type, ids })
}

/// The form's fields as the spec sees them: the body's, plus a stand-in text for each file.
fn with_file_placeholders(fields: &Map<String, Value>, given: &[(&str, usize)], spec: &RequestBody) -> Value {
    let mut instance = fields.clone();
    for (field, count) in given {
        let list = spec.files.iter().any(|f| f.name == *field && f.list);
        let one = Value::String(String::new());
        instance.insert((*field).to_owned(), if list { Value::Array(vec![one; *count]) } else { one });
    }
    Value::Object(instance)
}

/// A body field as form parts: text as it is, numbers and booleans as text, a list as one part
/// per item, an object as a JSON part; `null` is left out.
fn text_parts(form: &mut Form, name: &str, value: &Value) {
    match value {
        Value::Null => {}
        Value::String(text) => form.text(name, text, None),
        Value::Number(_) | Value::Bool(_) => form.text(name, &value.to_string(), None),
        Value::Array(items) => items.iter().for_each(|item| match item {
            Value::Array(_) => form.text(name, &item.to_string(), Some("application/json")),
            single => text_parts(form, name, single),
        }),
        Value::Object(_) => form.text(name, &value.to_string(), Some("application/json")),
    }
}

fn whole(
    op: &Operation,
    spec: &RequestBody,
    body: Option<&Value>,
    files: &[(String, FilePart)],
    content_type: String,
    violations: &mut Vec<Violation>,
) -> Option<Upload> {
    if body.is_some() {
        violations.push(Violation::new(
            "body",
            format!("{} takes a file as its body ({content_type}): give it as the file field `{BODY_FIELD}`", op.id),
        ));
    }
    for (field, _) in files.iter().filter(|(field, _)| field != BODY_FIELD) {
        violations.push(Violation::new(
            field,
            format!("{} takes one file, as the field `{BODY_FIELD}`, not `{field}`", op.id),
        ));
    }
    let mut bodies = files.iter().filter(|(field, _)| field == BODY_FIELD);
    let Some((_, part)) = bodies.next() else {
        if spec.required {
            violations
                .push(Violation::new(BODY_FIELD, format!("is required: {} takes a file ({content_type})", op.id)));
        }
        return None;
    };
    if bodies.next().is_some() {
        violations.push(Violation::new(BODY_FIELD, "takes one file"));
    }
    match part.open(BODY_FIELD) {
        Ok(content) => Some(Upload { pieces: Pieces::single(content), content_type, ids: SendIds::default() }),
        Err(violation) => {
            violations.push(violation);
            None
        }
    }
}
