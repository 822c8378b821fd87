//! Cue words for the name pattern rules, from `data/names/`.
//!
//! All cue phrases (titles, organisation suffixes, place cues, first names…) are compiled into
//! one automaton and matched once per document over the ASCII-lower-cased text, on token
//! boundaries. A phrase can carry several classes at once ("General" is a title and a first
//! word of organisation names), so each match yields a [`CueSet`].

use super::RuleId;
use super::gazetteer::{next_word_start, on_token_boundary};
use crate::data::{self, LineReader, Source};
use crate::error::Error;
use crate::span::Span;
use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, MatchKind};
use std::collections::HashMap;

/// The classes a cue phrase can have (see the header of `data/names/cues.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u16)]
pub(crate) enum Cue {
    Title = 1 << 0,
    Role = 1 << 1,
    OrgSuffix = 1 << 2,
    OrgHead = 1 << 3,
    PlaceBefore = 1 << 4,
    PlaceAfter = 1 << 5,
    Connector = 1 << 6,
    Demonym = 1 << 7,
    NotName = 1 << 8,
    FirstName = 1 << 9,
    PlaceSuffix = 1 << 10,
    PlacePrefix = 1 << 11,
    PlaceHead = 1 << 12,
    PlaceAfterList = 1 << 13,
}

impl Cue {
    fn parse(name: &str) -> Option<Cue> {
        Some(match name {
            "title" => Cue::Title,
            "role" => Cue::Role,
            "org-suffix" => Cue::OrgSuffix,
            "org-head" => Cue::OrgHead,
            "place-before" => Cue::PlaceBefore,
            "place-after" => Cue::PlaceAfter,
            "connector" => Cue::Connector,
            "demonym" => Cue::Demonym,
            "not-name" => Cue::NotName,
            "first-name" => Cue::FirstName,
            "place-suffix" => Cue::PlaceSuffix,
            "place-prefix" => Cue::PlacePrefix,
            "place-head" => Cue::PlaceHead,
            "place-after-list" => Cue::PlaceAfterList,
            _ => return None,
        })
    }
}

/// A set of [`Cue`] classes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct CueSet(u16);

impl CueSet {
    pub(crate) fn has(self, cue: Cue) -> bool {
        self.0 & cue as u16 != 0
    }
    pub(crate) fn insert(&mut self, cue: Cue) {
        self.0 |= cue as u16;
    }
}

/// A cue phrase found in the text.
#[derive(Clone, Debug)]
pub(crate) struct CueMatch {
    pub(crate) span: Span,
    pub(crate) set: CueSet,
    pub(crate) phrase: u32,
}

/// The compiled cue lexicon.
#[derive(Clone, Debug)]
pub(crate) struct Cues {
    /// For each automaton pattern: its phrase (index into `rules`) and classes.
    pattern_cues: Vec<(u32, CueSet)>,
    rules: Vec<RuleId>,
    automaton: AhoCorasick,
}

