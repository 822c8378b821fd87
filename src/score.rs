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

use crate::data::{LineReader, Source};
use crate::entities::{EntityKind, Mention};
use crate::error::Error;
use crate::span::Span;
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
        let kind = match kind {
            "person" => EntityKind::Person,
            "place" => EntityKind::Place,
            "organisation" => EntityKind::Organisation,
            other => return Err(source.error(n, format!("unknown kind `{other}`"))),
        };
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
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let mut out = Vec::new();
    for path in names {
        let gold_path = path.with_extension("gold.tsv");
        if !gold_path.exists() {
            continue;
        }
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        let gold_text = std::fs::read_to_string(&gold_path).map_err(|e| Error::io(&gold_path, e))?;
        let gold = parse_gold(&gold_path.display().to_string(), &gold_text, &text)?;
        let id = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        out.push(GoldDocument { document: crate::Document::new(id, text), gold });
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
    /// tp / (tp + fp); 1 when nothing was predicted and nothing was expected.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// tp / (tp + fn).
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
    fn add(&mut self, other: Counts) {
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
