//! The Rust core's own figure for the Kotlin benchmark (bench.sh): sequential one-line SMS
//! sends against an emulator, through the core directly, on one tokio runtime.
//!
//!     cargo run --release -p infobip-uniffi --example core_sequential_sends -- BASE_URL API_KEY COUNT
//!
//! Prints `rust-core sends=N seconds=S per_second=R`.

use std::time::Instant;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [base_url, api_key, count] = args.as_slice() else {
        return Err("usage: core_sequential_sends BASE_URL API_KEY COUNT".into());
    };
    let count: u32 = count.parse()?;
    let client = infobip::Client::builder().base_url(base_url).api_key(api_key.as_str()).build()?;
    let sms = client.sms();
    // Warm-up: connection, first-call costs.
    for _ in 0..20 {
        sms.send(infobip::sms::SmsRequest::text("41793026727", "warm-up")).await?;
    }
    let start = Instant::now();
    for i in 0..count {
        sms.send(infobip::sms::SmsRequest::text("41793026727", format!("bench {i}"))).await?;
    }
    let seconds = start.elapsed().as_secs_f64();
    println!("rust-core sends={count} seconds={seconds:.3} per_second={:.0}", f64::from(count) / seconds);
    Ok(())
}
