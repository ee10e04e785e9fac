//! `infobip call` (any operation through core's catalog) and `infobip operations`.

use std::io::Read as _;

use infobip::CallParams;
use infobip::catalog::{self, ParamLocation};
use serde_json::Value;

use crate::args::{CallArgs, Global, OperationsArgs};
use crate::exit::CliError;
use crate::output::{self, Table};
use crate::profile;

fn pair(flag: &str, text: &str) -> Result<(String, String), CliError> {
    text.split_once('=')
        .filter(|(k, _)| !k.is_empty())
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .ok_or_else(|| CliError::usage(format!("{flag} {text:?}: expected NAME=VALUE")))
}

fn read_body(source: &str) -> Result<Value, CliError> {
    let text = if source == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| CliError::usage(format!("--body -: cannot read standard input: {e}")))?;
        text
    } else {
        std::fs::read_to_string(source).map_err(|e| CliError::usage(format!("--body {source}: cannot read: {e}")))?
    };
    serde_json::from_str(&text).map_err(|e| CliError::usage(format!("--body {source}: not JSON: {e}")))
}

/// Calls an operation by id; prints the response body (JSON).
pub async fn call(global: &Global, args: CallArgs) -> Result<(), CliError> {
    let operation = catalog::operation(&args.operation_id);
    let mut params = CallParams::new();
    // Repeated query names become lists, as the API's array parameters expect.
    let mut query: Vec<(String, Vec<String>)> = Vec::new();
    let mut add_query = |name: String, value: String| match query.iter_mut().find(|(n, _)| *n == name) {
        Some((_, values)) => values.push(value),
        None => query.push((name, vec![value])),
    };
    for text in &args.params {
        let (name, value) = pair("--param", text)?;
        if operation.is_some_and(|op| op.param(ParamLocation::Path, &name).is_some()) {
            params = params.path(name, value);
        } else {
            add_query(name, value);
        }
    }
    for text in &args.query {
        let (name, value) = pair("--query", text)?;
        add_query(name, value);
    }
    for (name, mut values) in query {
        params = match values.len() {
            1 => params.query(name, values.remove(0)),
            _ => params.query(name, Value::from(values)),
        };
    }
    if let Some(source) = &args.body {
        params = params.body(read_body(source)?);
    }
    let client = profile::client(global)?;
    let response = client.call(&args.operation_id, params).await?;
    if global.json { output::json(&response.body) } else { output::pretty(&response.body) }
}

/// Lists the catalog's operations, filtered by `--search`.
pub fn operations(global: &Global, args: &OperationsArgs) -> Result<(), CliError> {
    let needle = args.search.as_deref().map(str::to_lowercase);
    let matches = |op: &&infobip::Operation| {
        needle.as_deref().is_none_or(|n| {
            [&op.id, &op.path, &op.product, &op.summary].iter().any(|field| field.to_lowercase().contains(n))
        })
    };
    let found: Vec<&infobip::Operation> = catalog::operations().iter().filter(matches).collect();
    if global.json {
        let list: Vec<Value> = found
            .iter()
            .map(|op| {
                serde_json::json!({
                    "id": op.id, "product": op.product, "method": op.method, "path": op.path,
                    "summary": op.summary, "scopes": op.scopes, "deprecated": op.deprecated,
                })
            })
            .collect();
        return output::json(&list);
    }
    let mut table = Table::new(&["OPERATION", "METHOD", "PATH", "SCOPES"]);
    for op in &found {
        let id = if op.deprecated { format!("{} (deprecated)", op.id) } else { op.id.clone() };
        table.row(vec![id, op.method.clone(), op.path.clone(), op.scopes.join(",")]);
    }
    table.print("no operation matches");
    Ok(())
}
