//! `infobip sms …` and `infobip balance`.

use std::collections::HashMap;
use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use infobip::sms::{LogsFilter, PreviewRequest, ReportsFilter, SmsLog, SmsMessage, SmsRequest, StreamExt, validate};
use infobip::{Client, Error};

use crate::args::{Global, InboundArgs, LogsArgs, ReportsArgs, SendArgs, SmsCommand};
use crate::exit::CliError;
use crate::output::{self, Table, cell};
use crate::profile;

/// Runs an `sms` subcommand.
pub async fn run(global: &Global, command: SmsCommand) -> Result<(), CliError> {
    match command {
        SmsCommand::Send(args) => send(global, args).await,
        SmsCommand::Preview(args) => {
            let client = profile::client(global)?;
            let preview = client.sms().preview(&PreviewRequest::new(args.text)).await?;
            if global.json {
                return output::json(&preview);
            }
            let mut table = Table::new(&["CONFIGURATION", "SMS", "CHARACTERS LEFT", "TEXT"]);
            for p in &preview.previews {
                let config = p.configuration.as_ref().map(|c| serde_json::to_string(c).unwrap_or_default());
                table.row(vec![
                    config.filter(|c| c != "{}").unwrap_or_else(|| "default".into()),
                    cell(p.message_count),
                    cell(p.characters_remaining),
                    cell(p.text_preview.as_deref()),
                ]);
            }
            table.print("no preview");
            Ok(())
        }
        SmsCommand::Reports(args) => reports(global, args).await,
        SmsCommand::Logs(args) => logs(global, args).await,
        SmsCommand::Inbound(args) => inbound(global, args).await,
        SmsCommand::Bulk(args) => crate::bulk::run(global, args).await,
    }
}

/// Reads an `--send-at`-style date-time: RFC 3339, or Infobip's own format.
pub fn parse_time(flag: &str, text: &str) -> Result<DateTime<FixedOffset>, CliError> {
    DateTime::parse_from_rfc3339(text).or_else(|_| infobip::time::parse(text).map_err(|_| ())).map_err(|()| {
        CliError::usage(format!("{flag}: {text:?} is not an RFC 3339 date-time (e.g. 2026-12-24T09:00:00+01:00)"))
    })
}

/// Checks a destination with core's phone number rule, naming the flag.
pub fn check_number(field: &str, to: &str) -> Result<(), CliError> {
    validate::phone_number(field, to).map_err(|e| CliError::usage(e.to_string()))
}

async fn send(global: &Global, args: SendArgs) -> Result<(), CliError> {
    for (i, to) in args.to.iter().enumerate() {
        check_number(&format!("--to #{}", i + 1), to)?;
    }
    let send_at = args.send_at.as_deref().map(|t| parse_time("--send-at", t)).transpose()?;
    let mut message = SmsMessage::text(args.text);
    for to in args.to {
        message = message.to(to);
    }
    if let Some(sender) = args.sender {
        message = message.sender(sender);
    }
    if let Some(url) = args.notify_url {
        message = message.delivery_url(url);
    }
    let mut request = SmsRequest::new().message(message);
    if let Some(at) = send_at {
        request = request.send_at(at);
    }
    let client = profile::client(global)?;
    let sent = client.sms().send(request).await?;
    if global.json {
        return output::json(&sent);
    }
    println!("bulk id: {}", cell(sent.bulk_id.as_deref()));
    let mut table = Table::new(&["TO", "MESSAGE ID", "STATUS"]);
    for m in &sent.messages {
        let status = m.status.as_ref().and_then(|s| s.name.clone());
        table.row(vec![cell(m.destination.as_deref()), cell(m.message_id.as_deref()), cell(status)]);
    }
    table.print("no messages");
    Ok(())
}

async fn reports(global: &Global, args: ReportsArgs) -> Result<(), CliError> {
    let mut filter = ReportsFilter::new();
    filter.bulk_id = args.bulk_id;
    filter.message_id = args.message_id;
    filter.limit = args.limit;
    let client = profile::client(global)?;
    let reports = client.sms().delivery_reports(&filter).await?;
    if global.json {
        return output::json(&reports);
    }
    let mut table = Table::new(&["MESSAGE ID", "TO", "STATUS", "ERROR", "DONE AT"]);
    for r in &reports.results {
        table.row(vec![
            cell(r.message_id.as_deref()),
            cell(r.to.as_deref()),
            cell(r.status.as_ref().and_then(|s| s.name.clone())),
            cell(r.error.as_ref().and_then(|e| e.name.clone())),
            cell(r.done_at.as_ref().map(infobip::time::format)),
        ]);
    }
    table.print("no delivery reports waiting");
    Ok(())
}

