//! Progress of a bulk send: a bar with rate and ETA on a terminal, plain lines otherwise.

use std::io::IsTerminal as _;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

/// Shows how far a bulk send is, on standard error.
pub enum Progress {
    /// A terminal: an indicatif bar.
    Bar(ProgressBar),
    /// Not a terminal: a line at most every few seconds, and at the end.
    Plain {
        /// Destinations to send.
        total: u64,
        /// Destinations sent.
        done: u64,
        /// When sending started.
        started: Instant,
        /// When the last line was printed.
        printed: Option<Instant>,
    },
}

const PLAIN_EVERY: Duration = Duration::from_secs(2);

impl Progress {
    /// Progress over `total` destinations.
    pub fn new(total: u64) -> Self {
        if std::io::stderr().is_terminal() {
            let bar = ProgressBar::new(total);
            let style = ProgressStyle::with_template("{bar:40.cyan/blue} {pos}/{len} destinations  {rate}  ETA {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .with_key("rate", |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = write!(w, "{:.0}/s", state.per_sec());
                });
            bar.set_style(style);
            Progress::Bar(bar)
        } else {
            Progress::Plain { total, done: 0, started: Instant::now(), printed: None }
        }
    }

    /// Records `n` more destinations sent.
    pub fn advance(&mut self, n: u64) {
        match self {
            Progress::Bar(bar) => bar.inc(n),
            Progress::Plain { total, done, started, printed } => {
                *done += n;
                let now = Instant::now();
                if *done >= *total || printed.is_none_or(|at| now.duration_since(at) >= PLAIN_EVERY) {
                    *printed = Some(now);
                    eprintln!("{}", plain_line(*done, *total, now.duration_since(*started)));
                }
            }
        }
    }

    /// Ends the bar.
    pub fn finish(&self) {
        if let Progress::Bar(bar) = self {
            bar.finish();
        }
    }
}

/// `progress: 3000/10000 destinations (30%), 1500/s, ETA 4s`.
fn plain_line(done: u64, total: u64, elapsed: Duration) -> String {
    let percent = (done * 100).checked_div(total).unwrap_or(100);
    let rate = done as f64 / elapsed.as_secs_f64().max(0.001);
    let eta = if rate > 0.0 { (total.saturating_sub(done)) as f64 / rate } else { 0.0 };
    format!("progress: {done}/{total} destinations ({percent}%), {rate:.0}/s, ETA {eta:.0}s")
}

#[cfg(test)]
mod tests {
    #[test]
    fn plain_line_has_rate_and_eta() {
        let line = super::plain_line(500, 1000, std::time::Duration::from_secs(1));
        assert_eq!(line, "progress: 500/1000 destinations (50%), 500/s, ETA 1s");
    }
}
