//! Scoring against gold annotations: precision, recall and F1.
//!
//! Entity gold files are TSV (`start<TAB>end<TAB>kind<TAB>id<TAB>text`, byte offsets; see
//! `data/corpus/GUIDELINES.md`). Two matching regimes, as in the NER literature:
//!
//! - **exact**: same span and same kind (CoNLL);
//! - **overlap**: spans share at least one byte and the kinds agree; each gold and each
//!   predicted mention is used at most once (MUC-style partial credit, counted as a full hit).
//!
//! Scores are micro-averaged over all mentions, overall and per kind. On top, **linking
//! accuracy** is the share of exact matches whose canonical id also equals the gold id.
//!
//! Time expressions are scored as in TempEval-3 Task A by [`TimexScores`], against TimeML gold
//! read with [`crate::timeml`]; it reproduces the figures of the team's `te3_eval.py`.
//!
//! Events and timelines are scored by [`EventScores`] and [`TimelineScores`] (see
//! `data/corpus/EVENTS.md`).

mod events;

pub use events::{
    EventDifference, EventGoldDocument, EventScores, GoldEvent, ReferenceEvent, TimelineScores,
    parse_gold_events, parse_reference_timeline, read_event_gold_dir,
};

use crate::data::{LineReader, Source};
use crate::entities::{EntityKind, Mention};
use crate::error::Error;
use crate::span::{CharOffsets, Span};
use crate::timeml::TimexTag;
use std::collections::BTreeMap;
use std::fmt;

/// A gold mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldMention {
    /// Byte span in the document's text.
    pub span: Span,
    /// Gold kind.
    pub kind: EntityKind,
    /// Gold canonical id.
    pub entity: String,
    /// The mentioned text.
    pub text: String,
}

/// Reads a gold TSV file held in memory and checks each line's `text` column against `text`.
///
/// # Errors
///
/// A data error naming the file and line for a malformed line, a span outside the text or
/// off a char boundary, or a `text` column that differs from the span.
///
/// # Example
///
/// ```
/// let text = "Iraq's Security Media Cell";
/// let gold = "# start\tend\tkind\tid\ttext\n0\t4\tplace\tiraq\tIraq\n";
/// let mentions = annals::score::parse_gold("x.gold.tsv", gold, text)?;
/// assert_eq!(mentions[0].entity, "iraq");
/// # Ok::<(), annals::Error>(())
/// ```
pub fn parse_gold(name: &str, gold: &str, text: &str) -> Result<Vec<GoldMention>, Error> {
    let source = Source::from_str(name, gold);
    let mut out = Vec::new();
    for (n, fields) in LineReader::new(&source) {
        // Not `data::fields`: the text column is compared as it is, spaces included.
        let [start, end, kind, id, surface] = fields[..] else {
            return Err(source.error(n, format!("expected 5 tab-separated fields, found {}", fields.len())));
        };
        let parse =
            |s: &str| s.parse::<usize>().map_err(|_| source.error(n, format!("`{s}` is not a byte offset")));
        let span = Span::new(parse(start)?, parse(end)?);
        let kind: EntityKind =
            kind.parse().map_err(|()| source.error(n, format!("unknown kind `{kind}`")))?;
        match text.get(span.range()) {
            Some(s) if s == surface => {}
            Some(s) => {
                return Err(
                    source.error(n, format!("span {}..{} is `{s}`, not `{surface}`", span.start, span.end))
                );
            }
            None => {
                return Err(source.error(
                    n,
                    format!("span {}..{} is outside the text or off a char boundary", span.start, span.end),
                ));
            }
        }
        out.push(GoldMention { span, kind, entity: id.to_string(), text: surface.to_string() });
    }
    out.sort_by_key(|g| (g.span.start, g.span.end));
    Ok(out)
}

/// A document with its gold mentions.
#[derive(Clone, Debug)]
pub struct GoldDocument {
    /// The document (its id is the file stem).
    pub document: crate::Document,
    /// Its gold mentions, sorted.
    pub gold: Vec<GoldMention>,
}

