//! `infobip sms bulk`: a CSV of destinations sent in batches, journaled, resumable.
//!
//! 1. The whole file is read once, streaming, and every row checked (core's phone number rule
//!    and the checks a send makes); a bad row stops everything with exit 2, nothing sent.
//! 2. The file is read again and sent in batches of `--batch-size` destinations, one request
//!    at a time (core throttles and handles 429). Each batch is journaled before it is sent
//!    (see [`journal`]). A batch the API refuses stops the run (its exit code); a batch whose
//!    outcome is unknown is recorded as such, never resent, and stops the run (exit 4).
//!
//! Memory stays bounded: one CSV record buffer, one batch, and when resuming the one batch a
//! killed run may have left open.

mod input;
mod journal;
mod progress;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use infobip::sms::{SendResponse, StatusGroup};
use serde::Serialize;

use crate::args::{BulkArgs, Global};
use crate::exit::{self, CliError};
use crate::output;
use crate::profile;
use input::{Input, Row, Template};
use journal::{Counts, Journal, Outcome, Record};
use progress::Progress;

/// The one-line summary.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
struct Summary {
    /// Destinations in the file.
    read: u64,
    /// Destinations recorded by earlier runs and skipped.
    skipped: u64,
    /// Destinations sent by this run.
    sent: u64,
    /// This run's outcomes.
    #[serde(flatten)]
    counts: Counts,
    /// The results file.
    results: String,
}

impl Summary {
    fn line(&self) -> String {
        let skipped =
            if self.skipped > 0 { format!(" (skipped {} already recorded)", self.skipped) } else { String::new() };
        format!(
            "destinations read: {}{skipped}, sent: {}, accepted: {}, rejected: {}, outcome unknown: {}{}; results in {}",
            self.read,
            self.sent,
            self.counts.accepted,
            self.counts.rejected,
            self.counts.outcome_unknown,
            if self.counts.failed > 0 {
                format!(", not sent (request refused): {}", self.counts.failed)
            } else {
                String::new()
            },
            self.results
        )
    }
}

fn results_path(args: &BulkArgs) -> PathBuf {
    args.results.clone().unwrap_or_else(|| args.csv.with_extension("results.csv"))
}

/// Runs a bulk send.
pub async fn run(global: &Global, args: BulkArgs) -> Result<(), CliError> {
    let results = results_path(&args);
    let exists = std::fs::metadata(&results).is_ok_and(|m| m.len() > 0);
    if exists && !args.resume {
        return Err(CliError::usage(format!(
            "{} exists: pass --resume to continue that run, or choose another --results file",
            results.display()
        )));
    }
    let template =
        Template { text: args.text.clone(), sender: args.sender.clone(), notify_url: args.notify_url.clone() };
    let resume = if exists { journal::read(&results)? } else { journal::Resume::default() };
    let read = Input::open(&args.csv, &args)?.check_all(&template, resume.last.as_ref())?;
    let client = profile::client(global)?;
    let mut journal = Journal::open(&results, exists.then_some(resume.complete_len))?;
    let mut summary =
        Summary { read, skipped: resume.done, results: results.display().to_string(), ..Summary::default() };
    if !resume.interrupted.is_empty() {
        journal.write(&resume.interrupted)?;
        eprintln!(
            "{} destination(s) of an interrupted batch are recorded as outcome_unknown and not resent; \
             check them with `infobip sms logs --message-id …`",
            resume.interrupted.len()
        );
    }

    let stop = Arc::new(AtomicBool::new(false));
    let watcher = {
        let (stop, stopped) = (stop.clone(), crate::signals::stopped());
        tokio::spawn(async move {
            stopped.await;
            eprintln!("stopping after this batch; rerun with --resume to continue");
            stop.store(true, Ordering::SeqCst);
        })
    };
    let mut progress = Progress::new(read.saturating_sub(resume.done));
    let outcome =
        send_all(&client, &args, &template, resume.done_through, &mut journal, &mut progress, &mut summary, &stop)
            .await;
    watcher.abort();
    progress.finish();
    if global.json {
        output::json(&summary)?;
    } else {
        println!("{}", summary.line());
    }
    match outcome {
        Ok(()) if stop.load(Ordering::SeqCst) => Err(CliError::Reported(130)),
        other => other,
    }
}

