//! Every fixed string of the user interface, in Indonesian and English.

use crate::model::Lang;

/// Every fixed string of the user interface, in one place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)] // each variant is named after what it says
pub enum Ui {
    Region,
    RegionName,
    RegionCode,
    RegionPeriod,
    Assessor,
    Results,
    Overall,
    Completeness,
    Advice,
    ToReach,
    AlreadyTop,
    NotReachable,
    TopImprovements,
    NoImprovements,
    ToAnswer,
    Compare,
    CompareHint,
    LastYear,
    ThisYear,
    Change,
    ExportJson,
    ExportCsv,
    Print,
    Import,
    ImportPrevious,
    Reset,
    ResetConfirm,
    ResetDone,
    Undo,
    Language,
    OtherLanguage,
    Notes,
    Links,
    LinksHint,
    EvidenceRequired,
    EvidenceRecommended,
    EvidenceMissing,
    ClearAnswer,
    Score,
    NotAnswered,
    Yes,
    No,
    ChooseOne,
    Guidance,
    Group,
    Predicate,
    ByTag,
    Chart,
    ImportProblems,
    ImportNotes,
    ImportConfirm,
    Cancel,
    ImportDone,
    ImportTampered,
    ImportIntact,
    ImportUnchecked,
    StorageUnavailable,
    StorageFull,
    SavedCorrupt,
    SavedOtherVersion,
    OrphanAnswers,
    DroppedDrafts,
    Unsaved,
    StillScored,
    AtLeast,
    AtMost,
    ImportWhich,
    ImportBroken,
    OtherTab,
    MergeBoth,
    LeftUnsaved,
    LeftRestore,
    LeftDrop,
    Merged,
    MergedClashes,
    ReloadOther,
    KeepMine,
    Saved,
    Error,
    Dismiss,
    Next,
    Best,
    Indicator,
    Gain,
    Step,
    Loading,
    Steps,
    Previous,
    Of,
    Tabs,
    Close,
    Actions,
    NotANumber,
    ShowFewerSteps,
    ShowMore,
    SavedDamaged,
    NextUnanswered,
    NextGroup,
    Back,
    AllAnswered,
    ShowAllLevels,
    HideAllLevels,
    About,
    FileActions,
    SavedHere,
    PreviousNotKept,
    ServedLost,
    ServedVersion,
}

/// The text of a UI string in a language.
///
/// ```
/// use swanilai::{view::{ui, Ui}, Lang};
/// assert_eq!(ui(Ui::Overall, Lang::Id), "Nilai keseluruhan");
/// assert_eq!(ui(Ui::Overall, Lang::En), "Overall score");
/// ```
pub fn ui(key: Ui, lang: Lang) -> &'static str {
    let (_, id, en) = STRINGS[key as usize];
    if lang == Lang::En { en } else { id }
}

