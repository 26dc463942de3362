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

/// The SHA-256 of a text, as lowercase hex.
///
/// A compact implementation (FIPS 180-4): exports are small and hashed once, so a few
/// hundred bytes of code beat an unrolled library in the browser download.
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
    sha256(text.as_bytes())
        .iter()
        .fold(String::with_capacity(64), |mut s, b| {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            s.push(HEX[usize::from(b >> 4)] as char);
            s.push(HEX[usize::from(b & 15)] as char);
            s
        })
}

const K: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

fn sha256(data: &[u8]) -> [u8; 32] {
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut msg = data.to_vec();
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    for block in msg.chunks_exact(64) {
        let mut w = [0u32; 64];
        for (i, word) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let mut v = h;
        for i in 0..64 {
            let s1 = v[4].rotate_right(6) ^ v[4].rotate_right(11) ^ v[4].rotate_right(25);
            let ch = (v[4] & v[5]) ^ (!v[4] & v[6]);
            let t1 = v[7]
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = v[0].rotate_right(2) ^ v[0].rotate_right(13) ^ v[0].rotate_right(22);
            let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            let t2 = s0.wrapping_add(maj);
            v = [
                t1.wrapping_add(t2),
                v[0],
                v[1],
                v[2],
                v[3].wrapping_add(t1),
                v[4],
                v[5],
                v[6],
            ];
        }
        for (x, y) in h.iter_mut().zip(v) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 32];
    for (i, x) in h.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&x.to_be_bytes());
    }
    out
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

/// Opens an assessment file's text, as the widget's import and `openExport` do. The
/// assessment is not checked against a set here: see [`crate::validate_assessment`].
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
    let v = match Json::parse(text) {
        Ok(v) => v,
        Err(e) => {
            return OpenedAssessment {
                integrity: Integrity::Unchecked,
                assessment: None,
                problems: vec![crate::syntax_problem(&e)],
            };
        }
    };
    let opened = open_export(&v);
    let body = opened
        .content
        .get("assessment")
        .cloned()
        .unwrap_or(opened.content);
    let parsed = Assessment::from_json(&body);
    let mut problems: Vec<Problem> = opened.problem.into_iter().collect();
    problems.extend(parsed.problems);
    OpenedAssessment {
        integrity: opened.integrity,
        assessment: parsed.value,
        problems,
    }
}
