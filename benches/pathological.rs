//! Criterion benchmarks on pathological input: time must stay linear in the length.
//!
//! Each shape of the reliability issue is built at three sizes, a hundredth, a tenth and the
//! whole of its largest size, and run through the whole pipeline (`Extractor::extract`: text,
//! entities, times, resolve, events) next to the bare gazetteer scan
//! (`Extractor::gazetteer_mentions`, one aho-corasick pass) over the same text. Throughput is
//! in bytes, so linear time shows as the same MB/s at all three sizes; a quadratic rule would
//! lose a factor of ten per step.
//!
//! - `no-whitespace`: 1 MB of letters, digits and punctuation without a space or newline;
//! - `digits`: 10^5 digits;
//! - `capitalised-words`: 10^4 capitalised words in a row (a name rule's worst case);
//! - `dates-one-line`: 10^4 dates on one line (`3 January 2020, `…);
//! - `nested-brackets`: 10^4 nested parentheses and quotes, then as many closing;
//! - `mixed-scripts`: Arabic, Persian, Cyrillic, Chinese, emoji sequences, combining marks and
//!   bidi marks, with Latin names and dates between them;
//! - `invalid-utf8`: JSON Lines where every other line has an invalid byte, through
//!   `annals::input::JsonLines` (the library takes `&str`; bytes are the reader's job), next to
//!   `std::str::from_utf8` over the same bytes;
//! - `same-day-reports`: 10^2…10^4 documents that each report the death of a different person
//!   on the same day, merged and clustered (the worst day for clustering: every report is
//!   compared with the day's clusters of its kind), in documents per second;
//! - `told-as`: as many attacks and protests of one day on different targets, every attack
//!   told as the protest on its target (clustering step 5);
//! - `linked`: as many documents whose deaths, dated through a link, move to the next day's
//!   attack, so that `Timeline::entries` clusters everything twice.
//!
//! Every count is computed once before timing and checked inside the timed loop.
//!
//! Run: `cargo bench --bench pathological` (add `-- --quick` while iterating). Figures:
//! `benches/RESULTS.md`.

mod common;

use annals::input::JsonLines;
use annals::{Document, Extractor, Timeline};
use common::{counting, mb};
use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

/// Repeats `pieces` in turn until the text has `count` pieces.
fn cycle(pieces: &[&str], count: usize) -> String {
    pieces.iter().cycle().take(count).copied().collect()
}

/// The shapes: (name, unit, one text per size). Sizes are a hundredth, a tenth and the whole.
fn shapes() -> Vec<(&'static str, Vec<String>)> {
    let scales = [100, 10, 1];
    let at = |top: usize, make: &dyn Fn(usize) -> String| scales.iter().map(|s| make(top / s)).collect();
    vec![
        (
            "no-whitespace",
            at(1_000_000, &|n| {
                let unit = "Soleimani,IRGC.U.S.(Baghdad)3January2020;x-y/z#tag@user'’\"…";
                unit.chars()
                    .cycle()
                    .scan(0, |len, c| {
                        (*len < n).then(|| {
                            *len += c.len_utf8();
                            c
                        })
                    })
                    .collect()
            }),
        ),
        ("digits", at(100_000, &|n| "1234567890".chars().cycle().take(n).collect())),
        (
            "capitalised-words",
            at(10_000, &|n| cycle(&["Capital ", "Baghdad ", "Qasem ", "Minister ", "Of ", "General "], n)),
        ),
        (
            "dates-one-line",
            at(10_000, &|n| cycle(&["3 January 2020, ", "Jan. 4, ", "Friday night, ", "2020-01-05, "], n)),
        ),
        (
            "nested-brackets",
            at(10_000, &|n| {
                let mut text = cycle(&["(", "\"", "[", "“", "'"], n);
                text.push_str("Soleimani was killed on Friday");
                text.push_str(&cycle(&[")", "\"", "]", "”", "'"], n));
                text
            }),
        ),
        (
            "mixed-scripts",
            at(10_000, &|n| {
                cycle(
                    &[
                        "قاسم سليماني ",
                        "سردار سلیمانی ",
                        "Иран ",
                        "伊朗革命卫队 ",
                        "🇮🇷🇺🇸 ",
                        "👨‍👩‍👧‍👦 ",
                        "e\u{301}\u{302} ",
                        "\u{200f}\u{202e}Baghdad\u{202c} ",
                        "İstanbul ",
                        "on 3 January 2020 ",
                        "killed ",
                    ],
                    n,
                )
            }),
        ),
    ]
}

fn found(extractor: &Extractor, text: &str) -> usize {
    let x = extractor.extract(&Document::new("p", black_box(text)));
    x.sentences.len() + x.entities.len() + x.times.len() + x.events.len()
}

fn extraction_bench(c: &mut Criterion) {
    let extractor = Extractor::new().expect("the bundled data builds");
    for (shape, texts) in shapes() {
        let mut group = c.benchmark_group(format!("pathological/{shape}"));
        group.sampling_mode(SamplingMode::Flat);
        group
            .sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(2));
        for text in &texts {
            let expected = found(&extractor, text);
            let expected_scan = extractor.gazetteer_mentions(text).len();
            eprintln!(
                "{shape}: {} bytes ({:.3} MB): {expected} results, {expected_scan} gazetteer matches",
                text.len(),
                mb(text.len())
            );
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new("extract", text.len()), text, |b, text| {
                counting(b, "extract", expected, || found(&extractor, text));
            });
            group.bench_with_input(BenchmarkId::new("gazetteer-scan", text.len()), text, |b, text| {
                counting(b, "the gazetteer scan", expected_scan, || {
                    extractor.gazetteer_mentions(black_box(text)).len()
                });
            });
        }
        group.finish();
    }
}

