//! Criterion benchmarks of the entity stage.
//!
//! Three groups, each measuring real work and checking its answer inside the timed loop:
//!
//! - `entities/seed-corpus`: ~1 MB of news built from the two seed texts, as ~2–4 KB documents,
//!   through `Extractor::new()` (bundled data) and through a bare `aho-corasick` automaton over
//!   the same bundled gazetteer names (the floor a gazetteer scan could reach).
//! - `entities/gazetteer-size`: the same comparison with synthetic gazetteers of 10^3 … 10^6
//!   names over ~1 MB of synthetic news that mentions some of them.
//! - `entities/build`: the time to build an `Extractor` with each synthetic gazetteer.
//!
//! Every input is deterministic (a seeded xorshift generator below, no `rand`), so the
//! expected counts are computed once per run and any change that makes a run faster by
//! finding something else fails the assertion instead of looking like a win.
//!
//! Run: `cargo bench --bench entities` (add `-- --quick` while iterating). Figures:
//! `benches/RESULTS.md`.

mod common;

use aho_corasick::{AhoCorasick, MatchKind};
use annals::{Document, Extractor};
use common::{CORPUS_BYTES, Rng, counting, into_texts, mb, seed_texts};
use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use std::collections::HashSet;
use std::hint::black_box;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Gazetteer sizes (name + alias values) of the scaling benchmarks.
const SIZES: [usize; 4] = [1_000, 10_000, 100_000, 1_000_000];

/// The file name the synthetic gazetteer is given (rule ids start with `gazetteer:` + this).
const SYNTHETIC_FILE: &str = "synthetic.tsv";

// ---------------------------------------------------------------------------------------------
// Inputs.
// ---------------------------------------------------------------------------------------------

/// Joins `paragraphs` into documents of ~2–4 KB (`common::into_texts`), named
/// `{prefix}-0000`, `{prefix}-0001`, ….
fn into_documents(
    prefix: &str,
    paragraphs: impl IntoIterator<Item = String>,
    rng: &mut Rng,
) -> Vec<Document> {
    let texts = into_texts(paragraphs, rng).into_iter().enumerate();
    texts.map(|(i, text)| Document::new(format!("{prefix}-{i:04}"), text)).collect()
}

fn total_bytes(docs: &[Document]) -> usize {
    docs.iter().map(|d| d.text.len()).sum()
}

/// The seed corpus of `common::seed_texts`, as documents `seed-0000`, `seed-0001`, ….
fn seed_corpus() -> Vec<Document> {
    let texts = seed_texts().into_iter().enumerate();
    texts.map(|(i, text)| Document::new(format!("seed-{i:04}"), text)).collect()
}

/// Every name and alias value of a gazetteer TSV (`kind<TAB>id<TAB>name<TAB>aliases`),
/// skipping comments and blank lines as the library's reader does.
fn tsv_names(tsv: &str) -> impl Iterator<Item = &str> {
    tsv.strip_prefix('\u{feff}')
        .unwrap_or(tsv)
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .flat_map(|line| {
            let mut fields = line.trim_end_matches('\r').split('\t').skip(2);
            let name = fields.next();
            let aliases = fields.next().unwrap_or("");
            name.into_iter().chain(aliases.split('|')).map(str::trim).filter(|s| !s.is_empty())
        })
}

/// The bundled gazetteers (`annals::data::BUNDLED` entries under `data/gazetteer/`).
fn bundled_gazetteers() -> impl Iterator<Item = &'static str> {
    annals::data::BUNDLED
        .iter()
        .filter(|(path, _)| path.starts_with("data/gazetteer/"))
        .map(|(_, text)| *text)
}

// ---------------------------------------------------------------------------------------------
// The baseline: one bare aho-corasick automaton.
// ---------------------------------------------------------------------------------------------

/// One leftmost-longest, ASCII-case-insensitive automaton over `names` (duplicates up to ASCII
/// case dropped, as the library groups them too).
fn bare_automaton<'a>(names: impl IntoIterator<Item = &'a str>) -> AhoCorasick {
    let mut seen = HashSet::new();
    let patterns: Vec<&str> = names.into_iter().filter(|n| seen.insert(n.to_ascii_lowercase())).collect();
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(&patterns)
        .expect("a few million short patterns are far below aho-corasick's limits")
}

