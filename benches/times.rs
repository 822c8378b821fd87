//! Criterion benchmarks of the time stage.
//!
//! Two groups, each measuring real work and checking its answer inside the timed loop:
//!
//! - `times/seed-corpus`: ~1 MB of news built from the two seed texts, as ~2–4 KB documents
//!   (the same documents as `entities/seed-corpus` in `benches/entities.rs`: same seed, same
//!   construction), through `TimeTagger::tag` one document at a time, and through one compiled
//!   date regex over the same documents (the floor a scan for explicit dates could reach).
//! - `times/document-size`: the same two on one document made of the corpus concatenated to
//!   10 KB, 100 KB, 1 MB and 10 MB, to show that the cost is linear in the length.
//!
//! Every input is deterministic, so the expected counts are computed once per run, before
//! timing, and any change that makes a run faster by finding something else fails the
//! assertion instead of looking like a win.
//!
//! Run: `cargo bench --bench times` (add `-- --quick` while iterating). Figures:
//! `benches/RESULTS.md`.

mod common;

use annals::time::{Mode, TimeTagger};
use chrono::NaiveDate;
use common::{counting, mb, seed_texts};
use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use regex::Regex;
use std::hint::black_box;
use std::time::Duration;

/// Sizes of the single documents of `times/document-size`, in bytes.
const DOCUMENT_SIZES: [usize; 4] = [10_000, 100_000, 1_000_000, 10_000_000];

/// The publication date every document is tagged with (the seed texts' day after).
fn published() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2020, 1, 4)
}

/// One document of about `size` bytes: the corpus documents joined by blank lines, cycling
/// through them as often as needed, cut at the last paragraph break at or before `size`.
fn one_document(docs: &[String], size: usize) -> String {
    let mut text = String::with_capacity(size + 8192);
    for doc in docs.iter().cycle() {
        for paragraph in doc.split("\n\n") {
            let extra = if text.is_empty() { 0 } else { 2 } + paragraph.len();
            if text.len() + extra > size {
                return text;
            }
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(paragraph);
        }
    }
    unreachable!("`cycle` over a non-empty corpus never ends")
}

fn total_bytes(docs: &[String]) -> usize {
    docs.iter().map(String::len).sum()
}

// ---------------------------------------------------------------------------------------------
// The baseline: one compiled date regex.
// ---------------------------------------------------------------------------------------------

/// The date regex of the peer benchmark's fastest date row ("rust regex dates, ASCII \b" in
/// `../shared/peers/RESULTS.md`, 506 MB/s on the peers' corpus). Written here again from its
/// definition in `../shared/peers/limit/src/main.rs` (`date_regex(true)`): three explicit date
/// shapes — "3 January 2020", "January 3, 2020", "2020-01-03" — with full English month names,
/// Unicode `\d`, and ASCII word boundaries `(?-u:\b)` at both ends (17× faster than Unicode
/// `\b` there). It finds explicit dates only: no weekdays, no relative or vague expressions,
/// no durations.
fn date_regex() -> Regex {
    const MONTH_NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = MONTH_NAMES.join("|");
    let day_month_year = format!(r"\d{{1,2}} (?:{month}) \d{{4}}");
    let month_day_year = format!(r"(?:{month}) \d{{1,2}}, \d{{4}}");
    let iso = r"\d{4}-\d{2}-\d{2}";
    let pattern = format!(r"(?-u:\b)(?:{day_month_year}|{month_day_year}|{iso})(?-u:\b)");
    Regex::new(&pattern).expect("the date regex compiles")
}

fn regex_count(re: &Regex, text: &str) -> usize {
    re.find_iter(black_box(text)).count()
}

fn regex_count_all(re: &Regex, docs: &[String]) -> usize {
    docs.iter().map(|d| regex_count(re, d)).sum()
}

fn tag_count(tagger: &TimeTagger, text: &str) -> usize {
    tagger.tag(black_box(text), published(), Mode::News).len()
}

fn tag_count_all(tagger: &TimeTagger, docs: &[String]) -> usize {
    docs.iter().map(|d| tag_count(tagger, d)).sum()
}

// ---------------------------------------------------------------------------------------------
// Benchmarks.
// ---------------------------------------------------------------------------------------------

/// `times/seed-corpus`: MB/s of the time stage (`TimeTagger::tag`, news mode, published
/// 2020-01-04) over ~1 MB of real news made of the seed texts, document by document, next to
/// one compiled date regex over the same documents.
fn seed_corpus_bench(c: &mut Criterion) {
    let docs = seed_texts();
    let bytes = total_bytes(&docs);
    let tagger = TimeTagger::new().expect("the bundled time data parses (the crate's tests check it)");
    let re = date_regex();

    let expected = tag_count_all(&tagger, &docs);
    let expected_regex = regex_count_all(&re, &docs);
    eprintln!(
        "seed-corpus: {} documents, {bytes} bytes ({:.2} MB); the time stage finds {expected} \
         expressions, the date regex {expected_regex} dates",
        docs.len(),
        mb(bytes),
    );
    assert!(expected > docs.len(), "the seed corpus has several time expressions per document");
    assert!(expected_regex > 0, "the seed corpus has explicit dates");

    let mut group = c.benchmark_group("times/seed-corpus");
    group.throughput(Throughput::Bytes(bytes as u64));
    // Flat sampling: each sample is a few whole passes over the corpus, so criterion's linear
    // ramp of 1, 2, … passes per sample would overrun the target time.
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(20).warm_up_time(Duration::from_secs(2)).measurement_time(Duration::from_secs(6));
    group.bench_function("annals-time-stage", |b| {
        counting(b, "the time stage", expected, || tag_count_all(&tagger, &docs))
    });
    group.bench_function("date-regex", |b| {
        counting(b, "the date regex", expected_regex, || regex_count_all(&re, &docs))
    });
    group.finish();
}

/// `times/document-size`: the time stage and the date regex on one document of 10 KB …
/// 10 MB (the corpus concatenated), to show whether the cost per byte stays flat.
fn document_size_bench(c: &mut Criterion) {
    let docs = seed_texts();
    let tagger = TimeTagger::new().expect("the bundled time data parses (the crate's tests check it)");
    let re = date_regex();

    let mut group = c.benchmark_group("times/document-size");
    group.sampling_mode(SamplingMode::Flat);
    for size in DOCUMENT_SIZES {
        let text = one_document(&docs, size);
        let expected = tag_count(&tagger, &text);
        let expected_regex = regex_count(&re, &text);
        eprintln!(
            "document-size {size}: one document of {} bytes; the time stage finds {expected} \
             expressions, the date regex {expected_regex} dates",
            text.len(),
        );
        assert!(expected > 0 && expected_regex > 0, "every document size has dates in it");

        group.throughput(Throughput::Bytes(text.len() as u64));
        if size >= 10_000_000 {
            group
                .sample_size(10)
                .warm_up_time(Duration::from_secs(1))
                .measurement_time(Duration::from_secs(8));
        } else {
            group
                .sample_size(20)
                .warm_up_time(Duration::from_secs(1))
                .measurement_time(Duration::from_secs(4));
        }
        group.bench_with_input(BenchmarkId::new("annals-time-stage", size), &text, |b, text| {
            counting(b, "the time stage", expected, || tag_count(&tagger, text))
        });
        group.bench_with_input(BenchmarkId::new("date-regex", size), &text, |b, text| {
            counting(b, "the date regex", expected_regex, || regex_count(&re, text))
        });
    }
    group.finish();
}

criterion_group!(benches, seed_corpus_bench, document_size_bench);
criterion_main!(benches);
