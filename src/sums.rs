//! Running sums for the plan under the `exclude` policy, where gains do not add up (an
//! answered indicator joins its group's mean): the greedy plan tries every candidate change
//! after each step, and the scorer's own what-if would be too slow for that.

use crate::score::{Member, Scorer, Tally};

/// Running sums of a tally, answering "what if indicator i scored s" in time proportional to
/// its depth (the scorer's own what-if re-adds every sibling, too slow for a greedy scan of
/// 20,000 candidates). Used to choose; reported gains come from the scorer itself.
pub(crate) struct Sums<'a, 's> {
    scorer: &'a Scorer<'s>,
    ind: Vec<Option<f64>>,
    /// Per group, then the top level: sum(w v) and sum(w) over counted members.
    sums: Vec<(f64, f64)>,
}

impl<'a, 's> Sums<'a, 's> {
    pub(crate) fn new(scorer: &'a Scorer<'s>, tally: &Tally) -> Self {
        let top = scorer.group_count();
        let ind: Vec<Option<f64>> = (0..scorer.indicator_count())
            .map(|i| tally.indicator(i))
            .collect();
        let sums = (0..=top)
            .map(|n| {
                let (mut num, mut den) = (0.0, 0.0);
                for &m in scorer.members((n < top).then_some(n)) {
                    let v = match m {
                        Member::Indicator(i) => tally.indicator(i),
                        Member::Group(g) => tally.group(g),
                    };
                    if let Some(v) = v {
                        let w = scorer.member_weight(m);
                        num += w * v;
                        den += w;
                    }
                }
                (num, den)
            })
            .collect();
        Sums { scorer, ind, sums }
    }

    fn value(&self, n: usize) -> Option<f64> {
        let (num, den) = self.sums[n];
        (den > 0.0).then(|| self.scorer.set().scale.clamp(num / den))
    }

    /// The overall score now.
    pub(crate) fn overall(&self) -> Option<f64> {
        self.value(self.scorer.group_count())
    }

    /// Walks from indicator `i` to the top with its score changed to `s`, calling `each` with
    /// every node and its new sums; returns the new overall score.
    fn walk(
        &self,
        i: usize,
        s: Option<f64>,
        each: &mut dyn FnMut(usize, (f64, f64)),
    ) -> Option<f64> {
        let top = self.scorer.group_count();
        let mut m = Member::Indicator(i);
        let (mut old, mut new) = (self.ind[i], s);
        loop {
            let n = self.scorer.parent(m).unwrap_or(top);
            let w = self.scorer.member_weight(m);
            let (mut num, mut den) = self.sums[n];
            if let Some(v) = old {
                num -= w * v;
                den -= w;
            }
            if let Some(v) = new {
                num += w * v;
                den += w;
            }
            each(n, (num, den));
            let value = (den > 0.0).then(|| self.scorer.set().scale.clamp(num / den));
            if n == top {
                return value;
            }
            (old, new) = (self.value(n), value);
            m = Member::Group(n);
        }
    }

    /// The overall score if indicator `i` scored `s`.
    pub(crate) fn overall_if(&self, i: usize, s: Option<f64>) -> Option<f64> {
        self.walk(i, s, &mut |_, _| {})
    }

    /// Changes indicator `i`'s score.
    pub(crate) fn set(&mut self, i: usize, s: Option<f64>) {
        let mut changed = Vec::new();
        self.walk(i, s, &mut |n, sums| changed.push((n, sums)));
        for (n, sums) in changed {
            self.sums[n] = sums;
        }
        self.ind[i] = s;
    }
}