/// Matches of `automaton` in `text` that start and end on a word boundary (a cheap byte
/// check: the neighbouring byte is not an ASCII letter or digit, where the match itself starts
/// or ends with one). No case policy, no restart after a rejected match.
fn bare_count(automaton: &AhoCorasick, text: &str) -> usize {
    let bytes = text.as_bytes();
    let word = |b: u8| b.is_ascii_alphanumeric();
    automaton
        .find_iter(bytes)
        .filter(|m| {
            let (s, e) = (m.start(), m.end());
            (s == 0 || !word(bytes[s]) || !word(bytes[s - 1]))
                && (e == bytes.len() || !word(bytes[e - 1]) || !word(bytes[e]))
        })
        .count()
}

fn bare_count_all(automaton: &AhoCorasick, docs: &[Document]) -> usize {
    docs.iter().map(|d| bare_count(automaton, black_box(&d.text))).sum()
}

fn annals_count_all(extractor: &Extractor, docs: &[Document]) -> usize {
    docs.iter().map(|d| extractor.extract(black_box(d)).entities.len()).sum()
}

// ---------------------------------------------------------------------------------------------
// Synthetic gazetteers and text.
// ---------------------------------------------------------------------------------------------

const SYLLABLES: &[&str] = &[
    "ka", "ro", "mi", "ta", "len", "dor", "vi", "sa", "bel", "no", "ra", "gan", "te", "lu", "mar", "is", "o",
    "an", "ze", "ha", "fi", "qui", "bra", "sto", "ne", "el", "ul", "yar", "pe", "shi", "ko", "das", "ri",
    "vo", "tam", "be", "ga", "lo", "ni", "zar",
];

/// Endings no generated word has (no syllable ends so, none starts with `x` or `th`), so a
/// word with one is a capitalised non-name that still shares prefixes with the names.
const DECOY_ENDINGS: &[&str] = &["ix", "ux", "eth"];

const DOMAINS: &[&str] = &[
    "Energy",
    "Water",
    "Transport",
    "Justice",
    "Finance",
    "Defence",
    "Health",
    "Trade",
    "Culture",
    "Fisheries",
    "Mining",
    "Labour",
    "Housing",
    "Tourism",
    "Agriculture",
    "Education",
];

const FILLER: &[&str] = &[
    "the",
    "government",
    "would",
    "review",
    "its",
    "plans",
    "for",
    "new",
    "talks",
    "after",
    "a",
    "week",
    "of",
    "protests",
    "over",
    "fuel",
    "prices",
    "and",
    "rising",
    "tensions",
    "in",
    "the",
    "region",
    "officials",
    "said",
    "that",
    "an",
    "agreement",
    "was",
    "close",
    "but",
    "not",
    "yet",
    "signed",
    "by",
    "either",
    "side",
    "while",
    "markets",
    "fell",
    "sharply",
    "on",
    "reports",
    "of",
    "troop",
    "movements",
    "near",
    "border",
];

const DAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// A capitalised word of `lo..=hi` syllables.
fn word(rng: &mut Rng, lo: usize, hi: usize) -> String {
    let mut w = String::new();
    for _ in 0..rng.range(lo, hi) {
        w.push_str(rng.pick::<&str>(SYLLABLES));
    }
    capitalise(&w)
}

fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
}

fn initial(w: &str) -> char {
    w.chars().next().unwrap_or('X').to_ascii_uppercase()
}

/// One synthetic entry: kind, display name and the aliases it could have (best first).
fn synthetic_entry(rng: &mut Rng) -> (&'static str, String, Vec<String>) {
    match rng.below(10) {
        // People: First Last.
        0..=4 => {
            let (first, last) = (word(rng, 2, 3), word(rng, 2, 4));
            let middle = word(rng, 2, 2);
            let aliases = vec![
                format!("{}. {last}", initial(&first)),
                last.clone(),
                format!("{first} {}. {last}", initial(&middle)),
            ];
            ("person", format!("{first} {last}"), aliases)
        }
        // Places: Base, Port Base, Base City, New Base.
        5..=7 => {
            let base = word(rng, 2, 4);
            let name = match rng.below(4) {
                0 => format!("Port {base}"),
                1 => format!("{base} City"),
                2 => format!("New {base}"),
                _ => base.clone(),
            };
            let aliases =
                vec![format!("{base} Province"), format!("Greater {base}"), base.to_ascii_uppercase()];
            ("place", name, aliases)
        }
        // Organisations: ministries, universities, companies.
        _ => {
            let place = word(rng, 2, 3);
            match rng.below(3) {
                0 => {
                    let domain = rng.pick(DOMAINS);
                    let aliases = vec![
                        format!("Ministry of {domain} of {place}"),
                        format!("{}{}M", initial(&place), initial(domain)),
                        format!("{place} Ministry of {domain}"),
                    ];
                    ("organisation", format!("{place} {domain} Ministry"), aliases)
                }
                1 => {
                    let aliases = vec![
                        format!("{place} University"),
                        format!("U{}", place.to_ascii_uppercase()),
                        format!("Univ. of {place}"),
                    ];
                    ("organisation", format!("University of {place}"), aliases)
                }
                _ => {
                    let other = word(rng, 2, 3);
                    let aliases = vec![
                        format!("{place} {other} Corp."),
                        format!("{}{}C", initial(&place), initial(&other)),
                        format!("{place}{} Group", other.to_ascii_lowercase()),
                    ];
                    ("organisation", format!("{place} {other} Corporation"), aliases)
                }
            }
        }
    }
}

