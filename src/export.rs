//! Export files with an integrity check, and the browser's autosave format.
//!
//! An export is `{"format": "swanilai-export/1", "exportedAt", "sha256", "content"}` where
//! `sha256` is the SHA-256 of `content` written in canonical form (keys in document order,
//! no spaces, numbers in their shortest round-trip form). The check shows whether a file
//! arrived intact; it is **integrity, not authenticity**: anyone who edits the content can
//! also recompute the hash.

use sha2::{Digest, Sha256};

use crate::json::Json;
use crate::problem::{Code, Problem};

/// The `format` value of export files.
pub const EXPORT_FORMAT: &str = "swanilai-export/1";

/// Writes JSON compactly and deterministically.
///
/// ```
/// use swanilai::{Json, export::canonical};
/// let v = Json::parse(r#"{ "b": [1.0, 0.1, -0, 1e21], "a": "é\n\"" }"#).unwrap();
/// assert_eq!(canonical(&v), r#"{"b":[1,0.1,0,1e21],"a":"é\n\""}"#);
/// ```
pub fn canonical(v: &Json) -> String {
    let mut out = String::new();
    write(v, &mut out);
    out
}

fn write(v: &Json, out: &mut String) {
    match v {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Number(n) => out.push_str(&number(*n)),
        Json::String(s) => string(s, out),
        Json::Array(items) => {
            out.push('[');
            for (i, it) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(it, out);
            }
            out.push(']');
        }
        Json::Object(pairs) => {
            out.push('{');
            for (i, (k, v)) in pairs.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                string(k, out);
                out.push(':');
                write(v, out);
            }
            out.push('}');
        }
    }
}

/// A number as JSON: integers without a fraction, others in the shortest form that reads back
/// to the same value; non-finite numbers (which JSON cannot hold) as `null`.
fn number(n: f64) -> String {
    if !n.is_finite() {
        return "null".into();
    }
    if n == 0.0 {
        return "0".into();
    }
    if n.fract() == 0.0 && n.abs() < 1e21 {
        return format!("{n:.0}");
    }
    let s = format!("{n:e}"); // shortest round-trip digits, e.g. 1.5e-7
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if (-7..21).contains(&exp) {
        format!("{n}")
    } else {
        format!("{mantissa}e{exp}")
    }
}

fn string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The SHA-256 of a text, as lowercase hex.
///
/// ```
/// assert_eq!(
///     swanilai::export::sha256_hex("abc"),
///     "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// );
/// ```
pub fn sha256_hex(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().fold(String::with_capacity(64), |mut s, b| {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        s.push(HEX[usize::from(b >> 4)] as char);
        s.push(HEX[usize::from(b & 15)] as char);
        s
    })
}

/// Wraps content in an export document carrying its SHA-256.
///
/// ```
/// use swanilai::{Json, export::{export_document, open_export, Integrity}};
/// let content = Json::parse(r#"{"assessment": {"setId": "spbe-2020"}}"#).unwrap();
/// let file = export_document(content.clone(), "2026-11-27T10:00:00Z");
/// let opened = open_export(&Json::parse(&file).unwrap());
/// assert_eq!(opened.integrity, Integrity::Intact);
/// assert_eq!(opened.content, content);
///
/// let tampered = file.replace("spbe-2020", "spbe-2021");
/// assert_eq!(open_export(&Json::parse(&tampered).unwrap()).integrity, Integrity::Mismatch);
/// ```
pub fn export_document(content: Json, exported_at: &str) -> String {
    let hash = sha256_hex(&canonical(&content));
    let doc = Json::Object(vec![
        ("format".into(), Json::String(EXPORT_FORMAT.into())),
        ("exportedAt".into(), Json::String(exported_at.into())),
        ("sha256".into(), Json::String(hash)),
        ("content".into(), content),
    ]);
    canonical(&doc)
}

/// Whether an opened file's content matches its recorded hash.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Integrity {
    /// The content matches the recorded SHA-256.
    Intact,
    /// The content was changed after export (or damaged).
    Mismatch,
    /// The file carries no hash (e.g. a bare assessment written by hand).
    Unchecked,
}

/// An opened export (or a bare document, accepted as unchecked content).
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    /// The content: `{"assessment": ..., "report": ...}` for exports, or the bare document.
    pub content: Json,
    /// The integrity verdict.
    pub integrity: Integrity,
    /// A problem describing a failed check, for the caller to show.
    pub problem: Option<Problem>,
}

/// Opens an export document and checks its hash. A document without the export wrapper is
/// returned as it is, marked [`Integrity::Unchecked`].
pub fn open_export(v: &Json) -> Opened {
    let (Some(Json::String(format)), Some(content)) = (v.get("format"), v.get("content")) else {
        return Opened {
            content: v.clone(),
            integrity: Integrity::Unchecked,
            problem: None,
        };
    };
    let recorded = v.get("sha256").and_then(Json::as_str).unwrap_or("");
    let actual = sha256_hex(&canonical(content));
    let intact = format == EXPORT_FORMAT && recorded.eq_ignore_ascii_case(&actual);
    Opened {
        content: content.clone(),
        integrity: if intact {
            Integrity::Intact
        } else {
            Integrity::Mismatch
        },
        problem: (!intact).then(|| {
            Problem::new(
                "sha256",
                Code::IntegrityMismatch,
                "isi berkas tidak cocok dengan sidik SHA-256-nya: berkas diubah atau rusak setelah diekspor".into(),
                "the file's content does not match its SHA-256: it was changed or damaged after export".into(),
            )
        }),
    }
}
