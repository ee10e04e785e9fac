//! The page's files, compiled into the binary (no build step, no network at run time).

/// `(file name, content type, bytes)` of every file under `/_emulator/ui/`.
const FILES: &[(&str, &str, &str)] = &[
    ("", "text/html; charset=utf-8", include_str!("../../ui/index.html")),
    ("app.js", "text/javascript; charset=utf-8", include_str!("../../ui/app.js")),
    ("app.css", "text/css; charset=utf-8", include_str!("../../ui/app.css")),
    ("icon.svg", "image/svg+xml", include_str!("../../ui/icon.svg")),
];

/// The content type and bytes of `name` (`""` is the page itself).
pub(super) fn get(name: &str) -> Option<(&'static str, &'static str)> {
    let name = if name == "index.html" { "" } else { name };
    FILES.iter().find(|(n, _, _)| *n == name).map(|(_, ct, body)| (*ct, *body))
}
