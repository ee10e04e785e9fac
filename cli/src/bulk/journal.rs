//! The results file, which is also the journal that makes a bulk send resumable.
//!
//! Columns: `line,to,bulk_id,message_id,outcome,status,error`. Before a batch is sent, one
//! `pending` row per destination records its caller-assigned bulk id and message id (and the
//! file is synced); after the answer, one more row per destination records the outcome:
//! `accepted`, `rejected` (the API refused that message), `outcome_unknown` (it may or may not
//! have been accepted, or the answer did not mention it), or `failed` (the whole request was
//! refused or never sent: authentication failed, bad request; sent again on resume).
//!
//! Batches go out in file order, one at a time, and a run stops at the first batch that is not
//! answered, so every line up to the last one recorded (except a `failed` batch, which is
//! always the last) has been sent or is in doubt. Resuming skips those lines; a `pending` row
//! with no outcome (the run was killed mid-batch) becomes `outcome_unknown`. Reading the file
//! back keeps only the open batch in memory.
//!
//! Crash safety: each batch's rows are written with one `write` and synced, so a killed run
//! never leaves half a row behind; the directory is synced when the file is created. A torn
//! last row (a full disk, a power cut) marks its batch as interrupted: its destinations are in
//! doubt and are not resent. The torn bytes are cut off before the file is appended to again.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{Read as _, Seek as _, Write as _};
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
    /// The length of the file up to its last complete row (a torn row after it is cut off).
    pub complete_len: u64,
}

/// Reads the results file of an earlier run.
pub fn read(path: &Path) -> Result<Resume, CliError> {
    let io =
        |e: std::io::Error| CliError::usage(format!("--results {}: cannot read it to resume: {e}", path.display()));
    let mut text = Vec::new();
    File::open(path).and_then(|mut f| f.read_to_end(&mut text)).map_err(io)?;
    // Everything after the last line break is a torn row.
    let complete_len = text.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    let torn = complete_len < text.len();
    text.truncate(complete_len);
    let bad = |e: csv::Error| CliError::usage(format!("--results {}: cannot read it to resume: {e}", path.display()));
    let mut reader = csv::Reader::from_reader(text.as_slice());
    let mut resume = Resume { complete_len: complete_len as u64, ..Resume::default() };
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
        record.error = if torn { "interrupted (torn row)" } else { "interrupted" }.into();
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

/// A test hook: with this variable set to a number of milliseconds, the first batch of outcome
/// rows is written in two parts with that pause in the middle of its first row, so that a test
/// can kill the process with a torn row on disk.
const PAUSE_MID_ROW: &str = "INFOBIP_BULK_PAUSE_MID_ROW_MS";

/// The results file, appended to batch by batch: each batch's rows in one write, then synced.
pub struct Journal {
    file: File,
    path: String,
    header: bool,
    pause_mid_row: Option<std::time::Duration>,
}

impl Journal {
    /// Opens `path` for appending, after cutting off a torn last row (`complete_len`, from
    /// [`read`]; `None` for a new file). A new file gets the header line, and its directory is
    /// synced so the file itself survives a crash.
    pub fn open(path: &Path, complete_len: Option<u64>) -> Result<Self, CliError> {
        let io = |e: std::io::Error| CliError::Io(format!("cannot write {}: {e}", path.display()));
        let existed = path.exists();
        let mut file = OpenOptions::new().create(true).read(true).write(true).truncate(false).open(path).map_err(io)?;
        if let Some(len) = complete_len
            && file.metadata().map_err(io)?.len() > len
        {
            file.set_len(len).map_err(io)?;
            file.sync_data().map_err(io)?;
        }
        file.seek(std::io::SeekFrom::End(0)).map_err(io)?;
        let header = file.metadata().map_err(io)?.len() == 0;
        if !existed {
            file.sync_all().map_err(io)?;
            sync_dir(path).map_err(io)?;
        }
        let pause_mid_row =
            std::env::var(PAUSE_MID_ROW).ok().and_then(|ms| ms.parse().ok()).map(std::time::Duration::from_millis);
        Ok(Journal { file, path: path.display().to_string(), header, pause_mid_row })
    }

    /// Appends the rows of one batch with one write, and syncs them to disk.
    pub fn write<'a>(&mut self, records: impl IntoIterator<Item = &'a Record>) -> Result<(), CliError> {
        let csv_error = |e: csv::Error| CliError::Io(format!("cannot write {}: {e}", self.path));
        let mut rows = csv::WriterBuilder::new().has_headers(self.header).from_writer(Vec::new());
        let mut outcomes = false;
        for record in records {
            outcomes |= record.outcome != Outcome::Pending;
            rows.serialize(record).map_err(csv_error)?;
        }
        let buffer = rows.into_inner().map_err(|e| CliError::Io(format!("cannot write {}: {e}", self.path)))?;
        if buffer.is_empty() {
            return Ok(());
        }
        let io = |e: std::io::Error| CliError::Io(format!("cannot write {}: {e}", self.path));
        match self.pause_mid_row.filter(|_| outcomes) {
            Some(pause) => {
                // The test hook: half of the first row, synced, a pause, then the rest.
                let line_end =
                    |from: usize| buffer[from..].iter().position(|b| *b == b'\n').map_or(buffer.len(), |i| from + i);
                let start = if self.header { (line_end(0) + 1).min(buffer.len()) } else { 0 };
                let cut = start + (line_end(start) - start) / 2;
                self.file.write_all(&buffer[..cut]).map_err(io)?;
                self.file.sync_data().map_err(io)?;
                std::thread::sleep(pause);
                self.pause_mid_row = None;
                self.file.write_all(&buffer[cut..]).map_err(io)?;
            }
            None => self.file.write_all(&buffer).map_err(io)?,
        }
        self.header = false;
        self.file.sync_data().map_err(io)
    }
}

