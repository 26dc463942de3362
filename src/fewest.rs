//! The fewest indicator changes that lift the overall score to a target under the `exclude`
//! policy, where gains do not add up (an answered indicator joins its group's mean).
//!
//! Each candidate indicator is either left as it is or given its best answer (for a fixed set
//! of changed indicators the overall score only grows with each one's score, so the best answer
//! is never worse). For a group and a number of changes k, let V(k) be the highest value the
//! group can take with at most k changes under it. A parent's value only grows with each
//! counted child's value, so a parent's best use of k changes gives each child its own best
//! value for the changes it receives: V is computed bottom-up, for k = 1, 2, ... in turn.
//!
//! A group's value is a ratio, sum(w v) / sum(w) over its counted members, so V(k) is found
//! by Dinkelbach's method: for a trial value λ, the allocation of at most k changes that
//! maximises sum(w (v - λ)) is an exact knapsack (indicators sorted by gain, sub-groups merged
//! by max-plus convolution over the number of changes); if that allocation's ratio exceeds λ
//! it becomes the next λ, else λ is the maximum. λ rises strictly and there are finitely many
//! allocations, so this ends (a cap on rounds guards against floating-point cycling; hitting
//! it keeps the best value found, so a plan found later may not be the fewest).
//!
//! This assumes positive weights (a valid set); in an unchecked set the plan found still
//! reaches the target (every plan is confirmed by the real scorer) but may not be the fewest.
//!
//! Work per k: for each group holding candidates, a few rounds of O(m log m + c k²) for m
//! indicators and c sub-groups holding candidates.

use crate::score::{Member, Scorer, Tally};
use crate::sort::sort_by;

/// Dinkelbach rounds per group and k before giving up on a proof (a handful is typical).
const ROUNDS: usize = 64;

/// A change count meaning "as many as wanted".
const FREE: usize = usize::MAX;

/// How a node's best value is rebuilt: the trial value and the cap on changes (`FREE`: none).
type How = Option<(f64, usize)>;

pub(crate) struct Fewest<'a, 's> {
    scorer: &'a Scorer<'s>,
    tally: &'a Tally,
    /// Position of the top level among the nodes (groups come first, in pre-order).
    top: usize,
    /// The best score each indicator can be given (`None`: not a candidate).
    best: &'a [Option<f64>],
    /// Candidates under each node.
    count: Vec<usize>,
    /// Per node, the sums over its counted members now: sum(w v) and sum(w).
    base: Vec<(f64, f64)>,
    /// Per node: the highest value with at most k changes, k = 0, 1, ... (`None`: not counted).
    value: Vec<Vec<Option<f64>>>,
    how: Vec<Vec<How>>,
    /// Per node: the highest value with any number of changes.
    free: Vec<(Option<f64>, How)>,
    /// Below every score: the first trial value of a group that counts nothing yet.
    floor: f64,
}

impl<'a, 's> Fewest<'a, 's> {
    /// Prepares a search from a tally, with the best score of each candidate indicator.
    pub(crate) fn new(scorer: &'a Scorer<'s>, tally: &'a Tally, best: &'a [Option<f64>]) -> Self {
        let top = scorer.group_count();
        let mut count = vec![0; top + 1];
        for (i, b) in best.iter().enumerate() {
            if b.is_some() {
                let mut g = scorer.parent(Member::Indicator(i));
                while let Some(p) = g {
                    count[p] += 1;
                    g = scorer.parent(Member::Group(p));
                }
                count[top] += 1;
            }
        }
        let scale = &scorer.set().scale;
        let mut f = Fewest {
            scorer,
            tally,
            top,
            best,
            count,
            base: vec![(0.0, 0.0); top + 1],
            value: vec![Vec::new(); top + 1],
            how: vec![Vec::new(); top + 1],
            free: vec![(None, None); top + 1],
            floor: scale.min - (scale.max - scale.min).abs() - 1.0,
        };
        for n in f.order() {
            let (mut num, mut den) = (0.0, 0.0);
            for &m in f.members(n) {
                let w = scorer.member_weight(m);
                if let Some(v) = f.now(m) {
                    num += w * v;
                    den += w;
                }
            }
            f.base[n] = (num, den);
            let now = f.node_now(n);
            f.value[n].push(now);
            f.how[n].push(None);
        }
        f
    }