/// Every string in Indonesian and English, in the order of [`Ui`]'s variants (a test checks
/// that each sits at its variant's index).
const STRINGS: [(Ui, &str, &str); Ui::ServedVersion as usize + 1] = [
    (Ui::Region, "Wilayah dan penilai", "Region and assessor"),
    (Ui::RegionName, "Nama wilayah", "Region name"),
    (Ui::RegionCode, "Kode wilayah BPS", "BPS region code"),
    (Ui::RegionPeriod, "Tahun / periode", "Year / period"),
    (Ui::Assessor, "Penilai", "Assessor"),
    (Ui::Results, "Hasil", "Results"),
    (Ui::Overall, "Nilai keseluruhan", "Overall score"),
    (Ui::Completeness, "Kelengkapan", "Completeness"),
    (Ui::Advice, "Saran perbaikan", "What to improve"),
    (
        Ui::ToReach,
        "Untuk mencapai predikat",
        "To reach the predicate",
    ),
    (
        Ui::AlreadyTop,
        "Sudah berada di predikat tertinggi.",
        "Already in the highest predicate.",
    ),
    (
        Ui::NotReachable,
        "Predikat berikutnya belum tercapai meskipun semua indikator diberi jawaban terbaik.",
        "The next predicate is out of reach even with the best answer everywhere.",
    ),
    (
        Ui::TopImprovements,
        "Perbaikan paling berdampak",
        "Improvements with the most effect",
    ),
    (
        Ui::NoImprovements,
        "Semua indikator sudah di jawaban terbaik.",
        "Every indicator is at its best answer.",
    ),
    (Ui::ToAnswer, "Masih harus dijawab", "Still to answer"),
    (
        Ui::Compare,
        "Bandingkan dengan tahun lalu",
        "Compare with last year",
    ),
    (
        Ui::CompareHint,
        "Impor berkas ekspor tahun lalu untuk melihat perubahannya.",
        "Import last year's export file to see what changed.",
    ),
    (Ui::LastYear, "Tahun lalu", "Last year"),
    (Ui::ThisYear, "Tahun ini", "This year"),
    (Ui::Change, "Selisih", "Change"),
    (Ui::ExportJson, "Ekspor JSON", "Export JSON"),
    (Ui::ExportCsv, "Ekspor CSV", "Export CSV"),
    (Ui::Print, "Cetak / PDF", "Print / PDF"),
    (Ui::Import, "Impor berkas", "Import file"),
    (Ui::ImportPrevious, "Impor tahun lalu", "Import last year"),
    (Ui::Reset, "Mulai ulang", "Start over"),
    (
        Ui::ResetConfirm,
        "Hapus semua jawaban dan mulai ulang? Salinan cadangan tetap disimpan di peramban ini.",
        "Clear every answer and start over? A backup copy stays in this browser.",
    ),
    (
        Ui::ResetDone,
        "Jawaban dikosongkan. Cadangan disimpan.",
        "Answers cleared. A backup was kept.",
    ),
    (Ui::Undo, "Batalkan", "Undo"),
    (Ui::Language, "Bahasa", "Language"),
    (Ui::OtherLanguage, "English", "Bahasa Indonesia"),
    (Ui::Notes, "Catatan bukti", "Evidence notes"),
    (Ui::Links, "Tautan bukti", "Evidence links"),
    (Ui::LinksHint, "satu tautan per baris", "one link per line"),
    (Ui::EvidenceRequired, "bukti wajib", "evidence required"),
    (
        Ui::EvidenceRecommended,
        "bukti dianjurkan",
        "evidence recommended",
    ),
    (
        Ui::EvidenceMissing,
        "Bukti wajib belum diisi.",
        "Required evidence is missing.",
    ),
    (Ui::ClearAnswer, "Hapus jawaban", "Clear answer"),
    (Ui::Score, "Skor", "Score"),
    (Ui::NotAnswered, "belum dijawab", "not answered"),
    (Ui::Yes, "Ya", "Yes"),
    (Ui::No, "Tidak", "No"),
    (Ui::ChooseOne, "— pilih —", "— choose —"),
    (Ui::Guidance, "Panduan", "Guidance"),
    (Ui::Group, "Kelompok", "Group"),
    (Ui::Predicate, "Predikat", "Predicate"),
    (Ui::ByTag, "Per pilar", "By pillar"),
    (
        Ui::Chart,
        "Diagram radar nilai per kelompok",
        "Radar chart of the score per group",
    ),
    (
        Ui::ImportProblems,
        "Masalah pada berkas",
        "Problems in the file",
    ),
    (Ui::ImportNotes, "Perlu diperiksa", "Worth checking"),
    (
        Ui::ImportConfirm,
        "Ganti jawaban dengan isi berkas",
        "Replace my answers with the file",
    ),
    (Ui::Cancel, "Batal", "Cancel"),
    (Ui::ImportDone, "Berkas diimpor.", "File imported."),
    (
        Ui::ImportTampered,
        "Peringatan: isi berkas tidak cocok dengan sidik SHA-256-nya. Berkas diubah atau rusak setelah diekspor.",
        "Warning: the file's content does not match its SHA-256. It was changed or damaged after export.",
    ),
    (
        Ui::ImportIntact,
        "Sidik SHA-256 cocok: berkas utuh.",
        "SHA-256 matches: the file is intact.",
    ),
    (
        Ui::ImportUnchecked,
        "Berkas tanpa sidik SHA-256: keutuhannya tidak dapat diperiksa.",
        "The file carries no SHA-256: its integrity cannot be checked.",
    ),
    (
        Ui::StorageUnavailable,
        "Penyimpanan peramban tidak tersedia: jawaban hanya ada di halaman ini. Ekspor berkas sebelum menutup.",
        "Browser storage is unavailable: answers live only in this page. Export a file before closing.",
    ),
    (
        Ui::StorageFull,
        "Penyimpanan peramban penuh: perubahan terakhir belum tersimpan. Ekspor berkas agar aman.",
        "Browser storage is full: the latest changes are not saved. Export a file to be safe.",
    ),
    (
        Ui::SavedCorrupt,
        "Data tersimpan rusak dan tidak dapat dibaca. Teks aslinya disimpan sebagai cadangan; penilaian dimulai kosong.",
        "The saved data is damaged and cannot be read. Its text was kept as a backup; the assessment starts empty.",
    ),
    (
        Ui::SavedOtherVersion,
        "Jawaban tersimpan dibuat untuk versi set lain; jawaban dicocokkan menurut id indikator.",
        "The saved answers were made for another set version; they were matched by indicator id.",
    ),
    (
        Ui::OrphanAnswers,
        "Jawaban untuk indikator yang tidak ada lagi (disimpan, tidak dinilai):",
        "Answers to indicators that no longer exist (kept, not scored):",
    ),
    (
        Ui::DroppedDrafts,
        "Teks angka yang belum menjadi jawaban tidak dikembalikan, karena indikatornya sudah diubah atau tidak ada lagi; isi ulang bila perlu:",
        "Number text that was not yet an answer was not brought back, because its indicator has changed or no longer exists; enter it again if needed:",
    ),
    (
        Ui::Unsaved,
        "Perubahan belum tersimpan: lihat pesan",
        "Changes are not saved: see the message",
    ),
    (
        Ui::StillScored,
        "Yang dinilai tetap jawaban sebelumnya",
        "The previous answer is still the one scored",
    ),
    (Ui::AtLeast, "paling kecil", "at least"),
    (Ui::AtMost, "paling besar", "at most"),
    (
        Ui::ImportWhich,
        "Berkas ini bukan penilaian untuk set ini. Pilih berkas .json yang dibuat dengan tombol “Ekspor JSON” untuk set ini; berkas CSV tidak dapat diimpor.",
        "This file is not an assessment of this set. Choose a .json file made with the “Export JSON” button for this set; CSV files cannot be imported.",
    ),
    (
        Ui::ImportBroken,
        "Berkas ini rusak atau terpotong sehingga tidak dapat dibaca; jawaban Anda tidak diubah. Ekspor ulang berkasnya, atau pilih salinan lain.",
        "This file is damaged or cut short and cannot be read; your answers were not changed. Export it again, or choose another copy.",
    ),
    (
        Ui::OtherTab,
        "Penilaian ini diubah di tab atau jendela lain. Gabungkan keduanya: jawaban dari kedua tab disatukan; bila satu jawaban diubah di keduanya, jawaban tab ini yang dipakai. Atau pakai satu versi saja dan buang perubahan versi lainnya (disimpan sebagai cadangan).",
        "This assessment was changed in another tab or window. Combine both: the answers from both tabs are put together; where one answer was changed in both, this tab's is kept. Or use one version and discard the other's changes (kept as a backup).",
    ),
    (Ui::MergeBoth, "Gabungkan keduanya", "Combine both"),
    (
        Ui::LeftUnsaved,
        "Ada perubahan dari tab atau jendela lain yang belum tersimpan (tab itu ditutup, atau masih menunggu pilihan). Pulihkan untuk menambahkannya ke sini; bila satu jawaban berbeda, jawaban yang tersimpan di sini tetap dipakai.",
        "There are changes from another tab or window that were not saved (that tab was closed, or still waits for a choice). Restore them to add them here; where an answer differs, the one saved here is kept.",
    ),
    (
        Ui::LeftRestore,
        "Pulihkan perubahan itu",
        "Restore those changes",
    ),
    (
        Ui::LeftDrop,
        "Abaikan (disimpan sebagai cadangan)",
        "Ignore (kept as a backup)",
    ),
    (
        Ui::Merged,
        "Jawaban dari kedua tab sudah digabungkan.",
        "The answers from both tabs were combined.",
    ),
    (
        Ui::MergedClashes,
        "Jawaban dari kedua tab sudah digabungkan. Untuk yang berikut kedua tab berbeda (diubah di keduanya, atau dikosongkan di tab lain); jawaban tab ini yang dipakai:",
        "The answers from both tabs were combined. For these the tabs differed (changed in both, or emptied in the other); this tab's answers were kept:",
    ),
    (
        Ui::ReloadOther,
        "Pakai versi tab lain",
        "Use the other tab's version",
    ),
    (
        Ui::KeepMine,
        "Pakai versi tab ini",
        "Use this tab's version",
    ),
    (Ui::Saved, "Tersimpan otomatis", "Saved automatically"),
    (
        Ui::Error,
        "Terjadi kesalahan internal. Jawaban yang sudah tersimpan aman; muat ulang halaman.",
        "An internal error occurred. Saved answers are safe; reload the page.",
    ),
    (Ui::Dismiss, "Tutup", "Dismiss"),
    (Ui::Next, "berikutnya", "next"),
    (Ui::Best, "terbaik", "best"),
    (Ui::Indicator, "Indikator", "Indicator"),
    (Ui::Gain, "Tambahan nilai", "Gain"),
    (Ui::Step, "langkah", "step"),
    (Ui::Loading, "Memuat…", "Loading…"),
    (Ui::Steps, "Langkah", "Steps"),
    (Ui::Previous, "sebelumnya", "previously"),
    (Ui::Of, "dari", "of"),
    (Ui::Tabs, "Kelompok indikator", "Indicator groups"),
    (Ui::Close, "Tutup", "Close"),
    (Ui::Actions, "Tindakan", "Actions"),
    (
        Ui::NotANumber,
        "Bukan angka yang sah.",
        "Not a valid number.",
    ),
    (
        Ui::ShowFewerSteps,
        "Tampilkan lebih sedikit langkah",
        "Show fewer steps",
    ),
    (
        Ui::ShowMore,
        "Tampilkan indikator berikutnya",
        "Show more indicators",
    ),
    (
        Ui::SavedDamaged,
        "Sebagian data tersimpan tidak dapat dibaca dan tidak dimuat. Teks aslinya disimpan sebagai cadangan di peramban ini, sebelum disimpan ulang. Yang tidak dimuat:",
        "Part of the saved data could not be read and was not loaded. Its original text was kept as a backup in this browser before anything is saved again. Not loaded:",
    ),
    (Ui::NextUnanswered, "Yang belum dijawab", "Next unanswered"),
    (Ui::NextGroup, "Kelompok berikutnya", "Next group"),
    (Ui::Back, "← Kembali", "← Back"),
    (
        Ui::AllAnswered,
        "Semua indikator sudah dijawab.",
        "Every indicator is answered.",
    ),
    (
        Ui::ShowAllLevels,
        "Lihat semua kriteria",
        "Show all criteria",
    ),
    (
        Ui::HideAllLevels,
        "Sembunyikan kriteria lain",
        "Hide the other criteria",
    ),
    (Ui::About, "Selengkapnya", "More about it"),
    (Ui::FileActions, "Berkas", "Files"),
    (
        Ui::SavedHere,
        "Jawaban tersimpan otomatis di peramban ini saja; tidak ada yang dikirim ke mana pun sampai Anda mengekspornya.",
        "Answers are saved automatically in this browser only; nothing is sent anywhere until you export it.",
    ),
    (
        Ui::PreviousNotKept,
        "Berkas tahun lalu ini dipakai untuk perbandingan di halaman ini saja: penyimpanan peramban penuh, jadi setelah halaman dimuat ulang perbandingan kembali memakai berkas yang tersimpan sebelumnya (bila ada). Kosongkan ruang lalu impor lagi.",
        "This last year's file is used for the comparison in this page only: browser storage is full, so after a reload the comparison goes back to the file kept before (if any). Free some space and import it again.",
    ),
    (
        Ui::ServedLost,
        "Isian berikut dibuat sebelum formulir selesai dimuat, tetapi indikator atau levelnya tidak ada di versi set yang sekarang; belum dipakai sebagai jawaban. Catat atau salin sebelum menutup pemberitahuan ini:",
        "These entries were made before the form finished loading, but their indicator or level is not in the set's current version; they are not used as answers. Note or copy them before closing this notice:",
    ),
    (
        Ui::ServedVersion,
        "Formulir ini disajikan dari versi set yang lain daripada yang sekarang dipakai. Pilihan dan isian berikut dibuat sebelum formulir selesai dimuat dan sudah dipakai sebagai jawaban; periksa apakah kriteria levelnya masih sesuai dengan yang Anda maksud:",
        "This form was served from another version of the set than the one now in use. The choices and entries below were made before the form finished loading and are used as answers; check that their level criteria still say what you meant:",
    ),
];