/// JSON Lines of `lines` lines, every other one holding an invalid byte in its text.
fn invalid_utf8_lines(lines: usize) -> Vec<u8> {
    let mut bytes = Vec::new();
    for i in 0..lines {
        bytes.extend_from_slice(
            format!("{{\"id\": \"d{i}\", \"text\": \"Soleimani was killed in Baghdad").as_bytes(),
        );
        if i % 2 == 1 {
            bytes.push(0xff);
        }
        bytes.extend_from_slice(b" on Friday.\"}\n");
    }
    bytes
}

fn invalid_utf8_bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("pathological/invalid-utf8");
    group.sample_size(10).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(2));
    for lines in [100, 1_000, 10_000] {
        let bytes = invalid_utf8_lines(lines);
        let read = |bytes: &[u8]| JsonLines::new("p.jsonl", black_box(bytes)).filter(Result::is_err).count();
        let expected = read(&bytes);
        assert_eq!(expected, lines / 2, "every other line is reported");
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(BenchmarkId::new("json-lines", bytes.len()), &bytes, |b, bytes| {
            counting(b, "bad lines", expected, || read(bytes));
        });
        group.bench_with_input(BenchmarkId::new("from-utf8-per-line", bytes.len()), &bytes, |b, bytes| {
            counting(b, "bad lines", expected, || {
                black_box(bytes).split(|&b| b == b'\n').filter(|l| std::str::from_utf8(l).is_err()).count()
            });
        });
    }
    group.finish();
}

/// A made-up surname for `i` (four syllables from sixteen: 65 536 names), so that each report
/// names a different victim.
fn surname(mut i: usize) -> String {
    const SYLLABLES: [&str; 16] =
        ["ba", "ka", "ri", "mo", "sa", "de", "lu", "na", "ze", "ha", "to", "vi", "go", "fe", "pi", "ru"];
    let mut name = String::new();
    for _ in 0..4 {
        name.push_str(SYLLABLES[i % 16]);
        i /= 16;
    }
    let mut chars = name.chars();
    chars.next().map(|first| first.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
}

fn same_day_bench(c: &mut Criterion) {
    // Each report names a different victim, so no two deaths are one event: the day holds as
    // many deaths as documents (and one air strike without participants).
    one_day_merges(c, "same-day-reports", |name| {
        format!("Commander Ali {name} was killed in an air strike on 3 January 2020.")
    });
}

/// One day's attacks and protests on thousands of different targets: every attack is the
/// protest on its target told in other words (`told-as` in kinds.tsv), so clustering step 5
/// compares the day's attack cluster with its protest cluster, each naming every target.
fn told_as_bench(c: &mut Criterion) {
    one_day_merges(c, "told-as", |name| {
        format!(
            "Protesters besieged Commander Ali {name} on 3 January 2020. Militiamen attacked Commander Ali \
             {name} on 3 January 2020."
        )
    });
}

/// Every document tells deaths dated through a link ("attacked … late on 2 January 2020,
/// killing 12 people") to an attack that the timeline puts on the next day: each death moves
/// to that day and the reports are clustered a second time (`Timeline::entries`), the most
/// that following links can cost.
fn linked_bench(c: &mut Criterion) {
    one_day_merges(c, "linked", |name| {
        format!(
            "Officials said Thursday that militiamen attacked Commander Ali {name} late on 2 January 2020, \
             killing 12 people. Militiamen attacked Commander Ali {name} on 3 January 2020. The attack on \
             Commander Ali {name} on 3 January 2020 was condemned."
        )
    });
}

/// Merges and clusters 10^2, 10^3 and 10^4 one-document timelines published on one day, the
/// i-th document's text made by `text` from the i-th made-up surname.
fn one_day_merges(c: &mut Criterion, shape: &str, text: impl Fn(&str) -> String) {
    let extractor = Extractor::new().expect("the bundled data builds");
    let mut group = c.benchmark_group(format!("pathological/{shape}"));
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(3));
    let day = chrono::NaiveDate::from_ymd_opt(2020, 1, 3).expect("a date");
    let all: Vec<Timeline> = (0..10_000)
        .map(|i| {
            let doc = Document::new(format!("d{i:05}"), text(&surname(i))).published(day);
            extractor.timeline(&doc, &extractor.extract(&doc))
        })
        .collect();
    for documents in [100, 1_000, 10_000] {
        let timelines = &all[..documents];
        let merge = || Timeline::merge_all(timelines.iter().cloned()).entries().len();
        let expected = merge();
        eprintln!("{shape}: {documents} documents → {expected} entries");
        group.throughput(Throughput::Elements(documents as u64));
        group.bench_with_input(BenchmarkId::new("merge-and-cluster", documents), &documents, |b, _| {
            counting(b, "entries", expected, merge);
        });
    }
    group.finish();
}

criterion_group!(benches, extraction_bench, invalid_utf8_bench, same_day_bench, told_as_bench, linked_bench);
criterion_main!(benches);