fn logs_filter(args: &LogsArgs) -> LogsFilter {
    let mut filter = LogsFilter::new();
    filter.bulk_ids = args.bulk_id.clone();
    filter.message_ids = args.message_id.clone();
    filter.destination = args.destination.clone();
    filter
}

fn log_row(log: &SmsLog) -> Vec<String> {
    vec![
        cell(log.message_id.as_deref()),
        cell(log.destination.as_deref()),
        cell(log.status.as_ref().and_then(|s| s.name.clone())),
        cell(log.error.as_ref().and_then(|e| e.name.clone())),
        cell(log.sent_at.as_ref().map(infobip::time::format)),
    ]
}

const LOG_HEADERS: [&str; 5] = ["MESSAGE ID", "TO", "STATUS", "ERROR", "SENT AT"];

/// Every log of `filter` (all pages, at most `max`).
async fn fetch_logs(client: &Client, filter: LogsFilter, max: usize) -> Result<Vec<SmsLog>, Error> {
    let mut stream = std::pin::pin!(client.sms().logs(filter.max_results(max)));
    let mut logs = Vec::new();
    while let Some(log) = stream.next().await {
        logs.push(log?);
    }
    Ok(logs)
}

async fn logs(global: &Global, args: LogsArgs) -> Result<(), CliError> {
    let client = profile::client(global)?;
    if args.follow {
        return follow(global, &client, &args).await;
    }
    let max = args.limit.map_or(50, |l| l as usize);
    let logs = fetch_logs(&client, logs_filter(&args), max).await?;
    if global.json {
        return output::json(&logs);
    }
    let mut table = Table::new(&LOG_HEADERS);
    for log in &logs {
        table.row(log_row(log));
    }
    table.print("no logs");
    Ok(())
}

/// Polls the logs every `--interval` seconds, printing each log that is new or whose status
/// changed, until Ctrl-C (or `--max-polls`).
async fn follow(global: &Global, client: &Client, args: &LogsArgs) -> Result<(), CliError> {
    let mut seen: HashMap<String, String> = HashMap::new();
    let interval = Duration::from_secs(args.interval);
    let mut polls = 0u64;
    let stop = crate::signals::stopped();
    let mut stop = std::pin::pin!(stop);
    if !global.json {
        println!("{}", LOG_HEADERS.join("  "));
    }
    loop {
        polls += 1;
        let logs = tokio::select! {
            logs = fetch_logs(client, logs_filter(args), 1000) => logs?,
            () = &mut stop => return Ok(()),
        };
        for log in logs.iter().rev() {
            let key = log.message_id.clone().unwrap_or_default();
            let status = log.status.as_ref().and_then(|s| s.name.clone()).unwrap_or_default();
            if seen.get(&key) == Some(&status) {
                continue;
            }
            seen.insert(key, status);
            if global.json {
                output::json(log)?;
            } else {
                println!("{}", log_row(log).join("  "));
            }
        }
        if args.max_polls.is_some_and(|max| polls >= max) {
            return Ok(());
        }
        tokio::select! {
            () = tokio::time::sleep(interval) => {}
            () = &mut stop => return Ok(()),
        }
    }
}

async fn inbound(global: &Global, args: InboundArgs) -> Result<(), CliError> {
    let client = profile::client(global)?;
    let messages = client.sms().inbound(args.limit).await?;
    if global.json {
        return output::json(&messages);
    }
    let mut table = Table::new(&["MESSAGE ID", "FROM", "TO", "TEXT", "RECEIVED AT"]);
    for m in &messages.results {
        table.row(vec![
            cell(m.message_id.as_deref()),
            cell(m.from.as_deref()),
            cell(m.to.as_deref()),
            cell(m.text.as_deref()),
            cell(m.received_at.as_ref().map(infobip::time::format)),
        ]);
    }
    table.print("no inbound messages waiting");
    Ok(())
}

/// `infobip balance`.
pub async fn balance(global: &Global) -> Result<(), CliError> {
    let client = profile::client(global)?;
    let balance = client.account().balance().await?;
    if global.json {
        return output::json(&serde_json::json!({"balance": balance.balance, "currency": balance.currency}));
    }
    println!("{} {}", cell(balance.balance), cell(balance.currency.as_deref()));
    Ok(())
}