/// A synthetic gazetteer of exactly `size` names and ~1 MB of news-like documents that
/// mention some of them.
struct Synthetic {
    size: usize,
    tsv: String,
    /// Every name and alias value, as the TSV holds them (`size` of them).
    names: Vec<String>,
    docs: Vec<Document>,
    bytes: usize,
    /// How many name occurrences were written into `docs`.
    injected: usize,
}

impl Synthetic {
    fn generate(size: usize) -> Synthetic {
        let mut rng = Rng::new(size as u64);
        let mut tsv = String::with_capacity(size * 24);
        tsv.push_str("# synthetic gazetteer for benches/entities.rs\n# kind\tid\tname\taliases\n");
        let mut names: Vec<String> = Vec::with_capacity(size);
        // One of every `every` names is mentioned in the text.
        let every = (size / 1000).max(10);
        let mut mentioned: Vec<String> = Vec::new();
        let mut entry = 0usize;
        while names.len() < size {
            let (kind, name, mut aliases) = synthetic_entry(&mut rng);
            let k = rng.range(1, 3).min(size - names.len() - 1);
            aliases.truncate(k);
            tsv.push_str(&format!("{kind}\t{kind}-{entry}\t{name}\t{}\n", aliases.join("|")));
            for n in std::iter::once(name).chain(aliases) {
                if names.len() % every == 0 {
                    mentioned.push(n.clone());
                }
                names.push(n);
            }
            entry += 1;
        }
        assert_eq!(names.len(), size, "the generator makes exactly `size` names");

        // News-like sentences: names, capitalised non-names that share prefixes with them,
        // titles, weekdays and lower-case filler.
        let mut injected = 0;
        let mut paragraphs = Vec::new();
        let mut bytes = 0;
        while bytes < CORPUS_BYTES {
            let mut paragraph = String::new();
            for _ in 0..rng.range(3, 5) {
                let (n1, n2) = (rng.pick(&mentioned).clone(), rng.pick(&mentioned).clone());
                let mut d = || word(&mut rng, 2, 3) + *rng.pick(DECOY_ENDINGS);
                let (d1, d2, d3) = (d(), d(), d());
                let mut f = || (0..rng.range(3, 9)).map(|_| *rng.pick(FILLER)).collect::<Vec<_>>().join(" ");
                let (f1, f2) = (f(), f());
                let day = rng.pick(DAYS);
                let (sentence, used) = match rng.below(8) {
                    0 => (format!("{n1} said on {day} that {f1}."), 1),
                    1 => (format!("The {d1} {d2} report, released in {n1}, found that {f1} and {n2}."), 2),
                    2 => (format!("Speaking to {d1} reporters, {n1} warned that {f1}."), 1),
                    3 => (format!("{}, according to {n1} and {n2}.", capitalise(&f1)), 2),
                    4 => (format!("Officials from {n1} met {d1} {d2} in {d3} on {day} to discuss {f1}."), 1),
                    5 => (format!("President {d1} {d2} told {n1} that {f1}; {f2}."), 1),
                    6 => (format!("In {d1}, {f1}; the {d2} {d3} said {f2}."), 0),
                    _ => {
                        (format!("\u{201c}{},\u{201d} {n1} told the {d1} {d2} on {day}.", capitalise(&f1)), 1)
                    }
                };
                injected += used;
                if !paragraph.is_empty() {
                    paragraph.push(' ');
                }
                paragraph.push_str(&sentence);
            }
            bytes += paragraph.len() + 2;
            paragraphs.push(paragraph);
        }
        let docs = into_documents("synthetic", paragraphs, &mut rng);
        let bytes = total_bytes(&docs);
        Synthetic { size, tsv, names, docs, bytes, injected }
    }

