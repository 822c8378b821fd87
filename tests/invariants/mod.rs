//! What must hold for any input (DESIGN.md principles 3, 5, 7 and 8), written once and used by
//! the property tests, the fuzz targets (`fuzz/`, which include this file by path) and the
//! regression tests of what the fuzzers found. Each check returns a message, not a panic, so
//! every caller can report it its own way.

#![allow(dead_code)] // each test crate uses a part

use annals::input::JsonLines;
use annals::time::Mode;
use annals::timeline::Entry;
use annals::{Document, Extraction, Extractor, ExtractorBuilder, Span, Timeline};
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| Extractor::new().expect("bundled data builds"));

/// Fails with `message` unless `ok`.
macro_rules! ensure {
    ($ok:expr, $($message:tt)+) => {
        if !$ok {
            return Err(format!($($message)+));
        }
    };
}

/// Spans in order, none overlapping the next.
fn in_order(spans: impl Iterator<Item = Span>, what: &str) -> Result<(), String> {
    let mut previous: Option<Span> = None;
    for span in spans {
        if let Some(p) = previous {
            ensure!(p.end <= span.start, "{what} overlap: {p:?} {span:?}");
        }
        previous = Some(span);
    }
    Ok(())
}

/// `span` lies inside `text`, on char boundaries, and is not empty.
fn span_ok(text: &str, span: Span, what: &str) -> Result<(), String> {
    ensure!(
        span.start < span.end && span.end <= text.len(),
        "{what}: span {span:?} outside 0..{}",
        text.len()
    );
    ensure!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} not on char boundaries"
    );
    Ok(())
}

/// `span` is valid, `surface` is its text, and `chars` its offsets in Unicode scalar values.
fn mention_ok(
    text: &str,
    span: Span,
    surface: &str,
    chars: (usize, usize),
    what: &str,
) -> Result<(), String> {
    span_ok(text, span, what)?;
    ensure!(&text[span.range()] == surface, "{what}: text {surface:?} is not the span's");
    let start = text[..span.start].chars().count();
    let end = start + text[span.range()].chars().count();
    ensure!(chars == (start, end), "{what}: char offsets {chars:?}, expected {:?}", (start, end));
    Ok(())
}

/// Extracts `doc` twice and checks the result: every span valid, mentions and times in order
/// without overlap, sentences in order, every event inside its sentence, every time and event
/// value parsing back to itself and its interval, and byte-identical JSON on the second run.
pub fn check_extraction(extractor: &Extractor, doc: &Document) -> Result<Extraction, String> {
    let text = doc.text.as_str();
    let x = extractor.extract(doc);
    ensure!(x.id == doc.id, "id {:?} is not the document's", x.id);
    let mut last = 0;
    for s in &x.sentences {
        span_ok(text, s.span, "sentence")?;
        ensure!(s.span.start >= last, "sentences out of order at {:?}", s.span);
        last = s.span.end;
    }
    for m in &x.entities {
        mention_ok(text, m.span, &m.text, (m.char_start, m.char_end), "entity")?;
        ensure!(!m.entity.as_str().is_empty(), "entity mention {:?} without an id", m.text);
    }
    in_order(x.entities.iter().map(|m| m.span), "mentions")?;
    for t in &x.times {
        mention_ok(text, t.span, &t.text, (t.char_start, t.char_end), "time")?;
        let back: annals::time::TimexValue =
            t.value.to_string().parse().map_err(|e| format!("value {} does not parse back: {e}", t.value))?;
        ensure!(back == t.value, "value {} parses back as {back}", t.value);
        ensure!(
            back.interval() == t.interval,
            "value {}: interval {:?} is not the value's",
            t.value,
            t.interval
        );
        if let Some(interval) = t.interval {
            ensure!(interval.start < interval.end, "time {:?}: empty interval {interval:?}", t.text);
        }
    }
    in_order(x.times.iter().map(|t| t.span), "times")?;
    for e in &x.events {
        let t = &e.trigger;
        mention_ok(text, t.span, &t.text, (t.char_start, t.char_end), "trigger")?;
        span_ok(text, e.sentence, "event sentence")?;
        ensure!(e.sentence.contains(t.span), "trigger {:?} outside its sentence {:?}", t.span, e.sentence);
        if let Some(span) = e.time {
            span_ok(text, span, "event time")?;
        }
        for p in &e.participants {
            span_ok(text, p.span, "participant")?;
        }
        if let Some(value) = &e.value {
            let back: annals::time::TimexValue = value
                .to_string()
                .parse()
                .map_err(|e| format!("event value {value} does not parse back: {e}"))?;
            ensure!(&back == value, "event value {value} parses back as {back}");
            ensure!(
                value.interval() == e.interval,
                "event value {value}: interval {:?} is not the value's",
                e.interval
            );
        }
        ensure!((0.0..=1.0).contains(&e.confidence), "confidence {} outside 0..=1", e.confidence);
    }
    let again = extractor.extract(doc);
    let (first, second) = (json(&x)?, json(&again)?);
    ensure!(first == second, "a second run differs");
    Ok(x)
}

