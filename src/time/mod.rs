//! The time stage: time expressions, typed and normalised as TIMEX3, each with its interval.
//!
//! Input: the text, its publication date (if known) and a [`Mode`]. Output: the document's
//! [`TimeExpr`]s, in order: span, TIMEX3 `type`, `value` and `mod`, the half-open interval the
//! value denotes, how the value was anchored ([`Anchor`]) and the rule that made it.
//!
//! **How.** A lexer cuts words, numbers and punctuation; each word is looked up once in the
//! vocabulary of `data/time/` (months, weekdays, units, number words, deictics, modifiers,
//! tense cues…). A hand-written grammar then tries, at each number or vocabulary word, the
//! expression shapes of English news (`grammar.rs`) and keeps the longest, left to right.
//! Extents are minimal: a leading preposition ("on Friday", "after 2019") is never part of
//! one, while modifiers that change the value are ("early next year", "more than a decade").
//!
//! **Anchoring.** In [`Mode::News`] deictic expressions ("yesterday", "last week", "Friday",
//! "three days ago") count from the publication date, and the narrative ones ("the next day",
//! "two days later") from the last date the text mentioned. In [`Mode::Narrative`] (history,
//! encyclopaedic text) everything counts from the last mentioned date. A weekday, a month or a
//! day without a year is placed by the tense of its clause: past → the latest such day on or
//! before the anchor (a past-tense "Friday" in a story published on a Friday is that day),
//! future → the first on or after it, no tense cue → the nearest (weekdays: the latest).
//!
//! **Not dates without context.** "may", "march", "a second", bare numbers, scores, money,
//! addresses and coordinates: ambiguous names count only when capitalised and next to a
//! number or after a context word (`needs-context` and `context-before` in the data), and a
//! bare four-digit number is a year only in 1900–2099 (1000–2099 after a context word), not
//! inside a larger number, not after a currency sign, not before `%` or a plural noun.
//! `tests/time_negatives.txt` keeps the regressions.

mod grammar;
pub(crate) mod lexicon;
pub(crate) mod published;
mod value;

pub use value::{
    CalendarValue, DurationUnit, DurationValue, Granularity, Interval, PartOfDay, Season, TimeOfDay,
    TimexMod, TimexValue, Within, Year,
};

use crate::data::Source;
use crate::entities::RuleId;
use crate::error::Error;
use crate::span::{CharOffsets, Span};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// TIMEX3 `type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar day or a coarser period, or a vague reference.
    Date,
    /// A time finer than a day.
    Time,
    /// A length of time.
    Duration,
    /// A recurrence.
    Set,
}

impl TimexType {
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

impl fmt::Display for TimexType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How relative expressions are anchored.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// News: "yesterday", "Friday", "last week" count from the publication date.
    #[default]
    News,
    /// Narrative (history, encyclopaedic text): they count from the last date mentioned.
    Narrative,
}

impl FromStr for Mode {
    type Err = Error;

    fn from_str(s: &str) -> Result<Mode, Error> {
        match s {
            "news" => Ok(Mode::News),
            "narrative" => Ok(Mode::Narrative),
            _ => Err(Error::argument(format!("unknown mode {s:?}: expected news or narrative"))),
        }
    }
}

/// What a time expression's value was computed from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Anchor {
    /// The text says it all ("3 January 2020", "three days").
    Explicit,
    /// Counted from the publication date ("yesterday" in news).
    Published,
    /// Counted from the last date the text mentioned ("the next day").
    Narrative,
    /// It needed an anchor and had none: the value has unknown (`X`) parts.
    Missing,
}

/// One time expression.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TimeExpr {
    /// UTF-8 byte offsets into the text.
    #[serde(flatten)]
    pub span: Span,
    /// Offset of the first character, in Unicode scalar values.
    pub char_start: usize,
    /// Offset after the last character, in Unicode scalar values.
    pub char_end: usize,
    /// The text of the span.
    pub text: String,
    /// TIMEX3 `type`.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 `value`.
    pub value: TimexValue,
    /// TIMEX3 `mod`, if any.
    #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<TimexMod>,
    /// The interval the value denotes (`None` for durations, vague references and values with
    /// unknown parts).
    pub interval: Option<Interval>,
    /// What the value was computed from.
    pub anchor: Anchor,
    /// The grammar rule that matched, e.g. `date:day-month-year`.
    pub rule: RuleId,
}

/// The compiled time vocabulary and grammar. Built once (by the [`Extractor`](crate::Extractor)
/// or alone), shared freely.
///
/// # Example
///
/// ```
/// use annals::time::{Mode, TimeTagger};
/// let tagger = TimeTagger::new()?;
/// let published = chrono::NaiveDate::from_ymd_opt(2020, 1, 4);
/// let times = tagger.tag("Soleimani was killed on Friday, two days after the protest.", published, Mode::News);
/// assert_eq!(times[0].text, "Friday");
/// assert_eq!(times[0].value.to_string(), "2020-01-03");
/// assert_eq!(times[1].text, "two days");
/// assert_eq!(times[1].value.to_string(), "P2D");
/// # Ok::<(), annals::Error>(())
/// ```
#[derive(Debug)]
pub struct TimeTagger {
    lexicon: lexicon::TimeLexicon,
}

impl TimeTagger {
    /// The tagger over the bundled vocabulary (`data/time/`).
    ///
    /// # Errors
    ///
    /// None in practice: the bundled files are tested. The signature matches
    /// [`TimeTagger::from_sources`].
    pub fn new() -> Result<TimeTagger, Error> {
        let sources: Vec<Source> =
            lexicon::BUNDLED_TIME_FILES.iter().map(|p| crate::data::bundled(p)).collect();
        TimeTagger::from_sources(&sources)
    }

    /// The tagger over the given vocabulary files (same format as `data/time/*.tsv`).
    ///
    /// # Errors
    ///
    /// A data error naming the file and line of a bad entry.
    pub fn from_sources(sources: &[Source]) -> Result<TimeTagger, Error> {
        Ok(TimeTagger { lexicon: lexicon::TimeLexicon::from_sources(sources)? })
    }

    /// Finds and normalises the time expressions of `text`, in order, without overlaps.
    /// `published` anchors news-mode deictics (and starts the narrative); without it, values
    /// that need an anchor get unknown parts and [`Anchor::Missing`].
    pub fn tag(&self, text: &str, published: Option<NaiveDate>, mode: Mode) -> Vec<TimeExpr> {
        let found = grammar::find(&self.lexicon, text, published, mode);
        let mut chars = CharOffsets::new(text);
        found
            .into_iter()
            .map(|hit| {
                let span = Span::new(hit.start, hit.end);
                let interval = hit.value.interval();
                TimeExpr {
                    char_start: chars.char_at(span.start),
                    char_end: chars.char_at(span.end),
                    text: span.text(text).to_string(),
                    span,
                    kind: hit.kind,
                    value: hit.value,
                    modifier: hit.modifier,
                    interval,
                    anchor: hit.anchor,
                    rule: RuleId::from(hit.rule),
                }
            })
            .collect()
    }
}