/// Reads every `NAME.txt` in `dir` that has a `NAME.gold.tsv` beside it, sorted by name.
///
/// # Errors
///
/// An I/O error naming the path, or a gold-file error naming file and line.
pub fn read_gold_dir(dir: &std::path::Path) -> Result<Vec<GoldDocument>, Error> {
    read_annotated(dir, "gold.tsv")?
        .into_iter()
        .map(|doc| {
            let gold = parse_gold(&doc.gold_name, &doc.gold, &doc.text)?;
            Ok(GoldDocument { document: crate::Document::new(doc.id, doc.text), gold })
        })
        .collect()
}

/// A text read with its annotation file.
pub(crate) struct Annotated {
    /// The text's file name (`NAME.txt`).
    pub(crate) file: String,
    /// Its stem (`NAME`): the document id.
    pub(crate) id: String,
    pub(crate) text: String,
    /// The annotation file's path, as errors name it.
    pub(crate) gold_name: String,
    pub(crate) gold: String,
}

/// Every `NAME.txt` in `dir` that has `NAME.<extension>` beside it, with both files' text,
/// sorted by name.
pub(crate) fn read_annotated(dir: &std::path::Path, extension: &str) -> Result<Vec<Annotated>, Error> {
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let mut out = Vec::new();
    for path in names {
        let gold_path = path.with_extension(extension);
        if !gold_path.exists() {
            continue;
        }
        let name =
            |p: Option<&std::ffi::OsStr>| p.map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        out.push(Annotated {
            file: name(path.file_name()),
            id: name(path.file_stem()),
            text: std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?,
            gold_name: gold_path.display().to_string(),
            gold: std::fs::read_to_string(&gold_path).map_err(|e| Error::io(&gold_path, e))?,
        });
    }
    Ok(out)
}

/// True positives, false positives and false negatives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted and in the gold.
    pub tp: usize,
    /// Predicted, not in the gold.
    pub fp: usize,
    /// In the gold, not predicted.
    pub fn_: usize,
}

impl Counts {
    /// tp / (tp + fp). With nothing predicted: 1 if nothing was expected either, else 0 (as
    /// `te3_eval.py` reports it).
    pub fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            if self.fn_ == 0 { 1.0 } else { 0.0 }
        } else {
            ratio(self.tp, self.tp + self.fp)
        }
    }
    /// tp / (tp + fn). With nothing expected: 1 if nothing was predicted either, else 0 (as
    /// `te3_eval.py` reports it).
    pub fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            if self.fp == 0 { 1.0 } else { 0.0 }
        } else {
            ratio(self.tp, self.tp + self.fn_)
        }
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
    pub(crate) fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// One difference between the prediction and the gold, for diagnostics.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Difference {
    /// Predicted, with no exact gold match: span, kind, text, rule.
    Spurious(Span, EntityKind, String, String),
    /// In the gold, not predicted exactly: span, kind, text.
    Missed(Span, EntityKind, String),
}

impl fmt::Display for Difference {
    /// `120..135: missed person `Jonathan Hoffman``, `7..9: spurious place `Ho` by gazetteer:…`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Difference::Spurious(span, kind, text, rule) => {
                write!(f, "{}..{}: spurious {kind} `{text}` by {rule}", span.start, span.end)
            }
            Difference::Missed(span, kind, text) => {
                write!(f, "{}..{}: missed {kind} `{text}`", span.start, span.end)
            }
        }
    }
}

/// Entity scores, accumulated over any number of documents.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EntityScores {
    /// Exact span and kind.
    pub exact: Counts,
    /// Overlapping span and same kind.
    pub overlap: Counts,
    /// Exact scores per kind.
    pub by_kind: BTreeMap<EntityKind, Counts>,
    /// Exact matches whose entity id equals the gold id.
    pub linked: usize,
    /// Documents scored.
    pub documents: usize,
}

