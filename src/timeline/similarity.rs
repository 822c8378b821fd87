//! What a report's words say about which event it tells: the words around its trigger, each
//! weighted by how rare it is among all the reports (inverse document frequency). "The
//! downing of the airliner" shares "airliner" with the reports that date the crash; "the",
//! "said" and "Iran", in most reports, weigh almost nothing. No word list: the weights come
//! from the reports themselves, so any subject works alike.

use super::Report;
use crate::time::lexicon::Fnv;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

/// How many words on each side of a trigger tell its event: about a clause.
pub(super) const REACH: usize = 8;

/// The words of every report, as numbers, and each word's weight.
pub(super) struct Words {
    /// Per report (in the order given): its distinct words around the trigger.
    of_report: Vec<Vec<u32>>,
    /// Per word: ln((sentences + 1) / (sentences holding it + 1)), over the reports' sentences.
    weight: Vec<f32>,
}

/// A set of words (a cluster's).
pub(super) type WordSet = HashSet<u32, BuildHasherDefault<Fnv>>;

impl Words {
    /// No words: what clustering uses when no report needs them.
    pub(super) fn none() -> Words {
        Words { of_report: Vec::new(), weight: Vec::new() }
    }

    /// Whether no report's words were read ([`Words::none`]).
    pub(super) fn is_empty(&self) -> bool {
        self.of_report.is_empty()
    }

    pub(super) fn new(reports: &[&Report]) -> Words {
        let mut index: HashMap<Box<str>, u32, BuildHasherDefault<Fnv>> = HashMap::default();
        // Per word: how many sentences hold it, and the last sentence counted (reports of one
        // sentence are adjacent in canonical order and count once).
        let mut held_by: Vec<(u32, usize)> = Vec::new();
        let mut of_report = Vec::with_capacity(reports.len());
        let mut sentences = 0;
        let mut previous: Option<(&str, usize)> = None;
        let mut lower = String::new();
        for r in reports {
            let sentence = (r.document.as_str(), r.event.sentence.start);
            if previous != Some(sentence) {
                sentences += 1;
                previous = Some(sentence);
            }
            let mut ids: Vec<u32> = Vec::new();
            for word in context(r) {
                lower.clear();
                lower.extend(word.chars().flat_map(char::to_lowercase));
                let id = match index.get(lower.as_str()) {
                    Some(&id) => id,
                    None => {
                        let Ok(id) = u32::try_from(index.len()) else { continue };
                        index.insert(lower.as_str().into(), id);
                        held_by.push((0, 0));
                        id
                    }
                };
                ids.push(id);
            }
            ids.sort_unstable();
            ids.dedup();
            for &id in &ids {
                if let Some((count, last)) = held_by.get_mut(id as usize)
                    && *last != sentences
                {
                    *count += 1;
                    *last = sentences;
                }
            }
            of_report.push(ids);
        }
        let n = sentences as f32 + 1.0;
        let weight = held_by.iter().map(|&(df, _)| (n / (df as f32 + 1.0)).ln()).collect();
        Words { of_report, weight }
    }

    /// The words of report `i`.
    pub(super) fn of(&self, i: usize) -> &[u32] {
        self.of_report.get(i).map_or(&[], Vec::as_slice)
    }

    /// The share (0 to 1) of report `i`'s word weight that `set` holds.
    pub(super) fn covered(&self, i: usize, set: &WordSet) -> f32 {
        let (mut shared, mut total) = (0.0, 0.0);
        for &w in self.of(i) {
            let weight = self.weight.get(w as usize).copied().unwrap_or(0.0);
            total += weight;
            if set.contains(&w) {
                shared += weight;
            }
        }
        if total > 0.0 { shared / total } else { 0.0 }
    }
}

/// The words within [`REACH`] words of the report's trigger (the whole excerpt if its
/// sentence was cut), without one-letter words.
fn context(r: &Report) -> impl Iterator<Item = &str> + '_ {
    let sentence = &r.sentence;
    // A cut sentence (an excerpt) no longer matches the document's offsets: take all of it.
    let whole = sentence.len() == r.event.sentence.end.saturating_sub(r.event.sentence.start);
    let (at, until) = if whole {
        let start = r.event.sentence.start;
        (r.event.trigger.span.start.saturating_sub(start), r.event.trigger.span.end.saturating_sub(start))
    } else {
        (0, sentence.len())
    };
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut start = None;
    for (i, c) in sentence.char_indices().chain(std::iter::once((sentence.len(), ' '))) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let word = &sentence[s..i];
                if word.chars().nth(1).is_some() {
                    words.push((s, word));
                }
                start = None;
            }
            _ => {}
        }
    }
    let first = words.partition_point(|(start, _)| *start < at);
    let last = words.partition_point(|(start, _)| *start < until);
    let (lo, hi) = (first.saturating_sub(REACH), (last + REACH).min(words.len()));
    words.into_iter().skip(lo).take(hi - lo).map(|(_, w)| w)
}
