//! Finding the way through a long form: the sentence that says what the official will get,
//! the next unanswered indicator, which tab an indicator is on, the place kept across a
//! reload, and which notices a new one replaces. Pure: the widget only draws and moves focus.

use crate::model::{IndicatorSet, Lang, Term};

/// The first screen's one sentence: what the official does and what she gets, in the
/// framework's own words.
///
/// ```
/// use swanilai::{builtin, view::lead_text, Lang};
/// let set = builtin::get("spbe-2020").unwrap();
/// assert!(lead_text(&set, 47, Lang::Id).starts_with("Jawab 47 indikator untuk melihat "));
/// assert!(lead_text(&set, 47, Lang::En).starts_with("Answer 47 indicators to see the "));
/// ```
pub fn lead_text(set: &IndicatorSet, indicators: usize, lang: Lang) -> String {
    let index = set.term(Term::Index, lang);
    let group = set.term(Term::Group, lang);
    match lang {
        Lang::Id => format!(
            "Jawab {indicators} indikator untuk melihat {} per {} dan keseluruhan, \
             predikatnya, serta yang perlu disiapkan berikutnya.",
            lower_first(index),
            lower_first(group),
        ),
        Lang::En => format!(
            "Answer {indicators} indicators to see the {index} per {} and overall, its \
             predicate and what to prepare next.",
            lower_first(group),
        ),
    }
}

/// A term inside a sentence: `Kelompok` becomes `kelompok`, but a name that is more than a
/// common word (`Indeks Pemdi`, `SPBE`) keeps its capitals.
fn lower_first(term: &str) -> String {
    let mut words = term.split(' ');
    let first = words.next().unwrap_or_default();
    let single = term.split(' ').count() == 1;
    let all_caps = first.chars().all(|c| !c.is_lowercase());
    if single && !all_caps {
        let mut c = first.chars();
        c.next()
            .map(|f| f.to_lowercase().chain(c).collect())
            .unwrap_or_default()
    } else {
        term.to_string()
    }
}

/// The summary of a folded list of the check's findings: "Tampilkan 39 temuan lainnya".
///
/// ```
/// use swanilai::{view::more_findings, Lang};
/// assert_eq!(more_findings(39, Lang::Id), "Tampilkan 39 temuan lainnya");
/// assert_eq!(more_findings(1, Lang::En), "Show 1 more finding");
/// ```
pub fn more_findings(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Id, _) => format!("Tampilkan {n} temuan lainnya"),
        (Lang::En, 1) => "Show 1 more finding".to_string(),
        (Lang::En, _) => format!("Show {n} more findings"),
    }
}

/// The next unanswered indicator after `from` in document order, wrapping round to the
/// start; `None` when every indicator is answered. With `from` `None` the search starts at
/// the first indicator.
///
/// ```
/// use swanilai::view::next_unanswered;
/// let answered = [true, false, true, false];
/// assert_eq!(next_unanswered(&answered, None), Some(1));
/// assert_eq!(next_unanswered(&answered, Some(1)), Some(3));
/// assert_eq!(next_unanswered(&answered, Some(3)), Some(1));
/// assert_eq!(next_unanswered(&[true, true], Some(0)), None);
/// ```
pub fn next_unanswered(answered: &[bool], from: Option<usize>) -> Option<usize> {
    let n = answered.len();
    let start = from.map_or(0, |f| f + 1);
    (0..n).map(|k| (start + k) % n).find(|&i| !answered[i])
}

/// The tab (top-level group) holding indicator `i`, given each tab's indicator count; the
/// last tab for an index past the end.
///
/// ```
/// use swanilai::view::tab_of;
/// assert_eq!(tab_of(0, &[2, 3]), 0);
/// assert_eq!(tab_of(2, &[2, 3]), 1);
/// assert_eq!(tab_of(9, &[2, 3]), 1);
/// ```
pub fn tab_of(i: usize, counts: &[usize]) -> usize {
    let mut first = 0;
    for (k, n) in counts.iter().enumerate() {
        if i < first + n {
            return k;
        }
        first += n;
    }
    counts.len().saturating_sub(1)
}

/// Where the official was: the tab, and the indicator whose field last had focus.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Place {
    /// The tab on screen.
    pub tab: usize,
    /// The indicator last worked on, if any.
    pub indicator: Option<usize>,
}

impl Place {
    /// The text kept for a reload: `tab` or `tab:indicator`.
    ///
    /// ```
    /// use swanilai::view::Place;
    /// let p = Place { tab: 2, indicator: Some(17) };
    /// assert_eq!(p.to_text(), "2:17");
    /// assert_eq!(Place::parse("2:17", 4, 47), Some(p));
    /// ```
    pub fn to_text(self) -> String {
        match self.indicator {
            Some(i) => format!("{}:{i}", self.tab),
            None => self.tab.to_string(),
        }
    }

