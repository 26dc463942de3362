//! A small JSON value and parser, the same natively and in the browser.
//!
//! The engine reads sets and assessments from [`Json`] rather than straight
//! into typed structs, so that it can report *every* problem with its path
//! (serde stops at the first). The parser keeps object keys in order, keeps
//! duplicate keys so they can be reported, strips a leading byte-order mark,
//! refuses nesting deeper than [`MAX_DEPTH`] and says where a syntax error is.

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq};

use serde::{Deserialize, Serialize, Serializer};

use crate::problem::Code;

mod ser;

pub use ser::{Collect, ToJsonError, to_json};

/// The deepest nesting of arrays and objects accepted.
pub const MAX_DEPTH: usize = 64;

/// The largest JSON text accepted, in bytes (16 MiB).
pub const MAX_BYTES: usize = 16 * 1024 * 1024;

/// A parsed JSON value. Objects keep their keys in document order, duplicates included.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `null` (and, from JavaScript, `undefined`).
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number. From JavaScript it may be NaN or infinite; the readers reject those.
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object, as key-value pairs in document order.
    Object(Vec<(String, Json)>),
}

/// Why a JSON text could not be parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// 1-based line of the problem.
    pub line: usize,
    /// 1-based column (in characters) of the problem.
    pub column: usize,
    /// What is wrong, in English.
    pub reason: String,
    /// The same in Indonesian.
    pub reason_id: String,
    /// `json-syntax`, or `too-large` / `too-deep` when the text broke a limit
    /// ([`MAX_BYTES`], [`MAX_DEPTH`]) rather than the grammar.
    pub code: Code,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {} column {}: {}",
            self.line, self.column, self.reason
        )
    }
}

impl std::error::Error for SyntaxError {}

impl Json {
    /// Parses JSON text.
    ///
    /// # Errors
    /// A [`SyntaxError`] with the line and column of the first problem, when the
    /// text is not JSON, is larger than [`MAX_BYTES`] or nests deeper than [`MAX_DEPTH`].
    ///
    /// # Example
    /// ```
    /// use swanilai::Json;
    /// let v = Json::parse("\u{feff}{\"a\": [1, 2.5e1, true]}").unwrap();
    /// assert_eq!(v.get("a").and_then(|a| a.as_array()).map(|a| a.len()), Some(3));
    /// let err = Json::parse("{\"a\": tru}").unwrap_err();
    /// assert_eq!((err.line, err.column), (1, 7));
    /// ```
    pub fn parse(text: &str) -> Result<Json, SyntaxError> {
        Json::parse_limited(text, usize::MAX)
    }

    /// Parses JSON text that may hold at most `max_items` members in any one object or array:
    /// a longer one is refused (code `too-many`) as soon as it is found, before the rest of
    /// it is built.
    ///
    /// # Errors
    /// As [`Json::parse`], and `too-many` at the member past the limit.
    ///
    /// ```
    /// use swanilai::Json;
    /// assert!(Json::parse_limited(r#"{"a": [1, 2]}"#, 2).is_ok());
    /// let e = Json::parse_limited(r#"{"a": [1, 2, 3]}"#, 2).unwrap_err();
    /// assert_eq!((e.code.as_str(), e.column), ("too-many", 14));
    /// ```
    pub fn parse_limited(text: &str, max_items: usize) -> Result<Json, SyntaxError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut p = Parser {
            s: text.as_bytes(),
            i: 0,
            text,
            max_items,
        };
        if text.len() > MAX_BYTES {
            return Err(p.limit_error(
                Code::TooLarge,
                &format!(
                    "the text is {} bytes, more than the limit of {MAX_BYTES}",
                    text.len()
                ),
                &format!(
                    "teks berukuran {} bita, melebihi batas {MAX_BYTES}",
                    text.len()
                ),
            ));
        }
        p.ws();
        let v = p.value(0)?;
        p.ws();
        if p.i < p.s.len() {
            return Err(p.error(
                "unexpected text after the end of the value",
                "ada teks tak terduga setelah akhir nilai",
            ));
        }
        Ok(v)
    }

    /// The value of the first `key` in an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(pairs) => pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string inside, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// The items, if this is an array.
    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(a) => Some(a),
            _ => None,
        }
    }

    /// The JSON type's name, for messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "boolean",
            Json::Number(_) => "number",
            Json::String(_) => "string",
            Json::Array(_) => "array",
            Json::Object(_) => "object",
        }
    }
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    text: &'a str,
    /// The most members of one object or array.
    max_items: usize,
}