/// Serialises for comparison.
pub fn json(value: &impl serde::Serialize) -> Result<String, String> {
    serde_json::to_string(value).map_err(|e| format!("not serialisable: {e}"))
}

/// Every entry's sources lie in their documents, and every asserted, dated report is in
/// exactly one entry: nothing is dropped, nothing counted twice.
pub fn check_entries(timeline: &Timeline, entries: &[Entry], docs: &[Document]) -> Result<(), String> {
    let placed = timeline
        .reports()
        .iter()
        .filter(|r| r.event.status == annals::events::Status::Asserted && r.event.interval.is_some())
        .count();
    let sources: usize = entries.iter().map(|e| e.sources.len()).sum();
    ensure!(sources == placed, "{placed} dated asserted reports but {sources} sources in the entries");
    for entry in entries {
        ensure!(!entry.sources.is_empty(), "an entry without sources");
        for source in &entry.sources {
            let Some(doc) = docs.iter().find(|d| d.id == source.document) else {
                return Err(format!("a source names unknown document {:?}", source.document));
            };
            span_ok(&doc.text, Span::new(source.start, source.end), "source sentence")?;
            span_ok(&doc.text, source.trigger, "source trigger")?;
        }
    }
    for pair in entries.windows(2) {
        ensure!(pair[0].interval.start <= pair[1].interval.start, "entries out of order");
    }
    Ok(())
}

/// Merges the documents' timelines in the given order, in reverse, and two by two from the
/// middle out; the three must serialise byte for byte the same, and the entries hold.
pub fn check_merge(extractor: &Extractor, docs: &[Document]) -> Result<(), String> {
    let timelines: Vec<Timeline> =
        docs.iter().map(|d| extractor.timeline(d, &extractor.extract(d))).collect();
    let forward = Timeline::merge_all(timelines.iter().cloned());
    let backward = Timeline::merge_all(timelines.iter().rev().cloned());
    let half = timelines.len() / 2;
    let grouped = Timeline::merge_all(timelines[half..].iter().cloned())
        .merge(Timeline::merge_all(timelines[..half].iter().cloned()));
    let entries = forward.entries();
    let reference = json(&(&forward, &entries))?;
    ensure!(reference == json(&(&backward, backward.entries()))?, "merging in reverse differs");
    ensure!(reference == json(&(&grouped, grouped.entries()))?, "merging in two groups differs");
    check_entries(&forward, &entries, docs)
}

