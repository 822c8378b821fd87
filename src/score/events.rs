//! Scoring events and timelines against gold (`data/corpus/EVENTS.md`).
//!
//! - **Events**: a predicted event matches a gold one when their triggers overlap and their
//!   kinds agree (each used once, in order). `trigger` counts those matches; `dated` counts
//!   only the matches whose dates also agree (the day of the predicted interval, or its value
//!   when coarser, against the gold value): the headline event F1 (date + kind).
//! - **Document events**: per document, the distinct (kind, day) pairs of asserted events
//!   against the gold's: what happened when, however many words told it.
//! - **Timeline**: a timeline entry fits a reference event of the same kind and day (and,
//!   when both name participants, sharing one). Entries and reference events are matched one
//!   to one, as many as can be (a maximum matching, so an entry that fits two events does not
//!   take the one another entry alone fits); entry-level P/R/F1 count those matches. An entry
//!   that fits some reference event but is left unmatched is a **duplicate**, and the
//!   duplicate rate is duplicates / entries that fit some event. Date-F1 compares the sets of distinct
//!   days.

use super::Counts;
use crate::data::{LineReader, Source, fields};
use crate::error::Error;
use crate::events::{Event, EventKind, Status};
use crate::span::Span;
use crate::time::Granularity;
use crate::timeline::Entry;
use std::collections::BTreeSet;
use std::fmt;

/// A gold event mention.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct GoldEvent {
    /// The trigger's byte span.
    pub span: Span,
    /// Its kind.
    pub kind: EventKind,
    /// The TIMEX3 value of its date, if the text dates it.
    pub value: Option<String>,
    /// Whether it happened.
    pub status: Status,
    /// The trigger's text.
    pub text: String,
}

fn parse_status(s: &str) -> Option<Status> {
    Some(match s {
        "asserted" => Status::Asserted,
        "planned" => Status::Planned,
        "hypothetical" => Status::Hypothetical,
        "negated" => Status::Negated,
        _ => return None,
    })
}

/// Reads a gold event file (`start end kind value status trigger`) held in memory and checks
/// each trigger against `text`.
///
/// # Errors
///
/// A data error naming `name` and the line of a malformed row, or of a trigger that is not
/// the text at its offsets.
pub fn parse_gold_events(name: &str, gold: &str, text: &str) -> Result<Vec<GoldEvent>, Error> {
    let source = Source::from_str(name, gold);
    let mut out = Vec::new();
    for (line, row) in LineReader::new(&source) {
        let [start, end, kind, value, status, trigger] = fields::<6>(&source, line, &row)?;
        let offset =
            |s: &str| s.parse::<usize>().map_err(|_| source.error(line, format!("`{s}` is not an offset")));
        let span = Span::new(offset(start)?, offset(end)?);
        if text.get(span.range()) != Some(trigger) {
            return Err(source.error(line, format!("the text at {start}..{end} is not `{trigger}`")));
        }
        let status = parse_status(status).ok_or_else(|| {
            source
                .error(line, format!("unknown status `{status}` (asserted, planned, hypothetical, negated)"))
        })?;
        let value = (value != "-").then(|| value.to_string());
        out.push(GoldEvent { span, kind: EventKind::from(kind), value, status, text: trigger.to_string() });
    }
    Ok(out)
}

/// A document with its gold events.
#[derive(Clone, Debug)]
pub struct EventGoldDocument {
    /// The document (its id is the file stem; its publication date from `SOURCES.tsv`).
    pub document: crate::Document,
    /// Its gold events, in order.
    pub gold: Vec<GoldEvent>,
}

/// Reads every `NAME.txt` in `dir` that has a `NAME.events.tsv` beside it, sorted by name.
/// A `SOURCES.tsv` in `dir` (a `# file … published …` header, then one row per file) gives
/// the publication dates.
///
/// # Errors
///
/// An I/O error naming the path, or a gold or sources error naming file and line.
pub fn read_event_gold_dir(dir: &std::path::Path) -> Result<Vec<EventGoldDocument>, Error> {
    let published = crate::input::read_sources(dir)?;
    super::read_annotated(dir, "events.tsv")?
        .into_iter()
        .map(|doc| {
            let gold = parse_gold_events(&doc.gold_name, &doc.gold, &doc.text)?;
            let mut document = crate::Document::new(doc.id, doc.text);
            if let Some((_, date)) = published.iter().find(|(f, _)| *f == doc.file) {
                document = document.published(*date);
            }
            Ok(EventGoldDocument { document, gold })
        })
        .collect()
}

