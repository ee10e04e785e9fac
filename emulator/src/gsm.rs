//! SMS part counting: GSM-7 (with the extension table, whose characters take two septets),
//! national language shift tables as Infobip previews them, and UCS-2; plus the transliterations
//! used by `POST /sms/1/preview`.

/// The GSM 03.38 default alphabet (without the escape character).
const GSM_BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/// The GSM 03.38 extension table: each character costs an escape plus itself.
const GSM_EXTENSION: &str = "^{}\\[~]|€\u{000C}";
/// Characters the Turkish national shift tables add.
const NATIONAL_TR: &str = "ĞğİıŞşçÇ€";
/// Characters the Spanish national shift table adds.
const NATIONAL_ES: &str = "áíóúÁÍÓÚçÇ€";
/// Characters the Portuguese national shift tables add.
const NATIONAL_PT: &str = "êôáãõâíóúÊÔÁÃÕÂÍÓÚçÇÀ€";

/// The result of counting a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count {
    /// Number of SMS parts.
    pub parts: u32,
    /// Characters (septets or UTF-16 units) still free in the last part.
    pub remaining: u32,
    /// Whether the text needs UCS-2.
    pub unicode: bool,
}

fn septets(c: char, national: &str) -> Option<u32> {
    if GSM_BASIC.contains(c) {
        Some(1)
    } else if GSM_EXTENSION.contains(c) {
        Some(2)
    } else if national.contains(c) {
        Some(1)
    } else {
        None
    }
}

/// The national shift table of `language` and the septets of one part and of a concatenated part.
fn shift_table(language: Option<&str>) -> (&'static str, u32, u32) {
    match language {
        Some("TR") => (NATIONAL_TR, 155, 149),
        Some("ES") => (NATIONAL_ES, 155, 149),
        Some("PT") => (NATIONAL_PT, 155, 149),
        _ => ("", 160, 153),
    }
}

/// The distinct characters of `text` that GSM-7 (with `language`'s shift table) cannot encode:
/// the ones that force UCS-2, in order of first appearance.
pub fn ucs2_forcing(text: &str, language: Option<&str>) -> Vec<char> {
    let (national, _, _) = shift_table(language);
    let mut out: Vec<char> = Vec::new();
    for c in text.chars() {
        if septets(c, national).is_none() && !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// Packs unit sizes into parts of `single` (one part) or `multi` (concatenated) capacity,
/// never splitting one character across parts.
fn pack(sizes: &[u32], single: u32, multi: u32) -> (u32, u32) {
    let total: u32 = sizes.iter().sum();
    if total <= single {
        return (1, single - total);
    }
    let mut parts = 1;
    let mut used = 0;
    for &s in sizes {
        if used + s > multi {
            parts += 1;
            used = 0;
        }
        used += s;
    }
    (parts, multi - used)
}

/// Counts the parts of `text`; `language` is one of `TR`, `ES`, `PT` (national shift tables)
/// or `None`/`NONE`/`AUTODETECT`.
pub fn count(text: &str, language: Option<&str>) -> Count {
    let (national, single, multi) = shift_table(language);
    let gsm: Option<Vec<u32>> = text.chars().map(|c| septets(c, national)).collect();
    match gsm {
        Some(sizes) => {
            let (parts, remaining) = pack(&sizes, single, multi);
            Count { parts, remaining, unicode: false }
        }
        None => {
            let sizes: Vec<u32> = text.chars().map(|c| c.len_utf16() as u32).collect();
            let (parts, remaining) = pack(&sizes, 70, 67);
            Count { parts, remaining, unicode: true }
        }
    }
}

/// Number of parts of a binary message given its space-separated hex string.
pub fn binary_parts(hex: &str) -> u32 {
    let bytes =
        if hex.contains(char::is_whitespace) { hex.split_whitespace().count() } else { hex.len().div_ceil(2) } as u32;
    if bytes <= 140 { 1 } else { bytes.div_ceil(134) }
}

fn strip_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'á' | 'ă' | 'â' | 'ã' | 'ā' | 'ą' => "a",
        'Á' | 'Ă' | 'Â' | 'Ã' | 'Ā' | 'Ą' | 'À' => "A",
        'ç' | 'ć' | 'č' => "c",
        'Ć' | 'Č' => "C",
        'ď' | 'đ' => "d",
        'Ď' | 'Đ' => "D",
        'ê' | 'ë' | 'ě' | 'ę' | 'ē' | 'ė' => "e",
        'Ê' | 'Ë' | 'Ě' | 'Ę' | 'Ē' | 'Ė' | 'È' => "E",
        'ğ' | 'ģ' => "g",
        'Ğ' | 'Ģ' => "G",
        'ı' | 'í' | 'î' | 'ï' | 'ī' | 'į' => "i",
        'İ' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'Į' | 'Ì' => "I",
        'ķ' => "k",
        'Ķ' => "K",
        'ĺ' | 'ľ' | 'ł' | 'ļ' => "l",
        'Ĺ' | 'Ľ' | 'Ł' | 'Ļ' => "L",
        'ń' | 'ň' | 'ņ' => "n",
        'Ń' | 'Ň' | 'Ņ' => "N",
        'ó' | 'ô' | 'õ' | 'ő' | 'ō' => "o",
        'Ó' | 'Ô' | 'Õ' | 'Ő' | 'Ō' | 'Ò' => "O",
        'ŕ' | 'ř' => "r",
        'Ŕ' | 'Ř' => "R",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'Ś' | 'Š' | 'Ş' | 'Ș' => "S",
        'ť' | 'ţ' | 'ț' => "t",
        'Ť' | 'Ţ' | 'Ț' => "T",
        'ú' | 'û' | 'ů' | 'ű' | 'ū' | 'ų' => "u",
        'Ú' | 'Û' | 'Ů' | 'Ű' | 'Ū' | 'Ų' | 'Ù' => "U",
        'ý' | 'ÿ' => "y",
        'Ý' | 'Ÿ' => "Y",
        'ź' | 'ż' | 'ž' => "z",
        'Ź' | 'Ż' | 'Ž' => "Z",
        _ => return None,
    })
}