impl EntityScores {
    /// Scores one document's mentions against its gold and adds the counts; returns the
    /// differences (for exact matching).
    ///
    /// # Example
    ///
    /// ```
    /// use annals::{Document, Extractor, score::{EntityScores, parse_gold}};
    /// let text = "Pompeo spoke with Heiko Maas.";
    /// let gold = parse_gold("g", "0\t6\tperson\tmike-pompeo\tPompeo\n18\t28\tperson\theiko-maas\tHeiko Maas\n", text)?;
    /// let extraction = Extractor::new()?.extract(&Document::new("d", text));
    /// let mut scores = EntityScores::default();
    /// scores.add(&extraction.entities, &gold);
    /// assert_eq!(scores.exact.f1(), 1.0);
    /// # Ok::<(), annals::Error>(())
    /// ```
    pub fn add(&mut self, predicted: &[Mention], gold: &[GoldMention]) -> Vec<Difference> {
        self.documents += 1;
        let mut diffs = Vec::new();
        let mut gold_hit = vec![false; gold.len()];
        for p in predicted {
            let counts = self.by_kind.entry(p.kind).or_default();
            match gold.iter().position(|g| g.span == p.span && g.kind == p.kind) {
                Some(i) => {
                    gold_hit[i] = true;
                    self.exact.tp += 1;
                    counts.tp += 1;
                    if p.entity.as_str() == gold[i].entity {
                        self.linked += 1;
                    }
                }
                None => {
                    self.exact.fp += 1;
                    counts.fp += 1;
                    diffs.push(Difference::Spurious(p.span, p.kind, p.text.clone(), p.rule.to_string()));
                }
            }
        }
        for (g, hit) in gold.iter().zip(&gold_hit) {
            if !hit {
                self.exact.fn_ += 1;
                self.by_kind.entry(g.kind).or_default().fn_ += 1;
                diffs.push(Difference::Missed(g.span, g.kind, g.text.clone()));
            }
        }
        // Overlap: greedy one-to-one in order of position.
        let mut used = vec![false; gold.len()];
        let mut overlap = Counts::default();
        for p in predicted {
            match (0..gold.len())
                .find(|&i| !used[i] && gold[i].kind == p.kind && gold[i].span.overlaps(p.span))
            {
                Some(i) => {
                    used[i] = true;
                    overlap.tp += 1;
                }
                None => overlap.fp += 1,
            }
        }
        overlap.fn_ = used.iter().filter(|u| !**u).count();
        self.overlap.add(overlap);
        diffs
    }

    /// Share of exact matches linked to the gold id.
    pub fn linking_accuracy(&self) -> f64 {
        ratio(self.linked, self.exact.tp)
    }
}

impl fmt::Display for EntityScores {
    /// A table: rows overall (exact, overlap) and per kind (exact).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "| {:<22} | {:>5} | {:>5} | {:>5} | {:>6} | {:>6} | {:>6} |",
            "", "tp", "fp", "fn", "P", "R", "F1"
        )?;
        writeln!(f, "|{:-<24}|{:->7}|{:->7}|{:->7}|{:->8}|{:->8}|{:->8}|", "", "", "", "", "", "", "")?;
        let mut row = |name: &str, c: &Counts| {
            writeln!(
                f,
                "| {:<22} | {:>5} | {:>5} | {:>5} | {:>6.3} | {:>6.3} | {:>6.3} |",
                name,
                c.tp,
                c.fp,
                c.fn_,
                c.precision(),
                c.recall(),
                c.f1()
            )
        };
        row("all, exact", &self.exact)?;
        row("all, overlap", &self.overlap)?;
        for (kind, c) in &self.by_kind {
            row(&format!("{kind}, exact"), c)?;
        }
        writeln!(
            f,
            "linking accuracy (exact matches with the gold id): {:.3} ({}/{})",
            self.linking_accuracy(),
            self.linked,
            self.exact.tp
        )
    }
}

/// One difference between a system's time expressions and the gold, as `te3_eval.py --errors`
/// lists them.
///
/// A relaxed match can differ in several ways at once; it then gives one difference per way,
/// in the order extent, value, type (`te3_eval.py` writes one record, `extent+value`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TimexDifference {
    /// A gold timex that no system timex was paired with: the tag and its text.
    Missed {
        /// The gold tag.
        gold: TimexTag,
        /// The text it covers.
        text: String,
    },
    /// A system timex that no gold timex was paired with: the tag and its text.
    Spurious {
        /// The system tag.
        system: TimexTag,
        /// The text it covers.
        text: String,
    },
    /// A relaxed match whose extents differ.
    Extent(TimexPair),
    /// A relaxed match whose values differ.
    Value(TimexPair),
    /// A relaxed match whose types differ.
    Type(TimexPair),
}

