//! Parse throughput of a full delivery-report push (2000 reports, the most Infobip batches in one
//! push), in JSON and in XML, next to a baseline in the same run: reading the same JSON bytes into
//! an untyped `serde_json::Value`. Run with `cargo bench -p infobip --bench webhook_parse`; the
//! figures to compare are the ratios (typed / untyped), not the absolute times.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use infobip::webhooks::parse_delivery_reports;

/// Reports in one push.
const REPORTS: usize = 2000;

fn json_push() -> Vec<u8> {
    let report = |i: usize| {
        format!(
            r#"{{"bulkId":"bulk-2026-12-24","messageId":"msg-{i:06}","to":"4179{i:07}","sender":"InfoSMS","sentAt":"2026-12-24T16:00:00.000+0100","doneAt":"2026-12-24T16:00:02.123+01:00","messageCount":1,"price":{{"pricePerMessage":0.01,"currency":"EUR"}},"status":{{"groupId":3,"groupName":"DELIVERED","id":5,"name":"DELIVERED_TO_HANDSET","description":"Message delivered to handset"}},"error":{{"groupId":0,"groupName":"OK","id":0,"name":"NO_ERROR","description":"No Error","permanent":false}},"mccMnc":"22801","callbackData":"campaign-7","platform":{{"entityId":"e","applicationId":"a"}}}}"#
        )
    };
    let reports: Vec<String> = (0..REPORTS).map(report).collect();
    format!(r#"{{"results":[{}]}}"#, reports.join(",")).into_bytes()
}

fn xml_push() -> Vec<u8> {
    let report = |i: usize| {
        format!(
            "<result><bulkId>bulk-2026-12-24</bulkId><messageId>msg-{i:06}</messageId><to>4179{i:07}</to>\
             <sentAt>2026-12-24T16:00:00.000+0100</sentAt><doneAt>2026-12-24T16:00:02.123+0100</doneAt>\
             <smsCount>1</smsCount><price><pricePerMessage>0.01</pricePerMessage><currency>EUR</currency></price>\
             <status><groupId>3</groupId><groupName>DELIVERED</groupName><id>5</id><name>DELIVERED_TO_HANDSET</name>\
             <description>Message delivered to handset</description></status>\
             <error><groupId>0</groupId><groupName>OK</groupName><id>0</id><name>NO_ERROR</name>\
             <description>No Error</description><permanent>false</permanent></error></result>"
        )
    };
    let reports: String = (0..REPORTS).map(report).collect();
    format!("<reportResponse><results>{reports}</results></reportResponse>").into_bytes()
}

fn bench(c: &mut Criterion) {
    let json = json_push();
    assert_eq!(parse_delivery_reports(&json).unwrap().len(), REPORTS);
    let mut group = c.benchmark_group(format!("delivery-report push, {REPORTS} reports, JSON"));
    group.throughput(Throughput::Bytes(json.len() as u64));
    group.bench_function("baseline: untyped serde_json::Value", |b| {
        b.iter(|| black_box(serde_json::from_slice::<serde_json::Value>(black_box(&json)).unwrap()))
    });
    group.bench_function("parse_delivery_reports", |b| {
        b.iter(|| black_box(parse_delivery_reports(black_box(&json)).unwrap()))
    });
    group.finish();

    let xml = xml_push();
    assert_eq!(parse_delivery_reports(&xml).unwrap().len(), REPORTS);
    let mut group = c.benchmark_group(format!("delivery-report push, {REPORTS} reports, XML"));
    group.throughput(Throughput::Bytes(xml.len() as u64));
    group.bench_function("parse_delivery_reports", |b| {
        b.iter(|| black_box(parse_delivery_reports(black_box(&xml)).unwrap()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
