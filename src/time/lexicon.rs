//! The time stage's vocabulary, read from `data/time/*.tsv`.
//!
//! Every file has the same shape, `class<TAB>value<TAB>forms`, and every form (lower case,
//! `|`-separated) maps to one or more [`Word`]s. Forms with spaces ("at least", "the near
//! future") are phrases, matched word by word from their first word.

use super::value::{DurationUnit, PartOfDay, Season, TimexMod, TimexValue};
use crate::data::{LineReader, Source, fields};
use crate::error::Error;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// What a word can mean to the time grammar.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Word {
    Month(u8),
    Weekday(u8),
    Season(Season),
    PartOfDay(PartOfDay),
    Clock(u8, u8),
    Holiday(u8, u8),
    /// The `n`th (−1: last) weekday of a month, then a number of days after it: (month,
    /// weekday, n, days).
    HolidayNth(u8, u8, i8, i8),
    /// A feast that many days after (before, if negative) Western Easter Sunday.
    HolidayEaster(i8),
    Cardinal(u32),
    Ordinal(u8),
    OrdinalSuffix,
    Article,
    Vague,
    Couple,
    Dozen,
    Half,
    Unit {
        unit: DurationUnit,
        times: u32,
        plural: bool,
    },
    RelativeDay(i8, Option<PartOfDay>),
    Deictic(i8),
    DeicticReference(i8),
    Frequency,
    OffsetAnchor(i8),
    OffsetReference(i8),
    OffsetPreposition(i8),
    Position(TimexMod),
    PositionNoun(TimexMod),
    /// After "the", a part at the start or end of a period ("the last quarter of 2024").
    Edge(TimexMod),
    AmountMod(TimexMod),
    Reference(Ref),
    /// An adjective that is a vague reference only before its noun ("current", "then-current").
    ReferenceAdjective(Ref),
    /// A noun that makes an adjective reference part of a term ("current account").
    NotAfterReference,
    Recurrence(Option<u32>, DurationUnit),
    Every,
    Fiscal,
    ContextBefore,
    TensePast,
    TenseFuture,
    NotTense,
    NotYearAfter,
    /// A word that ends an amount ("percent", "million"): a recurrence after it is a rate.
    Quantity,
    /// A word between an amount and its unit that keeps the amount ("two more weeks", "an
    /// additional year", "eight trading days").
    AmountFiller,
    /// A word before a vague reference that makes it no time ("most recently": the last of a
    /// series).
    NotBeforeReference,
    Determiner,
    PassiveAuxiliary,
    /// A word joining two times ("Saturday or Sunday", "Thursday into Friday").
    Coordination,
    /// A word joining a range's first time to its last ("to", "through", "until").
    RangeTo,
    /// A noun that makes a weekday before it part of a compound ("Sunday school").
    WeekdayCompound,
    /// A word after which a weekday is a date even before a capitalised word ("said on
    /// Thursday Russia would pay"; elsewhere "Tuesday Weld", "Thursday Island" are names).
    WeekdayPreposition,
    /// A present copula: a weekday right after one is to come ("the deadline is Friday").
    Copula,
    /// A relative pronoun ("which", "where"): it opens a clause of its own, whose tense the
    /// words before it do not tell.
    RelativePronoun,
    /// A conjunction that opens a new clause ("but", "although"): after a time, it closes the
    /// time's clause as a comma does.
    ClauseBreak,
    /// A verb of schedule in its base form ("meet", "resume"): a future cue right after its
    /// subject ("the leaders meet Monday"), not after a modal, "to", a negation or another
    /// tense cue ("did not meet").
    Schedule,
    /// A negation ("not", the "-n't" of "didn't"): a base form after one is no present tense.
    Negation,
    /// A word before a day that the clause is to reach ("before", "ahead of", "by"): with no
    /// past cue, the day is to come ("campaigning before the Nov. 5 election").
    Deadline,
    /// A modal verb or "to" before a bare verb: "last" right after one is the verb ("could
    /// last months").
    Modal,
    Zone,
    /// A word before a clock time written with words ("at 4 in the morning").
    ClockContext,
    Meridiem(bool),
}

