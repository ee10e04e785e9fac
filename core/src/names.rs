//! Names in each language's case, from the API's: `bulkId` ↔ `bulk_id` ↔ `BulkId`.
//!
//! Pure functions without dependencies on the rest of the crate: the generator (`codegen/`)
//! compiles this very file, so the names it writes into every language's typed layer are the
//! names the core converts at run time, by construction.

/// camelCase names that are not the mechanical conversion of their snake_case form.
pub const IRREGULAR: &[(&str, &str)] =
    &[("repeatDTMF", "repeat_dtmf"), ("allowedIPs", "allowed_ips"), ("enabledSSLProtocols", "enabled_ssl_protocols")];

/// `bulkId` → `bulk_id`; acronyms count as one word (`repeatDTMF` → `repeat_dtmf`).
pub fn snake_name(name: &str) -> String {
    if let Some((_, snake)) = IRREGULAR.iter().find(|(camel, _)| *camel == name) {
        return (*snake).to_owned();
    }
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() {
            let after_lower = i > 0 && (chars[i - 1].is_ascii_lowercase() || chars[i - 1].is_ascii_digit());
            let ends_acronym =
                i > 0 && chars[i - 1].is_ascii_uppercase() && chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
            if after_lower || ends_acronym {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(*c);
        }
    }
    out
}

/// `bulk_id` → `bulkId`; names without `_` are kept (so camelCase input also works).
pub fn camel_name(name: &str) -> String {
    if let Some((camel, _)) = IRREGULAR.iter().find(|(_, snake)| *snake == name) {
        return (*camel).to_owned();
    }
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '_' && !out.is_empty() {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The words of a name in any style (`repeatDTMF`, `for-each`, `Audio source type`,
/// `__default`, `SMS_v2`): split at separators, case humps and acronym ends.
pub fn words(name: &str) -> Vec<String> {
    snake_name(name).split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

/// A snake_case identifier for `name`: [`snake_name`] where that is already one
/// (`bulkId` → `bulk_id`), the words joined by `_` otherwise (`for-each` → `for_each`); a
/// leading digit gets an `n` in front.
pub fn snake_ident(name: &str) -> String {
    let snake = snake_name(name);
    let plain = !snake.is_empty() && snake.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    let ident = if plain && !snake.starts_with('_') { snake } else { words(name).join("_") };
    lead_letter(ident, 'n')
}

/// A camelCase identifier for `name`: the name itself when it already is one (`bulkId`),
/// else its words joined (`client_id` → `clientId`, `Audio source type` → `audioSourceType`).
pub fn camel_ident(name: &str) -> String {
    let plain =
        name.chars().next().is_some_and(|c| c.is_ascii_lowercase()) && name.chars().all(|c| c.is_ascii_alphanumeric());
    if plain {
        return name.to_owned();
    }
    let mut out = String::with_capacity(name.len());
    for (i, word) in words(name).iter().enumerate() {
        if i == 0 { out.push_str(word) } else { out.push_str(&capitalized(word)) }
    }
    lead_letter(out, 'n')
}

/// A PascalCase identifier for `name`: kept when it already is one (`WhatsAppBulkMessage`),
/// else its words capitalized (`send-sms-messages` → `SendSmsMessages`).
pub fn pascal_ident(name: &str) -> String {
    let plain =
        name.chars().next().is_some_and(|c| c.is_ascii_uppercase()) && name.chars().all(|c| c.is_ascii_alphanumeric());
    if plain {
        return name.to_owned();
    }
    let out: String = words(name).iter().map(|w| capitalized(w)).collect();
    lead_letter(out, 'N')
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

fn lead_letter(ident: String, letter: char) -> String {
    match ident.chars().next() {
        Some(c) if c.is_ascii_digit() => format!("{letter}{ident}"),
        None => letter.to_string(),
        _ => ident,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_in_every_case() {
        let table = [
            // (wire, snake, camel, pascal)
            ("bulkId", "bulk_id", "bulkId", "BulkId"),
            ("repeatDTMF", "repeat_dtmf", "repeatDTMF", "RepeatDtmf"),
            ("client_id", "client_id", "clientId", "ClientId"),
            ("Audio source type", "audio_source_type", "audioSourceType", "AudioSourceType"),
            ("for-each", "for_each", "forEach", "ForEach"),
            ("__default", "default", "default", "Default"),
            ("Status", "status", "status", "Status"),
            ("send-sms-messages", "send_sms_messages", "sendSmsMessages", "SendSmsMessages"),
            ("2fa", "n2fa", "n2fa", "N2fa"),
            ("WhatsAppBulkMessage", "whats_app_bulk_message", "whatsAppBulkMessage", "WhatsAppBulkMessage"),
        ];
        for (wire, snake, camel, pascal) in table {
            assert_eq!(snake_ident(wire), snake, "{wire}");
            assert_eq!(camel_ident(wire), camel, "{wire}");
            assert_eq!(pascal_ident(wire), pascal, "{wire}");
        }
    }
}