/// Reads `bytes` as JSON Lines with a small line limit: every line that is not blank gives
/// exactly one document or one error naming a line that exists, and documents have an id
/// and a text.
pub fn check_json_lines(bytes: &[u8]) -> Result<usize, String> {
    let lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    let expected = lines
        .iter()
        .filter(|line| {
            let trimmed = line.strip_suffix(b"\r").unwrap_or(line);
            line.len() > 4096 || std::str::from_utf8(trimmed).map_or(true, |s| !s.trim().is_empty())
        })
        .count();
    let mut got = 0;
    for item in JsonLines::new("fuzz.jsonl", bytes).max_bytes(4096) {
        got += 1;
        match item {
            Ok(doc) => {
                ensure!(!doc.id.trim().is_empty() && !doc.text.is_empty(), "a document without id or text")
            }
            Err(e) => {
                ensure!(e.is_input(), "not an input error: {e}");
                let line = e.location().map(|(_, line)| line).ok_or_else(|| format!("no line in {e}"))?;
                ensure!((1..=lines.len()).contains(&line), "error names line {line} of {}", lines.len());
            }
        }
    }
    ensure!(got == expected, "{expected} lines that are not blank but {got} documents and errors");
    Ok(got)
}

/// A data error names one of the files given (`(name, text)`) and a line that exists in it.
pub fn check_data_error(error: &annals::Error, files: &[(&str, &str)]) -> Result<(), String> {
    ensure!(error.is_data(), "not a data error: {error}");
    let (file, line) = error.location().ok_or_else(|| format!("no location in {error}"))?;
    let Some((_, text)) = files.iter().find(|(name, _)| *name == file) else {
        return Err(format!("the error names {file}, not a file given: {error}"));
    };
    let lines = text.lines().count().max(1);
    ensure!((1..=lines).contains(&line), "the error names line {line} of {lines}: {error}");
    Ok(())
}

// The fuzz targets' bodies: each reads one input of bytes. Here so that `tests/fuzz.rs` runs
// every input a fuzzer once failed on through exactly the same checks.

/// Extraction of arbitrary text: the first byte picks the mode and publication date, the rest
/// (as UTF-8, lossily) is the text.
pub fn fuzz_extract(data: &[u8]) -> Result<(), String> {
    let (options, text) = data.split_first().map_or((0, data), |(o, t)| (*o, t));
    let mut doc = Document::new("fuzz", String::from_utf8_lossy(text).into_owned());
    if options & 1 == 1 {
        doc = doc.mode(Mode::Narrative);
    }
    if options & 2 == 2 {
        doc.published = chrono::NaiveDate::from_ymd_opt(2020, 1, 1)
            .and_then(|d| d.checked_add_days(chrono::Days::new(u64::from(options >> 2))));
    }
    check_extraction(&EXTRACTOR, &doc).map(drop)
}

/// Timeline merging: the bytes cut into up to eight documents at NUL bytes, each with a
/// publication date from its first byte (none over 200).
pub fn fuzz_merge(data: &[u8]) -> Result<(), String> {
    let docs: Vec<Document> = data
        .split(|&b| b == 0)
        .take(8)
        .enumerate()
        .map(|(i, part)| {
            let (day, text) = part.split_first().map_or((0, part), |(d, t)| (*d, t));
            let doc = Document::new(format!("d{i}"), String::from_utf8_lossy(text).into_owned());
            match chrono::NaiveDate::from_ymd_opt(2019, 12, 1)
                .and_then(|d| d.checked_add_days(chrono::Days::new(u64::from(day))))
            {
                Some(date) if day <= 200 => doc.published(date),
                _ => doc,
            }
        })
        .collect();
    check_merge(&EXTRACTOR, &docs)
}

/// `extract`'s JSON Lines reader on arbitrary bytes.
pub fn fuzz_json_lines(data: &[u8]) -> Result<(), String> {
    check_json_lines(data).map(drop)
}

const NEWS: &str = "BAGHDAD, Jan 3 (Reuters) - A U.S. air strike killed Iranian Gen. Qasem Soleimani at \
    Baghdad airport on Friday, the Pentagon said. Iran vowed revenge; thousands protested in Tehran.";