/// A vague reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ref {
    Present,
    Past,
    Future,
}

/// One meaning of a form: the word, and whether it counts only in a date context.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Sense {
    pub(crate) word: Word,
    pub(crate) needs_context: bool,
    /// An abbreviation ("Dec", "Mar"): a date only before a day number or a year.
    pub(crate) needs_number: bool,
}

/// The senses of one lower-case word, and the phrases that start with it.
#[derive(Clone, Debug, Default)]
pub(crate) struct Entry {
    pub(crate) senses: Vec<Sense>,
    pub(crate) phrases: Vec<(Box<[Box<str>]>, Word)>,
    /// Whether an expression can start at this word (cue words such as "in", "said" or "GMT"
    /// only help the grammar around them): the scan skips the rest.
    pub(crate) starts: bool,
}

/// The compiled vocabulary.
#[derive(Debug)]
pub(crate) struct TimeLexicon {
    entries: HashMap<Box<[u8]>, Entry, BuildHasherDefault<Fnv>>,
    /// For each (lower-case) first byte, a bit per word length that some entry has: most words
    /// of a text are rejected here, before any hashing.
    lengths: Box<[u64; 256]>,
    /// Longest single word, in bytes: longer words are not looked up.
    longest: usize,
    /// The forms of `zone`, as written in upper case, and of `meridiem`.
    pub(crate) meridiems: Vec<(Box<str>, bool)>,
}

/// The bundled vocabulary files, in load order.
pub(crate) const BUNDLED_TIME_FILES: &[&str] = &[
    "data/time/calendar.tsv",
    "data/time/numbers.tsv",
    "data/time/units.tsv",
    "data/time/relative.tsv",
    "data/time/zones.tsv",
];

impl TimeLexicon {
    /// Reads the given files; a bad line is an error naming file and line.
    pub(crate) fn from_sources(sources: &[Source]) -> Result<TimeLexicon, Error> {
        let mut lexicon = TimeLexicon {
            entries: HashMap::default(),
            lengths: Box::new([0; 256]),
            longest: 0,
            meridiems: Vec::new(),
        };
        // (restriction:class, form, file, line): applied once every file is read, so a
        // restriction may name a word of a later file.
        let mut restricted: Vec<(String, String, &Source, usize)> = Vec::new();
        for source in sources {
            for (line, raw) in LineReader::new(source) {
                let [class, value, forms] = fields::<3>(source, line, &raw)?;
                let bad = |what: &str| source.error(line, format!("{what} {value:?} for class {class:?}"));
                if class == "needs-context" || class == "needs-number" {
                    for form in forms.split('|') {
                        restricted.push((format!("{class}:{value}"), form.to_string(), source, line));
                    }
                    continue;
                }
                let word = parse_word(class, value).ok_or_else(|| {
                    if CLASSES.contains(&class) {
                        bad("bad value")
                    } else {
                        source.error(line, format!("unknown class {class:?}"))
                    }
                })?;
                if let Word::Meridiem(pm) = word {
                    lexicon.meridiems.extend(forms.split('|').map(|f| (Box::from(f), pm)));
                    continue;
                }
                for form in forms.split('|') {
                    if form.is_empty() || form.trim() != form || form.chars().any(|c| c.is_uppercase()) {
                        return Err(source.error(
                            line,
                            format!("form {form:?} must be non-empty, trimmed and lower case"),
                        ));
                    }
                    lexicon.add(form, word);
                }
            }
        }
        for (class, form, source, line) in restricted {
            let (restriction, class) = class.split_once(':').unwrap_or(("", &class));
            let senses = lexicon.entries.get_mut(form.as_bytes()).map(|entry| &mut entry.senses);
            let mut found = false;
            for sense in senses.into_iter().flatten().filter(|s| class_name(s.word) == class) {
                sense.needs_context = true;
                sense.needs_number |= restriction == "needs-number";
                found = true;
            }
            if !found {
                return Err(source.error(
                    line,
                    format!("{form:?} is not a {class} form of any file: nothing to restrict"),
                ));
            }
        }
        for entry in lexicon.entries.values_mut() {
            entry.starts = !entry.phrases.is_empty()
                || entry.senses.iter().any(|s| {
                    !matches!(
                        s.word,
                        Word::ContextBefore
                            | Word::TensePast
                            | Word::TenseFuture
                            | Word::NotTense
                            | Word::NotYearAfter
                            | Word::NotAfterReference
                            | Word::Quantity
                            | Word::AmountFiller
                            | Word::NotBeforeReference
                            | Word::Determiner
                            | Word::PassiveAuxiliary
                            | Word::Coordination
                            | Word::RangeTo
                            | Word::WeekdayCompound
                            | Word::WeekdayPreposition
                            | Word::Copula
                            | Word::RelativePronoun
                            | Word::ClauseBreak
                            | Word::Schedule
                            | Word::Negation
                            | Word::Deadline
                            | Word::Modal
                            | Word::Edge(_)
                            | Word::OrdinalSuffix
                            | Word::Zone
                            | Word::ClockContext
                    )
                });
        }
        // Longer meridiem forms first, so "a.m." wins over "am".
        lexicon.meridiems.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
        Ok(lexicon)
    }