/// The day of a predicted event (or its value when coarser than a day).
fn event_date(event: &Event) -> Option<String> {
    match (&event.value, event.interval) {
        (_, Some(i)) if i.granularity <= Granularity::Day => Some(i.start.date().to_string()),
        (Some(v), _) => Some(v.to_string()),
        (None, _) => None,
    }
}

/// One difference between predicted and gold events.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum EventDifference {
    /// Predicted, no gold trigger of that kind there: span, kind, text, rule.
    Spurious(Span, EventKind, String, String),
    /// In the gold, not predicted: span, kind, text.
    Missed(Span, EventKind, String),
    /// Matched, with another date: span, kind, text, predicted date, gold date.
    Date(Span, EventKind, String, Option<String>, Option<String>),
}

impl fmt::Display for EventDifference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".to_string());
        match self {
            EventDifference::Spurious(s, k, t, rule) => {
                write!(f, "{}..{}: spurious {k} `{t}` by {rule}", s.start, s.end)
            }
            EventDifference::Missed(s, k, t) => write!(f, "{}..{}: missed {k} `{t}`", s.start, s.end),
            EventDifference::Date(s, k, t, p, g) => {
                write!(f, "{}..{}: {k} `{t}` dated {} (gold {})", s.start, s.end, show(p), show(g))
            }
        }
    }
}

/// Event scores, accumulated over documents.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventScores {
    /// Overlapping trigger, same kind.
    pub trigger: Counts,
    /// Overlapping trigger, same kind, same date: the headline.
    pub dated: Counts,
    /// Per document, the distinct (kind, day) pairs of asserted events, against the gold's:
    /// what happened when, whichever words told it.
    pub document_events: Counts,
    /// Matched events whose status also agrees.
    pub status_matches: usize,
    /// Documents scored.
    pub documents: usize,
}

impl EventScores {
    /// Scores one document's events; returns the differences.
    pub fn add(&mut self, predicted: &[Event], gold: &[GoldEvent]) -> Vec<EventDifference> {
        self.documents += 1;
        let mut used = vec![false; predicted.len()];
        let mut diffs = Vec::new();
        for g in gold {
            let hit = predicted
                .iter()
                .enumerate()
                .find(|(i, p)| !used[*i] && p.kind == g.kind && p.trigger.span.overlaps(g.span));
            match hit {
                Some((i, p)) => {
                    used[i] = true;
                    self.trigger.tp += 1;
                    let date = event_date(p);
                    if date == g.value {
                        self.dated.tp += 1;
                    } else {
                        self.dated.fp += 1;
                        self.dated.fn_ += 1;
                        diffs.push(EventDifference::Date(
                            g.span,
                            g.kind.clone(),
                            g.text.clone(),
                            date,
                            g.value.clone(),
                        ));
                    }
                    if p.status == g.status {
                        self.status_matches += 1;
                    }
                }
                None => {
                    self.trigger.fn_ += 1;
                    self.dated.fn_ += 1;
                    diffs.push(EventDifference::Missed(g.span, g.kind.clone(), g.text.clone()));
                }
            }
        }
        let happened = |status: Status, kind: &EventKind, date: Option<String>| match status {
            Status::Asserted => date.map(|d| (kind.clone(), d)),
            _ => None,
        };
        let predicted_pairs: BTreeSet<(EventKind, String)> =
            predicted.iter().filter_map(|p| happened(p.status, &p.kind, event_date(p))).collect();
        let gold_pairs: BTreeSet<(EventKind, String)> =
            gold.iter().filter_map(|g| happened(g.status, &g.kind, g.value.clone())).collect();
        self.document_events.add(Counts {
            tp: predicted_pairs.intersection(&gold_pairs).count(),
            fp: predicted_pairs.difference(&gold_pairs).count(),
            fn_: gold_pairs.difference(&predicted_pairs).count(),
        });
        for (p, _) in predicted.iter().zip(&used).filter(|(_, u)| !**u) {
            self.trigger.fp += 1;
            self.dated.fp += 1;
            diffs.push(EventDifference::Spurious(
                p.trigger.span,
                p.kind.clone(),
                p.trigger.text.clone(),
                p.rule.to_string(),
            ));
        }
        diffs.sort_by_key(|d| match d {
            EventDifference::Spurious(s, ..)
            | EventDifference::Missed(s, ..)
            | EventDifference::Date(s, ..) => s.start,
        });
        diffs
    }

