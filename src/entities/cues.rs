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
    fn insert(&mut self, cue: Cue) {
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
    sets: Vec<CueSet>,
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
        let mut add = |phrase: &str, cue: Cue, rule: String| {
            let key = phrase.to_ascii_lowercase();
            let i = *index.entry(key.clone()).or_insert_with(|| {
                phrases.push(key);
                sets.push(CueSet::default());
                rules.push(RuleId::from(rule));
                phrases.len() - 1
            });
            sets[i].insert(cue);
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
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&phrases)
            .map_err(|e| Error::argument(format!("cue automaton: {e}")))?;
        Ok(Cues { sets, rules, automaton })
    }

    /// The rule id (file and line) that defined a phrase.
    pub(crate) fn rule(&self, phrase: u32) -> &RuleId {
        &self.rules[phrase as usize]
    }

    /// Heap bytes of the automaton.
    pub(crate) fn memory_usage(&self) -> usize {
        self.automaton.memory_usage() + self.sets.len() * 2 + self.rules.len() * 16
    }

    /// Appends the cue matches of `text` (leftmost-longest, on token boundaries) to `out`.
    pub(crate) fn scan(&self, text: &str, lowered: &[u8], out: &mut Vec<CueMatch>) {
        let mut pos = 0;
        while pos < lowered.len() {
            let Some(m) = self.automaton.find(Input::new(lowered).range(pos..)) else { break };
            let span = Span::new(m.start(), m.end());
            if on_token_boundary(text, span) {
                let phrase = m.pattern().as_u32();
                out.push(CueMatch { span, set: self.sets[phrase as usize], phrase });
                pos = span.end;
            } else {
                pos = next_word_start(text, span.start);
            }
        }
    }
}