/// A system timex paired with a gold one (a relaxed match), with the texts they cover.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimexPair {
    /// The system tag.
    pub system: TimexTag,
    /// The text the system tag covers.
    pub system_text: String,
    /// The gold tag.
    pub gold: TimexTag,
    /// The text the gold tag covers.
    pub gold_text: String,
}

impl fmt::Display for TimexDifference {
    /// `missed DATE "Thursday" 2020-01-02`, `spurious DURATION "a day" P1D`,
    /// `extent "last Friday" ≠ gold "Friday"`, `value "Friday" 2020-01-03 ≠ gold 2020-01-02`,
    /// `type "Friday" TIME ≠ gold DATE`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimexDifference::Missed { gold, text } => {
                write!(f, "missed {} {text:?} {}", gold.kind, gold.value)
            }
            TimexDifference::Spurious { system, text } => {
                write!(f, "spurious {} {text:?} {}", system.kind, system.value)
            }
            TimexDifference::Extent(p) => write!(f, "extent {:?} ≠ gold {:?}", p.system_text, p.gold_text),
            TimexDifference::Value(p) => {
                write!(f, "value {:?} {} ≠ gold {}", p.system_text, p.system.value, p.gold.value)
            }
            TimexDifference::Type(p) => {
                write!(f, "type {:?} {} ≠ gold {}", p.system_text, p.system.kind, p.gold.kind)
            }
        }
    }
}

/// TempEval-3 Task A scores for time expressions, summed over any number of documents; the
/// figures equal those of the team's `te3_eval.py`.
///
/// - **strict**: a system timex with exactly the gold extent;
/// - **relaxed**: system and gold timexes that share at least one character, paired one to
///   one: identical extents first, then by largest overlap in characters (ties: closer
///   lengths, then earlier gold start, then earlier system start);
/// - **value** and **type**: of the relaxed matches, those whose attribute is equal (ignoring
///   surrounding whitespace). Accuracy is their share of the relaxed matches and F1 is accuracy
///   × relaxed F1. Value F1 is TempEval-3's ranking score.
///
/// # Example
///
/// ```
/// use annals::{Span, score::TimexScores, timeml::TimexTag};
/// let tag = |s, e, v: &str| TimexTag { span: Span::new(s, e), kind: "DATE".into(), value: v.into(), modifier: None };
/// let text = "Talks ended last Thursday.";
/// let mut scores = TimexScores::default();
/// let diffs = scores.add(&[tag(17, 25, "2020-01-03")], &[tag(12, 25, "2020-01-02")], text);
/// assert_eq!((scores.strict.tp, scores.relaxed.tp, scores.value_matches), (0, 1, 0));
/// assert_eq!(diffs[0].to_string(), r#"extent "Thursday" ≠ gold "last Thursday""#);
/// assert_eq!(diffs[1].to_string(), r#"value "Thursday" 2020-01-03 ≠ gold 2020-01-02"#);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TimexScores {
    /// Identical extents.
    pub strict: Counts,
    /// Overlapping extents, paired one to one.
    pub relaxed: Counts,
    /// Relaxed matches with equal values.
    pub value_matches: usize,
    /// Relaxed matches with equal types.
    pub type_matches: usize,
    /// Documents scored.
    pub documents: usize,
}

/// A timex to match: its index in the caller's slice and its char span.
#[derive(Clone, Copy)]
struct CharSpan {
    index: usize,
    start: usize,
    end: usize,
}

/// `byte` rounded down to a char boundary of `text` and clamped to its length.
fn floor(text: &str, byte: usize) -> usize {
    let mut byte = byte.min(text.len());
    while !text.is_char_boundary(byte) {
        byte -= 1;
    }
    byte
}

/// The tags' spans in chars, without empty ones, stably sorted by span (as `te3_eval.py` sorts).
fn char_spans(tags: &[TimexTag], offsets: &[(usize, usize)]) -> Vec<CharSpan> {
    let char_at = |byte: usize| offsets[offsets.partition_point(|&(b, _)| b < byte)].1;
    let mut spans: Vec<CharSpan> = tags
        .iter()
        .enumerate()
        .map(|(index, t)| CharSpan { index, start: char_at(t.span.start), end: char_at(t.span.end) })
        .filter(|s| s.end > s.start)
        .collect();
    spans.sort_by_key(|s| (s.start, s.end));
    spans
}