impl Parser<'_> {
    fn error(&self, en: &str, id: &str) -> SyntaxError {
        let upto = self
            .text
            .get(..floor_char_boundary(self.text, self.i))
            .unwrap_or_default();
        let line = upto.bytes().filter(|&b| b == b'\n').count() + 1;
        let column = upto.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        SyntaxError {
            line,
            column,
            reason: en.to_string(),
            reason_id: id.to_string(),
            code: Code::JsonSyntax,
        }
    }

    fn limit_error(&self, code: Code, en: &str, id: &str) -> SyntaxError {
        SyntaxError {
            code,
            ..self.error(en, id)
        }
    }

    /// Refuses a container about to take member number `count + 1` past the limit.
    fn room(&self, count: usize) -> Result<(), SyntaxError> {
        if count < self.max_items {
            return Ok(());
        }
        let n = self.max_items;
        Err(self.limit_error(
            Code::TooMany,
            &format!("more than {n} items in one list or object"),
            &format!("lebih dari {n} butir dalam satu daftar atau objek"),
        ))
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.s.get(self.i) {
            self.i += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, SyntaxError> {
        match self.s.get(self.i) {
            None => Err(self.error("unexpected end of text", "teks berakhir sebelum waktunya")),
            Some(b'{') | Some(b'[') if depth >= MAX_DEPTH => Err(self.limit_error(
                Code::TooDeep,
                &format!("nesting deeper than {MAX_DEPTH} levels"),
                &format!("susunan bersarang lebih dari {MAX_DEPTH} tingkat"),
            )),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.word("true", Json::Bool(true)),
            Some(b'f') => self.word("false", Json::Bool(false)),
            Some(b'n') => self.word("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected a value", "diharapkan sebuah nilai")),
        }
    }

    fn word(&mut self, w: &str, v: Json) -> Result<Json, SyntaxError> {
        if self.s[self.i..].starts_with(w.as_bytes()) {
            self.i += w.len();
            Ok(v)
        } else {
            Err(self.error(&format!("expected `{w}`"), &format!("diharapkan `{w}`")))
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while self.s.get(self.i).is_some_and(u8::is_ascii_digit) {
            self.i += 1;
        }
        self.i - start
    }

    fn number(&mut self) -> Result<Json, SyntaxError> {
        let start = self.i;
        let bad = |p: &Self| Err(p.error("malformed number", "angka tidak sah"));
        if self.s[self.i] == b'-' {
            self.i += 1;
        }
        match self.s.get(self.i) {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return bad(self),
        }
        if self.s.get(self.i) == Some(&b'.') {
            self.i += 1;
            if self.digits() == 0 {
                return bad(self);
            }
        }
        if let Some(b'e' | b'E') = self.s.get(self.i) {
            self.i += 1;
            if let Some(b'+' | b'-') = self.s.get(self.i) {
                self.i += 1;
            }
            if self.digits() == 0 {
                return bad(self);
            }
        }
        let Some(n) = crate::num::parse(self.text.get(start..self.i).unwrap_or_default()) else {
            return bad(self);
        };
        if !n.is_finite() {
            self.i = start;
            return Err(self.error(
                "number too large to represent",
                "angka terlalu besar untuk disimpan",
            ));
        }
        Ok(Json::Number(n))
    }

    /// The four hex digits at `at`, if they are four hex digits (`from_str_radix` alone would
    /// also take a sign: `\u+041`).
    fn hex_at(&self, at: usize) -> Option<u32> {
        self.s
            .get(at..at + 4)
            .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u32::from_str_radix(h, 16).ok())
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        match self.hex_at(self.i) {
            Some(v) => {
                self.i += 4;
                Ok(v)
            }
            None => Err(self.error("malformed \\u escape", "escape \\u tidak sah")),
        }
    }

    /// After a high surrogate `hi`, consumes a following `\uDC00`-`\uDFFF` escape and returns
    /// it. Anything else is left for the next round: `"\ud800\u0041"` is U+FFFD then `A`
    /// (the `A` was once swallowed with the lone surrogate).
    fn low_surrogate_after(&mut self, hi: u32) -> Option<u32> {
        if !(0xD800..0xDC00).contains(&hi) || !self.s[self.i..].starts_with(b"\\u") {
            return None;
        }
        let lo = self
            .hex_at(self.i + 2)
            .filter(|lo| (0xDC00..0xE000).contains(lo))?;
        self.i += 6;
        Some(lo)
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        self.i += 1; // opening quote
        let mut out = String::new();
        loop {
            let start = self.i;
            while let Some(&b) = self.s.get(self.i) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.i += 1;
            }
            // Stops only at ASCII bytes, so on character boundaries.
            out.push_str(self.text.get(start..self.i).unwrap_or_default());
            match self.s.get(self.i) {
                None => return Err(self.error("unterminated string", "string tidak ditutup")),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = match self.s.get(self.i) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.i += 1;
                            let hi = self.hex4()?;
                            let lo = self.low_surrogate_after(hi);
                            let code = match lo {
                                Some(lo) => 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00),
                                None => hi,
                            };
                            // Lone surrogates become U+FFFD rather than failing the whole file.
                            out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
                            continue;
                        }
                        _ => return Err(self.error("unknown escape", "escape tidak dikenal")),
                    };
                    self.i += 1;
                    out.push(c);
                }
                Some(_) => {
                    return Err(self.error(
                        "control character inside a string",
                        "karakter kendali di dalam string",
                    ));
                }
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, SyntaxError> {
        self.i += 1;
        let mut items = Vec::new();
        self.ws();
        if self.s.get(self.i) == Some(&b']') {
            self.i += 1;
            return Ok(Json::Array(items));
        }
        loop {
            self.ws();
            self.room(items.len())?;
            items.push(self.value(depth + 1)?);
            self.ws();
            match self.s.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(Json::Array(items));
                }
                _ => return Err(self.error("expected `,` or `]`", "diharapkan `,` atau `]`")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, SyntaxError> {
        self.i += 1;
        let mut pairs = Vec::new();
        self.ws();
        if self.s.get(self.i) == Some(&b'}') {
            self.i += 1;
            return Ok(Json::Object(pairs));
        }
        loop {
            self.ws();
            if self.s.get(self.i) != Some(&b'"') {
                return Err(self.error(
                    "expected a key in quotes",
                    "diharapkan kunci bertanda kutip",
                ));
            }
            self.room(pairs.len())?;
            let key = self.string()?;
            self.ws();
            if self.s.get(self.i) != Some(&b':') {
                return Err(self.error("expected `:`", "diharapkan `:`"));
            }
            self.i += 1;
            self.ws();
            let v = self.value(depth + 1)?;
            pairs.push((key, v));
            self.ws();
            match self.s.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(Json::Object(pairs));
                }
                _ => return Err(self.error("expected `,` or `}`", "diharapkan `,` atau `}`")),
            }
        }
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

// --- serde: a Json can be read from any self-describing format (JS values in the browser). ---

/// Why a value could not be read from a deserializer by [`read_from`], and where.
#[derive(Debug)]
pub struct ReadError<E> {
    /// The path of the value that could not be read (`groups[0].title`), `""` for the root.
    pub path: String,
    /// Whether it nested deeper than [`MAX_DEPTH`] (else the deserializer refused a value).
    pub too_deep: bool,
    /// The deserializer's error.
    pub error: E,
}

/// Where reading is: the path of the value being read, and whether nesting went too deep.
#[derive(Default)]
struct Trail {
    path: std::cell::RefCell<String>,
    too_deep: std::cell::Cell<bool>,
}

impl Trail {
    /// Appends a segment; returns the length to truncate back to once it is read.
    fn enter(&self, segment: fmt::Arguments<'_>) -> usize {
        let mut path = self.path.borrow_mut();
        let len = path.len();
        let _ = fmt::Write::write_fmt(&mut *path, segment);
        len
    }

    fn leave(&self, len: usize) {
        self.path.borrow_mut().truncate(len);
    }
}

/// Reads a [`Json`] from any self-describing deserializer (serde-wasm-bindgen's, in the
/// browser), refusing nesting deeper than [`MAX_DEPTH`]; on failure says at which path.
///
/// # Errors
/// A [`ReadError`] with the path of the value the deserializer refused, or of the array or
/// object nested too deep.
pub fn read_from<'de, D: Deserializer<'de>>(d: D) -> Result<Json, ReadError<D::Error>> {
    let trail = Trail::default();
    Seed {
        depth: 0,
        trail: &trail,
    }
    .deserialize(d)
    .map_err(|error| ReadError {
        path: trail.path.take(),
        too_deep: trail.too_deep.get(),
        error,
    })
}

struct Seed<'t> {
    depth: usize,
    trail: &'t Trail,
}

