//! Serialise-and-parse throughput of the SMS models: a 1,000-destination send request and a
//! 1,000-report delivery-report body. Run with `cargo bench -p infobip --bench sms_serde`.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use infobip::sms::{DeliveryReports, Destination, SmsMessage, SmsRequest};

const N: usize = 1000;

fn send_request() -> SmsRequest {
    let mut message = SmsMessage::text("Your order 4711 has shipped. Track it at https://example.com/t/4711")
        .sender("InfoSMS")
        .delivery_url("https://example.com/dlr")
        .callback_data("campaign-7");
    for i in 0..N {
        message = message.destination(Destination::to(format!("4179{i:07}")).message_id(format!("msg-{i:06}")));
    }
    SmsRequest::new().message(message).bulk_id("bulk-2026-12-24")
}

fn reports_body() -> Vec<u8> {
    let report = |i: usize| {
        format!(
            r#"{{"bulkId":"bulk-2026-12-24","price":{{"pricePerMessage":0.01,"currency":"EUR"}},"status":{{"groupId":3,"groupName":"DELIVERED","id":5,"name":"DELIVERED_TO_HANDSET","description":"Message delivered to handset"}},"error":{{"groupId":0,"groupName":"OK","id":0,"name":"NO_ERROR","description":"No Error","permanent":false}},"messageId":"msg-{i:06}","to":"4179{i:07}","sender":"InfoSMS","sentAt":"2026-12-24T16:00:00.000+0100","doneAt":"2026-12-24T16:00:02.123+0100","messageCount":1,"mccMnc":"22801","callbackData":"campaign-7","platform":{{"entityId":"e","applicationId":"a"}}}}"#
        )
    };
    let reports: Vec<String> = (0..N).map(report).collect();
    format!(r#"{{"results":[{}]}}"#, reports.join(",")).into_bytes()
}

fn bench(c: &mut Criterion) {
    let request = send_request();
    let request_bytes = serde_json::to_vec(&request).unwrap();
    // What is timed is a faithful round trip of 1,000 destinations.
    assert_eq!(request.messages[0].destinations.len(), N);
    assert_eq!(serde_json::from_slice::<SmsRequest>(&request_bytes).unwrap(), request);
    let mut group = c.benchmark_group("send request, 1000 destinations");
    group.throughput(Throughput::Bytes(request_bytes.len() as u64));
    group.bench_function("serialize + parse", |b| {
        b.iter(|| {
            let bytes = serde_json::to_vec(black_box(&request)).unwrap();
            let back: SmsRequest = serde_json::from_slice(&bytes).unwrap();
            black_box(back)
        })
    });
    group.finish();

    let body = reports_body();
    let parsed: DeliveryReports = serde_json::from_slice(&body).unwrap();
    assert_eq!(parsed.results.len(), N);
    assert_eq!(serde_json::from_slice::<DeliveryReports>(&serde_json::to_vec(&parsed).unwrap()).unwrap(), parsed);
    let mut group = c.benchmark_group("delivery reports, 1000 reports");
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("parse + serialize", |b| {
        b.iter(|| {
            let reports: DeliveryReports = serde_json::from_slice(black_box(&body)).unwrap();
            black_box(serde_json::to_vec(&reports).unwrap())
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