    /// Reads a kept place back for a set with `tabs` tabs and `indicators` indicators; a text
    /// that does not fit the set (it changed since, or the text was tampered with) gives
    /// `None`, and the widget starts at the first tab.
    pub fn parse(text: &str, tabs: usize, indicators: usize) -> Option<Place> {
        let (tab, ind) = match text.split_once(':') {
            Some((t, i)) => (t, Some(i)),
            None => (text, None),
        };
        let tab: usize = tab.parse().ok().filter(|t| *t < tabs)?;
        let indicator = match ind {
            Some(i) => Some(i.parse().ok().filter(|i| *i < indicators)?),
            None => None,
        };
        Some(Place { tab, indicator })
    }
}

/// Which kind of message a notice is: a new notice replaces the older ones of its kind, so the
/// notice area holds the newest of each, never a pile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    /// An opened file (import or last year's), a finished import, a reset: what the official
    /// just did with the answers as a whole. The newest replaces the rest.
    Files,
    /// Browser storage is full or missing.
    Storage,
    /// Another tab saved, or a closed tab left work: each replaced by its own newer notice.
    Tabs,
    /// What was found when loading (damaged save, answers to removed indicators, ...): one
    /// per message.
    Loaded(u16),
}

/// Adds `new` to `list` (oldest first) so that it is the newest and no older notice of its
/// kind remains; `kind_of` tells each notice's kind.
///
/// ```
/// use swanilai::view::{NoticeKind, add_notice};
/// let kind = |n: &&str| if n.starts_with("file") { NoticeKind::Files } else { NoticeKind::Storage };
/// let mut list = vec!["file a", "storage full"];
/// add_notice(&mut list, "file b", kind);
/// assert_eq!(list, ["storage full", "file b"]);
/// ```
pub fn add_notice<T>(list: &mut Vec<T>, new: T, kind_of: impl Fn(&T) -> NoticeKind) {
    let k = kind_of(&new);
    list.retain(|n| kind_of(n) != k);
    list.push(new);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Text;

    #[test]
    fn next_unanswered_walks_in_order_then_wraps_and_stops_when_none_is_left() {
        let answered = [false, true, false, true, false];
        let mut from = None;
        let mut seen = Vec::new();
        for _ in 0..4 {
            from = next_unanswered(&answered, from);
            seen.push(from.unwrap());
        }
        assert_eq!(seen, [0, 2, 4, 0]);
        assert_eq!(next_unanswered(&[], None), None);
        assert_eq!(next_unanswered(&[true; 3], None), None);
        // The one unanswered indicator is found from itself too.
        assert_eq!(next_unanswered(&[true, false, true], Some(1)), Some(1));
    }

    #[test]
    fn a_place_that_does_not_fit_the_set_is_not_restored() {
        assert_eq!(
            Place::parse("1", 4, 47),
            Some(Place {
                tab: 1,
                indicator: None
            })
        );
        for bad in [
            "",
            "4",
            "1:47",
            "x",
            "1:",
            "-1:2",
            "1:2:3",
            "99999999999999999999",
        ] {
            assert_eq!(Place::parse(bad, 4, 47), None, "{bad:?}");
        }
    }

    #[test]
    fn lead_text_uses_the_frameworks_words() {
        let mut set = IndicatorSet::empty();
        assert!(
            lead_text(&set, 3, Lang::Id)
                .starts_with("Jawab 3 indikator untuk melihat indeks per kelompok dan")
        );
        set.terms.index = Some(Text::new("Indeks Pemdi", "Pemdi Index"));
        set.terms.group = Some(Text::new("Aspek", "Aspect"));
        let id = lead_text(&set, 20, Lang::Id);
        assert!(id.starts_with("Jawab 20 indikator untuk melihat Indeks Pemdi per aspek dan"));
        let en = lead_text(&set, 20, Lang::En);
        assert!(en.starts_with("Answer 20 indicators to see the Pemdi Index per aspect and"));
    }

    #[test]
    fn a_new_notice_replaces_its_kind_and_keeps_the_others_in_order() {
        let kind = |n: &(NoticeKind, u8)| n.0;
        let mut list = Vec::new();
        add_notice(&mut list, (NoticeKind::Loaded(1), 0), kind);
        add_notice(&mut list, (NoticeKind::Files, 1), kind);
        add_notice(&mut list, (NoticeKind::Storage, 2), kind);
        add_notice(&mut list, (NoticeKind::Files, 3), kind);
        add_notice(&mut list, (NoticeKind::Loaded(2), 4), kind);
        let order: Vec<u8> = list.iter().map(|n| n.1).collect();
        assert_eq!(order, [0, 2, 3, 4]);
    }
}
