//! Criterion benchmarks of the events stage and of timeline merging.
//!
//! - `events/seed-corpus`: the ~1 MB seed-derived corpus of `benches/common` (the same
//!   documents as the entity and time benches), through [`Extractor::events`] (the events stage
//!   over each document's extracted entities and times: segmentation, trigger lookup and the
//!   rules), beside a bare baseline: one ASCII-case-insensitive `aho-corasick` scan for every
//!   trigger form of `data/events/triggers.tsv` over the same documents.
//! - `timeline/merge`: 10^3, 10^4 and 10^5 one-document timelines (short generated reports of
//!   attacks, protests and killings on 16 days, among 12 actors and 10 places), merged with
//!   `Timeline::merge_all` and clustered into entries with `Timeline::entries`. Throughput is
//!   in documents: near-constant elements/s across sizes means near-linear cost.
//!
//! Answers are checked inside the timed loop against counts computed before timing.
//!
//! Run: `cargo bench --bench events`. Figures: `benches/RESULTS.md`.

mod common;

use aho_corasick::{AhoCorasick, MatchKind};
use annals::{Document, Extraction, Extractor, Timeline};
use chrono::NaiveDate;
use common::{Rng, counting, mb, seed_texts};
use criterion::{
    BatchSize, BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use std::hint::black_box;
use std::time::Duration;

const TRIGGERS: &str = include_str!("../data/events/triggers.tsv");

fn published() -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 1, 4).expect("valid date")
}

/// Every surface form of the trigger file, for the baseline scan.
fn trigger_forms() -> Vec<String> {
    TRIGGERS
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split('\t').nth(4))
        .flat_map(|forms| forms.split('|'))
        .filter(|f| *f != "-")
        .map(str::to_string)
        .collect()
}

fn stage(c: &mut Criterion) {
    let extractor = Extractor::new().expect("bundled data");
    let docs: Vec<Document> = seed_texts()
        .into_iter()
        .enumerate()
        .map(|(i, t)| Document::new(i.to_string(), t).published(published()))
        .collect();
    let extractions: Vec<Extraction> = docs.iter().map(|d| extractor.extract(d)).collect();
    let expected_events: usize = extractions.iter().map(|x| x.events.len()).sum();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let scan = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(trigger_forms())
        .expect("trigger automaton");
    let expected_hits: usize = docs.iter().map(|d| scan.find_iter(&d.text).count()).sum();
    eprintln!("events/seed-corpus: {} documents, {:.2} MB, {expected_events} events", docs.len(), mb(bytes));

    let mut group = c.benchmark_group("events/seed-corpus");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("events-stage", |b| {
        counting(b, "the events stage", expected_events, || {
            docs.iter().zip(&extractions).map(|(d, x)| extractor.events(d, x).len()).sum()
        })
    });
    group.bench_function("aho-corasick-trigger-scan", |b| {
        counting(b, "the trigger scan", expected_hits, || {
            docs.iter().map(|d| scan.find_iter(&d.text).count()).sum()
        })
    });
    group.finish();
}

/// `n` one-document timelines of generated reports.
fn timelines(extractor: &Extractor, n: usize) -> Vec<Timeline> {
    const ACTORS: [&str; 12] = [
        "Iran",
        "Iraq",
        "the United States",
        "Israel",
        "Turkey",
        "Syria",
        "Kataib Hezbollah",
        "the Pentagon",
        "Saudi Arabia",
        "Russia",
        "the IRGC",
        "Hezbollah",
    ];
    const PLACES: [&str; 10] =
        ["Baghdad", "Tehran", "Erbil", "Kirkuk", "Damascus", "Beirut", "Mosul", "Basra", "Karbala", "Najaf"];
    // The last shape dates nothing: its strike is dated by publication and finds its day
    // among the earlier ones by its words and participants.
    const SHAPES: [&str; 5] = [
        "{a} struck {b} near {p} on {d} January 2020.",
        "Protesters marched against {b} in {p} on {d} January 2020.",
        "{a} said a strike killed several people in {p} on {d} January 2020.",
        "Crowds attended the funeral in {p} on {d} January 2020, a day after {a} attacked {b}.",
        "{a} condemned the strike by {b} in {p}.",
    ];
    let mut rng = Rng::new(7);
    (0..n)
        .map(|i| {
            let day = rng.range(1, 16);
            let (shape, a, b, p) = (
                *rng.pick(&SHAPES[..]),
                *rng.pick(&ACTORS[..]),
                *rng.pick(&ACTORS[..]),
                *rng.pick(&PLACES[..]),
            );
            let text =
                shape.replace("{a}", a).replace("{b}", b).replace("{p}", p).replace("{d}", &day.to_string());
            let doc = Document::new(format!("doc-{i:06}"), text)
                .published(NaiveDate::from_ymd_opt(2020, 1, day as u32 + 1).expect("valid date"));
            extractor.timeline(&doc, &extractor.extract(&doc))
        })
        .collect()
}

fn merge(c: &mut Criterion) {
    let extractor = Extractor::new().expect("bundled data");
    let mut group = c.benchmark_group("timeline/merge");
    group.sampling_mode(SamplingMode::Flat).sample_size(10).measurement_time(Duration::from_secs(10));
    for n in [1_000, 10_000, 100_000] {
        let parts = timelines(&extractor, n);
        let reports: usize = parts.iter().map(|t| t.reports().len()).sum();
        let expected = Timeline::merge_all(parts.iter().cloned()).entries();
        let placed: usize = expected.iter().map(|e| e.sources.len()).sum();
        let published = parts
            .iter()
            .flat_map(|t| t.reports())
            .filter(|r| r.event.time_source == annals::events::TimeSource::Published)
            .count();
        eprintln!(
            "timeline/merge {n}: {reports} reports ({published} dated by publication), {} entries",
            expected.len()
        );
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("merge-all+entries", n), &parts, |b, parts| {
            b.iter_batched(
                || parts.clone(),
                |parts| {
                    let entries = Timeline::merge_all(parts).entries();
                    assert_eq!(entries.iter().map(|e| e.sources.len()).sum::<usize>(), placed);
                    black_box(entries.len())
                },
                BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, stage, merge);
criterion_main!(benches);
