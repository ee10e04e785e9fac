//! `Client::pages` (behind every generated `*_stream` method) cannot be made to spin: a repeated
//! cursor or the same numbered page twice is a `decode` error after a bounded number of requests,
//! an empty page or the page count ends the iteration.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use futures_util::StreamExt;
use infobip::Error;
use infobip::catalog::{CallParams, CallResponse};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, ResponseTemplate};

async fn every_page(client: &infobip::Client, operation: &str, params: CallParams) -> Vec<Result<CallResponse, Error>> {
    client.pages(operation, params).unwrap().into_stream().take(50).collect().await
}

#[tokio::test]
async fn a_repeated_cursor_is_a_decode_error_after_the_page_that_repeated_it() {
    let server = common::server().await;
    let body = serde_json::json!({"results": [{"messageId": "1"}], "cursor": {"nextCursor": "again"}});
    Mock::given(method("GET"))
        .and(path("/sms/3/logs"))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&server)
        .await;
    let client = common::builder(&server).build().unwrap();
    let pages = every_page(&client, "get-outbound-sms-message-logs-v3", CallParams::new()).await;
    assert_eq!(pages.len(), 3, "two pages, then the error: {pages:?}");
    assert!(pages[..2].iter().all(Result::is_ok));
    let error = pages[2].as_ref().unwrap_err();
    assert_eq!(error.code(), "decode");
    assert!(error.to_string().contains("\"again\""), "{error}");
    let received = server.received_requests().await.unwrap();
    assert_eq!(received.len(), 2);
    assert_eq!(received[1].url.query(), Some("useCursor=true&cursor=again"));
}

#[tokio::test]
async fn the_same_numbered_page_twice_is_a_decode_error() {
    let server = common::server().await;
    let body = serde_json::json!({"results": [{"id": "a"}, {"id": "b"}], "paging": {"page": 0, "size": 2}});
    Mock::given(method("GET"))
        .and(path("/resources/1/requests"))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&server)
        .await;
    let client = common::builder(&server).build().unwrap();
    let pages = every_page(&client, "get-resource-requests", CallParams::new()).await;
    assert_eq!(pages.len(), 2, "{pages:?}");
    assert!(pages[0].is_ok());
    let error = pages[1].as_ref().unwrap_err();
    assert_eq!(error.code(), "decode");
    assert!(error.to_string().contains("page 1"), "{error}");
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}

#[tokio::test]
async fn numbered_pages_end_at_the_page_count_and_at_an_empty_page() {
    let server = common::server().await;
    for page in 0..2 {
        let body = serde_json::json!({"results": [{"id": page}], "paging": {"page": page, "totalPages": 2}});
        Mock::given(method("GET"))
            .and(path("/resources/1/requests"))
            .and(query_param("page", page.to_string()))
            .respond_with(ResponseTemplate::new(200).set_body_json(body))
            .mount(&server)
            .await;
    }
    let client = common::builder(&server).build().unwrap();
    let pages = every_page(&client, "get-resource-requests", CallParams::new()).await;
    let ids: Vec<_> = pages.iter().map(|p| p.as_ref().unwrap().body["results"][0]["id"].clone()).collect();
    assert_eq!(ids, [serde_json::json!(0), serde_json::json!(1)]);
    assert_eq!(server.received_requests().await.unwrap().len(), 2, "no request past the page count");

    let empty = common::server().await;
    let body = serde_json::json!({"results": [], "paging": {"totalPages": 9}});
    Mock::given(method("GET"))
        .and(path("/resources/1/requests"))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&empty)
        .await;
    let client = common::builder(&empty).build().unwrap();
    let pages = every_page(&client, "get-resource-requests", CallParams::new()).await;
    assert_eq!(pages.len(), 1, "the first page is returned even when empty, and ends the iteration");
    assert_eq!(empty.received_requests().await.unwrap().len(), 1);
}
