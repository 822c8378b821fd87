//! What a report's words say about which event it tells: the words around its trigger, each
//! weighted by how rare it is among all the reports (inverse document frequency). "The
//! downing of the airliner" shares "airliner" with the reports that date the crash; "the",
//! "said" and "Iran", in most reports, weigh almost nothing. No word list: the weights come
//! from the reports themselves, so any language of news and any subject work alike.

use super::Report;
use std::collections::{HashMap, HashSet};

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
pub(super) type WordSet = HashSet<u32>;

impl Words {
    pub(super) fn new(reports: &[&Report]) -> Words {
        let mut index: HashMap<String, u32> = HashMap::new();
        // Per word: how many sentences hold it, and the last sentence counted (reports of one
        // sentence are adjacent in canonical order and count once).
        let mut held_by: Vec<(u32, usize)> = Vec::new();
        let mut of_report = Vec::with_capacity(reports.len());
        let mut sentences = 0;
        let mut previous: Option<(&str, usize)> = None;
        for r in reports {
            let sentence = (r.document.as_str(), r.event.sentence.start);
            if previous != Some(sentence) {
                sentences += 1;
                previous = Some(sentence);
            }
            let mut ids: Vec<u32> = context(r)
                .map(|w| {
                    let next = u32::try_from(index.len()).unwrap_or(u32::MAX);
                    *index.entry(w).or_insert(next)
                })
                .filter(|&id| id != u32::MAX)
                .collect();
            ids.sort_unstable();
            ids.dedup();
            for &id in &ids {
                if id as usize >= held_by.len() {
                    held_by.resize(id as usize + 1, (0, 0));
                }
                let (count, last) = &mut held_by[id as usize];
                if *last != sentences {
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

/// The lowercased words within [`REACH`] words of the report's trigger (the whole excerpt if
/// its sentence was cut), without one-letter words.
fn context(r: &Report) -> impl Iterator<Item = String> + '_ {
    let sentence = &r.sentence;
    let whole = sentence.len() == r.event.sentence.end.saturating_sub(r.event.sentence.start);
    let (at, until) = if whole {
        let start = r.event.trigger.span.start.saturating_sub(r.event.sentence.start);
        let end = r.event.trigger.span.end.saturating_sub(r.event.sentence.start);
        (start, end)
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
    let (lo, hi) =
        if whole { (first.saturating_sub(REACH), (last + REACH).min(words.len())) } else { (0, words.len()) };
    words.into_iter().skip(lo).take(hi - lo).map(|(_, w)| w.to_lowercase())
}