    /// The generated data for `size` (made once per run, shared by the groups).
    fn get(size: usize) -> &'static Synthetic {
        static CACHE: [OnceLock<Synthetic>; SIZES.len()] = [const { OnceLock::new() }; SIZES.len()];
        let i = SIZES.iter().position(|&s| s == size).expect("only the sizes in SIZES are benchmarked");
        CACHE[i].get_or_init(|| Synthetic::generate(size))
    }

    fn extractor(&self) -> Extractor {
        Extractor::builder()
            .without_bundled_gazetteers()
            .gazetteer_str(SYNTHETIC_FILE, &self.tsv)
            .build()
            .expect("the synthetic TSV is well-formed: valid kinds, unique ids, no empty fields")
    }
}

// ---------------------------------------------------------------------------------------------
// Benchmarks.
// ---------------------------------------------------------------------------------------------

/// `entities/seed-corpus`: MB/s of the whole entity stage (`Extractor::new()`, bundled data)
/// over ~1 MB of real news made of the seed texts, next to a bare aho-corasick scan over the
/// same bundled gazetteer names, to show what the stage costs beyond the automaton.
fn seed_corpus_bench(c: &mut Criterion) {
    let docs = seed_corpus();
    let bytes = total_bytes(&docs);
    let extractor = Extractor::new().expect("the bundled data parses (the crate's tests check it)");
    let bundled: Vec<&str> = bundled_gazetteers().flat_map(tsv_names).collect();
    let bare = bare_automaton(bundled.iter().copied());
    if bundled.len() != extractor.gazetteer_names() {
        eprintln!(
            "warning: the bench read {} bundled gazetteer names, the extractor compiled {}",
            bundled.len(),
            extractor.gazetteer_names()
        );
    }

    let expected = annals_count_all(&extractor, &docs);
    let expected_bare = bare_count_all(&bare, &docs);
    eprintln!(
        "seed-corpus: {} documents, {:.2} MB; {} gazetteer names ({} automaton patterns); \
         annals finds {expected} mentions, bare aho-corasick {expected_bare} matches; \
         memory annals {:.1} MB, bare automaton {:.1} MB",
        docs.len(),
        mb(bytes),
        bundled.len(),
        bare.patterns_len(),
        mb(extractor.memory_usage()),
        mb(bare.memory_usage()),
    );
    assert!(expected > docs.len(), "the seed corpus mentions several entities per document");

    let mut group = c.benchmark_group("entities/seed-corpus");
    group.throughput(Throughput::Bytes(bytes as u64));
    // Flat sampling: each sample is a few whole passes over the corpus (50–100 ms each), so
    // criterion's linear ramp of 1, 2, … 20 passes per sample would overrun the target time.
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(20).warm_up_time(Duration::from_secs(2)).measurement_time(Duration::from_secs(10));
    group.bench_function("annals", |b| {
        counting(b, "annals", expected, || annals_count_all(&extractor, &docs))
    });
    // Dictionary matching only (no pattern rules, resolution or sentences): the workload of a
    // phrase matcher such as spaCy's EntityRuler, on the same names as the bare scan.
    let gazetteer_only = |docs: &[Document]| -> usize {
        docs.iter().map(|d| extractor.gazetteer_mentions(&d.text).len()).sum()
    };
    let expected_gazetteer = gazetteer_only(&docs);
    group.bench_function("annals-gazetteer-only", |b| {
        counting(b, "gazetteer-only matching", expected_gazetteer, || gazetteer_only(&docs))
    });
    group.bench_function("bare-aho-corasick", |b| {
        counting(b, "the bare automaton", expected_bare, || bare_count_all(&bare, &docs))
    });
    group.finish();
}