impl Seed<'_> {
    fn deeper(&self) -> Seed<'_> {
        Seed {
            depth: self.depth + 1,
            trail: self.trail,
        }
    }

    fn check_depth<E: serde::de::Error>(&self) -> Result<(), E> {
        if self.depth >= MAX_DEPTH {
            self.trail.too_deep.set(true);
            return Err(E::custom(format!("nesting deeper than {MAX_DEPTH} levels")));
        }
        Ok(())
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
        read_from(d).map_err(|e| e.error)
    }
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Json;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        self.deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Number(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Number(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
        Ok(Json::Number(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Json, E> {
        Ok(Json::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Json, E> {
        Ok(Json::String(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        self.check_depth()?;
        let mut items = Vec::new();
        loop {
            let len = self.trail.enter(format_args!("[{}]", items.len()));
            let Some(v) = seq.next_element_seed(self.deeper())? else {
                self.trail.leave(len);
                return Ok(Json::Array(items));
            };
            self.trail.leave(len);
            items.push(v);
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        self.check_depth()?;
        let mut pairs = Vec::new();
        while let Some(k) = map.next_key::<String>()? {
            let dot = if self.trail.path.borrow().is_empty() {
                ""
            } else {
                "."
            };
            let len = self.trail.enter(format_args!("{dot}{k}"));
            let v = map.next_value_seed(self.deeper())?;
            self.trail.leave(len);
            pairs.push((k, v));
        }
        Ok(Json::Object(pairs))
    }
}

impl Serialize for Json {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Null => s.serialize_unit(),
            Json::Bool(b) => s.serialize_bool(*b),
            Json::Number(n) => s.serialize_f64(*n),
            Json::String(v) => s.serialize_str(v),
            Json::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for it in items {
                    seq.serialize_element(it)?;
                }
                seq.end()
            }
            Json::Object(pairs) => {
                let mut map = s.serialize_map(Some(pairs.len()))?;
                for (k, v) in pairs {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_kind_of_value() {
        let v =
            Json::parse(r#" {"a":null,"b":[true,false],"c":-0.5e-3,"d":"x\"\u00e9\ud83d\ude00"} "#)
                .unwrap();
        assert_eq!(v.get("a"), Some(&Json::Null));
        assert_eq!(v.get("c"), Some(&Json::Number(-0.0005)));
        assert_eq!(v.get("d").and_then(Json::as_str), Some("x\"é😀"));
    }

    #[test]
    fn keeps_duplicate_keys_in_order() {
        let v = Json::parse(r#"{"a":1,"a":2}"#).unwrap();
        assert_eq!(
            v,
            Json::Object(vec![
                ("a".into(), Json::Number(1.0)),
                ("a".into(), Json::Number(2.0))
            ])
        );
    }

    #[test]
    fn lone_surrogates_become_replacement_characters_and_lose_nothing() {
        let s = |t: &str| Json::parse(t).unwrap().as_str().map(String::from);
        assert_eq!(s(r#""\ud800\u0041""#).as_deref(), Some("\u{FFFD}A"));
        assert_eq!(
            s(r#""\ud800\ud800\udc00""#).as_deref(),
            Some("\u{FFFD}\u{10000}")
        );
        assert_eq!(s(r#""\udc00x""#).as_deref(), Some("\u{FFFD}x"));
        assert_eq!(s(r#""\ud83d\ude00""#).as_deref(), Some("😀"));
        assert!(Json::parse(r#""\u+041""#).is_err());
        assert!(Json::parse(r#""\ud800\u+041""#).is_err());
    }

    #[test]
    fn reports_line_and_column() {
        let e = Json::parse("{\n  \"a\": 01\n}").unwrap_err();
        assert_eq!((e.line, e.column), (2, 9), "{e}");
        let e = Json::parse("[1,]").unwrap_err();
        assert_eq!((e.line, e.column), (1, 4));
        let e = Json::parse("\"é\u{1}\"").unwrap_err();
        assert_eq!((e.line, e.column), (1, 3));
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))] // serde_json is a native dev-dependency
    fn read_from_a_deserializer_says_where_it_failed() {
        let mut de = serde_json::Deserializer::from_str(r#"{"a": [1, {"b": tru}]}"#);
        let e = read_from(&mut de).unwrap_err();
        assert_eq!((e.path.as_str(), e.too_deep), ("a[1].b", false));
        let deep = format!(
            r#"{{"x": [{{"y": {}}}]}}"#,
            "[".repeat(70) + &"]".repeat(70)
        );
        let e = read_from(&mut serde_json::Deserializer::from_str(&deep)).unwrap_err();
        assert!(e.too_deep);
        assert_eq!(e.path, format!("x[0].y{}", "[0]".repeat(MAX_DEPTH - 3)));
        let ok = r#"{"a": [1, {"b": true}], "a": null}"#;
        assert_eq!(
            read_from(&mut serde_json::Deserializer::from_str(ok)).unwrap(),
            Json::parse(ok).unwrap()
        );
    }

    #[test]
    fn refuses_deep_nesting_and_huge_numbers() {
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        let e = Json::parse(&deep).unwrap_err();
        assert!(e.reason.contains("nesting"));
        assert_eq!((e.code, e.column), (Code::TooDeep, MAX_DEPTH + 1));
        let big = format!("\"{}\"", " ".repeat(MAX_BYTES));
        assert_eq!(Json::parse(&big).unwrap_err().code, Code::TooLarge);
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(Json::parse(&ok).is_ok());
        assert!(
            Json::parse("1e400")
                .unwrap_err()
                .reason
                .contains("too large")
        );
        assert!(Json::parse("NaN").is_err());
        assert!(Json::parse("-").is_err());
        assert!(Json::parse("1.").is_err());
        assert!(Json::parse("").is_err());
    }
}