    /// Share of matched events whose status agrees.
    pub fn status_accuracy(&self) -> f64 {
        if self.trigger.tp == 0 { 0.0 } else { self.status_matches as f64 / self.trigger.tp as f64 }
    }
}

impl fmt::Display for EventScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "| match | P | R | F1 |")?;
        writeln!(f, "|---|---:|---:|---:|")?;
        for (name, c) in [
            ("trigger + kind", self.trigger),
            ("trigger + kind + date", self.dated),
            ("document events: distinct (kind, day) of asserted events", self.document_events),
        ] {
            writeln!(f, "| {name} | {:.3} | {:.3} | **{:.3}** |", c.precision(), c.recall(), c.f1())?;
        }
        write!(
            f,
            "\nstatus accuracy on matched events: {:.3} ({} documents)",
            self.status_accuracy(),
            self.documents
        )
    }
}

/// One real event of a reference timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReferenceEvent {
    /// Its day (or coarser TIMEX3 value).
    pub date: String,
    /// Its kind.
    pub kind: EventKind,
    /// What happened, in words.
    pub summary: String,
    /// Ids of its main participants.
    pub participants: Vec<String>,
}

/// Reads a reference timeline (`date kind summary participants`) held in memory.
///
/// # Errors
///
/// A data error naming `name` and the line of a malformed row.
pub fn parse_reference_timeline(name: &str, text: &str) -> Result<Vec<ReferenceEvent>, Error> {
    let source = Source::from_str(name, text);
    let mut out = Vec::new();
    for (line, row) in LineReader::new(&source) {
        let [date, kind, summary, participants] = fields::<4>(&source, line, &row)?;
        if date.parse::<crate::time::TimexValue>().is_err() {
            return Err(source.error(line, format!("`{date}` is not a TIMEX3 date")));
        }
        let participants = if participants == "-" {
            Vec::new()
        } else {
            participants.split('|').map(str::to_string).collect()
        };
        out.push(ReferenceEvent {
            date: date.to_string(),
            kind: EventKind::from(kind),
            summary: summary.to_string(),
            participants,
        });
    }
    Ok(out)
}

/// A maximum one-to-one matching of entries to the reference events they fit (`candidates`:
/// per entry, the indices of those events), by augmenting paths (Kuhn), entries taken in
/// timeline order: per reference event, the entry matched to it. A greedy matching would let
/// an entry that fits two events take the one a later entry alone fits.
fn maximum_matching(candidates: &[Vec<usize>], references: usize) -> Vec<Option<usize>> {
    let mut owner: Vec<Option<usize>> = vec![None; references];
    for start in 0..candidates.len() {
        // Depth-first search for an augmenting path, with an explicit stack: (entry, next
        // candidate to try). `via[r]`: the entry whose search reached reference `r`.
        let mut seen = vec![false; references];
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        let mut via: Vec<usize> = vec![usize::MAX; references];
        let mut free: Option<usize> = None;
        while let Some(top) = stack.last_mut() {
            let (e, next) = *top;
            let Some(&r) = candidates[e].get(next) else {
                stack.pop();
                continue;
            };
            top.1 += 1;
            if seen[r] {
                continue;
            }
            seen[r] = true;
            via[r] = e;
            match owner[r] {
                None => {
                    free = Some(r);
                    break;
                }
                Some(other) => stack.push((other, 0)),
            }
        }
        // Flip the path: each reference on it goes to the entry that reached it.
        let mut r = free;
        while let Some(ref_index) = r {
            let e = via[ref_index];
            let previous = candidates[e].iter().copied().find(|&q| owner[q] == Some(e));
            owner[ref_index] = Some(e);
            r = if e == start { None } else { previous };
        }
    }
    owner
}

/// Timeline scores against a reference.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TimelineScores {
    /// Distinct days.
    pub dates: Counts,
    /// Entries against reference events, each reference event counted once.
    pub entries: Counts,
    /// Entries that fit some reference event but are left out of the maximum matching.
    pub duplicates: usize,
}