    /// Nodes holding candidates, children before parents, the top level last.
    fn order(&self) -> Vec<usize> {
        (0..=self.top)
            .rev()
            .skip(1)
            .chain([self.top])
            .filter(|&n| self.count[n] > 0)
            .collect()
    }

    fn members(&self, n: usize) -> &'a [Member] {
        let scorer: &'a Scorer<'s> = self.scorer;
        scorer.members((n < self.top).then_some(n))
    }

    fn now(&self, m: Member) -> Option<f64> {
        match m {
            Member::Indicator(i) => self.tally.indicator(i),
            Member::Group(g) => self.tally.group(g),
        }
    }

    fn node_now(&self, n: usize) -> Option<f64> {
        if n == self.top {
            self.tally.overall()
        } else {
            self.tally.group(n)
        }
    }

    /// A node's best value with at most `k` changes (`FREE`: any number).
    fn value_at(&self, n: usize, k: usize) -> Option<f64> {
        if k == FREE {
            return self.free[n].0;
        }
        let v = &self.value[n];
        v[k.min(v.len() - 1)]
    }

    fn how_at(&self, n: usize, k: usize) -> How {
        if k == FREE {
            return self.free[n].1;
        }
        let h = &self.how[n];
        h[k.min(h.len() - 1)]
    }

    /// The members to change, each with its number of changes, that maximise
    /// sum(w (v - λ)) over the node's counted members with at most `cap` changes.
    fn allocate(&self, n: usize, lam: f64, cap: usize) -> Vec<(Member, usize)> {
        let term = |w: f64, v: Option<f64>| v.map_or(0.0, |v| w * (v - lam));
        let mut items: Vec<(f64, Member)> = Vec::new();
        let mut kids: Vec<(Member, Vec<f64>)> = Vec::new();
        for &m in self.members(n) {
            let w = self.scorer.member_weight(m);
            let now = term(w, self.now(m));
            match m {
                Member::Indicator(i) => {
                    if let Some(b) = self.best[i] {
                        let gain = term(w, Some(b)) - now;
                        if gain > 0.0 {
                            items.push((gain, m));
                        }
                    }
                }
                Member::Group(g) if self.count[g] > 0 => {
                    if cap == FREE {
                        let gain = term(w, self.value_at(g, FREE)) - now;
                        if gain > 0.0 {
                            items.push((gain, m));
                        }
                    } else {
                        let most = cap.min(self.count[g]);
                        let gains = (0..=most)
                            .map(|j| (term(w, self.value_at(g, j)) - now).max(0.0))
                            .collect();
                        kids.push((m, gains));
                    }
                }
                Member::Group(_) => {}
            }
        }
        // Largest gain first; equal gains in document order (the sort is stable).
        sort_by(&mut items, |a, b| b.0.total_cmp(&a.0));
        if cap == FREE {
            return items.into_iter().map(|(_, m)| (m, FREE)).collect();
        }
        items.truncate(cap);
        let total = cap.min(items.len() + kids.iter().map(|(_, g)| g.len() - 1).sum::<usize>());
        // best[j]: the largest gain with at most j changes.
        let mut best = Vec::with_capacity(total + 1);
        let mut acc = 0.0;
        best.push(acc);
        for j in 1..=total {
            if let Some(item) = items.get(j - 1) {
                acc += item.0;
            }
            best.push(acc);
        }
        let mut picks: Vec<Vec<usize>> = Vec::with_capacity(kids.len());
        for (_, gains) in &kids {
            let mut next = best.clone();
            let mut pick = vec![0; total + 1];
            for j in 1..=total {
                for (t, g) in gains.iter().enumerate().take(j + 1).skip(1) {
                    let v = best[j - t] + g;
                    if v > next[j] {
                        next[j] = v;
                        pick[j] = t;
                    }
                }
            }
            best = next;
            picks.push(pick);
        }
        let mut j = total;
        let mut out = Vec::new();
        for ((m, _), pick) in kids.iter().zip(&picks).rev() {
            let t = pick[j];
            if t > 0 {
                out.push((*m, t));
                j -= t;
            }
        }
        out.extend(items.iter().take(j).map(|(_, m)| (*m, 1)));
        out
    }

    /// The node's value after an allocation.
    fn ratio(&self, n: usize, changes: &[(Member, usize)]) -> Option<f64> {
        let (mut num, mut den) = self.base[n];
        for &(m, t) in changes {
            let w = self.scorer.member_weight(m);
            if let Some(v) = self.now(m) {
                num -= w * v;
                den -= w;
            }
            let v = match m {
                Member::Indicator(i) => self.best[i],
                Member::Group(g) => self.value_at(g, t),
            };
            if let Some(v) = v {
                num += w * v;
                den += w;
            }
        }
        (den > 0.0).then(|| num / den)
    }

    /// Dinkelbach's method from a value already reachable (`None`: the node counts nothing yet).
    fn solve(&self, n: usize, cap: usize, start: Option<f64>) -> (Option<f64>, How) {
        let mut lam = start.unwrap_or(self.floor);
        let (mut best, mut how) = (start, None);
        for _ in 0..ROUNDS {
            let changes = self.allocate(n, lam, cap);
            match self.ratio(n, &changes) {
                Some(r) if r > lam => {
                    (best, how) = (Some(r), Some((lam, cap)));
                    lam = r;
                }
                _ => break,
            }
        }
        (best, how)
    }

    /// The indicators changed by a node's allocation, recursively.
    fn rebuild(&self, n: usize, how: How, out: &mut Vec<usize>) {
        let Some((lam, cap)) = how else { return };
        for (m, t) in self.allocate(n, lam, cap) {
            match m {
                Member::Indicator(i) => out.push(i),
                Member::Group(g) => self.rebuild(g, self.how_at(g, t), out),
            }
        }
    }

    /// The indicators whose best answers give the highest overall score, and that score.
    pub(crate) fn highest(&mut self) -> Vec<usize> {
        for n in self.order() {
            let now = self.node_now(n);
            self.free[n] = self.solve(n, FREE, now);
        }
        let mut out = Vec::new();
        self.rebuild(self.top, self.free[self.top].1, &mut out);
        out
    }

    /// The fewest indicators, at most `most`, whose best answers make `reaches` true, checked
    /// by `reaches` on the real scorer's tally too; `None` when no such set was found.
    pub(crate) fn search(
        &mut self,
        most: usize,
        reaches: &dyn Fn(Option<f64>) -> bool,
        confirm: &dyn Fn(&[usize]) -> bool,
    ) -> Option<Vec<usize>> {
        if self.count[self.top] == 0 {
            return None;
        }
        let order = self.order();
        for k in 1..=most.min(self.count[self.top]) {
            for &n in &order {
                if self.count[n] < k {
                    continue;
                }
                let start = self.value[n][k - 1];
                let (v, how) = self.solve(n, k, start);
                let how = how.or(self.how[n][k - 1]);
                self.value[n].push(v);
                self.how[n].push(how);
            }
            if reaches(self.value[self.top][k]) {
                let mut out = Vec::new();
                self.rebuild(self.top, self.how[self.top][k], &mut out);
                if out.len() <= k && confirm(&out) {
                    return Some(out);
                }
            }
        }
        None
    }
}

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
