//! The built-in sets: each is valid without a single warning, follows the official
//! framework it names (docs: /work/shared/reference/official-indicators.md, summarised in
//! each set's `source`), and reproduces the hand-computed examples in `tests/builtin/`.

// Native only: the built-in sets are compiled in for native builds only.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use swanilai::{
    AnswerKind, Assessment, Group, IndicatorSet, Scorer, UnansweredPolicy, builtin, round_half_away,
};

fn set(id: &str) -> IndicatorSet {
    let parsed = IndicatorSet::from_json_str(builtin::json(id).expect("built in"));
    assert!(
        parsed.problems.is_empty(),
        "{id} has problems: {:?}",
        parsed.problems
    );
    parsed.value.expect("a set without problems is usable")
}

fn all_groups(groups: &[Group]) -> Vec<&Group> {
    let mut out = Vec::new();
    for g in groups {
        out.push(g);
        out.extend(all_groups(&g.children));
    }
    out
}

#[test]
fn every_builtin_set_is_valid_without_warnings() {
    for info in builtin::BUILTINS {
        let s = set(info.id);
        assert_eq!(s.id, info.id);
        assert!(!s.source.trim().is_empty(), "{} says what it follows", s.id);
        assert!(!s.version.trim().is_empty());
        assert!(s.indicators().count() > 0);
    }
}

#[test]
fn builtin_list_agrees_with_the_sets() {
    for info in builtin::BUILTINS {
        let s = set(info.id);
        assert_eq!(info.title_id, s.title.id, "{}", info.id);
        assert_eq!(Some(info.title_en), s.title.en.as_deref(), "{}", info.id);
    }
    assert!(builtin::json("no-such-set").is_none());
}

#[test]
fn builtin_sets_round_trip_through_their_json() {
    for info in builtin::BUILTINS {
        let s = set(info.id);
        let back = IndicatorSet::from_json_str(&serde_json::to_string(&s).expect("serializes"));
        assert!(back.problems.is_empty(), "{:?}", back.problems);
        assert_eq!(back.value.as_ref(), Some(&s), "{}", info.id);
    }
}

// ------------------------------------------------------------------ SPBE 2020

/// An aspect: its first and last indicator number and the weight of each indicator.
type Aspect = (usize, usize, f64);

/// Reference, section 5: each domain's weight and aspects.
const SPBE: [(f64, &[Aspect]); 4] = [
    (13.0, &[(1, 10, 1.3)]),
    (25.0, &[(11, 14, 2.5), (15, 18, 2.5), (19, 20, 2.5)]),
    (16.5, &[(21, 28, 1.5), (29, 31, 1.5)]),
    (45.5, &[(32, 41, 2.75), (42, 47, 3.0)]),
];

/// Reference, section 5: indicator names (each title is "Tingkat Kematangan" + the name).
const SPBE_NAMES: [&str; 47] = [
    "Kebijakan Internal Arsitektur SPBE",
    "Kebijakan Internal Peta Rencana SPBE",
    "Kebijakan Internal Manajemen Data",
    "Kebijakan Internal Pembangunan Aplikasi SPBE",
    "Kebijakan Internal Layanan Pusat Data",
    "Kebijakan Internal Layanan Jaringan Intra",
    "Kebijakan Internal Penggunaan Sistem Penghubung Layanan",
    "Kebijakan Internal Manajemen Keamanan Informasi",
    "Kebijakan Internal Audit TIK",
    "Kebijakan Internal Tim Koordinasi SPBE",
    "Arsitektur SPBE",
    "Peta Rencana SPBE",
    "Keterpaduan Rencana dan Anggaran SPBE",
    "Inovasi Proses Bisnis SPBE",
    "Pembangunan Aplikasi SPBE",
    "Layanan Pusat Data",
    "Layanan Jaringan Intra",
    "Penggunaan Sistem Penghubung Layanan",
    "Tim Koordinasi SPBE",
    "Kolaborasi Penerapan SPBE",
    "Manajemen Risiko SPBE",
    "Manajemen Keamanan Informasi",
    "Manajemen Data",
    "Manajemen Aset TIK",
    "Kompetensi Sumber Daya Manusia",
    "Manajemen Pengetahuan",
    "Manajemen Perubahan",
    "Manajemen Layanan SPBE",
    "Audit Infrastruktur SPBE",
    "Audit Aplikasi SPBE",
    "Audit Keamanan SPBE",
    "Layanan Perencanaan",
    "Layanan Penganggaran",
    "Layanan Keuangan",
    "Layanan Pengadaan Barang dan Jasa",
    "Layanan Kepegawaian",
    "Layanan Kearsipan Dinamis",
    "Layanan Pengelolaan Barang Milik Negara/Daerah",
    "Layanan Pengawasan Internal Pemerintah",
    "Layanan Akuntabilitas Kinerja Organisasi",
    "Layanan Kinerja Pegawai",
    "Layanan Pengaduan Pelayanan Publik",
    "Layanan Data Terbuka",
    "Layanan Jaringan Dokumentasi dan Informasi Hukum (JDIH)",
    "Layanan Publik Sektor 1",
    "Layanan Publik Sektor 2",
    "Layanan Publik Sektor 3",
];