impl TimelineScores {
    /// Scores `entries` (in timeline order) against `reference`.
    pub fn score(entries: &[Entry], reference: &[ReferenceEvent]) -> TimelineScores {
        let day = |e: &Entry| {
            if e.interval.granularity <= Granularity::Day {
                e.interval.start.date().to_string()
            } else {
                e.value.to_string()
            }
        };
        let mut scores = TimelineScores::default();
        let candidates: Vec<Vec<usize>> = entries
            .iter()
            .map(|e| {
                let date = day(e);
                let fits = |r: &ReferenceEvent| {
                    r.kind == e.kind
                        && r.date == date
                        && (r.participants.is_empty()
                            || e.participants.is_empty()
                            || e.participants.iter().any(|p| r.participants.iter().any(|q| q == p.as_str())))
                };
                (0..reference.len()).filter(|&i| fits(&reference[i])).collect()
            })
            .collect();
        let owner = maximum_matching(&candidates, reference.len());
        let mut matched = vec![false; reference.len()];
        let mut entry_matched = vec![false; entries.len()];
        for (r, e) in owner.iter().enumerate() {
            if let Some(e) = *e {
                matched[r] = true;
                entry_matched[e] = true;
            }
        }
        for (e, cands) in candidates.iter().enumerate() {
            if entry_matched[e] {
                scores.entries.tp += 1;
            } else {
                scores.entries.fp += 1;
                if !cands.is_empty() {
                    scores.duplicates += 1;
                }
            }
        }
        scores.entries.fn_ = matched.iter().filter(|m| !**m).count();
        let predicted: BTreeSet<String> = entries.iter().map(day).collect();
        let gold: BTreeSet<String> = reference.iter().map(|r| r.date.clone()).collect();
        scores.dates = Counts {
            tp: predicted.intersection(&gold).count(),
            fp: predicted.difference(&gold).count(),
            fn_: gold.difference(&predicted).count(),
        };
        scores
    }

    /// Duplicates / entries that fit some reference event.
    pub fn duplicate_rate(&self) -> f64 {
        let matching = self.entries.tp + self.duplicates;
        if matching == 0 { 0.0 } else { self.duplicates as f64 / matching as f64 }
    }
}

impl fmt::Display for TimelineScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "| measure | P | R | F1 |")?;
        writeln!(f, "|---|---:|---:|---:|")?;
        for (name, c) in [("distinct dates (Date-F1)", self.dates), ("entries", self.entries)] {
            writeln!(f, "| {name} | {:.3} | {:.3} | **{:.3}** |", c.precision(), c.recall(), c.f1())?;
        }
        write!(f, "\nduplicate rate: {:.3} ({} duplicate entries)", self.duplicate_rate(), self.duplicates)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gold_lines_are_checked_against_the_text() {
        let text = "The strike killed him.";
        let gold =
            parse_gold_events("g.tsv", "# header\n4\t10\tattack\t2020-01-03\tasserted\tstrike\n", text)
                .unwrap();
        assert_eq!(gold[0].value.as_deref(), Some("2020-01-03"));
        let err = parse_gold_events("g.tsv", "4\t10\tattack\t-\tasserted\tkilled\n", text).unwrap_err();
        assert_eq!(err.to_string(), "g.tsv:1: the text at 4..10 is not `killed`");
        let err = parse_gold_events("g.tsv", "4\t10\tattack\t-\tdone\tstrike\n", text).unwrap_err();
        assert!(err.to_string().starts_with("g.tsv:1: unknown status `done`"));
    }

    #[test]
    fn entries_are_matched_one_to_one_as_many_as_can_be() {
        // Entry 0 fits events 0 and 1, entry 1 only event 0: both match.
        assert_eq!(maximum_matching(&[vec![0, 1], vec![0]], 2), [Some(1), Some(0)]);
        // Two entries of one event: one of them is a duplicate.
        assert_eq!(maximum_matching(&[vec![0], vec![0]], 1), [Some(0)]);
        // A longer path: entry 2 takes event 0 from entry 0, which takes event 1 from entry 1,
        // which takes event 2.
        assert_eq!(maximum_matching(&[vec![0, 1], vec![1, 2], vec![0]], 3), [Some(2), Some(0), Some(1)]);
        assert_eq!(maximum_matching(&[vec![], vec![]], 1), [None]);
    }

    #[test]
    fn reference_lines_are_checked() {
        let r =
            parse_reference_timeline("t.tsv", "2020-01-03\tattack\tstrike\tunited-states|qasem-soleimani\n")
                .unwrap();
        assert_eq!(r[0].participants, ["united-states", "qasem-soleimani"]);
        let err = parse_reference_timeline("t.tsv", "\n\nJan 3\tattack\tstrike\t-\n").unwrap_err();
        assert_eq!(err.to_string(), "t.tsv:3: `Jan 3` is not a TIMEX3 date");
    }
}
