//! The built-in indicator sets.
//!
//! The data files live in `sets/`. Native builds (the CLI, Rust users) compile
//! them in; the WebAssembly build does not, so that a portal only downloads
//! the one set it shows: the npm package ships them as `sets/<id>.json`.

/// A built-in set's id and titles, available on every target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct BuiltinInfo {
    /// The set id.
    pub id: &'static str,
    /// Title in Indonesian.
    #[serde(rename = "titleId")]
    pub title_id: &'static str,
    /// Title in English.
    #[serde(rename = "titleEn")]
    pub title_en: &'static str,
}

/// Every built-in set, in the order they are offered. The titles are the sets' own (a test checks).
pub const BUILTINS: [BuiltinInfo; 4] = [
    BuiltinInfo {
        id: "gm100sc-kesiapan",
        title_id: "Cek Kesiapan Gerakan Menuju 100 Smart City",
        title_en: "Gerakan Menuju 100 Smart City Readiness Check",
    },
    BuiltinInfo {
        id: "pemdi-2026",
        title_id: "Evaluasi Kinerja Pemdi (PermenPANRB 8/2026)",
        title_en: "Digital government performance evaluation (PermenPANRB 8/2026)",
    },
    BuiltinInfo {
        id: "smart-city-evaluasi",
        title_id: "Evaluasi Implementasi Smart City",
        title_en: "Smart City Implementation Evaluation",
    },
    BuiltinInfo {
        id: "spbe-2020",
        title_id: "Evaluasi SPBE (PermenPANRB 59/2020)",
        title_en: "SPBE evaluation (PermenPANRB 59/2020)",
    },
];

/// The JSON text of a built-in set (native builds only).
///
/// ```
/// assert!(swanilai::builtin::json("spbe-2020").unwrap().contains("Rintisan"));
/// assert!(swanilai::builtin::json("nope").is_none());
/// ```
#[cfg(not(target_arch = "wasm32"))]
pub fn json(id: &str) -> Option<&'static str> {
    match id {
        "gm100sc-kesiapan" => Some(include_str!("../sets/gm100sc-kesiapan.json")),
        "pemdi-2026" => Some(include_str!("../sets/pemdi-2026.json")),
        "smart-city-evaluasi" => Some(include_str!("../sets/smart-city-evaluasi.json")),
        "spbe-2020" => Some(include_str!("../sets/spbe-2020.json")),
        _ => None,
    }
}

/// A built-in set, parsed (native builds only). A test proves every built-in set is valid.
///
/// ```
/// let set = swanilai::builtin::get("spbe-2020").unwrap();
/// assert_eq!(set.indicators().count(), 47);
/// ```
#[cfg(not(target_arch = "wasm32"))]
pub fn get(id: &str) -> Option<crate::IndicatorSet> {
    crate::IndicatorSet::from_json_str(json(id)?).value
}
