//! Builds the corpus's large documents at test time (`"generate": {...}` in cases.json), so
//! that megabytes of JSON are not committed. Shared, through `#[path]`, by the native test
//! (tests/hostile.rs) and the browser one (tests/hostile_web.rs): the same spec gives the
//! same text byte for byte on both, so both must find the same problems.
//!
//! Specs: `{"set": "padded", "indicators": N, "bytes": B}` (a valid set of about B bytes,
//! padded with guidance text), `{"set": "indicators", "count": N, "per_group": G}`,
//! `{"set": "options", "count": N}`, `{"set": "tags", "count": N}` (two distinct tags per
//! indicator), `{"set": "bad-ids", "count": N}`, `{"set": "long-title", "bytes": B}`,
//! `{"assessment": "answers", "count": N}` (answers to unknown indicators),
//! `{"assessment": "duplicate-keys", "count": N}`, `{"assessment": "long-notes", "bytes": B}`.

use std::fmt::Write as _;

use swanilai::Json;

/// The set header shared by every generated set (the corpus's base scale and predicates).
fn set_text(title: &str, groups: &str) -> String {
    format!(
        r#"{{"id":"uji-besar","version":"1","title":"{title}","scale":{{"min":0,"max":5,"decimals":2}},"predicates":[{{"min":0,"max":2.5,"label":"Kurang"}},{{"min":2.5,"max":4,"label":"Baik"}},{{"min":4,"max":5,"label":"Sangat Baik"}}],"groups":[{groups}]}}"#
    )
}

/// Groups of at most `per_group` indicators, each written by `ind(k)`.
fn groups(count: usize, per_group: usize, ind: &dyn Fn(usize, &mut String)) -> String {
    let mut out = String::new();
    let mut k = 0;
    let mut g = 0;
    while k < count {
        if g > 0 {
            out.push(',');
        }
        let _ = write!(
            out,
            r#"{{"id":"g{g}","title":"Kelompok {g}","indicators":["#
        );
        let end = (k + per_group).min(count);
        for i in k..end {
            if i > k {
                out.push(',');
            }
            ind(i, &mut out);
        }
        out.push_str("]}");
        k = end;
        g += 1;
    }
    out
}

/// Text of exactly `bytes` bytes (ASCII), words of Indonesian guidance repeated.
fn filler(bytes: usize) -> String {
    const WORDS: &str = "Penilaian dilakukan berdasarkan dokumen resmi yang berlaku. ";
    let mut s = WORDS.repeat(bytes / WORDS.len() + 1);
    s.truncate(bytes);
    s
}

fn num(spec: &Json, key: &str) -> usize {
    match spec.get(key) {
        Some(Json::Number(n)) => *n as usize,
        _ => panic!("generate spec needs a number `{key}`"),
    }
}

/// The document a `generate` spec describes.
///
/// # Panics
/// On an unknown spec (a mistake in cases.json).
pub fn generate(spec: &Json) -> String {
    let kind = |k: &str| spec.get(k).and_then(Json::as_str);
    match (kind("set"), kind("assessment")) {
        (Some("padded"), _) => {
            let n = num(spec, "indicators");
            let target = num(spec, "bytes");
            let skeleton = set_text("Set besar", &groups(n, 100, &|i, o| indicator(i, "", o)));
            let per = target.saturating_sub(skeleton.len()) / n;
            let help = filler(per);
            let text = set_text("Set besar", &groups(n, 100, &|i, o| indicator(i, &help, o)));
            debug_assert!(text.len() <= target && text.len() + n >= target);
            text
        }
        (Some("indicators"), _) => {
            let n = num(spec, "count");
            let per = spec
                .get("per_group")
                .map_or(1000, |_| num(spec, "per_group"));
            set_text(
                "Banyak indikator",
                &groups(n, per, &|i, o| {
                    let _ = write!(
                        o,
                        r#"{{"id":"i{i}","title":"I {i}","answer":{{"kind":"score"}}}}"#
                    );
                }),
            )
        }
        (Some("options"), _) => {
            let n = num(spec, "count");
            let mut opts = String::new();
            for k in 0..n {
                if k > 0 {
                    opts.push(',');
                }
                let _ = write!(
                    opts,
                    r#"{{"id":"o{k}","label":"Pilihan {k}","score":{}}}"#,
                    k % 6
                );
            }
            set_text(
                "Banyak pilihan",
                &format!(
                    r#"{{"id":"g","title":"G","indicators":[{{"id":"pilih","title":"Pilih","answer":{{"kind":"choice","options":[{opts}]}}}}]}}"#
                ),
            )
        }
        (Some("tags"), _) => {
            let n = num(spec, "count");
            set_text(
                "Banyak tag",
                &groups(n, 100, &|i, o| {
                    let _ = write!(
                        o,
                        r#"{{"id":"i{i}","title":"I","tags":["t{i}","u{i}"],"answer":{{"kind":"yes_no"}}}}"#
                    );
                }),
            )
        }
        (Some("bad-ids"), _) => {
            let n = num(spec, "count");
            set_text(
                "Id rusak",
                &groups(n, n, &|i, o| {
                    let _ = write!(
                        o,
                        r#"{{"id":"id rusak {i}","title":"I","answer":{{"kind":"score"}}}}"#
                    );
                }),
            )
        }
        (Some("long-title"), _) => set_text(
            &filler(num(spec, "bytes")),
            &groups(3, 3, &|i, o| indicator(i, "", o)),
        ),
        (_, Some("answers")) => {
            let n = num(spec, "count");
            let mut s = String::from(r#"{"setId":"uji-tahan","setVersion":"1","answers":{"#);
            for k in 0..n {
                if k > 0 {
                    s.push(',');
                }
                let _ = write!(s, r#""a{k}":{}"#, k % 5 + 1);
            }
            s.push_str("}}");
            s
        }
        (_, Some("duplicate-keys")) => {
            let n = num(spec, "count");
            let mut s = String::from(r#"{"setId":"uji-tahan","setVersion":"1","answers":{"#);
            for k in 0..n {
                if k > 0 {
                    s.push(',');
                }
                let _ = write!(s, r#""tk-01":{}"#, k % 5 + 1);
            }
            s.push_str("}}");
            s
        }
        (_, Some("long-notes")) => format!(
            r#"{{"setId":"uji-tahan","setVersion":"1","answers":{{"tk-01":{{"value":3,"notes":"{}"}}}}}}"#,
            filler(num(spec, "bytes"))
        ),
        _ => panic!("unknown generate spec"),
    }
}

/// A level indicator with optional guidance.
fn indicator(i: usize, help: &str, o: &mut String) {
    let _ = write!(
        o,
        r#"{{"id":"i{i}","title":"Indikator {i}","help":"{help}","tags":["t{}"],"answer":{{"kind":"level","levels":[{{"label":"1"}},{{"label":"2"}},{{"label":"3"}},{{"label":"4"}},{{"label":"5"}}]}}}}"#,
        i % 6
    );
}