/// Syncs the directory holding `path`, so that a new file's entry is on disk.
fn sync_dir(path: &Path) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    // Directories can be opened for reading and synced on Unix; elsewhere this is best effort.
    match File::open(dir) {
        Ok(handle) => handle.sync_all().or_else(|e| if cfg!(unix) { Err(e) } else { Ok(()) }),
        Err(e) if cfg!(unix) => Err(e),
        Err(_) => Ok(()),
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
        let mut journal = Journal::open(&path, None)?;
        journal.write(&[record(2, Outcome::Pending), record(3, Outcome::Pending)])?;
        journal.write(&[record(2, Outcome::Accepted), record(3, Outcome::Rejected)])?;
        journal.write(&[record(4, Outcome::Pending), record(5, Outcome::Pending)])?;
        drop(journal);
        let resume = read(&path)?;
        assert_eq!(resume.done_through, 5);
        assert_eq!(resume.done, 4);
        assert_eq!(resume.counts, Counts { accepted: 1, rejected: 1, outcome_unknown: 2, failed: 0 });
        assert_eq!(resume.interrupted.iter().map(|r| r.line).collect::<Vec<_>>(), vec![4, 5]);
        assert_eq!(resume.last, Some((5, "41790000005".to_owned())));
        // Appending keeps a single header line.
        let mut journal = Journal::open(&path, Some(resume.complete_len))?;
        journal.write(&[record(6, Outcome::Pending), record(6, Outcome::Failed)])?;
        let resume = read(&path)?;
        assert_eq!(resume.done_through, 5, "a failed batch is sent again");
        let text = std::fs::read_to_string(&path).map_err(|e| CliError::Io(e.to_string()))?;
        assert_eq!(text.matches("line,to,bulk_id").count(), 1);
        Ok(())
    }

    #[test]
    fn a_torn_last_row_marks_its_batch_interrupted_and_is_cut_off() -> Result<(), CliError> {
        let dir = tempfile::tempdir().map_err(|e| CliError::Io(e.to_string()))?;
        let path = dir.path().join("r.csv");
        let mut journal = Journal::open(&path, None)?;
        journal.write(&[record(2, Outcome::Pending), record(3, Outcome::Pending)])?;
        journal.write(&[record(2, Outcome::Accepted), record(3, Outcome::Accepted)])?;
        journal.write(&[record(4, Outcome::Pending), record(5, Outcome::Pending)])?;
        drop(journal);
        // The answer's rows were cut in the middle of the first one.
        let mut file = OpenOptions::new().append(true).open(&path).map_err(|e| CliError::Io(e.to_string()))?;
        file.write_all(b"4,41790000004,b,m4,acc").map_err(|e| CliError::Io(e.to_string()))?;
        drop(file);
        let resume = read(&path)?;
        assert_eq!(resume.interrupted.iter().map(|r| r.line).collect::<Vec<_>>(), vec![4, 5]);
        assert!(resume.interrupted.iter().all(|r| r.outcome == Outcome::Unknown && r.error.contains("torn")));
        assert_eq!(resume.done_through, 5, "in doubt, never resent");
        // Appending starts where the last complete row ended.
        let mut journal = Journal::open(&path, Some(resume.complete_len))?;
        journal.write(&resume.interrupted)?;
        let again = read(&path)?;
        assert!(again.interrupted.is_empty());
        assert_eq!(again.counts, Counts { accepted: 2, rejected: 0, outcome_unknown: 2, failed: 0 });
        let text = std::fs::read_to_string(&path).map_err(|e| CliError::Io(e.to_string()))?;
        assert!(!text.contains(",acc\n") && !text.contains(",acc4"), "{text}");
        Ok(())
    }
}