#[allow(clippy::too_many_arguments)]
async fn send_all(
    client: &infobip::Client,
    args: &BulkArgs,
    template: &Template,
    done_through: u64,
    journal: &mut Journal,
    progress: &mut Progress,
    summary: &mut Summary,
    stop: &AtomicBool,
) -> Result<(), CliError> {
    let mut input = Input::open(&args.csv, args)?;
    let size = args.batch_size as usize;
    let mut batch: Vec<Row> = Vec::with_capacity(size);
    loop {
        let row = input.next_row()?;
        let end = row.is_none();
        if let Some(row) = row.filter(|r| r.line > done_through) {
            batch.push(row);
        }
        if batch.len() >= size || (end && !batch.is_empty()) {
            let sent = send_batch(client, template, &batch, journal, summary).await;
            progress.advance(batch.len() as u64);
            batch.clear();
            sent?;
            if stop.load(Ordering::SeqCst) {
                return Ok(());
            }
        }
        if end {
            return Ok(());
        }
    }
}

/// Journals, sends and records one batch.
async fn send_batch(
    client: &infobip::Client,
    template: &Template,
    batch: &[Row],
    journal: &mut Journal,
    summary: &mut Summary,
) -> Result<(), CliError> {
    let mut request = template.request(batch);
    request.assign_ids();
    let bulk_id = request.get_bulk_id().unwrap_or_default().to_owned();
    let message_ids = request.message_ids();
    let mut records: Vec<Record> = batch
        .iter()
        .zip(message_ids)
        .map(|(row, message_id)| Record {
            line: row.line,
            to: row.to.clone(),
            bulk_id: bulk_id.clone(),
            message_id,
            outcome: Outcome::Pending,
            status: String::new(),
            error: String::new(),
        })
        .collect();
    journal.write(&records)?;
    summary.sent += records.len() as u64;
    let result = client.sms().send(request).await;
    let failure = match &result {
        Ok(response) => {
            settle(&mut records, response);
            None
        }
        Err(error) => {
            let outcome =
                if exit::core_code(error) == exit::OUTCOME_UNKNOWN { Outcome::Unknown } else { Outcome::Failed };
            for record in &mut records {
                record.outcome = outcome;
                record.error = error.code().to_owned();
            }
            if outcome == Outcome::Failed {
                summary.sent -= records.len() as u64;
            }
            Some(error)
        }
    };
    for record in &records {
        summary.counts.add(record.outcome);
    }
    journal.write(&records)?;
    match failure {
        None => Ok(()),
        Some(error) => {
            let (first, last) = (batch.first().map_or(0, |r| r.line), batch.last().map_or(0, |r| r.line));
            let what = if exit::core_code(error) == exit::OUTCOME_UNKNOWN {
                "outcome unknown; these destinations are not resent — check them by message id in the results file"
            } else {
                "not sent; --resume sends them again"
            };
            eprintln!("batch of lines {first}-{last} (bulk id {bulk_id}): {what}");
            eprintln!("error [{}]: {}", error.code(), error.to_string().replace('\n', " "));
            Err(CliError::Reported(exit::core_code(error)))
        }
    }
}

/// Reads each message's outcome from the response, by message id. A message the answer does
/// not mention may or may not have been accepted: `outcome_unknown`.
fn settle(records: &mut [Record], response: &SendResponse) {
    let statuses: HashMap<&str, Option<&infobip::sms::Status>> =
        response.messages.iter().filter_map(|m| Some((m.message_id.as_deref()?, m.status.as_ref()))).collect();
    for record in records {
        let Some(status) = statuses.get(record.message_id.as_str()) else {
            record.outcome = Outcome::Unknown;
            record.error = "not in the answer".into();
            continue;
        };
        record.outcome = match status.map(|s| s.group()) {
            Some(StatusGroup::Rejected) => Outcome::Rejected,
            _ => Outcome::Accepted,
        };
        record.status = status.and_then(|s| s.name.clone()).unwrap_or_default();
    }
}