/// `entities/gazetteer-size`: how extraction speed scales with the gazetteer, 10^3 … 10^6
/// synthetic names over ~1 MB of synthetic news that mentions some of them, next to a bare
/// aho-corasick scan over the same names. Shows whether a big gazetteer costs per byte (cache
/// misses in a big automaton) or per match.
fn gazetteer_size_bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("entities/gazetteer-size");
    // As in `seed_corpus_bench`: every sample is a few whole passes over the corpus.
    group.sampling_mode(SamplingMode::Flat);
    for size in SIZES {
        let synthetic = Synthetic::get(size);
        let docs = &synthetic.docs;
        let extractor = synthetic.extractor();
        let bare = bare_automaton(synthetic.names.iter().map(String::as_str));

        let expected = annals_count_all(&extractor, docs);
        let expected_bare = bare_count_all(&bare, docs);
        let from_gazetteer: usize = docs
            .iter()
            .map(|d| {
                let extraction = extractor.extract(d);
                extraction.entities.iter().filter(|m| m.rule.as_str().contains(SYNTHETIC_FILE)).count()
            })
            .sum();
        eprintln!(
            "gazetteer-size {size}: {} documents, {:.2} MB, {} names written into the text; \
             annals finds {expected} mentions ({from_gazetteer} from the gazetteer), \
             bare aho-corasick {expected_bare} matches",
            docs.len(),
            mb(synthetic.bytes),
            synthetic.injected,
        );
        // Most written names must be found as gazetteer matches, or the bench measures
        // misses only (a few lose to a longer overlapping candidate).
        assert!(
            from_gazetteer * 10 >= synthetic.injected * 9,
            "only {from_gazetteer} of {} written names were found in the gazetteer",
            synthetic.injected
        );
        assert!(expected_bare >= synthetic.injected * 9 / 10, "the bare automaton misses the written names");

        group.throughput(Throughput::Bytes(synthetic.bytes as u64));
        if size >= 100_000 {
            group
                .sample_size(10)
                .warm_up_time(Duration::from_secs(1))
                .measurement_time(Duration::from_secs(8));
        } else {
            group
                .sample_size(20)
                .warm_up_time(Duration::from_secs(2))
                .measurement_time(Duration::from_secs(8));
        }
        group.bench_with_input(BenchmarkId::new("annals", size), docs, |b, docs| {
            counting(b, "annals", expected, || annals_count_all(&extractor, docs))
        });
        let gazetteer_only = |docs: &[Document]| -> usize {
            docs.iter().map(|d| extractor.gazetteer_mentions(&d.text).len()).sum()
        };
        let expected_gazetteer = gazetteer_only(docs);
        group.bench_with_input(BenchmarkId::new("annals-gazetteer-only", size), docs, |b, docs| {
            counting(b, "gazetteer-only matching", expected_gazetteer, || gazetteer_only(docs))
        });
        group.bench_with_input(BenchmarkId::new("bare-aho-corasick", size), docs, |b, docs| {
            counting(b, "the bare automaton", expected_bare, || bare_count_all(&bare, docs))
        });
    }
    group.finish();
}

/// `entities/build`: the time to build an `Extractor` (parse the TSV, merge entries, compile
/// the automaton, plus the bundled cue and text data) with 10^3 … 10^6 synthetic names —
/// the start-up cost a user pays once. Prints the compiled size and memory of each.
fn build_bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("entities/build");
    group.sampling_mode(SamplingMode::Flat);
    for size in SIZES {
        let synthetic = Synthetic::get(size);
        let start = Instant::now();
        let extractor = synthetic.extractor();
        let once = start.elapsed();
        assert_eq!(extractor.gazetteer_names(), synthetic.size, "every synthetic name is compiled");
        let entities = extractor.gazetteer_entities();
        let start = Instant::now();
        let bare = bare_automaton(synthetic.names.iter().map(String::as_str));
        let bare_once = start.elapsed();
        eprintln!(
            "build {size}: {} gazetteer names, {entities} entities, memory_usage {:.1} MB, \
             TSV {:.1} MB, one build {:.3} s; bare aho-corasick: {} patterns, {:.1} MB, \
             one build {:.3} s",
            extractor.gazetteer_names(),
            mb(extractor.memory_usage()),
            mb(synthetic.tsv.len()),
            once.as_secs_f64(),
            bare.patterns_len(),
            mb(bare.memory_usage()),
            bare_once.as_secs_f64(),
        );
        drop((extractor, bare));

        group.throughput(Throughput::Elements(size as u64));
        // Flat sampling: every sample runs the same number of builds. A build of seconds
        // (10^6 names) gets one per sample, ten in all, and criterion notes that it "cannot
        // complete 10 samples" in the target time (harmless: it only recommends a longer
        // one); the smaller sizes get at least two builds per sample.
        let measurement =
            if once > Duration::from_secs(2) { once * 9 } else { (once * 25).max(Duration::from_secs(3)) };
        group.sample_size(10).warm_up_time(Duration::from_millis(500)).measurement_time(measurement);
        group.bench_with_input(BenchmarkId::from_parameter(size), synthetic, |b, synthetic| {
            // The drop (freeing a big automaton) is not part of the build.
            b.iter_with_large_drop(|| {
                let extractor = synthetic.extractor();
                assert_eq!(extractor.gazetteer_entities(), entities, "the build merged a different set");
                extractor
            })
        });
    }
    group.finish();
}

criterion_group!(benches, seed_corpus_bench, gazetteer_size_bench, build_bench);
criterion_main!(benches);