fn greek(c: char) -> Option<String> {
    let upper: String = c.to_uppercase().collect();
    let base = match upper.as_str() {
        "Ά" => "A",
        "Έ" => "E",
        "Ή" => "H",
        "Ί" | "Ϊ" => "I",
        "Ό" => "O",
        "Ύ" | "Ϋ" => "Y",
        "Ώ" => "Ω",
        "Α" => "A",
        "Β" => "B",
        "Ε" => "E",
        "Ζ" => "Z",
        "Η" => "H",
        "Ι" => "I",
        "Κ" => "K",
        "Μ" => "M",
        "Ν" => "N",
        "Ο" => "O",
        "Ρ" => "P",
        "Τ" => "T",
        "Υ" => "Y",
        "Χ" => "X",
        "Γ" | "Δ" | "Θ" | "Λ" | "Ξ" | "Π" | "Σ" | "Φ" | "Ψ" | "Ω" => return Some(upper),
        _ if c == 'ς' => "Σ",
        _ => return None,
    };
    Some(base.to_string())
}

fn cyrillic(c: char) -> Option<&'static str> {
    let lower = c.to_lowercase().next().unwrap_or(c);
    let s = match lower {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'ђ' => "dj",
        'е' | 'э' => "e",
        'ё' => "yo",
        'ж' => "zh",
        'з' => "z",
        'и' => "i",
        'й' => "j",
        'ј' => "j",
        'к' => "k",
        'л' => "l",
        'љ' => "lj",
        'м' => "m",
        'н' => "n",
        'њ' => "nj",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'ћ' => "c",
        'у' => "u",
        'ф' => "f",
        'х' => "h",
        'ц' => "c",
        'ч' => "ch",
        'џ' => "dz",
        'ш' => "sh",
        'щ' => "sht",
        'ъ' => "a",
        'ы' => "y",
        'ь' => "",
        'ю' => "yu",
        'я' => "ya",
        _ => return None,
    };
    Some(s)
}

