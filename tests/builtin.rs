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

/// A built-in set as plain JSON (for fields read by other parts of the engine).
fn raw(id: &str) -> serde_json::Value {
    serde_json::from_str(builtin::json(id).expect("built in")).expect("JSON")
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

/// Reference, sections 5 and 5a: official indicator names (each title is "Tingkat Kematangan"
/// + the name).
const SPBE_NAMES: [&str; 47] = [
    "Kebijakan Internal Arsitektur SPBE Instansi Pusat/Pemerintah Daerah",
    "Kebijakan Internal Peta Rencana SPBE Instansi Pusat/Pemerintah Daerah",
    "Kebijakan Internal Manajemen Data",
    "Kebijakan Internal Pembangunan Aplikasi SPBE",
    "Kebijakan Internal Layanan Pusat Data",
    "Kebijakan Internal Layanan Jaringan Intra Instansi Pusat/Pemerintah Daerah",
    "Kebijakan Internal Penggunaan Sistem Penghubung Layanan Instansi Pusat/Pemerintah Daerah",
    "Kebijakan Internal Manajemen Keamanan Informasi",
    "Kebijakan Internal Audit TIK",
    "Kebijakan Internal Tim Koordinasi SPBE Instansi Pusat/Pemerintah Daerah",
    "Arsitektur SPBE Instansi Pusat/Pemerintah Daerah",
    "Peta Rencana SPBE Instansi Pusat/Pemerintah Daerah",
    "Keterpaduan Rencana dan Anggaran SPBE",
    "Inovasi Proses Bisnis SPBE",
    "Pembangunan Aplikasi SPBE",
    "Layanan Pusat Data",
    "Layanan Jaringan Intra Instansi Pusat/Pemerintah Daerah",
    "Penggunaan Sistem Penghubung Layanan Instansi Pusat/Pemerintah Daerah",
    "Tim Koordinasi SPBE Instansi Pusat/Pemerintah Daerah",
    "Kolaborasi Penerapan SPBE",
    "Penerapan Manajemen Risiko SPBE",
    "Penerapan Manajemen Keamanan Informasi",
    "Penerapan Manajemen Data",
    "Penerapan Manajemen Aset TIK",
    "Penerapan Kompetensi Sumber Daya Manusia",
    "Penerapan Manajemen Pengetahuan",
    "Penerapan Manajemen Perubahan",
    "Penerapan Manajemen Layanan SPBE",
    "Pelaksanaan Audit Infrastruktur SPBE",
    "Pelaksanaan Audit Aplikasi SPBE",
    "Pelaksanaan Audit Keamanan SPBE",
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
    let capability = [
        "Rintisan",
        "Terkelola",
        "Terdefinisi",
        "Terpadu dan Terukur",
        "Optimum",
    ];
    // Reference 5a: the service indicators 32-47 name the service's technical capability.
    let service = [
        "Informasi",
        "Interaksi",
        "Transaksi",
        "Kolaborasi",
        "Optimum",
    ];
    for (n, (ind, name)) in s.indicators().zip(SPBE_NAMES).enumerate() {
        assert_eq!(ind.title.id, format!("Tingkat Kematangan {name}"));
        let AnswerKind::Level { levels: ls } = &ind.answer else {
            panic!("{} is not a level indicator", ind.id)
        };
        let labels: Vec<&str> = ls.iter().map(|l| l.label.id.as_str()).collect();
        let want = if n + 1 >= 32 { service } else { capability };
        assert_eq!(labels, want, "{}", ind.id);
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

#[test]
fn spbe_2020_says_it_was_revoked_and_speaks_its_own_words() {
    let s = set("spbe-2020");
    for needle in ["revoked", "8 Tahun 2026", "earlier years"] {
        assert!(s.source.contains(needle), "the source mentions {needle}");
    }
    let j = raw("spbe-2020");
    assert_eq!(j["terms"]["index"]["id"], "Indeks SPBE");
    assert_eq!(j["terms"]["group"]["id"], "Domain");
    assert_eq!(j["terms"]["evidence"]["id"], "Data dukung");
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
    use swanilai::masterplan::{Generated, Masterplan, Program, effective_set};
    let s = set("smart-city-evaluasi");
    let dims: Vec<(&str, f64, Option<Generated>)> = s
        .groups
        .iter()
        .map(|g| (g.id.as_str(), g.weight, g.generated))
        .collect();
    assert_eq!(
        dims,
        [
            ("baseline", 10.0, None),
            ("output", 20.0, None),
            ("outcome", 30.0, Some(Generated::Outcome)),
            ("impact", 20.0, Some(Generated::Impact)),
            ("quick-win", 20.0, Some(Generated::QuickWin)),
        ]
    );
    // Reference section 3: six pillars with three sub-dimensions each.
    let t = s.masterplan.as_ref().expect("built from the masterplan");
    let pillars: Vec<&str> = t.pillars.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(pillars, PILLARS);
    assert!(t.pillars.iter().all(|p| p.subdimensions.len() == 3));
    // The fixed dimensions carry no pillar: the pillar index is the generated indicators'.
    assert!(s.indicators().all(|i| i.tags.is_empty()));
    // One surveyed program per pillar: every pillar gets its index, every generated
    // sub-group holds one pillar.
    let mut a = Assessment::new(&s.id, &s.version);
    let programs = t
        .pillars
        .iter()
        .map(|p| {
            let mut prog = Program::new(&format!("p-{}", p.id), &p.id, &p.subdimensions[0].id, "X");
            prog.survey = true;
            prog.quick_win = true;
            prog
        })
        .collect();
    a.masterplan = Some(Masterplan {
        document: String::new(),
        programs,
    });
    let expanded = effective_set(&s, &a);
    let report = Scorer::new(&s).score(&a);
    let tags: Vec<&str> = report.tags.iter().map(|t| t.tag.as_str()).collect();
    assert_eq!(tags, PILLARS);
    for g in &expanded.groups[2..] {
        assert_eq!(g.children.len(), 6, "{}", g.id);
        for c in &g.children {
            let pillars: std::collections::BTreeSet<&str> = c
                .indicators
                .iter()
                .flat_map(|i| i.tags.iter().map(String::as_str))
                .collect();
            assert!(pillars.len() <= 1, "{} spans {pillars:?}", c.id);
        }
    }
}

#[test]
fn smart_city_evaluation_follows_the_programme_today() {
    let s = set("smart-city-evaluasi");
    for needle in ["Gerakan Smart City Nasional", "Komdigi", "2.0"] {
        assert!(s.source.contains(needle), "the source mentions {needle}");
    }
    // The source says what is official and what is swanilai's own.
    for needle in [
        "Official",
        "swanilai's own",
        "10, Output 20, Outcome 30",
        "pillarIndex",
    ] {
        assert!(s.source.contains(needle), "the source says {needle}");
    }
    // Reference 5c: the emergency line 112 belongs to Smart Society (community security).
    assert!(
        s.source
            .contains("112 emergency line belongs to Smart Society")
    );
    let t = s.masterplan.as_ref().expect("template");
    let (pillar, sub) = t.subdimension("keamanan").expect("community security");
    assert_eq!(pillar.id, "society");
    assert_eq!(sub.title.id, "Sistem keamanan masyarakat");
    let j = raw("smart-city-evaluasi");
    assert_eq!(j["terms"]["index"]["id"], "Indeks Pencapaian");
    assert_eq!(j["terms"]["group"]["id"], "Dimensi");
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

#[test]
fn gm100sc_readiness_is_a_planning_check_naming_the_selection_parameters() {
    let s = set("gm100sc-kesiapan");
    for needle in [
        "Indeks Kota Berkinerja Tinggi",
        "Indeks Kota Berkelanjutan",
        "Indeks Kota Hijau",
        "KKD",
        "Komdigi",
        "planning self-check",
    ] {
        assert!(s.source.contains(needle), "the source mentions {needle}");
    }
    // 112 sits under Smart Society.
    let society = s
        .groups
        .iter()
        .find(|g| g.id == "society")
        .expect("society");
    assert!(
        all_groups(std::slice::from_ref(society))
            .iter()
            .flat_map(|g| g.indicators.iter())
            .any(|i| i.title.id.contains("112"))
    );
    assert!(raw("gm100sc-kesiapan")["terms"]["index"]["id"].is_string());
}

// ------------------------------------------------------------------ Pemdi 2026

/// Reference, section 5b: each aspect's name and weight, and its indicators' names and weights.
/// An aspect: its name, its weight and its indicators' names and weights.
type PemdiAspect = (&'static str, f64, &'static [(&'static str, f64)]);

const PEMDI: [PemdiAspect; 7] = [
    (
        "Tata Kelola dan Manajemen",
        10.0,
        &[
            ("Tingkat Kematangan Tata Kelola Pemdi", 5.0),
            (
                "Tingkat Kematangan Manajemen Layanan Digital Pemerintah",
                5.0,
            ),
        ],
    ),
    (
        "Penyelenggara",
        10.0,
        &[
            ("Tingkat Kematangan Sumber Daya Manusia Pemdi", 5.0),
            ("Tingkat Kematangan Kolaborasi Pemdi", 5.0),
        ],
    ),
    (
        "Data",
        15.0,
        &[
            ("Tingkat Kematangan Tata Kelola Data", 5.0),
            (
                "Tingkat Kematangan Penyelenggaraan Informasi Geospasial",
                3.0,
            ),
            ("Tingkat Kematangan Pembangunan Statistik", 3.0),
            ("Tingkat Kematangan Pelindungan Data Pribadi", 4.0),
        ],
    ),
    (
        "Keamanan Pemdi",
        15.0,
        &[
            (
                "Tingkat Kematangan Pelaksanaan Audit Keamanan Pemdi dan Teknologi Pemdi",
                4.0,
            ),
            ("Tingkat Kematangan Keamanan Pemdi", 4.0),
            (
                "Tingkat Kematangan Penerapan Kriptografi untuk Keamanan Data",
                3.0,
            ),
            (
                "Tingkat Kematangan Kapabilitas Penanganan Insiden Siber",
                4.0,
            ),
        ],
    ),
    (
        "Teknologi Pemdi",
        10.0,
        &[
            ("Tingkat Kematangan Aplikasi Pemdi", 5.0),
            ("Tingkat Kematangan Infrastruktur Pemdi", 5.0),
        ],
    ),
    (
        "Keterpaduan Layanan Digital Pemerintah",
        15.0,
        &[
            (
                "Keterpaduan Proses Bisnis Pemdi Lintas Unit dan Instansi",
                4.0,
            ),
            ("Integrasi Aplikasi", 4.0),
            ("Portal Layanan Digital Pemerintah", 4.0),
            ("Interoperabilitas Data", 3.0),
        ],
    ),
    (
        "Kepuasan Pengguna Layanan Digital Pemerintah",
        25.0,
        &[
            (
                "Fasilitas Dukungan Pengguna Layanan Digital Pemerintah",
                10.0,
            ),
            (
                "Tingkat Pengelolaan Kepuasan Pengguna Layanan Digital Pemerintah",
                15.0,
            ),
        ],
    ),
];

#[test]
fn pemdi_2026_structure_follows_the_regulation() {
    let s = set("pemdi-2026");
    assert_eq!((s.scale.min, s.scale.max, s.scale.decimals), (1.0, 5.0, 2));
    assert_eq!(s.groups.len(), 7, "seven aspects");
    assert_eq!(s.indicators().count(), 20);
    let mut n = 0;
    for (aspect, (name, weight, inds)) in s.groups.iter().zip(PEMDI) {
        assert_eq!(aspect.title.id, name);
        assert_eq!(aspect.weight, weight, "{name}");
        assert!(aspect.children.is_empty(), "{name} holds indicators only");
        let got: Vec<(&str, f64)> = aspect
            .indicators
            .iter()
            .map(|i| (i.title.id.as_str(), i.weight))
            .collect();
        assert_eq!(got, inds, "{name}");
        // An aspect weighs the sum of its indicators: the tree's weighted means are the
        // regulation's aspect index sum(weight x level) / aspect weight.
        let sum: f64 = inds.iter().map(|(_, w)| w).sum();
        assert_eq!(sum, weight, "{name}");
        for ind in &aspect.indicators {
            n += 1;
            assert_eq!(ind.id, format!("pemdi-{n:02}"));
        }
    }
    let total: f64 = s.indicators().map(|i| i.weight).sum();
    assert_eq!(total, 100.0);
    let eff = Scorer::new(&s).effective_weights().to_vec();
    for (ind, e) in s.indicators().zip(eff) {
        assert!((e - ind.weight / 100.0).abs() < 1e-12, "{}", ind.id);
    }
}

#[test]
fn pemdi_2026_predicates_are_the_regulations() {
    let s = set("pemdi-2026");
    let got: Vec<(f64, f64, &str, &str)> = s
        .predicates
        .iter()
        .map(|p| {
            (
                p.min,
                p.max,
                p.label.id.as_str(),
                p.label.en.as_deref().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (1.0, 1.5, "Kurang", "Poor"),
            (1.5, 2.5, "Cukup", "Fair"),
            (2.5, 3.5, "Baik", "Good"),
            (3.5, 4.0, "Sangat Baik", "Very Good"),
            (4.0, 5.0, "Memuaskan", "Satisfactory"),
        ]
    );
}

#[test]
fn pemdi_2026_levels_are_named_with_criteria_condition_and_data_dukung() {
    let s = set("pemdi-2026");
    let names = [
        ("Merintis", "Initiate"),
        ("Membangun", "Emerging"),
        ("Berkembang", "Developing"),
        ("Melembaga", "Embedded"),
        ("Unggul", "Leading"),
    ];
    for ind in s.indicators() {
        let AnswerKind::Level { levels } = &ind.answer else {
            panic!("{} is not a level indicator", ind.id)
        };
        let got: Vec<(&str, &str)> = levels
            .iter()
            .map(|l| (l.label.id.as_str(), l.label.en.as_deref().unwrap_or("")))
            .collect();
        assert_eq!(got, names, "{}", ind.id);
        // Level n scores n: the regulation multiplies weight by level.
        assert!(
            levels
                .iter()
                .enumerate()
                .all(|(n, l)| l.score.is_none_or(|s| s == (n + 1) as f64))
        );
    }
    // Criteria, condition and data dukung, bilingual, read from the JSON itself.
    let j = raw("pemdi-2026");
    let bilingual = |t: &serde_json::Value| {
        t["id"].as_str().is_some_and(|x| !x.trim().is_empty())
            && t["en"].as_str().is_some_and(|x| !x.trim().is_empty())
    };
    for aspect in j["groups"].as_array().expect("groups") {
        for ind in aspect["indicators"].as_array().expect("indicators") {
            let id = ind["id"].as_str().expect("id");
            assert!(bilingual(&ind["title"]) && bilingual(&ind["help"]), "{id}");
            assert_eq!(ind["evidence"], "required", "{id}: data dukung is required");
            let mut ids = std::collections::BTreeSet::new();
            for (n, level) in ind["answer"]["levels"]
                .as_array()
                .expect("levels")
                .iter()
                .enumerate()
            {
                let at = format!("{id} level {}", n + 1);
                assert!(bilingual(&level["criteria"]), "{at}: criteria");
                assert!(bilingual(&level["condition"]), "{at}: condition");
                let items = level["evidence"].as_array().expect("data dukung");
                assert!(
                    items.iter().any(|e| e["required"] != false),
                    "{at}: at least one required data dukung item"
                );
                for e in items {
                    let eid = e["id"].as_str().expect("item id");
                    assert!(
                        eid.starts_with(&format!("l{}-", n + 1)),
                        "{at}: {eid} names its level"
                    );
                    assert!(ids.insert(eid.to_string()), "{at}: {eid} is unique");
                    assert!(bilingual(&e["text"]), "{at}: {eid}");
                }
            }
        }
    }
}

#[test]
fn pemdi_2026_names_its_terms_and_the_agencies_it_takes_results_from() {
    let j = raw("pemdi-2026");
    assert_eq!(
        j["terms"],
        serde_json::json!({
            "index": { "id": "Indeks Pemdi", "en": "Pemdi Index" },
            "group": { "id": "Aspek", "en": "Aspect" },
            "evidence": { "id": "Data dukung", "en": "Supporting documents" },
        })
    );
    let s = set("pemdi-2026");
    for needle in [
        "8 Tahun 2026",
        "1 June 2026",
        "Niumination/PemdiAcehTengah",
        "RokiFauziErenJaegar",
        "garbled",
    ] {
        assert!(s.source.contains(needle), "the source mentions {needle}");
    }
    // Reference 5b: 5 Bappenas (Satu Data Indonesia), 6 BIG (SJIG), 7 BPS (EPSS), 18 Bappenas.
    let mut external = Vec::new();
    for aspect in j["groups"].as_array().expect("groups") {
        for ind in aspect["indicators"].as_array().expect("indicators") {
            let ext = &ind["external"];
            if ext.is_null() {
                continue;
            }
            let agency = ext["agency"]["id"].as_str().expect("agency");
            assert!(ext["source"]["id"].as_str().is_some_and(|x| !x.is_empty()));
            external.push((
                ind["id"].as_str().expect("id").to_string(),
                agency.to_string(),
            ));
        }
    }
    let want: Vec<(String, String)> = [
        ("pemdi-05", "Bappenas"),
        ("pemdi-06", "Badan Informasi Geospasial"),
        ("pemdi-07", "Badan Pusat Statistik"),
        ("pemdi-18", "Bappenas"),
    ]
    .iter()
    .map(|(i, a)| (i.to_string(), a.to_string()))
    .collect();
    assert_eq!(external.len(), want.len(), "{external:?}");
    for ((gi, ga), (wi, wa)) in external.iter().zip(&want) {
        assert_eq!(gi, wi);
        assert!(ga.starts_with(wa.as_str()), "{gi}: {ga}");
    }
}

// ------------------------------------------------------------------ hand-computed examples

#[derive(Debug)]
struct Expected {
    overall: f64,
    predicate: String,
    groups: BTreeMap<String, f64>,
    tags: BTreeMap<String, f64>,
    /// The evidenced index: overall, predicate and some groups.
    evidenced: Option<(f64, String, BTreeMap<String, f64>)>,
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
    let map_of = |x: &serde_json::Value| -> BTreeMap<String, f64> {
        x.as_object()
            .map(|o| {
                o.iter()
                    .map(|(k, x)| (k.clone(), x.as_f64().expect("a number")))
                    .collect()
            })
            .unwrap_or_default()
    };
    let ev = &v["expected"]["evidenced"];
    let evidenced = ev.is_object().then(|| {
        (
            ev["overall"].as_f64().expect("evidenced overall"),
            ev["predicate"]
                .as_str()
                .expect("evidenced predicate")
                .to_string(),
            map_of(&ev["groups"]),
        )
    });
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
        evidenced,
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
    // The index at the evidenced levels, where the example gives it.
    if let Some((overall, predicate, groups)) = &e.evidenced {
        assert_eq!(r.evidenced.shown, Some(*overall), "{id} evidenced overall");
        assert_eq!(
            r.evidenced.predicate.as_ref().map(|p| p.label.id.as_str()),
            Some(predicate.as_str()),
            "{id} evidenced predicate"
        );
        for (g, want) in groups {
            let got = r.groups.iter().find(|x| &x.id == g).expect("group exists");
            assert_eq!(got.evidenced.shown, Some(*want), "{id} evidenced group {g}");
        }
    }
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

#[test]
fn pemdi_2026_example_reproduces_the_hand_computation() {
    check_example("pemdi-2026");
}
