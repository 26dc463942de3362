//! How fast scoring is, on synthetic sets of 50, 500 and 5,000 indicators (mixed answer
//! kinds, groups three levels deep, every indicator answered; see `tests/common/synth.rs`).
//!
//! ```sh
//! cargo bench --bench score -- --warm-up-time 1 --measurement-time 2
//! ```
//!
//! Measured: `Scorer::score` with the set compiled once outside the loop (the target is under
//! 1 µs per indicator), `Scorer::new` (compiling), `advise_with` at 500 indicators (and under `exclude` at 500 and 5,000), and an
//! incremental `Scorer::update` of one indicator at 5,000 (what the widget does per keystroke).
//! After the run, the scoring time per indicator is printed for each size, both as CPU time
//! (Linux) and by the wall clock: on a busy shared machine only the former is meaningful.

#[cfg(not(target_arch = "wasm32"))]
#[path = "../tests/common/synth.rs"]
mod synth;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;
    use std::time::Instant;

    use criterion::{BenchmarkId, Criterion, Throughput};
    use swanilai::{Scorer, advise_with};

    use super::synth;

    const SIZES: [usize; 3] = [50, 500, 5000];

    pub fn score(c: &mut Criterion) {
        let mut g = c.benchmark_group("score");
        for n in SIZES {
            let set = synth::set(n);
            let a = synth::assessment(&set);
            let scorer = Scorer::new(&set);
            g.throughput(Throughput::Elements(n as u64));
            g.bench_with_input(BenchmarkId::from_parameter(n), &a, |b, a| {
                b.iter(|| scorer.score(black_box(a)));
            });
        }
        g.finish();
    }

    pub fn compile(c: &mut Criterion) {
        let mut g = c.benchmark_group("scorer_new");
        for n in SIZES {
            let set = synth::set(n);
            g.throughput(Throughput::Elements(n as u64));
            g.bench_with_input(BenchmarkId::from_parameter(n), &set, |b, set| {
                b.iter(|| Scorer::new(black_box(set)));
            });
        }
        g.finish();
    }

    pub fn advise(c: &mut Criterion) {
        let set = synth::set(500);
        let a = synth::assessment(&set);
        let scorer = Scorer::new(&set);
        let mut g = c.benchmark_group("advise_with");
        g.throughput(Throughput::Elements(500));
        g.bench_function("500", |b| {
            b.iter(|| advise_with(&scorer, black_box(&a), Some(10)))
        });
        // Under `exclude`, with every third indicator unanswered: the plan is searched exactly.
        for n in [500, 5000] {
            let mut set = synth::set(n);
            set.unanswered = swanilai::UnansweredPolicy::Exclude;
            let mut a = synth::assessment(&set);
            for (i, ind) in set.indicators().enumerate() {
                if i % 3 == 0 {
                    a.answers.remove(&ind.id);
                }
            }
            let scorer = Scorer::new(&set);
            g.bench_function(format!("{n}-exclude"), |b| {
                b.iter(|| advise_with(&scorer, black_box(&a), Some(10)))
            });
        }
        g.finish();
    }

    pub fn update(c: &mut Criterion) {
        let set = synth::set(5000);
        let a = synth::assessment(&set);
        let scorer = Scorer::new(&set);
        let mut tally = scorer.tally(scorer.indicator_scores(&a));
        let i = scorer.indicator_count() / 2;
        let mut flip = false;
        let mut g = c.benchmark_group("update_one");
        g.bench_function("5000", |b| {
            b.iter(|| {
                flip = !flip;
                scorer.update(&mut tally, black_box(i), Some(if flip { 5.0 } else { 1.0 }));
                tally.overall()
            });
        });
        g.finish();
    }

    /// CPU time this thread has used, in nanoseconds (Linux; `None` elsewhere). Unlike the
    /// wall clock it does not count time the thread waited for a core, so it stays
    /// meaningful on a shared, busy machine.
    fn thread_cpu_ns() -> Option<u64> {
        let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
        // Fields after the parenthesised command name: state is field 3, utime 14, stime 15,
        // both in clock ticks of 1/100 s (USER_HZ).
        let rest = &stat[stat.rfind(')')? + 2..];
        let fields: Vec<&str> = rest.split_whitespace().collect();
        let ticks: u64 =
            fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
        Some(ticks * 10_000_000)
    }

    /// Nanoseconds per indicator for `Scorer::score`, by CPU time (about one CPU second per
    /// size) and by the wall clock, printed beside Criterion's report.
    pub fn per_indicator_summary() {
        println!("\nScorer::score per indicator (set compiled once):");
        for n in SIZES {
            let set = synth::set(n);
            let a = synth::assessment(&set);
            let scorer = Scorer::new(&set);
            let batch = (20_000 / n).max(1);
            let (cpu0, wall0) = (thread_cpu_ns(), Instant::now());
            let mut runs = 0;
            loop {
                for _ in 0..batch {
                    black_box(scorer.score(black_box(&a)));
                }
                runs += batch;
                let cpu = thread_cpu_ns().zip(cpu0).map(|(c, c0)| c - c0);
                let done = match cpu {
                    Some(c) => c >= 1_000_000_000,
                    None => wall0.elapsed().as_secs_f64() >= 1.0,
                };
                if done {
                    let per = |ns: f64| ns / (runs * n) as f64;
                    let wall = per(wall0.elapsed().as_nanos() as f64);
                    match cpu {
                        Some(c) => println!(
                            "  {n:>5} indicators: {:>6.0} ns CPU, {wall:>6.0} ns wall clock",
                            per(c as f64)
                        ),
                        None => println!("  {n:>5} indicators: {wall:>6.0} ns wall clock"),
                    }
                    break;
                }
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let mut c = criterion::Criterion::default().configure_from_args();
    native::score(&mut c);
    native::compile(&mut c);
    native::advise(&mut c);
    native::update(&mut c);
    c.final_summary();
    // Only for a real run (`cargo bench` passes --bench), not when tests run the target once.
    if std::env::args().any(|a| a == "--bench") {
        native::per_indicator_summary();
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