/// Applies one of Infobip's transliteration codes to `text`.
pub fn transliterate(text: &str, code: &str) -> String {
    if code == "GREEK" {
        return text.chars().map(|c| greek(c).unwrap_or_else(|| c.to_string())).collect();
    }
    let latin =
        matches!(code, "TURKISH" | "CENTRAL_EUROPEAN" | "BALTIC" | "NON_UNICODE" | "PORTUGUESE" | "COLOMBIAN" | "ALL");
    let cyr = matches!(code, "CYRILLIC" | "SERBIAN_CYRILLIC" | "BULGARIAN_CYRILLIC" | "NON_UNICODE" | "ALL");
    let gr = matches!(code, "NON_UNICODE" | "ALL");
    text.chars()
        .map(|c| {
            if GSM_BASIC.contains(c) || GSM_EXTENSION.contains(c) {
                return c.to_string();
            }
            if latin && let Some(s) = strip_latin(c) {
                return s.to_string();
            }
            if cyr && let Some(s) = cyrillic(c) {
                if c.is_uppercase() {
                    let mut it = s.chars();
                    return it.next().map(|f| f.to_uppercase().chain(it).collect()).unwrap_or_default();
                }
                return s.to_string();
            }
            if gr && let Some(s) = greek(c) {
                return s;
            }
            c.to_string()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gsm_boundaries() {
        assert_eq!(count(&"a".repeat(160), None).parts, 1);
        assert_eq!(count(&"a".repeat(161), None), Count { parts: 2, remaining: 145, unicode: false });
        assert_eq!(count(&"a".repeat(306), None).parts, 2);
        assert_eq!(count(&"a".repeat(307), None).parts, 3);
        // Extension characters take two septets.
        assert_eq!(count(&"€".repeat(80), None).parts, 1);
        assert_eq!(count(&"€".repeat(81), None).parts, 2);
        assert_eq!(count(&"a{".repeat(53), None).remaining, 1);
    }

    #[test]
    fn the_characters_that_force_ucs2() {
        assert_eq!(ucs2_forcing("Hello €{} world", None), Vec::<char>::new());
        assert_eq!(ucs2_forcing("Čaš čaja ✓ č", None), vec!['Č', 'š', 'č', '✓']);
        // The Turkish shift table has ş and ğ.
        assert_eq!(ucs2_forcing("şğ✓", Some("TR")), vec!['✓']);
    }

    #[test]
    fn ucs2_boundaries() {
        assert_eq!(count(&"ж".repeat(70), None), Count { parts: 1, remaining: 0, unicode: true });
        assert_eq!(count(&"ж".repeat(71), None).parts, 2);
        assert_eq!(count(&"ж".repeat(134), None).parts, 2);
        assert_eq!(count(&"ж".repeat(135), None).parts, 3);
    }

    #[test]
    fn matches_infobip_preview_fixtures() {
        let basic = "Let's see how many characters remain unused in this message.";
        assert_eq!(count(basic, None), Count { parts: 1, remaining: 100, unicode: false });
        let tr = "Mesaj gönderimi yapmadan önce önizleme seçeneğini kullanmanız doğru karar vermenize yardımcı olur.";
        assert_eq!((count(tr, None).parts, count(tr, None).remaining), (2, 36));
        assert_eq!((count(tr, Some("TR")).parts, count(tr, Some("TR")).remaining), (1, 57));
        let gr = "Ως Μεγαρικό ψήφισμα είναι γνωστή η απόφαση της Εκκλησίας του δήμου των Αθηναίων (πιθανόν γύρω στο 433/2 π.Χ.) να επιβάλει αυστηρό και καθολικό εμπάργκο στα";
        assert_eq!((count(gr, None).parts, count(gr, None).remaining), (3, 46));
        let t = transliterate(gr, "GREEK");
        assert_eq!(
            t,
            "ΩΣ MEΓAPIKO ΨHΦIΣMA EINAI ΓNΩΣTH H AΠOΦAΣH THΣ EKKΛHΣIAΣ TOY ΔHMOY TΩN AΘHNAIΩN (ΠIΘANON ΓYPΩ ΣTO 433/2 Π.X.) NA EΠIBAΛEI AYΣTHPO KAI KAΘOΛIKO EMΠAPΓKO ΣTA"
        );
        assert_eq!((count(&t, None).parts, count(&t, None).remaining), (1, 5));
    }
}
