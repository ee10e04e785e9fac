//! `pattern` keywords: ECMA-262 regular expressions, run with the `regex` crate.
//!
//! The two flavours differ where Infobip's patterns could notice, and each difference is bridged:
//! `\d` and `\w` mean ASCII digits and word characters in ECMA-262 (Unicode ones in `regex`), and
//! `.` excludes `\r`, U+2028 and U+2029 besides `\n`; these are rewritten. `regex` has no
//! look-around: a pattern that starts with `^` and one or more look-aheads (`^(?=…)`, `^(?!…)`,
//! the only form the specs use) is split into the look-aheads, each matched at the start, and the
//! rest. Back-references are not supported; a pattern that still does not compile is not enforced
//! (none of Infobip's does).

use regex::{Regex, RegexBuilder};
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

/// A compiled pattern: look-aheads anchored at the start (`true` = must match), then the body.
struct Compiled {
    lookaheads: Vec<(bool, Regex)>,
    body: Regex,
}

static CACHE: LazyLock<Mutex<HashMap<String, Option<Arc<Compiled>>>>> = LazyLock::new(Default::default);

/// Whether `text` matches the ECMA-262 `pattern` (searched, not anchored, as JSON Schema says);
/// `None` when the pattern cannot be compiled.
pub(crate) fn matches(pattern: &str, text: &str) -> Option<bool> {
    let compiled = {
        let mut cache = CACHE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        cache.entry(pattern.to_string()).or_insert_with(|| compile(pattern).map(Arc::new)).clone()
    }?;
    let ahead = compiled.lookaheads.iter().all(|(positive, re)| re.is_match(text) == *positive);
    Some(ahead && compiled.body.is_match(text))
}

fn compile(pattern: &str) -> Option<Compiled> {
    let mut rest = pattern;
    let mut lookaheads = Vec::new();
    if let Some(after_caret) = pattern.strip_prefix('^') {
        rest = after_caret;
        while let Some((positive, inner, tail)) = leading_lookahead(rest) {
            lookaheads.push((positive, build(&format!("^(?:{})", translate(inner)))?));
            rest = tail;
        }
        if lookaheads.is_empty() {
            rest = pattern;
        } else {
            return Some(Compiled { lookaheads, body: build(&format!("^(?:{})", translate(rest)))? });
        }
    }
    Some(Compiled { lookaheads, body: build(&translate(rest))? })
}

/// Compiles with room for bounded repetitions of Unicode classes (`[\p{L}…]{3,250}`).
fn build(pattern: &str) -> Option<Regex> {
    RegexBuilder::new(pattern).size_limit(64 << 20).build().ok()
}

/// Splits `(?=inner)tail` / `(?!inner)tail` into (positive, inner, tail).
fn leading_lookahead(s: &str) -> Option<(bool, &str, &str)> {
    let positive = if s.starts_with("(?=") {
        true
    } else if s.starts_with("(?!") {
        false
    } else {
        return None;
    };
    let mut depth = 0usize;
    let mut escaped = false;
    let mut in_class = false;
    for (i, c) in s.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '[' => in_class = true,
            ']' => in_class = false,
            '(' if !in_class => depth += 1,
            ')' if !in_class => {
                depth -= 1;
                if depth == 0 {
                    return Some((positive, s.get(3..i)?, s.get(i + 1..)?));
                }
            }
            _ => {}
        }
    }
    None
}

/// Rewrites the ECMA-262 classes whose meaning differs in the `regex` crate.
fn translate(p: &str) -> String {
    let mut out = String::with_capacity(p.len() + 16);
    let mut chars = p.chars();
    let mut in_class = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('d') if in_class => out.push_str("0-9"),
                Some('d') => out.push_str("[0-9]"),
                Some('w') if in_class => out.push_str("A-Za-z0-9_"),
                Some('w') => out.push_str("[A-Za-z0-9_]"),
                Some('D') if !in_class => out.push_str("[^0-9]"),
                Some('W') if !in_class => out.push_str("[^A-Za-z0-9_]"),
                Some('/') => out.push('/'),
                Some(other) => {
                    out.push('\\');
                    out.push(other);
                }
                None => out.push('\\'),
            },
            '[' if !in_class => {
                in_class = true;
                out.push('[');
            }
            ']' if in_class => {
                in_class = false;
                out.push(']');
            }
            '.' if !in_class => out.push_str("[^\\n\\r\\x{2028}\\x{2029}]"),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ecma_classes_are_ascii() {
        assert_eq!(matches(r"^\d+$", "123"), Some(true));
        assert_eq!(matches(r"^\d+$", "١٢٣"), Some(false), "Arabic-Indic digits are not \\d in ECMA-262");
        assert_eq!(matches(r"^[\w-]+$", "a_b-c"), Some(true));
        assert_eq!(matches(r"^[\w-]+$", "é"), Some(false));
        assert_eq!(matches(r"^.+$", "a\rb"), Some(false));
        assert_eq!(matches(r"^[\p{L}\p{N}\-_+=/.]{3,64}$", "Ünïcode-1"), Some(true));
        assert_eq!(matches(r"a\/b", "a/b"), Some(true));
        assert_eq!(matches("TR|ES", "xTRx"), Some(true), "patterns are searched, not anchored");
    }

    #[test]
    fn leading_lookaheads_are_supported() {
        let not_blank = r"^(?!\s*$).+";
        assert_eq!(matches(not_blank, "  x"), Some(true));
        assert_eq!(matches(not_blank, "   "), Some(false));
        assert_eq!(matches(not_blank, ""), Some(false));
        let with_letter = r"^(?=.*[a-zA-Z])[a-zA-Z0-9_-]+$";
        assert_eq!(matches(with_letter, "abc_1"), Some(true));
        assert_eq!(matches(with_letter, "123"), Some(false));
        assert_eq!(matches(with_letter, "ab c"), Some(false));
    }

    #[test]
    fn every_pattern_in_the_specs_compiles() {
        fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
            match v {
                serde_json::Value::Object(m) => {
                    if let Some(serde_json::Value::String(p)) = m.get("pattern") {
                        out.push(p.clone());
                    }
                    m.values().for_each(|x| walk(x, out));
                }
                serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
                _ => {}
            }
        }
        let mut patterns = Vec::new();
        for i in 0..crate::spec::SPEC_FILES.len() {
            walk(crate::spec::document(i), &mut patterns);
        }
        assert!(patterns.len() > 100, "{}", patterns.len());
        let broken: Vec<&String> = patterns.iter().filter(|p| matches(p, "").is_none()).collect();
        assert!(broken.is_empty(), "patterns that do not compile: {broken:?}");
    }
}
