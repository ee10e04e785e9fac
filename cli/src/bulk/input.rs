//! Reading the destinations CSV as a stream, one checked row at a time.

use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use infobip::sms::{SmsMessage, SmsRequest, validate};

use crate::args::BulkArgs;
use crate::exit::CliError;

/// One destination of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// Its line in the file (1-based; the header is line 1).
    pub line: u64,
    /// The destination.
    pub to: String,
    /// Its own text, with `--text-column`.
    pub text: Option<String>,
}

/// What each row is checked against and turned into.
#[derive(Clone, Debug)]
pub struct Template {
    /// The text for every row (`--text`).
    pub text: Option<String>,
    /// The sender id.
    pub sender: Option<String>,
    /// Where delivery reports are pushed.
    pub notify_url: Option<String>,
}

impl Template {
    /// The message for these rows: one message with every destination for `--text`, one
    /// message per row for `--text-column`.
    pub fn request<'a>(&self, rows: impl IntoIterator<Item = &'a Row>) -> SmsRequest {
        let finish = |mut message: SmsMessage| {
            if let Some(sender) = &self.sender {
                message = message.sender(sender.as_str());
            }
            if let Some(url) = &self.notify_url {
                message = message.delivery_url(url.as_str());
            }
            message
        };
        let mut request = SmsRequest::new();
        match &self.text {
            Some(text) => {
                let mut message = SmsMessage::text(text.as_str());
                for row in rows {
                    message = message.to(row.to.as_str());
                }
                request = request.message(finish(message));
            }
            None => {
                for row in rows {
                    let message = SmsMessage::text(row.text.clone().unwrap_or_default()).to(row.to.as_str());
                    request = request.message(finish(message));
                }
            }
        }
        request
    }
}

/// The CSV file, read one record at a time into a reused buffer.
pub struct Input {
    path: PathBuf,
    reader: csv::Reader<BufReader<File>>,
    record: csv::StringRecord,
    to: usize,
    text: Option<usize>,
}

impl Input {
    /// Opens the file and finds its columns.
    pub fn open(path: &Path, args: &BulkArgs) -> Result<Self, CliError> {
        let file = File::open(path).map_err(|e| CliError::usage(format!("--csv {}: {e}", path.display())))?;
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(!args.no_header)
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(BufReader::with_capacity(64 * 1024, file));
        let (to, text) = if args.no_header {
            (0, None)
        } else {
            let headers = reader.headers().map_err(|e| bad_file(path, &e))?.clone();
            let find = |name: &str| headers.iter().position(|h| h == name);
            let missing = |flag: &str, name: &str| {
                let columns: Vec<&str> = headers.iter().collect();
                CliError::usage(format!(
                    "{}: no column {name:?} in the header line (columns: {}); use {flag}, or --no-header for a file of numbers only",
                    path.display(),
                    columns.join(", ")
                ))
            };
            let to = find(&args.to_column).ok_or_else(|| missing("--to-column", &args.to_column))?;
            let text = match &args.text_column {
                Some(name) => Some(find(name).ok_or_else(|| missing("--text-column", name))?),
                None => None,
            };
            (to, text)
        };
        Ok(Input { path: path.to_owned(), reader, record: csv::StringRecord::new(), to, text })
    }

    /// The next row, checked as a destination (core's phone number rule, and the column of
    /// its text present); `None` at the end. A bad row is a usage error naming its line.
    pub fn next_row(&mut self) -> Result<Option<Row>, CliError> {
        let more = self.reader.read_record(&mut self.record).map_err(|e| bad_file(&self.path, &e))?;
        if !more {
            return Ok(None);
        }
        let line = self.record.position().map_or(0, |p| p.line());
        let at = |what: String| CliError::usage(format!("{} line {line}: {what}", self.path.display()));
        let to = self.record.get(self.to).ok_or_else(|| at("the destination column is missing".into()))?;
        validate::phone_number("to", to).map_err(|e| at(e.to_string()))?;
        let text = match self.text {
            Some(i) => Some(self.record.get(i).ok_or_else(|| at("the text column is missing".into()))?.to_owned()),
            None => None,
        };
        Ok(Some(Row { line, to: to.to_owned(), text }))
    }

    /// Checks every row as [`next_row`](Self::next_row) and as a send of it would (core's
    /// checks), streaming: returns how many destinations the file has. When resuming, `recorded`
    /// is the last line the results file holds and its destination: the file must still have it
    /// there, or it is not the CSV that was sent.
    pub fn check_all(mut self, template: &Template, recorded: Option<&(u64, String)>) -> Result<u64, CliError> {
        let mut count = 0u64;
        let mut checked_template = false;
        let mut matched = recorded.is_none();
        while let Some(row) = self.next_row()? {
            if let Some((line, to)) = recorded.filter(|(line, _)| *line == row.line) {
                if *to != row.to {
                    return Err(CliError::usage(format!(
                        "{} line {line}: the results file recorded {to}, the file now has {}; \
                         resume only with the CSV that was sent",
                        self.path.display(),
                        row.to
                    )));
                }
                matched = true;
            }
            // With one text for all rows, its checks need running once; per-row texts each time.
            if template.text.is_none() || !checked_template {
                validate::request(&template.request([&row]))
                    .map_err(|e| CliError::usage(format!("{} line {}: {}", self.path.display(), row.line, e)))?;
                checked_template = true;
            }
            count += 1;
        }
        match recorded {
            Some((line, to)) if !matched => Err(CliError::usage(format!(
                "{}: the results file recorded {to} on line {line}, which the file no longer has; \
                 resume only with the CSV that was sent",
                self.path.display()
            ))),
            _ => Ok(count),
        }
    }
}

fn bad_file(path: &Path, error: &csv::Error) -> CliError {
    let line = error.position().map(|p| format!(" line {}", p.line())).unwrap_or_default();
    let what = match error.kind() {
        csv::ErrorKind::Utf8 { .. } => "not valid UTF-8".to_owned(),
        csv::ErrorKind::Io(e) => e.to_string(),
        _ => error.to_string(),
    };
    CliError::usage(format!("{}{line}: {what}", path.display()))
}