#[test]
fn spbe_2020_structure_follows_the_regulation() {
    let s = set("spbe-2020");
    assert_eq!((s.scale.min, s.scale.max, s.scale.decimals), (0.0, 5.0, 2));
    assert_eq!(s.unanswered, UnansweredPolicy::Zero);
    assert_eq!(s.indicators().count(), 47);
    assert_eq!(s.groups.len(), 4, "four domains");
    let aspects: usize = s.groups.iter().map(|d| d.children.len()).sum();
    assert_eq!(aspects, 8, "eight aspects");

    for (d, (domain, (weight, aspects))) in s.groups.iter().zip(SPBE).enumerate() {
        assert_eq!(domain.weight, weight, "domain {}", d + 1);
        assert!(domain.indicators.is_empty(), "indicators sit in aspects");
        assert_eq!(domain.children.len(), aspects.len(), "domain {}", d + 1);
        for (aspect, &(first, last, w)) in domain.children.iter().zip(aspects) {
            let ids: Vec<&str> = aspect.indicators.iter().map(|i| i.id.as_str()).collect();
            let want: Vec<String> = (first..=last).map(|n| format!("spbe-{n:02}")).collect();
            assert_eq!(ids, want, "aspect {}", aspect.id);
            assert!(
                aspect.indicators.iter().all(|i| i.weight == w),
                "{}",
                aspect.id
            );
            // An aspect weighs the sum of its indicators, so the tree's weighted means
            // equal the regulation's flat index sum(weight x level) / 100.
            let sum: f64 = aspect.indicators.iter().map(|i| i.weight).sum();
            assert!((aspect.weight - sum).abs() < 1e-9, "{}", aspect.id);
        }
    }
    let total: f64 = s.indicators().map(|i| i.weight).sum();
    assert!(
        (total - 100.0).abs() < 1e-9,
        "weights sum to 100, got {total}"
    );
    let eff = Scorer::new(&s).effective_weights().to_vec();
    for (ind, e) in s.indicators().zip(eff) {
        assert!((e - ind.weight / 100.0).abs() < 1e-12, "{}", ind.id);
    }
}

#[test]
fn spbe_2020_indicators_are_five_named_levels() {
    let s = set("spbe-2020");
    let levels = [
        "Rintisan",
        "Terkelola",
        "Terdefinisi",
        "Terpadu dan Terukur",
        "Optimum",
    ];
    for (ind, name) in s.indicators().zip(SPBE_NAMES) {
        assert_eq!(ind.title.id, format!("Tingkat Kematangan {name}"));
        let AnswerKind::Level { levels: ls } = &ind.answer else {
            panic!("{} is not a level indicator", ind.id)
        };
        let labels: Vec<&str> = ls.iter().map(|l| l.label.id.as_str()).collect();
        assert_eq!(labels, levels, "{}", ind.id);
        // Level n scores n: the regulation multiplies weight by level.
        assert!(
            ls.iter()
                .enumerate()
                .all(|(n, l)| l.score.is_none_or(|s| s == (n + 1) as f64))
        );
    }
}

#[test]
fn spbe_2020_predicates_are_the_regulations() {
    let s = set("spbe-2020");
    let got: Vec<(f64, f64, &str)> = s
        .predicates
        .iter()
        .map(|p| (p.min, p.max, p.label.id.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (0.0, 1.8, "Kurang"),
            (1.8, 2.6, "Cukup"),
            (2.6, 3.5, "Baik"),
            (3.5, 4.2, "Sangat Baik"),
            (4.2, 5.0, "Memuaskan"),
        ]
    );
}

// ------------------------------------------------------------------ smart city evaluation

const PILLARS: [&str; 6] = [
    "governance",
    "branding",
    "economy",
    "living",
    "society",
    "environment",
];