/// `te3_eval.py`'s `match_spans`: (gold position, system position, identical extent), sorted.
fn match_spans(gold: &[CharSpan], system: &[CharSpan]) -> Vec<(usize, usize, bool)> {
    let (mut used_g, mut used_s) = (vec![false; gold.len()], vec![false; system.len()]);
    let mut pairs = Vec::new();
    // Identical extents: each gold takes the first free system timex with its span.
    for (i, g) in gold.iter().enumerate() {
        let mut j = system.partition_point(|s| (s.start, s.end) < (g.start, g.end));
        while j < system.len() && (system[j].start, system[j].end) == (g.start, g.end) {
            if !used_s[j] {
                pairs.push((i, j, true));
                used_g[i] = true;
                used_s[j] = true;
                break;
            }
            j += 1;
        }
    }
    // Then the overlapping pairs, greedily by decreasing overlap.
    let mut candidates = Vec::new();
    for (i, g) in gold.iter().enumerate().filter(|(i, _)| !used_g[*i]) {
        for (j, s) in system.iter().enumerate().take_while(|(_, s)| s.start < g.end) {
            let overlap = g.end.min(s.end).saturating_sub(g.start.max(s.start));
            if !used_s[j] && overlap > 0 {
                let size_gap = (g.end - g.start).abs_diff(s.end - s.start);
                candidates.push((std::cmp::Reverse(overlap), size_gap, g.start, s.start, i, j));
            }
        }
    }
    candidates.sort_unstable();
    for (_, _, _, _, i, j) in candidates {
        if !used_g[i] && !used_s[j] {
            pairs.push((i, j, false));
            used_g[i] = true;
            used_s[j] = true;
        }
    }
    pairs.sort_unstable();
    pairs
}

impl TimexScores {
    /// Scores one document's system timexes against its gold ones and adds the counts; returns
    /// the differences in `te3_eval.py --errors` order: missed, spurious, then the imperfect
    /// relaxed matches.
    ///
    /// Spans are byte offsets into `text`, the document's plain text; overlaps are measured in
    /// chars, as `te3_eval.py` does. An offset off a char boundary is rounded down and one past
    /// the end is clamped; a timex that then covers no char is ignored, as `te3_eval.py`
    /// ignores empty tags. The order of the slices does not matter, except among timexes with
    /// identical spans (taken in the order given, like `te3_eval.py`).
    pub fn add(&mut self, system: &[TimexTag], gold: &[TimexTag], text: &str) -> Vec<TimexDifference> {
        self.documents += 1;
        let mut bytes: Vec<usize> =
            system.iter().chain(gold).flat_map(|t| [t.span.start, t.span.end]).collect();
        bytes.sort_unstable();
        bytes.dedup();
        let mut counter = CharOffsets::new(text);
        let offsets: Vec<(usize, usize)> = bytes.into_iter().map(|b| (b, counter.char_at(b))).collect();
        let (g, s) = (char_spans(gold, &offsets), char_spans(system, &offsets));
        let pairs = match_spans(&g, &s);
        let exact = pairs.iter().filter(|p| p.2).count();
        let count = |matches: usize| Counts { tp: matches, fp: s.len() - matches, fn_: g.len() - matches };
        self.strict.add(count(exact));
        self.relaxed.add(count(pairs.len()));

        let covered = |t: &TimexTag| text[floor(text, t.span.start)..floor(text, t.span.end)].to_string();
        let mut diffs = Vec::new();
        let (mut g_paired, mut s_paired) = (vec![false; g.len()], vec![false; s.len()]);
        for &(i, j, _) in &pairs {
            g_paired[i] = true;
            s_paired[j] = true;
        }
        for (x, _) in g.iter().zip(&g_paired).filter(|(_, p)| !**p) {
            let gold = gold[x.index].clone();
            diffs.push(TimexDifference::Missed { text: covered(&gold), gold });
        }
        for (x, _) in s.iter().zip(&s_paired).filter(|(_, p)| !**p) {
            let system = system[x.index].clone();
            diffs.push(TimexDifference::Spurious { text: covered(&system), system });
        }
        for (i, j, exact) in pairs {
            let (gt, st) = (&gold[g[i].index], &system[s[j].index]);
            let same_value = gt.value.trim() == st.value.trim();
            let same_type = gt.kind.trim() == st.kind.trim();
            self.value_matches += usize::from(same_value);
            self.type_matches += usize::from(same_type);
            if exact && same_value && same_type {
                continue;
            }
            let pair = TimexPair {
                system: st.clone(),
                system_text: covered(st),
                gold: gt.clone(),
                gold_text: covered(gt),
            };
            if !exact {
                diffs.push(TimexDifference::Extent(pair.clone()));
            }
            if !same_value {
                diffs.push(TimexDifference::Value(pair.clone()));
            }
            if !same_type {
                diffs.push(TimexDifference::Type(pair));
            }
        }
        diffs
    }

