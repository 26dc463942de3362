//! Export files with an integrity check, and the browser's autosave format.
//!
//! An export is `{"format": "swanilai-export/1", "exportedAt", "sha256", "content"}` where
//! `sha256` is the SHA-256 of `content` written in canonical form (keys in document order,
//! no spaces, numbers in their shortest round-trip form). The check shows whether a file
//! arrived intact; it is **integrity, not authenticity**: anyone who edits the content can
//! also recompute the hash.

use crate::assessment::Assessment;
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
        Json::Number(n) => out.push_str(&crate::num::json(*n)),
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

/// The SHA-256 of a text, as lowercase hex (the `sha2` crate, natively and in the browser:
/// the browser's `crypto.subtle.digest` answers only asynchronously, and exports are written
/// synchronously).
///
/// ```
/// use swanilai::export::sha256_hex;
/// assert_eq!(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
/// assert_eq!(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
/// assert_eq!(
///     sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
///     "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
/// );
/// ```
pub fn sha256_hex(text: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(text.as_bytes())
        .iter()
        .fold(String::with_capacity(64), |mut s, b| {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            s.push(HEX[usize::from(b >> 4)] as char);
            s.push(HEX[usize::from(b & 15)] as char);
            s
        })
}

#[cfg(test)]
mod tests {
    use super::sha256_hex;

    #[test]
    fn sha256_handles_every_padding_length() {
        // Lengths around the 55/56/64-byte padding boundaries, checked against known digests.
        assert_eq!(
            sha256_hex(&"a".repeat(55)),
            "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"
        );
        assert_eq!(
            sha256_hex(&"a".repeat(56)),
            "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"
        );
        assert_eq!(
            sha256_hex(&"a".repeat(64)),
            "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"
        );
        assert_eq!(
            sha256_hex("é"),
            "4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c"
        );
    }
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
/// returned as it is, marked [`Integrity::Unchecked`]; so is a wrapper without a `sha256`
/// field (there is nothing to check: it is not reported as altered).
///
/// ```
/// use swanilai::{Json, export::{open_export, Integrity}};
/// let no_hash = r#"{"format": "swanilai-export/1", "content": {"assessment": {}}}"#;
/// let opened = open_export(&Json::parse(no_hash).unwrap());
/// assert_eq!(opened.integrity, Integrity::Unchecked);
/// assert!(opened.problem.is_none());
/// let wrong = no_hash.replace("\"content\"", "\"sha256\": \"00\", \"content\"");
/// assert_eq!(open_export(&Json::parse(&wrong).unwrap()).integrity, Integrity::Mismatch);
/// ```
pub fn open_export(v: &Json) -> Opened {
    open_owned(v.clone())
}

/// [`open_export`] of a document it may take apart (no copy of a large content).
fn open_owned(v: Json) -> Opened {
    let (Some(Json::String(format)), Some(content)) = (v.get("format"), v.get("content")) else {
        return Opened {
            content: v,
            integrity: Integrity::Unchecked,
            problem: None,
        };
    };
    // No hash at all (a file put together by hand or by another tool): nothing to check,
    // which is not the same as a hash that does not match.
    let Some(recorded) = v.get("sha256").and_then(Json::as_str) else {
        return Opened {
            content: content.clone(),
            integrity: Integrity::Unchecked,
            problem: None,
        };
    };
    let actual = sha256_hex(&canonical(content));
    let intact = format == EXPORT_FORMAT && recorded.eq_ignore_ascii_case(&actual);
    Opened {
        content: member(v, "content").unwrap_or_else(|v| v),
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

/// The first `key` member of an object, taken out of it; the object back when it has none.
fn member(v: Json, key: &str) -> Result<Json, Json> {
    match v {
        Json::Object(pairs) if pairs.iter().any(|(k, _)| k == key) => Ok(pairs
            .into_iter()
            .find(|(k, _)| k == key)
            .map_or(Json::Null, |(_, v)| v)),
        other => Err(other),
    }
}

/// An assessment file opened for import: an export (its hash checked) or a bare assessment.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct OpenedAssessment {
    /// Whether the content matches its recorded SHA-256 (`unchecked` without the wrapper).
    pub integrity: Integrity,
    /// The assessment, when the file holds one (answers with problems are kept).
    pub assessment: Option<Assessment>,
    /// The integrity problem, if any, then the assessment's shape problems.
    pub problems: Vec<Problem>,
}

/// Opens an assessment file's text, as `openExport` does. The assessment is not checked
/// against a set here: see [`crate::validate_assessment`], and [`open_assessment_for`].
///
/// ```
/// use swanilai::export::{open_assessment, Integrity};
/// let bare = open_assessment(r#"{"setId": "spbe-2020", "setVersion": "2020.1", "answers": {"spbe-01": 3}}"#);
/// assert_eq!(bare.integrity, Integrity::Unchecked);
/// assert!(bare.assessment.is_some() && bare.problems.is_empty());
///
/// let broken = open_assessment("{\"setId\": ");
/// assert!(broken.assessment.is_none());
/// assert_eq!(broken.problems[0].code.as_str(), "json-syntax");
/// ```
pub fn open_assessment(text: &str) -> OpenedAssessment {
    open(text, None)
}

/// Opens an assessment file's text for import into `set`, as the widget does: a file with far
/// more answers than the set has indicators is refused with `too-many`, a list or object
/// longer than the set could need while it is parsed (see [`Assessment::from_json_for`]).
pub fn open_assessment_for(text: &str, set: &crate::IndicatorSet) -> OpenedAssessment {
    open(text, Some(set.indicators().count()))
}

fn open(text: &str, indicators: Option<usize>) -> OpenedAssessment {
    let v = match Json::parse_limited(text, crate::validate::max_items(indicators)) {
        Ok(v) => v,
        Err(e) => {
            return OpenedAssessment {
                integrity: Integrity::Unchecked,
                assessment: None,
                problems: vec![crate::syntax_problem(&e)],
            };
        }
    };
    let opened = open_owned(v);
    let body = member(opened.content, "assessment").unwrap_or_else(|c| c);
    let parsed = match indicators {
        Some(n) => Assessment::read_for_count(&body, n),
        None => Assessment::from_json(&body),
    };
    let mut problems: Vec<Problem> = opened.problem.into_iter().collect();
    problems.extend(parsed.problems);
    OpenedAssessment {
        integrity: opened.integrity,
        assessment: parsed.value,
        problems,
    }
}