#[test]
fn smart_city_evaluation_has_five_weighted_dimensions_and_six_pillars() {
    let s = set("smart-city-evaluasi");
    let dims: Vec<(&str, f64)> = s.groups.iter().map(|g| (g.id.as_str(), g.weight)).collect();
    assert_eq!(
        dims,
        [
            ("baseline", 10.0),
            ("output", 20.0),
            ("outcome", 30.0),
            ("impact", 20.0),
            ("quick-win", 20.0),
        ]
    );
    let report = Scorer::new(&s).score(&Assessment::new(&s.id, &s.version));
    let tags: Vec<&str> = report.tags.iter().map(|t| t.tag.as_str()).collect();
    for p in PILLARS {
        assert!(tags.contains(&p), "pillar tag {p} missing from {tags:?}");
    }
    // Every outcome sub-group is one pillar.
    let outcome = &s.groups[2];
    assert_eq!(outcome.children.len(), 6);
    for g in &outcome.children {
        let pillars: std::collections::BTreeSet<&str> = g
            .indicators
            .iter()
            .flat_map(|i| i.tags.iter().map(String::as_str))
            .collect();
        assert_eq!(pillars.len(), 1, "{} spans {pillars:?}", g.id);
    }
}

// ------------------------------------------------------------------ GM100SC readiness

#[test]
fn gm100sc_readiness_is_nine_by_three_with_equal_weights() {
    let s = set("gm100sc-kesiapan");
    let top: Vec<&str> = s.groups.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(
        top,
        [
            "struktur",
            "infrastruktur",
            "suprastruktur",
            "governance",
            "branding",
            "economy",
            "living",
            "society",
            "environment",
        ]
    );
    for g in &s.groups {
        assert_eq!(g.children.len(), 3, "{} has three sub-groups", g.id);
        assert!(g.indicators.is_empty(), "{}", g.id);
        for leaf in &g.children {
            assert!(leaf.children.is_empty(), "{}", leaf.id);
            let n = leaf.indicators.len();
            assert!((2..=4).contains(&n), "{} holds {n} indicators", leaf.id);
        }
    }
    // No official weights were published: all equal by default.
    assert!(all_groups(&s.groups).iter().all(|g| g.weight == 1.0));
    assert!(s.indicators().all(|i| i.weight == 1.0));
    assert!(
        s.source.contains("equal"),
        "the source says weights are equal by default"
    );
}

// ------------------------------------------------------------------ hand-computed examples

#[derive(Debug)]
struct Expected {
    overall: f64,
    predicate: String,
    groups: BTreeMap<String, f64>,
    tags: BTreeMap<String, f64>,
}

fn example(id: &str) -> (Assessment, Expected) {
    let path = format!(
        "{}/tests/builtin/{id}.example.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect("example exists");
    let v: serde_json::Value = serde_json::from_str(&text).expect("example is JSON");
    let parsed = Assessment::from_json_str(&v["assessment"].to_string());
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    let map = |key: &str| -> BTreeMap<String, f64> {
        v["expected"][key]
            .as_object()
            .map(|o| {
                o.iter()
                    .map(|(k, x)| (k.clone(), x.as_f64().expect("a number")))
                    .collect()
            })
            .unwrap_or_default()
    };
    let e = Expected {
        overall: v["expected"]["overall"].as_f64().expect("overall"),
        predicate: v["expected"]["predicate"]
            .as_str()
            .expect("predicate")
            .into(),
        groups: map("groups"),
        tags: map("tags"),
    };
    (parsed.value.expect("an assessment"), e)
}

fn check_example(id: &str) {
    let s = set(id);
    let (a, e) = example(id);
    let r = Scorer::new(&s).score(&a);
    assert!(
        !swanilai::has_errors(&r.problems),
        "{id}: the example has errors: {:?}",
        r.problems
    );
    assert_eq!(r.overall.shown, Some(e.overall), "{id} overall");
    assert_eq!(
        r.overall.predicate.as_ref().map(|p| p.label.id.as_str()),
        Some(e.predicate.as_str()),
        "{id} predicate"
    );
    assert!(!e.groups.is_empty());
    for (g, want) in &e.groups {
        let got = r.groups.iter().find(|x| &x.id == g).expect("group exists");
        assert_eq!(got.score.shown, Some(*want), "{id} group {g}");
    }
    for (t, want) in &e.tags {
        let got = r.tags.iter().find(|x| &x.tag == t).expect("tag exists");
        assert_eq!(got.score.shown, Some(*want), "{id} tag {t}");
    }
    // Shown values are the exact ones rounded.
    let v = r.overall.value.expect("scored");
    assert_eq!(round_half_away(v, s.scale.decimals), e.overall);
}

#[test]
fn spbe_2020_example_reproduces_the_hand_computation() {
    // 2.595 exactly: shows 2.60 and is Baik although the raw value is below 2.6.
    check_example("spbe-2020");
}

#[test]
fn smart_city_evaluation_example_reproduces_the_hand_computation() {
    check_example("smart-city-evaluasi");
}

#[test]
fn gm100sc_readiness_example_reproduces_the_hand_computation() {
    check_example("gm100sc-kesiapan");
}