    fn add(&mut self, form: &str, word: Word) {
        let mut words = form.split(' ');
        let whole_first = words.next().unwrap_or(form);
        // The lexer splits a possessive off its word ("Mother's" is "Mother" + "'s"), so a
        // phrase's first word is keyed without it and the possessive becomes its next part.
        let (first, possessive) = match whole_first.find(['\'', '’']) {
            Some(at) if at > 0 => (&whole_first[..at], Some(&whole_first[at..])),
            _ => (whole_first, None),
        };
        let rest: Box<[Box<str>]> = possessive.into_iter().chain(words).map(Box::from).collect();
        self.longest = self.longest.max(first.len()).min(63);
        if let Some(&b) = first.as_bytes().first() {
            if first.len() < 64 {
                self.lengths[usize::from(b)] |= 1 << first.len();
            }
        }
        let entry = self.entries.entry(Box::from(first.as_bytes())).or_default();
        if rest.is_empty() {
            entry.senses.push(Sense { word, needs_context: false, needs_number: false });
        } else {
            entry.phrases.push((rest, word));
        }
    }

    /// The entry of a word, any case.
    pub(crate) fn get(&self, word: &str) -> Option<&Entry> {
        let bytes = word.as_bytes();
        let first = bytes.first()?.to_ascii_lowercase();
        if bytes.len() > self.longest || self.lengths[usize::from(first)] >> bytes.len() & 1 == 0 {
            return None;
        }
        let mut buffer = [0u8; 64];
        let lower = buffer.get_mut(..bytes.len())?;
        lower.copy_from_slice(bytes);
        lower.make_ascii_lowercase();
        self.entries.get(&*lower)
    }
}

/// FNV-1a: the keys are short words, where SipHash's setup dominates (the lexicon is ours,
/// not attacker-chosen, so a keyed hash buys nothing).
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

const CLASSES: &[&str] = &[
    "month",
    "weekday",
    "season",
    "part-of-day",
    "clock",
    "holiday",
    "holiday-nth",
    "holiday-easter",
    "cardinal",
    "ordinal",
    "ordinal-suffix",
    "article",
    "vague",
    "couple",
    "dozen",
    "half",
    "unit",
    "units",
    "day-word",
    "deictic",
    "deictic-reference",
    "frequency",
    "offset-anchor",
    "offset-reference",
    "offset-preposition",
    "position",
    "position-noun",
    "edge",
    "amount-mod",
    "reference",
    "reference-adjective",
    "not-after-reference",
    "recurrence",
    "every",
    "fiscal",
    "context-before",
    "tense-past",
    "tense-future",
    "not-tense",
    "not-year-after",
    "quantity",
    "amount-filler",
    "not-before-reference",
    "determiner",
    "passive-auxiliary",
    "coordination",
    "range-to",
    "weekday-compound",
    "copula",
    "relative-pronoun",
    "clause-break",
    "schedule",
    "negation",
    "deadline",
    "modal",
    "zone",
    "clock-context",
    "meridiem",
];