/// The strings of team work (units, assignments, progress, shares), in Indonesian and English.
/// `{name}`, `{n}` and the like are filled in by `crate::view::team`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)] // each variant is named after what it says
pub enum Tm {
    Open,
    Title,
    Intro,
    Units,
    UnitName,
    NewUnit,
    AddUnit,
    RemoveUnit,
    NoUnits,
    NameEmpty,
    NameTaken,
    InUse,
    Removed,
    Assignments,
    ShowUnit,
    AllUnits,
    Unassigned,
    Responsible,
    Target,
    NoTarget,
    Due,
    HeldBy,
    SameUnit,
    ChangedBy,
    Progress,
    AsOf,
    Answered,
    Ready,
    Above,
    Overdue,
    SeeIndicators,
    Share,
    ShareHint,
    ExportShare,
    ImportShares,
    ShareBanner,
    YourIndicators,
    ExportBack,
    MergeTitle,
    Refused,
    Warned,
    Accepted,
    Conflicts,
    KeepBase,
    Outside,
    Twice,
    InBase,
    CurrentValue,
    Apply,
    ChooseFirst,
    MergeDone,
    NothingNew,
    AssignedTo,
    Cleared,
    Coordinator,
    NoIndicators,
    TargetInvalid,
    LevelN,
    DateInvalid,
    ShareMode,
    NotesShort,
    LateBadge,
}