    /// Gold timexes scored.
    fn gold(&self) -> usize {
        self.strict.tp + self.strict.fn_
    }

    /// System timexes scored.
    fn system(&self) -> usize {
        self.strict.tp + self.strict.fp
    }

    /// The share of relaxed matches with `equal` equal attributes (1 if there was nothing to
    /// find and nothing was found, as in `te3_eval.py`).
    fn accuracy(&self, equal: usize) -> f64 {
        match self.relaxed.tp {
            0 if self.gold() == 0 && self.system() == 0 => 1.0,
            0 => 0.0,
            n => equal as f64 / n as f64,
        }
    }

    /// Share of relaxed matches whose value is right.
    pub fn value_accuracy(&self) -> f64 {
        self.accuracy(self.value_matches)
    }

    /// Share of relaxed matches whose type is right.
    pub fn type_accuracy(&self) -> f64 {
        self.accuracy(self.type_matches)
    }

    /// Value accuracy × relaxed F1: TempEval-3's ranking score for Task A.
    pub fn value_f1(&self) -> f64 {
        self.value_accuracy() * self.relaxed.f1()
    }

    /// Type accuracy × relaxed F1.
    pub fn type_f1(&self) -> f64 {
        self.type_accuracy() * self.relaxed.f1()
    }
}

