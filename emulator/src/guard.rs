//! Keeps web pages on other origins away from the admin API and the inbox: a request under
//! `/_emulator/` whose `Host` is not a loopback name or address (DNS rebinding) is refused, and so
//! is a state-changing one (any method but GET, HEAD, OPTIONS) that a browser sends from another
//! origin (an `Origin` that is not the emulator's own, or `Sec-Fetch-Site: cross-site`). Clients
//! that are not browsers send no `Origin` and keep working.

use http::{HeaderMap, Method};
use std::net::{IpAddr, Ipv6Addr};

/// Why the request is refused (answered 403), or `None` to let it through.
pub(crate) fn refusal(method: &Method, headers: &HeaderMap) -> Option<&'static str> {
    let host = headers.get(http::header::HOST).map(|h| h.to_str().unwrap_or(""));
    if host.is_some_and(|h| !is_loopback_authority(h)) {
        return Some("refused: the Host header is not a loopback name or address");
    }
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return None;
    }
    let header = |name: &str| headers.get(name).map(|v| v.to_str().unwrap_or(""));
    if header("sec-fetch-site").is_some_and(|s| s.trim().eq_ignore_ascii_case("cross-site")) {
        return Some("refused: a cross-site request may not change the emulator's state");
    }
    if let Some(origin) = header("origin")
        && !same_origin(origin, host)
    {
        return Some("refused: a request from another origin may not change the emulator's state");
    }
    None
}

/// Splits `host[:port]` / `[v6][:port]` into the host and the port text.
fn split_authority(authority: &str) -> (&str, Option<&str>) {
    if let Some(rest) = authority.strip_prefix('[') {
        return match rest.split_once(']') {
            Some((h, tail)) => (h, tail.strip_prefix(':')),
            None => (authority, None),
        };
    }
    match authority.rsplit_once(':') {
        Some((h, p)) if !h.contains(':') => (h, Some(p)),
        _ => (authority, None),
    }
}

/// `localhost`, a `*.localhost` name, 127.0.0.0/8 or `::1` (also IPv4-mapped), with any port.
fn is_loopback_authority(authority: &str) -> bool {
    let (host, port) = split_authority(authority.trim());
    if port.is_some_and(|p| p.parse::<u16>().is_err()) {
        return false;
    }
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    if host == "localhost" || host.ends_with(".localhost") {
        return true;
    }
    match host.parse::<IpAddr>() {
        Ok(IpAddr::V4(v4)) => v4.is_loopback(),
        Ok(IpAddr::V6(v6)) => v6 == Ipv6Addr::LOCALHOST || v6.to_ipv4_mapped().is_some_and(|v4| v4.is_loopback()),
        Err(_) => false,
    }
}

/// Whether `origin` (`scheme://authority`) is the origin of a page served by this emulator at
/// `host`: same authority (default ports ignored), over http or https, and loopback.
fn same_origin(origin: &str, host: Option<&str>) -> bool {
    let origin = origin.trim();
    let (scheme, authority) = match origin.split_once("://") {
        Some((s, a)) if s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https") => (s, a),
        _ => return false,
    };
    if !is_loopback_authority(authority) {
        return false;
    }
    let Some(host) = host else { return true };
    let default_port = if scheme.eq_ignore_ascii_case("https") { "443" } else { "80" };
    let normal = |a: &str| {
        let (h, p) = split_authority(a.trim());
        (h.trim_end_matches('.').to_ascii_lowercase(), p.unwrap_or(default_port).to_string())
    };
    normal(authority) == normal(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(method: Method, pairs: &[(&'static str, &str)]) -> Option<&'static str> {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, v.parse().unwrap());
        }
        refusal(&method, &h)
    }

    #[test]
    fn loopback_names_and_addresses() {
        for ok in [
            "127.0.0.1:8080",
            "localhost",
            "LOCALHOST:1",
            "app.localhost:9",
            "127.1.2.3",
            "[::1]:80",
            "[::ffff:127.0.0.1]",
        ] {
            assert!(is_loopback_authority(ok), "{ok}");
        }
        for bad in ["evil.example:8080", "10.0.0.1", "localhost.evil.com", "[::2]", "127.0.0.1:x", "", "0.0.0.0"] {
            assert!(!is_loopback_authority(bad), "{bad}");
        }
    }

    #[test]
    fn foreign_origins_and_hosts_are_refused_only_where_they_matter() {
        let host = ("host", "127.0.0.1:4000");
        assert_eq!(check(Method::POST, &[host]), None, "curl: no Origin");
        assert_eq!(check(Method::POST, &[]), None, "no Host at all");
        assert_eq!(check(Method::POST, &[host, ("origin", "http://127.0.0.1:4000")]), None);
        assert_eq!(check(Method::POST, &[("host", "localhost"), ("origin", "http://localhost:80")]), None);
        assert_eq!(check(Method::POST, &[host, ("sec-fetch-site", "same-origin")]), None);
        assert!(check(Method::POST, &[host, ("origin", "http://127.0.0.1:4001")]).is_some(), "another port");
        assert!(check(Method::DELETE, &[host, ("origin", "https://evil.example")]).is_some());
        assert!(check(Method::POST, &[host, ("origin", "null")]).is_some());
        assert!(check(Method::POST, &[host, ("sec-fetch-site", "cross-site")]).is_some());
        assert!(check(Method::POST, &[("host", "evil.example:4000")]).is_some(), "DNS rebinding");
        assert!(check(Method::GET, &[("host", "evil.example:4000")]).is_some(), "rebinding reads too");
        // Reading from another origin is the browser's business (no CORS headers are sent).
        assert_eq!(check(Method::GET, &[host, ("origin", "https://evil.example")]), None);
    }
}