/// A team-work string in `lang`.
///
/// ```
/// use swanilai::{view::{tm, Tm}, Lang};
/// assert_eq!(tm(Tm::Units, Lang::Id), "Unit kerja");
/// assert_eq!(tm(Tm::Units, Lang::En), "Units");
/// ```
pub fn tm(key: Tm, lang: Lang) -> &'static str {
    let (_, id, en) = TEAM[key as usize];
    if lang == Lang::En { en } else { id }
}

/// Every team-work string, in the order of [`Tm`]'s variants.
const TEAM: [(Tm, &str, &str); Tm::LateBadge as usize + 1] = [
    (Tm::Open, "Tim", "Team"),
    (Tm::Title, "Kerja tim", "Team work"),
    (
        Tm::Intro,
        "Bagikan indikator kepada unit kerja, pantau kemajuannya, serahkan bagian tiap unit sebagai berkas dan gabungkan kembali berkas yang dikembalikan.",
        "Give the indicators to the units, follow their progress, hand each unit its share as a file and merge the files they send back.",
    ),
    (Tm::Units, "Unit kerja", "Units"),
    (Tm::UnitName, "Nama unit", "Unit name"),
    (
        Tm::NewUnit,
        "Nama unit baru, mis. Bappeda",
        "New unit's name, e.g. Bappeda",
    ),
    (Tm::AddUnit, "Tambah unit", "Add unit"),
    (Tm::RemoveUnit, "Hapus unit {name}", "Remove unit {name}"),
    (
        Tm::NoUnits,
        "Belum ada unit. Tambahkan unit kerja yang ikut mengisi penilaian ini.",
        "No units yet. Add the units that take part in this assessment.",
    ),
    (
        Tm::NameEmpty,
        "Tulis nama unit dahulu.",
        "Write the unit's name first.",
    ),
    (
        Tm::NameTaken,
        "Sudah ada unit bernama {name}; pakai nama lain.",
        "There is already a unit named {name}; use another name.",
    ),
    (
        Tm::InUse,
        "Unit {name} memegang {n} penugasan. Hapus unit ini dan kosongkan penugasannya?",
        "Assignments naming unit {name}: {n}. Remove the unit and leave them without a unit?",
    ),
    (Tm::Removed, "Unit {name} dihapus.", "Unit {name} removed."),
    (Tm::Assignments, "Penugasan", "Assignments"),
    (Tm::ShowUnit, "Tampilkan", "Show"),
    (Tm::AllUnits, "Semua unit", "All units"),
    (Tm::Unassigned, "Belum ditugaskan", "Not assigned"),
    (Tm::Responsible, "Unit penanggung jawab", "Responsible unit"),
    (Tm::Target, "Target", "Target"),
    (Tm::NoTarget, "Tanpa target", "No target"),
    (Tm::Due, "Tenggat", "Due date"),
    (Tm::HeldBy, "{item}: dipegang oleh", "{item}: held by"),
    (Tm::SameUnit, "Unit indikator", "The indicator's unit"),
    (
        Tm::ChangedBy,
        "Terakhir diubah oleh {name}, {at}",
        "Last changed by {name}, {at}",
    ),
    (Tm::Progress, "Kemajuan per unit", "Progress per unit"),
    (Tm::AsOf, "Per {date}", "As of {date}"),
    (Tm::Answered, "Dijawab", "Answered"),
    (Tm::Ready, "{evidence} siap", "{evidence} ready"),
    (Tm::Above, "Klaim di atas bukti", "Claims above evidence"),
    (Tm::Overdue, "Target lewat tenggat", "Targets overdue"),
    (
        Tm::SeeIndicators,
        "Lihat indikator {name}",
        "See {name}'s indicators",
    ),
    (
        Tm::Share,
        "Serahkan dan terima kembali",
        "Hand out and take back",
    ),
    (
        Tm::ShareHint,
        "Tiap unit menerima berkas berisi indikatornya saja, membukanya dengan Impor di halaman ini, mengisinya, lalu mengirim kembali berkas yang diekspor.",
        "Each unit gets a file holding its indicators only, opens it with Import on this page, fills it in and sends back the exported file.",
    ),
    (
        Tm::ExportShare,
        "Ekspor bagian {name}",
        "Export {name}'s share",
    ),
    (
        Tm::ImportShares,
        "Impor bagian yang kembali (boleh beberapa berkas)",
        "Import returned shares (several files at once)",
    ),
    (
        Tm::ShareBanner,
        "Ini bagian unit {unit} untuk {region}, diserahkan oleh {by}. Isi indikator Anda, lalu ekspor bagian ini dan kirimkan kembali.",
        "This is unit {unit}'s share for {region}, handed out by {by}. Fill in your indicators, then export the share and send it back.",
    ),
    (Tm::YourIndicators, "Indikator Anda", "Your indicators"),
    (
        Tm::ExportBack,
        "Ekspor bagian untuk dikembalikan",
        "Export the share to send back",
    ),
    (Tm::MergeTitle, "Bagian yang kembali", "Returned shares"),
    (
        Tm::Refused,
        "Ditolak, tidak ada isinya yang dipakai:",
        "Refused, nothing of it is used:",
    ),
    (Tm::Warned, "Perhatikan:", "Note:"),
    (
        Tm::Accepted,
        "{n} perubahan dari unit siap diterapkan.",
        "Changes from the units ready to apply: {n}.",
    ),
    (
        Tm::Conflicts,
        "{n} indikator berkonflik. Tidak ada yang ditimpa sampai Anda memilih satu sisi untuk tiap indikator.",
        "Indicators in conflict: {n}. Nothing is overwritten until you choose one side for each.",
    ),
    (Tm::KeepBase, "Tetap seperti sekarang", "Keep as it is"),
    (
        Tm::Outside,
        "diubah oleh unit yang tidak ditugasi",
        "changed by a unit it is not assigned to",
    ),
    (
        Tm::Twice,
        "diubah berbeda oleh dua berkas",
        "changed differently by two files",
    ),
    (
        Tm::InBase,
        "sudah diubah di sini setelah bagian diserahkan",
        "changed here after the share was handed out",
    ),
    (Tm::CurrentValue, "Sekarang", "Now"),
    (Tm::Apply, "Terapkan", "Apply"),
    (
        Tm::ChooseFirst,
        "Pilih satu sisi untuk {n} konflik lagi sebelum menerapkan.",
        "Conflicts still without a choice: {n}. Choose a side for each before applying.",
    ),
    (
        Tm::MergeDone,
        "{n} perubahan diterapkan, masing-masing dengan unit dan waktunya.",
        "Changes applied: {n}, each with its unit and time.",
    ),
    (
        Tm::NothingNew,
        "Tidak ada perubahan untuk diterapkan.",
        "There is no change to apply.",
    ),
    (Tm::AssignedTo, "ditugaskan ke {name}", "assigned to {name}"),
    (Tm::Cleared, "dikosongkan", "cleared"),
    (Tm::Coordinator, "koordinator", "the coordinator"),
    (
        Tm::NoIndicators,
        "Belum ada indikator untuk unit ini.",
        "No indicators for this unit yet.",
    ),
    (
        Tm::TargetInvalid,
        "Target tidak sah; target sebelumnya tetap.",
        "Not a valid target; the previous target stays.",
    ),
    (Tm::LevelN, "Tingkat {n}", "Level {n}"),
    (
        Tm::DateInvalid,
        "Tanggal {date} tidak sah: tulis YYYY-MM-DD, mis. 2026-09-30.",
        "Date {date} is not valid: write YYYY-MM-DD, e.g. 2026-09-30.",
    ),
    (
        Tm::ShareMode,
        "Ini bagian sebuah unit: unit kerja dan penugasan diatur koordinator, dan yang diterima kembali hanya jawaban indikator unit ini.",
        "This is a unit's share: the units and assignments are the coordinator's, and only the answers to this unit's indicators are taken back.",
    ),
    (Tm::NotesShort, "Catatan: {text}", "Notes: {text}"),
    (Tm::LateBadge, "lewat tenggat", "overdue"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_sits_at_its_variant_and_says_something() {
        for (k, (key, id, en)) in STRINGS.iter().enumerate() {
            assert_eq!(*key as usize, k, "{key:?} is out of place");
            assert!(!id.is_empty() && !en.is_empty(), "{key:?}");
        }
    }

    #[test]
    fn every_team_string_sits_at_its_variant_and_fills_the_same_blanks() {
        for (k, (key, id, en)) in TEAM.iter().enumerate() {
            assert_eq!(*key as usize, k, "{key:?} is out of place");
            assert!(!id.is_empty() && !en.is_empty(), "{key:?}");
            fn blanks(s: &str) -> Vec<&str> {
                let mut b: Vec<&str> = s
                    .split('{')
                    .skip(1)
                    .filter_map(|p| p.split('}').next())
                    .collect();
                b.sort_unstable();
                b
            }
            assert_eq!(blanks(id), blanks(en), "{key:?}");
        }
    }
}