fn class_name(word: Word) -> &'static str {
    match word {
        Word::Month(_) => "month",
        Word::Weekday(_) => "weekday",
        Word::Season(_) => "season",
        _ => "",
    }
}

fn in_range(value: &str, low: i64, high: i64) -> Option<i64> {
    value.parse::<i64>().ok().filter(|n| (low..=high).contains(n))
}

fn parse_word(class: &str, value: &str) -> Option<Word> {
    Some(match class {
        "month" => Word::Month(in_range(value, 1, 12)? as u8),
        "weekday" => Word::Weekday(in_range(value, 1, 7)? as u8),
        "season" => Word::Season(Season::from_code(value)?),
        "part-of-day" => Word::PartOfDay(PartOfDay::from_code(value)?),
        "clock" => {
            let (h, m) = value.split_once(':')?;
            Word::Clock(in_range(h, 0, 24)? as u8, in_range(m, 0, 59)? as u8)
        }
        "holiday" => {
            let (m, d) = value.split_once('-')?;
            Word::Holiday(in_range(m, 1, 12)? as u8, in_range(d, 1, 31)? as u8)
        }
        "holiday-nth" => {
            let mut parts = value.splitn(3, '-');
            let month = in_range(parts.next()?, 1, 12)? as u8;
            let weekday = in_range(parts.next()?, 1, 7)? as u8;
            // "11-4-4+1": a number of days after the nth weekday (Black Friday).
            let nth = parts.next()?;
            let (n, days) = match nth.split_once('+') {
                Some((n, days)) => (n, in_range(days, 1, 31)?),
                None => (nth, 0),
            };
            let n = in_range(n, -1, 5)?;
            if n == 0 {
                return None;
            }
            Word::HolidayNth(month, weekday, n as i8, days as i8)
        }
        "holiday-easter" => Word::HolidayEaster(in_range(value, -63, 63)? as i8),
        "cardinal" => Word::Cardinal(in_range(value, 0, 1_000_000)? as u32),
        "ordinal" => Word::Ordinal(in_range(value, 1, 100)? as u8),
        "couple" => Word::Couple,
        "dozen" => Word::Dozen,
        "unit" | "units" => {
            let (name, times) = match value.split_once('*') {
                Some((name, times)) => (name, in_range(times, 1, 1000)? as u32),
                None => (value, 1),
            };
            let unit = match name {
                "second" => DurationUnit::Second,
                "minute" => DurationUnit::Minute,
                "hour" => DurationUnit::Hour,
                "day" => DurationUnit::Day,
                "week" => DurationUnit::Week,
                "weekend" => DurationUnit::Weekend,
                "month" => DurationUnit::Month,
                "quarter" => DurationUnit::Quarter,
                "year" => DurationUnit::Year,
                "decade" => DurationUnit::Decade,
                "century" => DurationUnit::Century,
                "millennium" => DurationUnit::Millennium,
                _ => return None,
            };
            Word::Unit { unit, times, plural: class == "units" }
        }
        "day-word" => {
            let digits = value.trim_end_matches(|c: char| c.is_ascii_uppercase());
            let part = &value[digits.len()..];
            let part = if part.is_empty() { None } else { Some(PartOfDay::from_code(part)?) };
            Word::RelativeDay(in_range(digits, -7, 7)? as i8, part)
        }
        "deictic" => Word::Deictic(in_range(value, -1, 1)? as i8),
        "deictic-reference" => Word::DeicticReference(in_range(value, -1, 1)? as i8),
        "offset-anchor" => Word::OffsetAnchor(in_range(value, -1, 1)? as i8),
        "offset-reference" => Word::OffsetReference(in_range(value, -1, 1)? as i8),
        "offset-preposition" => Word::OffsetPreposition(in_range(value, -1, 1)? as i8),
        "position" => Word::Position(value.parse().ok()?),
        "position-noun" => Word::PositionNoun(value.parse().ok()?),
        "edge" => Word::Edge(value.parse().ok()?),
        "amount-mod" => Word::AmountMod(value.parse().ok()?),
        "reference" | "reference-adjective" => {
            let r = match value {
                "PRESENT_REF" => Ref::Present,
                "PAST_REF" => Ref::Past,
                "FUTURE_REF" => Ref::Future,
                _ => return None,
            };
            if class == "reference" { Word::Reference(r) } else { Word::ReferenceAdjective(r) }
        }
        "recurrence" => match value.parse::<TimexValue>().ok()? {
            TimexValue::Duration(d) if d.parts.len() == 1 => Word::Recurrence(d.parts[0].0, d.parts[0].1),
            _ => return None,
        },
        "meridiem" => Word::Meridiem(match value {
            "am" => false,
            "pm" => true,
            _ => return None,
        }),
        _ if value != "-" => return None,
        "ordinal-suffix" => Word::OrdinalSuffix,
        "article" => Word::Article,
        "vague" => Word::Vague,
        "half" => Word::Half,
        "every" => Word::Every,
        "frequency" => Word::Frequency,
        "fiscal" => Word::Fiscal,
        "context-before" => Word::ContextBefore,
        "tense-past" => Word::TensePast,
        "tense-future" => Word::TenseFuture,
        "not-tense" => Word::NotTense,
        "not-year-after" => Word::NotYearAfter,
        "not-after-reference" => Word::NotAfterReference,
        "quantity" => Word::Quantity,
        "amount-filler" => Word::AmountFiller,
        "not-before-reference" => Word::NotBeforeReference,
        "determiner" => Word::Determiner,
        "passive-auxiliary" => Word::PassiveAuxiliary,
        "coordination" => Word::Coordination,
        "range-to" => Word::RangeTo,
        "weekday-compound" => Word::WeekdayCompound,
        "weekday-preposition" => Word::WeekdayPreposition,
        "copula" => Word::Copula,
        "relative-pronoun" => Word::RelativePronoun,
        "clause-break" => Word::ClauseBreak,
        "schedule" => Word::Schedule,
        "negation" => Word::Negation,
        "deadline" => Word::Deadline,
        "modal" => Word::Modal,
        "zone" => Word::Zone,
        "clock-context" => Word::ClockContext,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_lines_name_file_and_line() {
        for (text, message) in [
            ("month\t13\tfoo\n", "t.tsv:1: bad value \"13\" for class \"month\""),
            ("monthly\t1\tfoo\n", "t.tsv:1: unknown class \"monthly\""),
            ("# c\nmonth\t1\tJan\n", "t.tsv:2: form \"Jan\" must be non-empty, trimmed and lower case"),
            ("month\t1\n", "t.tsv:1: expected 3 tab-separated fields, found 2"),
        ] {
            let err = TimeLexicon::from_sources(&[Source::from_str("t.tsv", text)]).unwrap_err();
            assert_eq!(err.to_string(), message);
        }
    }

    #[test]
    fn article_is_not_unit_and_article_words_are_case_free() {
        let sources: Vec<Source> = BUNDLED_TIME_FILES.iter().map(|p| crate::data::bundled(p)).collect();
        let lexicon = TimeLexicon::from_sources(&sources).unwrap();
        let may = lexicon.get("May").unwrap();
        assert!(may.senses.iter().any(|s| s.word == Word::Month(5) && s.needs_context));
        assert!(lexicon.get("AT").unwrap().phrases.iter().any(|(rest, _)| &*rest[0] == "least"));
        assert!(lexicon.get("table").is_none());
    }
}