fn bundled(path: &str) -> &'static str {
    annals::data::BUNDLED.iter().find(|(p, _)| *p == path).map_or("", |(_, text)| text)
}

/// The file names the data-file target gives, by the selector byte (modulo their number).
const DATA_FILES: &[&str] = &[
    "gazetteer.tsv",
    "cues.tsv",
    "first_names.txt",
    "abbreviations.tsv",
    "headers.tsv",
    "credits.txt",
    "time.tsv",
    "kinds.tsv",
    "triggers.tsv",
    "cues.tsv",
    "doc.tml",
    "doc.gold.tsv",
    "doc.events.tsv",
    "timeline.tsv",
];

/// A builder with the fuzzed file in the place of its kind's bundled files, and only the
/// story gazetteer (the big ones take tens of milliseconds to compile: too slow per input);
/// with the other files an error may rightly name (a bundled trigger file names a kind that
/// the fuzzed kinds file no longer has).
fn data_builder(
    kind: usize,
    name: &'static str,
    text: &str,
) -> (ExtractorBuilder, Vec<(&'static str, &'static str)>) {
    let mut b = Extractor::builder();
    let mut others = Vec::new();
    if kind != 0 {
        b.without_bundled_gazetteers().gazetteer_str("story.tsv", bundled("data/gazetteer/story.tsv"));
    }
    match kind {
        0 => b.without_bundled_gazetteers().gazetteer_str(name, text),
        1 => b.without_bundled_cues().cue_str(name, text),
        2 => b.without_bundled_cues().first_names_str(name, text),
        3..=5 => b.without_bundled_text_vocabulary().text_vocabulary_str(name, text),
        6 => b.without_bundled_time_vocabulary().time_vocabulary_str(name, text),
        _ => {
            b.without_bundled_event_vocabulary();
            for (file, path) in [
                ("kinds.tsv", "data/events/kinds.tsv"),
                ("cues.tsv", "data/events/cues.tsv"),
                ("triggers.tsv", "data/events/triggers.tsv"),
            ] {
                if name != file {
                    b.event_vocabulary_str(file, bundled(path));
                    others.push((file, bundled(path)));
                }
            }
            b.event_vocabulary_str(name, text)
        }
    };
    (b, others)
}

/// Loading every kind of data file: the first byte picks the kind, the rest is the file. It
/// either loads, and the extractor it makes passes the invariants on a news sentence and on
/// the file's own text, or gives a data error naming a file given and a line that exists.
pub fn fuzz_data_file(data: &[u8]) -> Result<(), String> {
    let Some((&selector, rest)) = data.split_first() else { return Ok(()) };
    let text = String::from_utf8_lossy(rest);
    let kind = usize::from(selector) % DATA_FILES.len();
    let name = DATA_FILES[kind];
    let mut files: Vec<(&str, &str)> = Vec::new();
    let result = match kind {
        0..=9 => {
            let (builder, others) = data_builder(kind, name, &text);
            files = others;
            match builder.build() {
                Ok(extractor) => {
                    for doc in [Document::new("news", NEWS), Document::new("self", text.as_ref())] {
                        check_extraction(&extractor, &doc)
                            .map_err(|m| format!("{name} loaded, but extraction fails: {m}"))?;
                    }
                    Ok(())
                }
                Err(e) => Err(e),
            }
        }
        10 => annals::timeml::parse_timeml(name, &text).map(drop),
        11 => annals::score::parse_gold(name, &text, NEWS).map(drop),
        12 => annals::score::parse_gold_events(name, &text, NEWS).map(drop),
        _ => annals::score::parse_reference_timeline(name, &text).map(drop),
    };
    match result {
        Ok(()) => Ok(()),
        Err(error) => {
            files.push((name, &text));
            check_data_error(&error, &files)
        }
    }
}