impl fmt::Display for TimexScores {
    /// The table `te3_eval.py` prints (percentages, two decimals), line for line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pct = |x: f64| format!("{:6.2}", 100.0 * x);
        writeln!(
            f,
            "TempEval-3 Task A (TIMEX3) over {} documents: {} gold, {} system",
            self.documents,
            self.gold(),
            self.system()
        )?;
        writeln!(f, "                 P       R      F1")?;
        for (name, c) in [("strict", &self.strict), ("relaxed", &self.relaxed)] {
            writeln!(
                f,
                "  {name:<9} {}  {}  {}   ({} matches)",
                pct(c.precision()),
                pct(c.recall()),
                pct(c.f1()),
                c.tp
            )?;
        }
        let r = &self.relaxed;
        for (name, accuracy) in [("value", self.value_accuracy()), ("type", self.type_accuracy())] {
            writeln!(
                f,
                "  {name:<9} {}  {}  {}   (accuracy {} on {} relaxed matches)",
                pct(accuracy * r.precision()),
                pct(accuracy * r.recall()),
                pct(accuracy * r.f1()),
                pct(accuracy).trim(),
                r.tp
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(start: usize, end: usize, kind: EntityKind, id: &str) -> Mention {
        Mention {
            span: Span::new(start, end),
            char_start: start,
            char_end: end,
            text: String::new(),
            kind,
            entity: id.into(),
            rule: "t".into(),
        }
    }

    #[test]
    fn exact_and_overlap_counts() {
        let text = "US Secretary of State Mike Pompeo";
        let gold = parse_gold(
            "g",
            "0\t2\tplace\tunited-states\tUS\n22\t33\tperson\tmike-pompeo\tMike Pompeo\n",
            text,
        )
        .unwrap();
        let predicted = [
            mention(0, 2, EntityKind::Place, "united-states"),
            mention(27, 33, EntityKind::Person, "mike-pompeo"),
            mention(3, 12, EntityKind::Organisation, "x"),
        ];
        let mut s = EntityScores::default();
        let diffs = s.add(&predicted, &gold);
        assert_eq!(s.exact, Counts { tp: 1, fp: 2, fn_: 1 });
        assert_eq!(s.overlap, Counts { tp: 2, fp: 1, fn_: 0 });
        assert_eq!(diffs.len(), 3);
        assert!((s.exact.f1() - 0.4).abs() < 1e-9);
        assert_eq!(s.linking_accuracy(), 1.0);
    }

    fn timex(start: usize, end: usize, value: &str) -> TimexTag {
        TimexTag { span: Span::new(start, end), kind: "DATE".into(), value: value.into(), modifier: None }
    }

    #[test]
    fn timex_pairing_follows_te3_eval() {
        // Overlap counts chars: the system timex shares one char (two bytes) with "éé" and two
        // chars (two bytes) with "ab", so it pairs with "ab" (te3_eval.py: [(1, 0, False)]).
        let text = "éé ab";
        let mut s = TimexScores::default();
        let diffs = s.add(&[timex(2, 7, "1")], &[timex(0, 4, "1"), timex(5, 7, "1")], text);
        assert_eq!((s.strict.tp, s.relaxed), (0, Counts { tp: 1, fp: 0, fn_: 1 }));
        assert_eq!(diffs[0].to_string(), r#"missed DATE "éé" 1"#);
        assert_eq!(diffs[1].to_string(), r#"extent "é ab" ≠ gold "ab""#);
        // Equal overlaps: the closer length wins (te3_eval.py: [(0, 0, False)]).
        let mut s = TimexScores::default();
        let diffs = s.add(&[timex(2, 6, "x")], &[timex(0, 4, "1"), timex(4, 8, "1")], "abcdefgh");
        assert_eq!(s.relaxed.tp, 1);
        assert_eq!(diffs[0].to_string(), r#"missed DATE "efgh" 1"#);
        assert_eq!(diffs[2].to_string(), r#"value "cdef" x ≠ gold 1"#);
        // Largest overlap first (te3_eval.py: [(0, 0, False), (1, 1, False)]).
        let mut s = TimexScores::default();
        s.add(&[timex(3, 8, "1"), timex(7, 12, "1")], &[timex(0, 5, "1"), timex(6, 10, "1")], "abcdefghijkl");
        assert_eq!((s.relaxed.tp, s.value_matches, s.type_matches), (2, 2, 2));
    }

    #[test]
    fn degenerate_scores_follow_te3_eval() {
        let nothing_found = Counts { tp: 0, fp: 0, fn_: 3 };
        assert_eq!((nothing_found.precision(), nothing_found.recall(), nothing_found.f1()), (0.0, 0.0, 0.0));
        let nothing_expected = Counts { tp: 0, fp: 2, fn_: 0 };
        assert_eq!((nothing_expected.precision(), nothing_expected.recall()), (0.0, 0.0));
        assert_eq!(Counts::default().f1(), 1.0);
        let mut s = TimexScores::default();
        assert!(s.add(&[], &[], "").is_empty());
        assert_eq!((s.value_f1(), s.type_accuracy()), (1.0, 1.0));
        s.add(&[], &[timex(0, 1, "1")], "a");
        assert_eq!((s.value_f1(), s.value_accuracy()), (0.0, 0.0));
    }

    #[test]
    fn gold_errors_name_the_line() {
        let err = parse_gold("g.tsv", "0\t3\tplace\tx\tIran\n", "Iran").unwrap_err();
        assert_eq!(err.to_string(), "g.tsv:1: span 0..3 is `Ira`, not `Iran`");
        let err = parse_gold("g.tsv", "# c\n0\t9\tplace\tx\tIran\n", "Iran").unwrap_err();
        assert_eq!(err.to_string(), "g.tsv:2: span 0..9 is outside the text or off a char boundary");
        let err = parse_gold("g.tsv", "0\t4\tplace\tiran\n", "Iran").unwrap_err();
        assert_eq!(err.to_string(), "g.tsv:1: expected 5 tab-separated fields, found 4");
    }
}
