//! The results file, which is also the journal that makes a bulk send resumable.
//!
//! Columns: `line,to,bulk_id,message_id,outcome,status,error`. Before a batch is sent, one
//! `pending` row per destination records its caller-assigned bulk id and message id (and the
//! file is synced); after the answer, one more row per destination records the outcome:
//! `accepted`, `rejected` (the API refused that message), `outcome_unknown` (it may or may not
//! have been accepted), or `failed` (the API refused the whole request: nothing was sent).
//!
//! Batches go out in file order, one at a time, and a run stops at the first batch that is not
//! answered, so every line up to the last one recorded (except a `failed` batch, which is
//! always the last) has been sent or is in doubt. Resuming skips those lines; a `pending` row
//! with no outcome (the run was killed mid-batch) becomes `outcome_unknown`. Reading the file
//! back keeps only the open batch in memory.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::BufWriter;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::exit::CliError;

/// How one destination ended (or that it is about to be sent).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Its ids are recorded; the batch is being sent.
    Pending,
    /// The API accepted it.
    Accepted,
    /// The API rejected this message.
    Rejected,
    /// It may or may not have been accepted: never resent automatically.
    #[serde(rename = "outcome_unknown")]
    Unknown,
    /// The API refused the whole request; it was not sent and is sent again on resume.
    Failed,
}

/// One row of the results file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// The line of the destination in the CSV.
    pub line: u64,
    /// The destination.
    pub to: String,
    /// The bulk id of its batch.
    pub bulk_id: String,
    /// Its message id.
    pub message_id: String,
    /// The outcome.
    pub outcome: Outcome,
    /// The message status the API gave, if any.
    pub status: String,
    /// The error code, if any.
    pub error: String,
}

/// Outcome counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    /// Accepted.
    pub accepted: u64,
    /// Rejected by the API.
    pub rejected: u64,
    /// Outcome unknown.
    pub outcome_unknown: u64,
    /// Refused with the whole request (not sent).
    pub failed: u64,
}

impl Counts {
    /// Counts one outcome.
    pub fn add(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Pending => {}
            Outcome::Accepted => self.accepted += 1,
            Outcome::Rejected => self.rejected += 1,
            Outcome::Unknown => self.outcome_unknown += 1,
            Outcome::Failed => self.failed += 1,
        }
    }
}

/// What an earlier run left.
#[derive(Debug, Default)]
pub struct Resume {
    /// Every CSV line up to this one is done (sent or in doubt): skip it.
    pub done_through: u64,
    /// Destinations recorded as done.
    pub done: u64,
    /// Earlier outcomes.
    pub counts: Counts,
    /// Destinations recorded `pending` with no outcome: now `outcome_unknown`.
    pub interrupted: Vec<Record>,
    /// The last done line and its destination, to check the CSV is the one recorded.
    pub last: Option<(u64, String)>,
}

/// Reads the results file of an earlier run.
pub fn read(path: &Path) -> Result<Resume, CliError> {
    let bad = |e: csv::Error| CliError::usage(format!("--results {}: cannot read it to resume: {e}", path.display()));
    let mut reader = csv::Reader::from_path(path).map_err(bad)?;
    let mut resume = Resume::default();
    let mut open: HashMap<u64, Record> = HashMap::new();
    for record in reader.deserialize::<Record>() {
        let record = record.map_err(bad)?;
        match record.outcome {
            Outcome::Pending => {
                open.insert(record.line, record);
            }
            Outcome::Failed => {
                open.remove(&record.line);
            }
            outcome => {
                open.remove(&record.line);
                if record.line >= resume.done_through {
                    resume.last = Some((record.line, record.to.clone()));
                }
                resume.done_through = resume.done_through.max(record.line);
                resume.done += 1;
                resume.counts.add(outcome);
            }
        }
    }
    let mut interrupted: Vec<Record> = open.into_values().collect();
    interrupted.sort_by_key(|r| r.line);
    for record in &mut interrupted {
        record.outcome = Outcome::Unknown;
        record.error = "interrupted".into();
        if record.line >= resume.done_through {
            resume.last = Some((record.line, record.to.clone()));
        }
        resume.done_through = resume.done_through.max(record.line);
        resume.done += 1;
        resume.counts.add(Outcome::Unknown);
    }
    resume.interrupted = interrupted;
    Ok(resume)
}

/// The results file, appended to and synced batch by batch.
pub struct Journal {
    writer: csv::Writer<BufWriter<File>>,
    path: String,
}

impl Journal {
    /// Opens `path` for appending; a new file gets the header line.
    pub fn open(path: &Path) -> Result<Self, CliError> {
        let io = |e: std::io::Error| CliError::Io(format!("cannot write {}: {e}", path.display()));
        let file = OpenOptions::new().create(true).append(true).open(path).map_err(io)?;
        let fresh = file.metadata().map_err(io)?.len() == 0;
        let writer = csv::WriterBuilder::new().has_headers(fresh).from_writer(BufWriter::new(file));
        Ok(Journal { writer, path: path.display().to_string() })
    }

    /// Appends rows.
    pub fn write<'a>(&mut self, records: impl IntoIterator<Item = &'a Record>) -> Result<(), CliError> {
        for record in records {
            self.writer.serialize(record).map_err(|e| CliError::Io(format!("cannot write {}: {e}", self.path)))?;
        }
        Ok(())
    }

    /// Flushes what was written and syncs it to disk.
    pub fn sync(&mut self) -> Result<(), CliError> {
        let io = |e: std::io::Error| CliError::Io(format!("cannot write {}: {e}", self.path));
        self.writer.flush().map_err(io)?;
        self.writer.get_ref().get_ref().sync_data().map_err(io)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(line: u64, outcome: Outcome) -> Record {
        Record {
            line,
            to: format!("4179{line:07}"),
            bulk_id: "b".into(),
            message_id: format!("m{line}"),
            outcome,
            status: String::new(),
            error: String::new(),
        }
    }

    #[test]
    fn resume_skips_done_lines_and_closes_interrupted_batches() -> Result<(), CliError> {
        let dir = tempfile::tempdir().map_err(|e| CliError::Io(e.to_string()))?;
        let path = dir.path().join("r.csv");
        let mut journal = Journal::open(&path)?;
        journal.write(&[record(2, Outcome::Pending), record(3, Outcome::Pending)])?;
        journal.write(&[record(2, Outcome::Accepted), record(3, Outcome::Rejected)])?;
        journal.write(&[record(4, Outcome::Pending), record(5, Outcome::Pending)])?;
        journal.sync()?;
        drop(journal);
        let resume = read(&path)?;
        assert_eq!(resume.done_through, 5);
        assert_eq!(resume.done, 4);
        assert_eq!(resume.counts, Counts { accepted: 1, rejected: 1, outcome_unknown: 2, failed: 0 });
        assert_eq!(resume.interrupted.iter().map(|r| r.line).collect::<Vec<_>>(), vec![4, 5]);
        assert_eq!(resume.last, Some((5, "41790000005".to_owned())));
        // Appending keeps a single header line.
        let mut journal = Journal::open(&path)?;
        journal.write(&[record(6, Outcome::Pending), record(6, Outcome::Failed)])?;
        journal.sync()?;
        let resume = read(&path)?;
        assert_eq!(resume.done_through, 5, "a failed batch is sent again");
        Ok(())
    }
}