impl Cues {
    /// Parses `cues` files (`class<TAB>phrase`) and first-name lists (one name per line).
    pub(crate) fn build(cues: &[Source], first_names: &[Source]) -> Result<Cues, Error> {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut phrases: Vec<String> = Vec::new();
        let mut sets: Vec<CueSet> = Vec::new();
        let mut rules: Vec<RuleId> = Vec::new();
        // The spellings a phrase is written with in the files ("Secretary of State").
        let mut written: Vec<Vec<String>> = Vec::new();
        let mut add = |phrase: &str, cue: Cue, rule: String| {
            let key = phrase.to_ascii_lowercase();
            let i = *index.entry(key.clone()).or_insert_with(|| {
                phrases.push(key);
                sets.push(CueSet::default());
                rules.push(RuleId::from(rule));
                written.push(Vec::new());
                phrases.len() - 1
            });
            sets[i].insert(cue);
            if !written[i].iter().any(|w| w == phrase) {
                written[i].push(phrase.to_string());
            }
        };
        for source in cues {
            for (n, fields) in LineReader::new(source) {
                let [class, phrase] = data::fields::<2>(source, n, &fields)?;
                let cue = Cue::parse(class)
                    .ok_or_else(|| source.error(n, format!("unknown cue class `{class}`")))?;
                add(phrase, cue, format!("{}:{n}", source.name()));
            }
        }
        for source in first_names {
            for (n, fields) in LineReader::new(source) {
                let [name] = data::fields::<1>(source, n, &fields)?;
                if name.contains(char::is_whitespace) {
                    return Err(source.error(n, format!("a first name is one word, found `{name}`")));
                }
                add(name, Cue::FirstName, format!("{}:{n}", source.name()));
            }
        }
        // Case-sensitive patterns over the original text: each phrase as Title Case and ALL
        // CAPS, and in lower case too when one of its classes is used in lower case ("militia
        // commander …", "near …", "of"). So the not-name "The" never fires on "the", which
        // keeps the scan from stopping at every function word.
        let mut variants: HashMap<String, (u32, CueSet)> = HashMap::new();
        for (i, key) in phrases.iter().enumerate() {
            let set = sets[i];
            let lower_set = CueSet(set.0 & ANY_CASE);
            let mut put = |variant: String, s: CueSet| {
                if s.0 != 0 {
                    let slot = variants.entry(variant).or_insert((i as u32, CueSet::default()));
                    slot.1.0 |= s.0;
                }
            };
            for form in &written[i] {
                put(form.clone(), set);
                put(title_case(form), set);
            }
            put(key.to_ascii_uppercase(), set);
            put(key.clone(), lower_set);
        }
        let mut patterns: Vec<(String, u32, CueSet)> =
            variants.into_iter().map(|(v, (p, s))| (v, p, s)).collect();
        patterns.sort_by(|a, b| a.0.cmp(&b.0));
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(patterns.iter().map(|p| p.0.as_bytes()))
            .map_err(|e| Error::argument(format!("cue automaton: {e}")))?;
        let pattern_cues = patterns.into_iter().map(|(_, phrase, set)| (phrase, set)).collect();
        Ok(Cues { pattern_cues, rules, automaton })
    }

    /// The rule id (file and line) that defined a phrase.
    pub(crate) fn rule(&self, phrase: u32) -> &RuleId {
        &self.rules[phrase as usize]
    }

    /// Heap bytes of the automaton.
    pub(crate) fn memory_usage(&self) -> usize {
        self.automaton.memory_usage() + self.pattern_cues.len() * 8 + self.rules.len() * 16
    }

    /// Appends the cue matches of `text` (leftmost-longest, on token boundaries) to `out`.
    pub(crate) fn scan(&self, text: &str, out: &mut Vec<CueMatch>) {
        let bytes = text.as_bytes();
        let mut pos = 0;
        while pos < bytes.len() {
            let Some(m) = self.automaton.find(Input::new(bytes).range(pos..)) else { break };
            let span = Span::new(m.start(), m.end());
            if on_token_boundary(text, span) {
                let (phrase, set) = self.pattern_cues[m.pattern().as_usize()];
                out.push(CueMatch { span, set, phrase });
                pos = span.end;
            } else {
                pos = next_word_start(text, span.start);
            }
        }
    }
}

/// The classes whose cue words appear in lower case in running text.
const ANY_CASE: u16 = Cue::Title as u16
    | Cue::Role as u16
    | Cue::Connector as u16
    | Cue::PlaceBefore as u16
    | Cue::PlaceAfter as u16
    | Cue::PlaceAfterList as u16;

/// The phrase with its first letter raised, as at the start of a sentence or a name:
/// `spokesman` → `Spokesman`.
fn title_case(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut first = true;
    for c in key.chars() {
        if first {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        first = false;
    }
    out
}
