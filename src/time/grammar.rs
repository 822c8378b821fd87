//! The time grammar: a lexer, then expression shapes tried at each number or time word.
//!
//! Each shape is a function from a token index to a [`Draft`] (the token after the match, the
//! TIMEX3 type, value and mod, what it was anchored to and the rule's name). At each token the
//! longest draft wins; the scan goes on after it. Every index is checked, so no input can make
//! a shape read past the end, and each shape looks at a bounded number of tokens, so the whole
//! pass is linear in the text.

use super::lexicon::{Entry, Ref, TimeLexicon, Word};
use super::value::{
    CalendarValue, DurationUnit, DurationValue, PartOfDay, Season, TimeOfDay, TimexMod, TimexValue, Within,
    Year,
};
use super::{Anchor, Mode, TimexType};
use chrono::{Datelike, Duration, Months, NaiveDate};

/// A time expression found, before it becomes a public [`TimeExpr`](super::TimeExpr).
pub(crate) struct Hit {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: TimexType,
    pub(crate) value: TimexValue,
    pub(crate) modifier: Option<TimexMod>,
    pub(crate) anchor: Anchor,
    pub(crate) rule: &'static str,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Word,
    Number,
    Punct,
}

struct Tok<'l> {
    start: usize,
    end: usize,
    kind: Kind,
    /// A blank line (or the start of the text) comes before it: expressions never cross one.
    para_before: bool,
    entry: Option<&'l Entry>,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Cuts the text into words (letters, with inner apostrophes), digit runs and single
/// punctuation characters. A possessive `'s` is its own token, so "Friday's" is "Friday".
fn lex<'l>(lexicon: &'l TimeLexicon, text: &str) -> Vec<Tok<'l>> {
    let bytes = text.as_bytes();
    let mut toks = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    let mut newlines = 2;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            if b == b'\n' {
                newlines += 1;
            }
            i += 1;
            continue;
        }
        let start = i;
        let para_before = newlines >= 2;
        let mut apostrophe = None;
        let c = if b < 0x80 { b as char } else { text[i..].chars().next().unwrap_or(' ') };
        let (kind, end) = if b.is_ascii_digit() {
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            (Kind::Number, i)
        } else if c.is_alphabetic() {
            loop {
                // ASCII letters byte by byte; decode only what is not one.
                while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                    i += 1;
                }
                let Some(c) = text[i..].chars().next() else { break };
                if c.is_ascii() && c != '\'' {
                    break;
                }
                if c.is_alphabetic() {
                    i += c.len_utf8();
                    continue;
                }
                if is_apostrophe(c) {
                    let after = &text[i + c.len_utf8()..];
                    let mut next = after.chars();
                    let possessive = matches!(next.next(), Some('s' | 'S'))
                        && !next.next().is_some_and(char::is_alphabetic);
                    if !possessive && after.chars().next().is_some_and(char::is_alphabetic) {
                        apostrophe.get_or_insert(i - start);
                        i += c.len_utf8();
                        continue;
                    }
                }
                break;
            }
            (Kind::Word, i)
        } else if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        } else {
            i += c.len_utf8();
            (Kind::Punct, i)
        };
        newlines = 0;
        let entry = if kind == Kind::Word {
            let word = &text[start..end];
            // Contractions: "he'll" is also looked up as "'ll" (the data lists both apostrophes).
            lexicon.get(word).or_else(|| lexicon.get(&word[apostrophe?..]))
        } else {
            None
        };
        toks.push(Tok { start, end, kind, para_before, entry });
    }
    toks
}

/// A candidate expression, ending before token `end`.
#[derive(Clone, Debug)]
struct Draft {
    end: usize,
    kind: TimexType,
    value: TimexValue,
    modifier: Option<TimexMod>,
    anchor: Anchor,
    rule: &'static str,
}

impl Draft {
    fn new(end: usize, value: TimexValue, anchor: Anchor, rule: &'static str) -> Draft {
        let kind = match &value {
            TimexValue::Calendar(c) if c.time.is_some() => TimexType::Time,
            TimexValue::Duration(_) => TimexType::Duration,
            _ => TimexType::Date,
        };
        Draft { end, kind, value, modifier: None, anchor, rule }
    }

    /// A date no TIMEX3 value writes (before year 0 or after 9999: "6201 years ago") is only
    /// the past or the future.
    fn within_timex_years(self) -> Draft {
        let value = match &self.value {
            TimexValue::Calendar(c) => match c.against_timex_years() {
                std::cmp::Ordering::Less => TimexValue::PastRef,
                std::cmp::Ordering::Greater => TimexValue::FutureRef,
                std::cmp::Ordering::Equal => return self,
            },
            _ => return self,
        };
        Draft { kind: TimexType::Date, value, ..self }
    }

    fn calendar(&self) -> Option<CalendarValue> {
        match self.value {
            TimexValue::Calendar(c) => Some(c),
            _ => None,
        }
    }

    fn with_mod(mut self, modifier: TimexMod) -> Draft {
        self.modifier.get_or_insert(modifier);
        self
    }

    fn set(mut self) -> Draft {
        self.kind = TimexType::Set;
        self
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tense {
    Past,
    Future,
    Unknown,
    /// No cue, but the day may well be to come (after a `deadline` word): the nearest, past or
    /// future alike.
    Either,
}

/// An amount of units: `None` is unknown ("several"); `half` adds one half.
#[derive(Clone, Copy, Debug)]
struct Amount {
    n: Option<u32>,
    half: bool,
}

struct Parser<'a> {
    text: &'a str,
    toks: Vec<Tok<'a>>,
    lexicon: &'a TimeLexicon,
    published: Option<NaiveDate>,
    mode: Mode,
    /// The last calendar value with a known interval: the narrative's reference time.
    reference: Option<CalendarValue>,
    /// The token after the expression that set `reference`.
    reference_end: usize,
    /// Whether that expression wrote its month ("Nov. 3", "July 1863", "2020-11-03"), not
    /// only a weekday or a relative day: a bare "the 6th" may then be a day of that month.
    month_named: bool,
    /// The token the current expression starts at (it may follow a blank line).
    origin: std::cell::Cell<usize>,
    /// The token after the last expression found and the day it names, if it names one: a
    /// weekday coordinated with it ("Thursday night or Friday") follows it.
    previous: Option<(usize, NaiveDate)>,
    /// Whether the date after a range's joining word is being read: it looks no further, so a
    /// chain of dates costs no more than each one.
    in_range: std::cell::Cell<bool>,
    /// Whether the period after "the last … of" is being read: it takes no edge of its own.
    in_edge: std::cell::Cell<bool>,
}

/// Finds the time expressions of a text.
pub(crate) fn find(lexicon: &TimeLexicon, text: &str, published: Option<NaiveDate>, mode: Mode) -> Vec<Hit> {
    let mut parser = Parser {
        text,
        toks: lex(lexicon, text),
        lexicon,
        published,
        mode,
        reference: None,
        reference_end: 0,
        month_named: false,
        origin: Default::default(),
        previous: None,
        in_range: Default::default(),
        in_edge: Default::default(),
    };
    let mut hits = Vec::new();
    let mut i = 0;
    while i < parser.toks.len() {
        let t = &parser.toks[i];
        let interesting = match t.kind {
            Kind::Word => t.entry.is_some_and(|e| e.starts),
            Kind::Number => true,
            // Only "'90s" starts at a punctuation mark.
            Kind::Punct => text[t.start..t.end].chars().all(is_apostrophe),
        };
        match interesting.then(|| parser.expression(i)).flatten() {
            Some(draft) if draft.end > i => {
                let draft = draft.within_timex_years();
                if let TimexValue::Calendar(c) = draft.value {
                    // In news, a date counted from the last date ("a year earlier") compares with it
                    // and does not replace it; in a narrative it moves the story on.
                    // In a narrative, a coarser value around the reference ("that year" after
                    // "March 2") keeps the finer one; in news the period named last is what a later
                    // "a year earlier" compares with.
                    let moves = mode == Mode::Narrative || draft.anchor != Anchor::Narrative;
                    let within_it = |r: &CalendarValue| matches!((c.interval(), r.interval()), (Some(new), Some(old)) if new.start <= old.start && old.end <= new.end && new != old);
                    if moves
                        && c.interval().is_some()
                        && !(mode == Mode::Narrative && parser.reference.as_ref().is_some_and(within_it))
                    {
                        // A day counted from a written date in its month ("the next morning")
                        // keeps that month written.
                        let month =
                            |r: &CalendarValue| r.interval().map(|v| (v.start.year(), v.start.month()));
                        let same_month = parser.reference.as_ref().and_then(month) == month(&c)
                            && matches!(c.within, Some(Within::Day { .. }));
                        parser.month_named = names_month(draft.rule) || parser.month_named && same_month;
                        parser.reference = Some(c);
                        parser.reference_end = draft.end;
                    }
                }
                parser.previous = match draft.value {
                    TimexValue::Calendar(c) => c
                        .interval()
                        .filter(|v| v.end - v.start <= Duration::days(1))
                        .map(|v| (draft.end, v.start.date())),
                    _ => None,
                };
                hits.push(Hit {
                    start: parser.toks[i].start,
                    end: parser.toks[draft.end - 1].end,
                    kind: draft.kind,
                    value: draft.value,
                    modifier: draft.modifier,
                    anchor: draft.anchor,
                    rule: draft.rule,
                });
                i = draft.end;
            }
            _ => i += 1,
        }
    }
    hits
}

/// Whether an expression of this rule writes its month out.
fn names_month(rule: &str) -> bool {
    matches!(
        rule,
        "date:month"
            | "date:month-day"
            | "date:month-day-year"
            | "date:month-year"
            | "date:day-month"
            | "date:day-month-year"
            | "date:deictic-month"
            | "date:weekday-date"
            | "date:iso"
            | "date:numeric"
            | "date:range-day"
            | "date:the-day"
    )
}

fn longest(drafts: impl IntoIterator<Item = Option<Draft>>) -> Option<Draft> {
    let mut best: Option<Draft> = None;
    for draft in drafts.into_iter().flatten() {
        if best.as_ref().is_none_or(|b| draft.end > b.end) {
            best = Some(draft);
        }
    }
    best
}

fn shift_months(date: NaiveDate, months: i64) -> Option<NaiveDate> {
    let m = Months::new(u32::try_from(months.unsigned_abs()).ok()?);
    if months >= 0 { date.checked_add_months(m) } else { date.checked_sub_months(m) }
}

fn quarter_of(date: NaiveDate) -> u8 {
    (date.month0() / 3 + 1) as u8
}

fn half_of(date: NaiveDate) -> u8 {
    (date.month0() / 6 + 1) as u8
}

fn within(year: i32, within: Within) -> CalendarValue {
    CalendarValue { year: Year::Year(year), within: Some(within), time: None }
}

fn unknown(within: Option<Within>) -> CalendarValue {
    CalendarValue { year: Year::Unknown, within, time: None }
}

fn season_of(date: NaiveDate) -> (i32, Season) {
    match date.month() {
        3..=5 => (date.year(), Season::Spring),
        6..=8 => (date.year(), Season::Summer),
        9..=11 => (date.year(), Season::Autumn),
        12 => (date.year(), Season::Winter),
        _ => (date.year() - 1, Season::Winter),
    }
}

/// Places a year-less value (a month, a day, a season…) near the anchor by tense: the
/// latest one starting on or before the anchor (past), the first not yet over (future), or
/// the nearest (unknown), a future one counting twice as far, since news mostly reports
/// what has happened ("from $29.75 in March", written in October, is the March before);
/// [`Tense::Either`] counts both alike.
fn place(
    anchor: NaiveDate,
    tense: Tense,
    make: impl Fn(i32) -> Option<CalendarValue>,
) -> Option<CalendarValue> {
    let at = anchor.and_time(chrono::NaiveTime::MIN);
    let candidates: Vec<(CalendarValue, super::Interval)> = (-1..=1)
        .filter_map(|offset| {
            let value = make(anchor.year() + offset)?;
            Some((value, value.interval()?))
        })
        .collect();
    match tense {
        Tense::Past => {
            candidates.iter().filter(|(_, i)| i.start <= at).max_by_key(|(_, i)| i.start).map(|(v, _)| *v)
        }
        Tense::Future => {
            candidates.iter().filter(|(_, i)| i.end > at).min_by_key(|(_, i)| i.start).map(|(v, _)| *v)
        }
        Tense::Unknown | Tense::Either => candidates
            .iter()
            .min_by_key(|(_, i)| {
                let ahead = if tense == Tense::Either { 1 } else { 2 };
                if i.start <= at && at < i.end {
                    (0, 0)
                } else if i.end <= at {
                    ((at - i.end).num_seconds(), 0)
                } else {
                    ((i.start - at).num_seconds() * ahead, 1)
                }
            })
            .map(|(v, _)| *v),
    }
}

/// The `weekday` (1 = Monday) nearest the anchor in the direction of the tense; `strict`
/// excludes the anchor's own day ("last Friday", "next Friday").
fn weekday_near(anchor: NaiveDate, weekday: u8, tense: Tense, strict: bool) -> NaiveDate {
    let today = anchor.weekday().number_from_monday() as i64;
    let target = i64::from(weekday);
    match tense {
        Tense::Future => {
            let mut ahead = (target - today).rem_euclid(7);
            if strict && ahead == 0 {
                ahead = 7;
            }
            anchor + Duration::days(ahead)
        }
        _ => {
            let mut back = (today - target).rem_euclid(7);
            if strict && back == 0 {
                back = 7;
            }
            anchor - Duration::days(back)
        }
    }
}

/// Shifts a calendar value by whole units at its own granularity (a day by days, a week by
/// weeks…), as "a year earlier" does to "the third quarter".
fn shift_value(value: CalendarValue, unit: DurationUnit, n: i64) -> Option<CalendarValue> {
    let start = value.interval()?.start.date();
    let months = match unit {
        DurationUnit::Year => 12 * n,
        DurationUnit::Quarter => 3 * n,
        DurationUnit::Month => n,
        _ => return None,
    };
    let shifted = shift_months(start, months)?;
    let year = shifted.year();
    Some(match value.within {
        Some(Within::Quarter(_)) => within(year, Within::Quarter(Some(quarter_of(shifted)))),
        Some(Within::Half(_)) => within(year, Within::Half(half_of(shifted))),
        Some(Within::Month(_)) => CalendarValue::month(year, shifted.month()),
        Some(Within::Season(s)) => within(year, Within::Season(s)),
        _ => return None,
    })
}

/// The value `n` units from `date` at the unit's granularity ("three days ago", "two weeks
/// later"); `half` (−1, 0 or 1) adds half a unit in its direction, which a year, decade or
/// century tells at the next finer granularity ("half a year ago" a month, "a decade and a
/// half ago" a year, "half a century ago" a decade).
fn offset_value(date: NaiveDate, unit: DurationUnit, n: i64, half: i64) -> Option<CalendarValue> {
    Some(match unit {
        DurationUnit::Second | DurationUnit::Minute | DurationUnit::Hour => CalendarValue::date(date),
        DurationUnit::Day => CalendarValue::date(date.checked_add_signed(Duration::try_days(n)?)?),
        DurationUnit::Week | DurationUnit::Weekend => {
            CalendarValue::week_of(date.checked_add_signed(Duration::try_days(7 * n)?)?)
        }
        DurationUnit::Month => {
            let d = shift_months(date, n)?;
            CalendarValue::month(d.year(), d.month())
        }
        DurationUnit::Quarter => {
            let d = shift_months(date, 3 * n)?;
            within(d.year(), Within::Quarter(Some(quarter_of(d))))
        }
        DurationUnit::Year if half != 0 => {
            let d = shift_months(date, 12 * n + 6 * half)?;
            CalendarValue::month(d.year(), d.month())
        }
        DurationUnit::Year => CalendarValue::year(date.year().checked_add(i32::try_from(n).ok()?)?),
        DurationUnit::Decade if half != 0 => {
            CalendarValue::year(date.year().checked_add(i32::try_from(10 * n + 5 * half).ok()?)?)
        }
        DurationUnit::Century if half != 0 => {
            let y = date.year().checked_add(i32::try_from(100 * n + 50 * half).ok()?)?;
            CalendarValue { year: Year::Decade(y.div_euclid(10)), within: None, time: None }
        }
        DurationUnit::Decade => {
            let y = date.year().checked_add(i32::try_from(10 * n).ok()?)?;
            CalendarValue { year: Year::Decade(y.div_euclid(10)), within: None, time: None }
        }
        DurationUnit::Century | DurationUnit::Millennium => {
            let per = if unit == DurationUnit::Century { 100 } else { 1000 };
            let y = date.year().checked_add(i32::try_from(per * n).ok()?)?;
            CalendarValue { year: Year::Century(y.div_euclid(100)), within: None, time: None }
        }
    })
}

/// TIMEX3 durations as TimeBank writes them: decades and centuries in years.
fn duration_value(amount: Amount, unit: DurationUnit, times: u32) -> TimexValue {
    let (unit, factor) = match unit {
        DurationUnit::Quarter => (DurationUnit::Month, 3),
        DurationUnit::Decade => (DurationUnit::Year, 10),
        DurationUnit::Century => (DurationUnit::Year, 100),
        DurationUnit::Millennium => (DurationUnit::Year, 1000),
        u => (u, 1),
    };
    let factor = factor * times;
    let Some(n) = amount.n else { return TimexValue::duration(None, unit) };
    let n = n.saturating_mul(factor);
    if !amount.half {
        return TimexValue::duration(Some(n), unit);
    }
    let smaller = match unit {
        DurationUnit::Year if factor % 2 == 0 => Some((factor / 2, DurationUnit::Year)),
        DurationUnit::Year => Some((6, DurationUnit::Month)),
        DurationUnit::Day => Some((12, DurationUnit::Hour)),
        DurationUnit::Hour => Some((30, DurationUnit::Minute)),
        DurationUnit::Minute => Some((30, DurationUnit::Second)),
        DurationUnit::Month => Some((15, DurationUnit::Day)),
        _ => None,
    };
    match smaller {
        Some((m, u)) if u == unit => TimexValue::duration(Some(n.saturating_add(m)), unit),
        Some((m, u)) if n == 0 => TimexValue::duration(Some(m), u),
        Some((m, u)) => TimexValue::Duration(DurationValue { parts: vec![(Some(n), unit), (Some(m), u)] }),
        None => TimexValue::duration(Some(n), unit),
    }
}

impl<'a> Parser<'a> {
    // ---- tokens -------------------------------------------------------------------------

    /// Token `i`, if it exists and no blank line comes before it (expressions stop there).
    fn at(&self, i: usize) -> Option<&Tok<'a>> {
        self.toks.get(i).filter(|t| !t.para_before || i == self.origin.get())
    }

    fn str(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    fn is_word(&self, i: usize, word: &str) -> bool {
        self.at(i).is_some_and(|t| t.kind == Kind::Word) && self.str(i).eq_ignore_ascii_case(word)
    }

    fn punct(&self, i: usize, c: char) -> bool {
        self.at(i).is_some_and(|t| t.kind == Kind::Punct) && self.str(i).starts_with(c)
    }

    fn dash(&self, i: usize) -> bool {
        self.punct(i, '-') || self.punct(i, '–') || self.punct(i, '‑')
    }

    /// Token `i` touches the one before it (no space).
    fn adjacent(&self, i: usize) -> bool {
        i > 0 && self.at(i).is_some_and(|t| t.start == self.toks[i - 1].end)
    }

    /// A lower-case plural noun outside the vocabulary ("troops"): what a number before it counts.
    fn plural_noun(&self, i: usize) -> bool {
        let next = self.str(i);
        let outside = |t: &Tok<'_>| t.entry.is_none_or(|e| e.senses.iter().all(|s| s.word == Word::Quantity));
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word && outside(t))
            && next.len() > 3
            && next.ends_with('s')
            && !next.ends_with("ss")
            && next.bytes().all(|b| b.is_ascii_lowercase())
    }

    /// A possessive "'s" at `i` (touching the word before): the token after it.
    fn possessive(&self, i: usize) -> Option<usize> {
        let apostrophe = self.at(i)?.kind == Kind::Punct && self.str(i).chars().all(is_apostrophe);
        (apostrophe && self.adjacent(i) && self.is_word(i + 1, "s") && self.adjacent(i + 1)).then_some(i + 2)
    }

    fn capitalised(&self, i: usize) -> bool {
        self.str(i).chars().next().is_some_and(char::is_uppercase)
    }

    fn all_caps(&self, i: usize) -> bool {
        let s = self.str(i);
        s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
    }

    fn sense<T>(&self, i: usize, pick: impl Fn(Word) -> Option<T>) -> Option<T> {
        self.at(i)?.entry?.senses.iter().find_map(|s| pick(s.word))
    }

    fn has(&self, i: usize, word: Word) -> bool {
        self.sense(i, |w| (w == word).then_some(())).is_some()
    }

    /// The number token at `i` and its digit count.
    fn number(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.at(i)?;
        if t.kind != Kind::Number || t.end - t.start > 9 {
            return None;
        }
        Some((self.str(i).parse().ok()?, t.end - t.start))
    }

    /// A multi-word vocabulary phrase starting at `i` ("at least", "the near future"):
    /// the token after it and its word. Words may be separated by any run of spaces.
    fn phrase(&self, i: usize) -> Option<(usize, Word)> {
        let entry = self.at(i)?.entry?;
        let mut best: Option<(usize, Word)> = None;
        for (rest, word) in entry.phrases.iter() {
            let mut j = i + 1;
            let mut ok = true;
            for part in rest.iter() {
                // Each part is one or more tokens that touch each other ("year's"), after a space.
                let part = part.as_bytes();
                let mut matched = 0;
                let first = j;
                // Parts follow a space, but a possessive ("'s") touches its word.
                let touches = part.starts_with(b"'") || part.starts_with("’".as_bytes());
                ok = first > 0 && self.adjacent(first) == touches;
                while ok && matched < part.len() && self.at(j).is_some() && (j == first || self.adjacent(j)) {
                    let token = self.str(j).as_bytes();
                    ok = part[matched..].get(..token.len()).is_some_and(|p| p.eq_ignore_ascii_case(token));
                    matched += token.len();
                    j += 1;
                }
                if !ok || matched != part.len() {
                    ok = false;
                    break;
                }
            }
            if ok && best.is_none_or(|(e, _)| j > e) {
                best = Some((j, *word));
            }
        }
        best
    }

    // ---- anchors and tense --------------------------------------------------------------

    fn reference_date(&self) -> Option<NaiveDate> {
        Some(self.reference?.interval()?.start.date())
    }

    /// The anchor of deictic expressions ("yesterday", "Friday", "last week").
    fn deictic_anchor(&self) -> Option<(NaiveDate, Anchor)> {
        let published = self.published.map(|d| (d, Anchor::Published));
        match self.mode {
            Mode::News => published,
            Mode::Narrative => self.reference_date().map(|d| (d, Anchor::Narrative)).or(published),
        }
    }

    /// The anchor of narrative expressions ("the next day", "two days later").
    fn reference_anchor(&self) -> Option<(NaiveDate, Anchor)> {
        self.reference_date()
            .map(|d| (d, Anchor::Narrative))
            .or(self.published.map(|d| (d, Anchor::Published)))
    }

    fn word_tense(&self, i: usize) -> Option<Tense> {
        let t = self.toks.get(i)?;
        // Tense cues are verbs and adverbs, written in lower case ("May" is a month, not "may").
        if t.kind != Kind::Word || self.capitalised(i) {
            return None;
        }
        // A participle after a determiner is an adjective ("the planned address"): no tense.
        let after_determiner = i > 0
            && self.toks[i - 1].entry.is_some_and(|e| e.senses.iter().any(|s| s.word == Word::Determiner));
        if after_determiner && self.str(i).ends_with("ed") {
            return None;
        }
        // A phrase ("as soon as"): the cue of its first word. A future phrase ending in "to"
        // leads to a verb: before a noun phrase ("agreed to the ceasefire", "wants to a
        // deal") it is no infinitive, and its first word tells the tense alone.
        let phrase = self.phrase(i);
        if let Some((end, word @ (Word::TenseFuture | Word::TensePast))) = phrase {
            let noun_next = word == Word::TenseFuture
                && self.is_word(end - 1, "to")
                && (self.at(end).is_some_and(|t| t.kind == Kind::Number)
                    || self.has(end, Word::Determiner)
                    || self.has(end, Word::Article));
            if !noun_next {
                return Some(if word == Word::TenseFuture { Tense::Future } else { Tense::Past });
            }
        }
        if matches!(phrase, Some((_, Word::Schedule))) {
            return self.schedule_tense(i);
        }
        if let Some(entry) = t.entry {
            for s in &entry.senses {
                match s.word {
                    Word::TenseFuture => return Some(Tense::Future),
                    Word::NotTense => return None,
                    Word::Schedule => return self.schedule_tense(i),
                    _ => {}
                }
            }
            if entry.senses.iter().any(|s| s.word == Word::TensePast) {
                // "was expected to", "were planning to": a future seen from the past; not
                // "was planning attacks", whose "-ing" form is a past progressive.
                let future_next = self
                    .toks
                    .get(i + 1)
                    .and_then(|t| t.entry)
                    .is_some_and(|e| e.senses.iter().any(|s| s.word == Word::TenseFuture))
                    && !self.capitalised(i + 1)
                    && (!self.str(i + 1).ends_with("ing") || self.is_word(i + 2, "to"));
                if future_next {
                    return Some(Tense::Future);
                }
                return self.participle_tense(i);
            }
        }
        let w = self.str(i);
        let participle = w.len() > 4 && w.ends_with("ed") && w.bytes().all(|b| b.is_ascii_lowercase());
        if participle { self.participle_tense(i) } else { None }
    }

    /// A base-form verb of schedule is a present tense, so a future, only right after its
    /// subject: "the two leaders meet Monday", not "did not meet", "failed to meet", "could
    /// meet" (the cue before tells), nor a noun after a determiner ("the meet").
    fn schedule_tense(&self, i: usize) -> Option<Tense> {
        let helped = i > 0
            && self.toks[i - 1].entry.is_some_and(|e| {
                e.senses.iter().any(|s| {
                    matches!(
                        s.word,
                        Word::Modal
                            | Word::Negation
                            | Word::TensePast
                            | Word::TenseFuture
                            | Word::Determiner
                            | Word::Article
                            | Word::PassiveAuxiliary
                    )
                })
            });
        (!helped).then_some(Tense::Future)
    }

    /// The tense of a cue after the expression: a past verb of intent before "to" ("hoped to",
    /// "threatened to") looks ahead only to the infinitive after it; a time before it dates the
    /// past verb itself ("Trump on Saturday threatened to hit 52 sites").
    fn tense_after(&self, i: usize) -> Option<Tense> {
        let t = self.word_tense(i)?;
        let past_intent = t == Tense::Future
            && self.str(i).ends_with("ed")
            && matches!(self.phrase(i), Some((end, Word::TenseFuture)) if self.is_word(end - 1, "to"));
        Some(if past_intent { Tense::Past } else { t })
    }

    /// A past form or participle puts its clause in the past, unless it follows "be"/"been":
    /// then only a future cue right before the auxiliary counts ("will be named").
    fn participle_tense(&self, i: usize) -> Option<Tense> {
        if !self.after_passive_auxiliary(i) {
            return Some(Tense::Past);
        }
        i.checked_sub(2).and_then(|a| self.word_tense(a)).filter(|t| *t == Tense::Future)
    }

    /// The tense of the word right before token `i` ("ended Jan. 31", "until Jan. 31"), or of
    /// the verb before "on" ("was signed on Jan. 31").
    fn verb_before(&self, i: usize) -> Option<Tense> {
        let b = i.checked_sub(1)?;
        if self.sentence_end(b) || self.toks[i].para_before {
            return None;
        }
        let b = if self.is_word(b, "on") && b > 0 && !self.sentence_end(b - 1) { b - 1 } else { b };
        self.word_tense(b)
    }

    /// "will be held", "has been delayed": a participle after "be"/"been" says nothing of
    /// the tense; the auxiliary before it does.
    fn after_passive_auxiliary(&self, i: usize) -> bool {
        i > 0
            && self.toks[i - 1]
                .entry
                .is_some_and(|e| e.senses.iter().any(|s| s.word == Word::PassiveAuxiliary))
    }

    /// A closing quotation mark (`"`, `”`, `''`): the reporting clause after a quote ("…
    /// leave Thursday,'' Castro said") does not tell the tense of the quoted words.
    fn closing_quote(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.kind == Kind::Punct
            && match self.str(i) {
                "\"" | "”" => true,
                "'" => self.toks.get(i + 1).is_some_and(|n| n.start == t.end && self.str(i + 1) == "'"),
                _ => false,
            }
    }

    /// How many sentences end between tokens `from` and `to`, up to 2 (also when they are more
    /// than 80 tokens apart). Only a period that no abbreviation or initial can take ("a.m.",
    /// "Jan.", "Gov.", "U.S.") ends one here, so "On Jan. 5 police said" stays one sentence.
    fn sentence_breaks(&self, from: usize, to: usize) -> usize {
        if to < from || to - from > 80 {
            return 2;
        }
        let mut breaks = 0;
        for k in from..to.min(self.toks.len()) {
            let t = &self.toks[k];
            let period_ends = || {
                let before = k.checked_sub(1).map(|b| (self.str(b), &self.toks[b]));
                before.is_some_and(|(w, b)| {
                    b.end == t.start
                        && !(b.kind == Kind::Word
                            && (w.len() == 1
                                || w.len() <= 3 && self.capitalised(k - 1)
                                || b.entry.is_some_and(|e| {
                                    e.senses.iter().any(|s| s.needs_number || s.needs_context)
                                })))
                })
            };
            let ends = t.kind == Kind::Punct
                && match self.str(k) {
                    "!" | "?" => true,
                    "." => period_ends(),
                    _ => false,
                };
            if (k > from && t.para_before) || ends {
                breaks += 1;
                if breaks == 2 {
                    break;
                }
            }
        }
        breaks
    }

    fn sentence_end(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.para_before || (t.kind == Kind::Punct && matches!(self.str(i), "." | "!" | "?" | ";"))
    }

    /// The tense of the clause around tokens `start..end`: the nearest tense cue within the
    /// sentence, up to twelve tokens either side (left first at equal distance). A comma after
    /// the expression closes its clause, and so does a `clause-break` conjunction ("passed in
    /// April but will now return"): a cue past it ("…, forecasters said") counts only when
    /// none is found before the expression, up to twenty tokens back.
    fn clause_tense(&self, start: usize, end: usize) -> Tense {
        let mut left = start;
        let mut right = end;
        let mut comma = None;
        let mut closed = false;
        for _ in 0..12 {
            if left > 0 && !self.sentence_end(left - 1) && !self.toks[left].para_before {
                left -= 1;
                if let Some(t) = self.word_tense(left) {
                    return t;
                }
            }
            if closed {
                continue;
            }
            if right >= self.toks.len() || self.sentence_end(right) || self.closing_quote(right) {
                closed = true;
            } else if self.punct(right, ',') || self.has(right, Word::ClauseBreak) {
                (comma, closed) = (Some(right), true);
            } else if let Some(t) = self.tense_after(right) {
                return t;
            } else {
                right += 1;
            }
        }
        if comma.is_none() {
            return Tense::Unknown;
        }
        for _ in 12..20 {
            if left == 0 || self.sentence_end(left - 1) || self.toks[left].para_before {
                break;
            }
            left -= 1;
            if let Some(t) = self.word_tense(left) {
                return t;
            }
        }
        let Some(mut right) = comma else { return Tense::Unknown };
        while right < self.toks.len()
            && right < end + 12
            && !self.sentence_end(right)
            && !self.closing_quote(right)
        {
            if let Some(t) = self.tense_after(right) {
                return t;
            }
            right += 1;
        }
        Tense::Unknown
    }

    /// The nearest tense cue before token `start` in its clause, up to twenty tokens back: the
    /// search stops at the sentence's start, a closing quotation mark (the words before it are
    /// another speaker's) and a relative pronoun (the clause it opens has a tense of its own).
    fn tense_before(&self, start: usize) -> Option<Tense> {
        let mut k = start;
        for _ in 0..20 {
            if k == 0 || self.toks[k].para_before || self.sentence_end(k - 1) || self.closing_quote(k - 1) {
                return None;
            }
            k -= 1;
            if self.has(k, Word::RelativePronoun) {
                return None;
            }
            if let Some(t) = self.word_tense(k) {
                return Some(t);
            }
        }
        None
    }

    /// A `deadline` word (or phrase) right before token `start`, or before "the" there: "on or
    /// before Nov. 5", "ahead of the Nov. 5 election".
    fn deadline_before(&self, start: usize) -> bool {
        let end = if start > 0 && self.is_word(start - 1, "the") { start - 1 } else { start };
        (end.saturating_sub(3)..end).any(|k| {
            (k + 1 == end && self.has(k, Word::Deadline))
                || matches!(self.phrase(k), Some((e, Word::Deadline)) if e == end)
        })
    }

    // ---- expressions ------------------------------------------------------------------------

    fn expression(&self, i: usize) -> Option<Draft> {
        self.origin.set(i);
        longest([self.prefixed(i), self.the(i), self.core(i)])
            .filter(|d| !self.inside_name(i, d.end) && !self.title(i, d))
    }

    /// A quoted title in Title Case (ABC's "This Week"): right after an opening quote, a unit
    /// or part of day after the first word is capitalised where running text writes it in lower
    /// case. Holiday names ("New Year's Day") are capitalised by rule.
    fn title(&self, start: usize, draft: &Draft) -> bool {
        let quoted = start > 0
            && self.adjacent(start)
            && self.toks[start - 1].kind == Kind::Punct
            && matches!(self.str(start - 1), "\"" | "“" | "`" | "'" | "‘");
        quoted
            && !draft.rule.starts_with("date:holiday")
            && (start + 1..draft.end).any(|k| {
                self.toks[k].kind == Kind::Word
                    && self.capitalised(k)
                    && !self.all_caps(k)
                    && (self.unit(k).is_some() || self.part_of_day(k).is_some())
            })
    }

    /// A capitalised time word that is part of a name: "Sheffield Wednesday", "USA Today"
    /// (after a capitalised word), "The Tonight Show", "Midnight Oil", "Christmas Island"
    /// (opening a sentence or after "the", before a capitalised word).
    fn inside_name(&self, start: usize, end: usize) -> bool {
        let first = &self.toks[start];
        if first.kind != Kind::Word || !self.capitalised(start) || self.all_caps(start) {
            return false;
        }
        let capital_word = |k: usize| {
            self.toks.get(k).is_some_and(|t| t.kind == Kind::Word && t.entry.is_none()) && self.capitalised(k)
        };
        let weekday_or_month =
            self.sense(start, |w| matches!(w, Word::Weekday(_) | Word::Month(_)).then_some(())).is_some();
        if !weekday_or_month
            && start > 0
            && !first.para_before
            && capital_word(start - 1)
            && !self.sentence_start(start - 1)
        {
            return true;
        }
        // A one-word holiday before a capitalised word names a place or an event anywhere:
        // "flew to Easter Island", "the Christmas Truce".
        let holiday = self
            .sense(start, |w| {
                matches!(w, Word::Holiday(..) | Word::HolidayNth(..) | Word::HolidayEaster(_)).then_some(())
            })
            .is_some();
        if holiday
            && end == start + 1
            && capital_word(end)
            && !self.all_caps(end)
            && !self.toks[end].para_before
        {
            return true;
        }
        // A date with its day number ("the Aug. 7 embassy bombings") names no show or band.
        let numbered = (start..end).any(|k| self.toks[k].kind == Kind::Number);
        let opens =
            self.sentence_start(start) || start > 0 && self.str(start - 1).eq_ignore_ascii_case("the");
        // A name is in Title Case: "The next morning Grant's troops marched in" names nothing.
        let lower_word = self.is_word(start, "the")
            && (start + 1..end).any(|k| self.toks[k].kind == Kind::Word && !self.capitalised(k));
        !numbered
            && !lower_word
            && opens
            && capital_word(end)
            && !self.all_caps(end)
            && !self.toks[end].para_before
    }

    /// "about two years", "more than a decade", "around 7:15 p.m.", "early next year", "mid-1990s".
    fn prefixed(&self, i: usize) -> Option<Draft> {
        let senses = self.at(i)?.entry?.senses.iter().map(|s| (i + 1, s.word));
        longest(self.phrase(i).into_iter().chain(senses).map(|(j, word)| self.prefixed_by(j, word)))
    }

    fn prefixed_by(&self, j: usize, word: Word) -> Option<Draft> {
        match word {
            Word::AmountMod(m) => {
                let d = longest([
                    self.amount_expr(j),
                    self.number_expr(j).filter(|d| d.kind == TimexType::Time),
                ])?;
                Some(d.with_mod(m))
            }
            Word::Position(m) => {
                let j = if self.dash(j) && self.adjacent(j) { j + 1 } else { j };
                let d = longest([self.the(j), self.core(j)])?;
                (d.calendar().is_some() && d.kind != TimexType::Set).then(|| d.with_mod(m))
            }
            _ => None,
        }
    }

    /// Expressions that start with "the": "the third quarter", "the 1990s", "the next day",
    /// "the past three years", "the end of January", "the summer of 2019".
    fn the(&self, i: usize) -> Option<Draft> {
        if !self.is_word(i, "the") {
            return None;
        }
        let j = i + 1;
        let phrase = self.phrase(i).and_then(|(end, w)| self.word_draft(end, w));
        let position_noun =
            self.sense(j, |w| if let Word::PositionNoun(m) = w { Some(m) } else { None }).and_then(|m| {
                if !self.is_word(j + 1, "of") {
                    return None;
                }
                let k = j + 2;
                let d = longest([self.the_period(k), self.core(k), self.the(k)])?;
                d.calendar().map(|_| d.with_mod(m))
            });
        let position =
            self.sense(j, |w| if let Word::Position(m) = w { Some(m) } else { None }).and_then(|m| {
                let k = if self.dash(j + 1) && self.adjacent(j + 1) { j + 2 } else { j + 1 };
                let d = longest([self.core(k), self.the_core(k)])?;
                d.calendar().map(|_| d.with_mod(m))
            });
        longest([
            phrase,
            position_noun,
            position,
            self.the_core(j),
            self.the_period(j),
            self.the_year(j),
            self.the_quarter(j),
            self.the_weekend(j),
            self.the_week_of(j),
            self.the_edge(j),
            self.the_day(i, j),
        ])
    }

    /// After a `weekday-preposition` word and "the" ("on the 6th", "by the 20th"): a bare
    /// ordinal day is that day of the month the text named last ("polls closed on Nov. 3 and
    /// counting ended on the 6th"). Only where the phrase ends ("on the 6th," but not "on the
    /// 6th hole"), and only after a written month: a golf report dated by its weekday plays "on
    /// the 6th" too.
    fn the_day(&self, i: usize, j: usize) -> Option<Draft> {
        let (n, len) = self.number(j)?;
        if len > 2 || !(1..=31).contains(&n) || !self.has(j + 1, Word::OrdinalSuffix) || !self.adjacent(j + 1)
        {
            return None;
        }
        let end = j + 2;
        let closing = |k: usize| matches!(self.str(k), "," | "." | ";" | ":" | ")" | "!" | "?");
        let ends = self.at(end).is_none_or(|t| t.kind == Kind::Punct && closing(end) || t.para_before)
            || self.has(end, Word::Coordination) && !self.capitalised(end);
        let led = i > 0 && self.has(i - 1, Word::WeekdayPreposition);
        if !ends || !led || !self.month_named {
            return None;
        }
        let (Year::Year(y), Some(Within::Month(Some(m)) | Within::Day { month: Some(m), .. })) =
            self.reference.map(|r| (r.year, r.within))?
        else {
            return None;
        };
        let day = NaiveDate::from_ymd_opt(y, m.into(), n)?;
        Some(Draft::new(end, CalendarValue::date(day).into(), Anchor::Narrative, "date:the-day"))
    }

    /// After "the": a part at the start or end of a period, "the last quarter of 2024" (Q4),
    /// "the last half of 1989" (H2), "the first month of 2020", "the last day of June"; a part
    /// with no fixed bounds is the period with its mod: "the last week of June" (June, END),
    /// "the final months of 1945", "the last half of the '80s".
    fn the_edge(&self, j: usize) -> Option<Draft> {
        let m = self.sense(j, |w| if let Word::Edge(m) = w { Some(m) } else { None })?;
        let half = self.is_word(j + 1, "half");
        let unit = if half { None } else { Some(self.unit(j + 1)?) };
        if self.in_edge.get() || !self.is_word(j + 2, "of") {
            return None;
        }
        let k = j + 3;
        self.in_edge.set(true);
        let d = longest([self.core(k), self.the(k)]);
        self.in_edge.set(false);
        let d = d?;
        let c = d.calendar().filter(|c| c.time.is_none())?;
        let last = m == TimexMod::End;
        let exact = match (c.year, c.within, unit) {
            (Year::Year(y), None, None) => Some(within(y, Within::Half(if last { 2 } else { 1 }))),
            (Year::Year(y), None, Some((DurationUnit::Quarter, 1, false))) => {
                Some(within(y, Within::Quarter(Some(if last { 4 } else { 1 }))))
            }
            (Year::Year(y), None, Some((DurationUnit::Month, 1, false))) => {
                Some(CalendarValue::month(y, if last { 12 } else { 1 }))
            }
            (Year::Year(y), Some(Within::Month(Some(month))), Some((DurationUnit::Day, 1, false))) => {
                let first = NaiveDate::from_ymd_opt(y, month.into(), 1)?;
                let day = if last { shift_months(first, 1)?.pred_opt()? } else { first };
                Some(CalendarValue::date(day))
            }
            _ => None,
        };
        Some(match exact {
            Some(value) => Draft::new(d.end, value.into(), d.anchor, "date:edge-of"),
            None => Draft { rule: "date:edge-of", ..d.with_mod(m) },
        })
    }

    /// After "the": "the week of March 6" is the ISO week holding that date.
    fn the_week_of(&self, j: usize) -> Option<Draft> {
        if self.unit(j) != Some((DurationUnit::Week, 1, false)) || !self.is_word(j + 1, "of") {
            return None;
        }
        let d = self.core(j + 2)?;
        let day = d.calendar().filter(|c| c.time.is_none())?.as_date()?;
        Some(Draft::new(d.end, CalendarValue::week_of(day).into(), d.anchor, "date:the-week-of"))
    }

    /// After "the": shapes that take the article into their extent.
    fn the_core(&self, j: usize) -> Option<Draft> {
        let core = self
            .core(j)
            .filter(|d| {
                matches!(
                    d.calendar().and_then(|c| c.within),
                    Some(Within::Quarter(_) | Within::Half(_) | Within::Season(_) | Within::Weekend(_))
                ) || matches!(d.calendar().map(|c| c.year), Some(Year::Decade(_) | Year::Century(_)))
                    && d.calendar().is_some_and(|c| c.within.is_none())
                    || d.rule.starts_with("date:day-month")
                    || d.rule == "date:day-word-phrase"
                    || d.rule == "date:year-fiscal"
                    || d.rule == "date:unit-offset"
                    || d.rule == "duration:deictic-amount"
                    || d.rule == "duration:ordinal-amount"
                    || d.rule == "duration:amount"
                        && self.unit(d.end - 1).is_some_and(|(_, _, plural)| plural)
            })
            // "the third-quarter results": an adjective keeps its article outside.
            .filter(|d| {
                !(d.rule.starts_with("date:quarter") && self.dash(j + 1)) && d.rule != "date:deictic-unit"
            });
        let deictic = self.deictic_expr(j, true);
        let ordinal = self.ordinal_amount(j);
        longest([core, deictic, ordinal])
    }

    /// "the year", "the week": the anchor's period (only after "the beginning of"…).
    fn the_period(&self, j: usize) -> Option<Draft> {
        if !self.is_word(j, "the") {
            return None;
        }
        let (unit, _, plural) = self.unit(j + 1)?;
        if plural {
            return None;
        }
        let (anchor, how) = self.deictic_anchor()?;
        let value = offset_value(anchor, unit, 0, 0)?;
        Some(Draft::new(j + 2, value.into(), how, "date:the-period"))
    }

    /// After "the": "the year", "the fiscal year" as the reports of a year speak of it ("sales
    /// for the year", "earlier in the year"): the anchor's year. Only before punctuation or a
    /// few words that keep it whole, not in "the year before", "the year of…", "the year he
    /// left". "The year ended June 30" is the length of that year.
    fn the_year(&self, j: usize) -> Option<Draft> {
        let y = if self.has(j, Word::Fiscal) { j + 1 } else { j };
        // "Person of the Year": a title.
        if !self.is_word(y, "year") || self.capitalised(y) {
            return None;
        }
        let k = y + 1;
        // "the year 2000", "the year two thousand", "the year nineteen ninety".
        let named = match self.number(k) {
            Some((year, 4)) => Some((k + 1, year)),
            Some(_) => None,
            None => self.spelled_year(k).map(|(end, year)| (end, year as u32)).or_else(|| {
                let (end, amount) = self.amount(k).filter(|_| self.has(k, Word::Cardinal(2)))?;
                // "two thousand (and) one"
                let o = if self.is_word(end, "and") { end + 1 } else { end };
                let ones = self
                    .sense(o, |w| matches!(w, Word::Cardinal(1..100)).then_some(()))
                    .and_then(|()| self.amount(o))
                    .and_then(|(e, a)| Some((e, a.n.filter(|n| *n < 100)?)));
                let (end, n) = match ones {
                    Some((e, n)) => (e, amount.n?.checked_add(n)?),
                    None => (end, amount.n?),
                };
                (self.unit(end).is_none() && !self.plural_noun(end)).then_some((end, n))
            }),
        };
        if let Some((end, year)) = named.filter(|(_, year)| (1000..3000).contains(year)) {
            let value = CalendarValue::year(year as i32);
            return Some(Draft::new(end, value.into(), Anchor::Explicit, "date:the-year"));
        }
        let closing = self
            .at(k)
            .is_none_or(|t| t.kind == Kind::Punct && matches!(self.str(k), "," | "." | ";" | ":" | ")"));
        let ended = self.is_word(k, "ended") || self.is_word(k, "ending");
        if ended {
            return Some(Draft::new(
                k,
                duration_value(Amount { n: Some(1), half: false }, DurationUnit::Year, 1),
                Anchor::Explicit,
                "duration:the-year",
            ));
        }
        let keeps = ["were", "was", "is", "by", "through", "to"].iter().any(|w| self.is_word(k, w));
        if !(closing || keeps) {
            return None;
        }
        let (anchor, how) = self.deictic_anchor()?;
        Some(Draft::new(k, CalendarValue::year(anchor.year()).into(), how, "date:the-year"))
    }

    /// "the quarter", "the latest quarter": in news, the last quarter that has ended. "The
    /// latest period" of an earnings report is the quarter last named, else that one.
    fn the_quarter(&self, j: usize) -> Option<Draft> {
        let latest = self.is_word(j, "latest");
        let k = if latest { j + 1 } else { j };
        let period = latest && self.is_word(k, "period");
        if !(self.is_word(k, "quarter") || period) || self.is_word(k + 1, "of") || self.dash(k + 1) {
            return None;
        }
        let (anchor, how) = self.deictic_anchor()?;
        if let (true, Some(named @ CalendarValue { within: Some(Within::Quarter(Some(_))), .. })) =
            (period, self.reference)
        {
            return Some(Draft::new(k + 1, named.into(), Anchor::Narrative, "date:the-quarter"));
        }
        // "the quarter ended June 30": the three months up to that day, named by the calendar
        // quarter that holds most of them (the one of their middle month).
        if let Some(last) = self.period_end(k + 1) {
            let middle = last - Duration::days(45);
            let value = within(middle.year(), Within::Quarter(Some(quarter_of(middle))));
            return Some(Draft::new(k + 1, value.into(), Anchor::Explicit, "date:the-quarter"));
        }
        let ended = shift_months(anchor, -3)?;
        let value = within(ended.year(), Within::Quarter(Some(quarter_of(ended))));
        Some(Draft::new(k + 1, value.into(), how, "date:the-quarter"))
    }

    /// The day a period ends on, written after it: "ended June 30", "ending Sept. 30".
    fn period_end(&self, k: usize) -> Option<NaiveDate> {
        if !(self.is_word(k, "ended") || self.is_word(k, "ending")) {
            return None;
        }
        let month = self.sense(k + 1, |w| if let Word::Month(m) = w { Some(m) } else { None })?;
        let day = self.month_expr(k + 1, month, false)?.calendar()?;
        matches!(day.within, Some(Within::Day { .. })).then_some(())?;
        Some(day.interval()?.start.date())
    }

    /// "the weekend": the nearest one in the direction of the clause's tense.
    fn the_weekend(&self, j: usize) -> Option<Draft> {
        if !self.is_word(j, "weekend") {
            return None;
        }
        let (anchor, how) = self.deictic_anchor()?;
        let tense = match self.clause_tense(j, j + 1) {
            Tense::Future => Tense::Future,
            _ => Tense::Past,
        };
        let saturday = weekday_near(anchor, 6, tense, false);
        let week = saturday.iso_week();
        let value = within(week.year(), Within::Weekend(Some(week.week() as u8)));
        Some(Draft::new(j + 1, value.into(), how, "date:the-weekend"))
    }

    /// After an amount, a word that keeps it before its unit ("two more weeks", "an additional
    /// year"): the unit's token; else `k`.
    fn past_filler(&self, k: usize) -> usize {
        if self.has(k, Word::AmountFiller) && self.unit(k + 1).is_some() { k + 1 } else { k }
    }

    fn unit(&self, i: usize) -> Option<(DurationUnit, u32, bool)> {
        // "SEC", "MIN" in capitals are acronyms, not units.
        if self.str(i).len() <= 3 && self.all_caps(i) {
            return None;
        }
        self.sense(i, |w| {
            if let Word::Unit { unit, times, plural } = w { Some((unit, times, plural)) } else { None }
        })
    }

    fn core(&self, i: usize) -> Option<Draft> {
        let t = self.at(i)?;
        match t.kind {
            Kind::Number => longest([self.number_expr(i), self.range_day(i)]),
            Kind::Punct => self.apostrophe_decade(i),
            Kind::Word => {
                let entry = t.entry?;
                // A holiday's name is a proper noun, written capitalised like its one-word
                // names: a lower-case "election day" is the day of whichever election the text
                // tells of, not the US one.
                let holiday =
                    |w: Word| matches!(w, Word::Holiday(..) | Word::HolidayNth(..) | Word::HolidayEaster(_));
                let phrase = self
                    .phrase(i)
                    .filter(|&(_, word)| !holiday(word) || self.capitalised(i))
                    .and_then(|(end, word)| self.word_draft(end, word));
                let senses = entry.senses.iter().map(|sense| match sense.word {
                    Word::Month(m) if sense.needs_number => {
                        self.month_expr(i, m, true).filter(|d| d.end > i + 1 && d.rule != "date:month")
                    }
                    Word::Month(m) => self.month_expr(i, m, sense.needs_context),
                    Word::Weekday(d) => self.weekday_expr(i, d, sense.needs_context),
                    Word::Season(s) => self.season_expr(i, s, sense.needs_context),
                    Word::RelativeDay(offset, part) => self.day_word(i, offset, part),
                    Word::Deictic(_) | Word::DeicticReference(_) => self.deictic_expr(i, false),
                    Word::Cardinal(_) => {
                        longest([self.amount_expr(i), self.spelled_year_expr(i), self.spelled_day_of(i)])
                    }
                    Word::Article | Word::Vague | Word::Couple | Word::Dozen | Word::Half => {
                        self.amount_expr(i)
                    }
                    Word::Ordinal(n) => longest([self.ordinal_expr(i + 1, n), self.spelled_day_of(i)]),
                    Word::Every => self.every_expr(i),
                    Word::Frequency => self.amount_expr(i + 1).filter(|d| d.kind == TimexType::Set),
                    Word::Fiscal => self.fiscal_expr(i),
                    Word::Clock(h, m) => self.clock_day(
                        i + 1,
                        TimeOfDay::Clock { hour: h, minute: Some(m), second: None },
                        "time:named",
                    ),
                    Word::Holiday(m, d) => self.holiday_expr(i, m, d),
                    Word::HolidayNth(m, d, n, days) => {
                        self.holiday_nth(i + 1, m, d, n, days).filter(|_| self.capitalised(i))
                    }
                    Word::HolidayEaster(offset) => {
                        self.holiday_easter(i + 1, offset).filter(|_| self.capitalised(i))
                    }
                    Word::Unit { plural, .. } => {
                        if plural {
                            longest([self.bare_units(i), self.unit_long(i)])
                        } else {
                            longest([self.unit_offset(i), self.year_end(i), self.unit_long(i)])
                        }
                    }
                    // "most recently": the last of a series, not the recent past.
                    Word::Reference(_) if i > 0 && self.has(i - 1, Word::NotBeforeReference) => None,
                    w @ (Word::Reference(_) | Word::Recurrence(..)) => self.word_draft(i + 1, w),
                    Word::ReferenceAdjective(r) => self.reference_adjective(i, r),
                    _ => None,
                });
                longest(std::iter::once(phrase).chain(senses))
            }
        }
    }

    /// "current" before its noun ("his current post", "the current four flights"): a vague
    /// reference. Not as a noun ("the current."), before a preposition or a capitalised word,
    /// nor in a term ("current account").
    fn reference_adjective(&self, i: usize, r: Ref) -> Option<Draft> {
        let next = self.at(i + 1)?;
        let noun_after = match next.kind {
            Kind::Number => true,
            Kind::Word => {
                !self.capitalised(i + 1)
                    && !self.has(i + 1, Word::ContextBefore)
                    && !self.has(i + 1, Word::NotAfterReference)
                    && self.unit(i + 1).is_none()
            }
            _ => false,
        };
        noun_after.then(|| self.word_draft(i + 1, Word::Reference(r)))?
    }

    /// A single vocabulary word or phrase that is an expression by itself.
    fn word_draft(&self, end: usize, word: Word) -> Option<Draft> {
        match word {
            Word::Reference(r) => {
                let value = match r {
                    Ref::Present => TimexValue::PresentRef,
                    Ref::Past => TimexValue::PastRef,
                    Ref::Future => TimexValue::FutureRef,
                };
                // "the past three years" is a duration, not PAST_REF; "the future of NATO" is its
                // prospects, not a time.
                if self.amount(end).is_some() || self.unit(end).is_some() || self.is_word(end, "of") {
                    return None;
                }
                Some(Draft::new(end, value, Anchor::Explicit, "date:reference"))
            }
            Word::Recurrence(n, unit) => {
                // "published daily", not "a daily newspaper": an adjective before its noun is no set.
                let before_noun = self.at(end).is_some_and(|t| t.kind == Kind::Word)
                    && !self.has(end, Word::ContextBefore)
                    && !self.capitalised(end);
                // "rise 8% annually", "$2 million annually", "10,000 units annually": a rate of an
                // amount, not a recurring time.
                let rate = end >= 2 && {
                    let b = end - 2;
                    self.toks[b].kind == Kind::Number || self.punct(b, '%') || self.has(b, Word::Quantity)
                };
                if before_noun || rate {
                    return None;
                }
                Some(Draft::new(end, TimexValue::duration(n, unit), Anchor::Explicit, "set:recurrence").set())
            }
            // "then current": a phrase that is an adjective.
            Word::ReferenceAdjective(r) => self.reference_adjective(end.checked_sub(1)?, r),
            Word::Holiday(m, d) => self.holiday_expr_end(end, m, d),
            Word::HolidayNth(m, d, n, days) => self.holiday_nth(end, m, d, n, days),
            Word::HolidayEaster(offset) => self.holiday_easter(end, offset),
            // "(the) day before yesterday": a phrase of the day-word class.
            Word::RelativeDay(offset, part) => self
                .day_word(end.checked_sub(1)?, offset, part)
                .map(|d| Draft { rule: "date:day-word-phrase", ..d }),
            _ => None,
        }
    }

    // ---- numbers ---------------------------------------------------------------------------

    fn number_expr(&self, i: usize) -> Option<Draft> {
        let (n, len) = self.number(i)?;
        // Inside a larger number ("1,998", "3.2020", "$2019") nothing starts here.
        if i > 0 && self.adjacent(i) {
            let before = self.str(i - 1);
            if matches!(before, "," | "." | "$" | "€" | "£" | "#" | "/" | ":" | "+") {
                return None;
            }
            if self.toks[i - 1].kind == Kind::Word && !matches!(before, "mid") {
                return None;
            }
        }
        longest([
            self.iso_date(i, n, len),
            self.numeric_date(i, n, len),
            self.clock(i, n, len),
            self.day_month(i, n, len),
            self.decade(i, n, len),
            self.ordinal_number(i, n, len),
            self.year_period(i, n, len),
            self.amount_expr(i),
            self.year_number(i, n, len),
        ])
    }

    /// "1988 third quarter", "the 1988 period", "2019's second quarter": a year, then one of
    /// its periods.
    fn year_period(&self, i: usize, n: u32, len: usize) -> Option<Draft> {
        if len != 4 || !(1900..2100).contains(&n) {
            return None;
        }
        let k = self.possessive(i + 1).unwrap_or(i + 1);
        let (end, value) = self.period_of_year(k, n as i32)?;
        Some(Draft::new(end, value.into(), Anchor::Explicit, "date:quarter-year"))
    }

    /// 2020-01-03, 2020/01/03.
    fn iso_date(&self, i: usize, year: u32, len: usize) -> Option<Draft> {
        if len != 4 {
            return None;
        }
        let sep = self.str(i + 1);
        if !(sep == "-" || sep == "/") || !self.adjacent(i + 1) || !self.adjacent(i + 2) {
            return None;
        }
        let (month, mlen) = self.number(i + 2)?;
        if mlen != 2 {
            return None;
        }
        if self.str(i + 3) == sep && self.adjacent(i + 3) && self.adjacent(i + 4) {
            let (day, dlen) = self.number(i + 4)?;
            if dlen != 2 || (self.adjacent(i + 5) && self.number(i + 6).is_some()) {
                return None;
            }
            let date = NaiveDate::from_ymd_opt(year as i32, month, day)?;
            return Some(Draft::new(i + 5, CalendarValue::date(date).into(), Anchor::Explicit, "date:iso"));
        }
        None
    }

    /// 1/3/2020 and 3/1/2020: month first, as US newswire writes it, unless the first number
    /// is over 12 (then day first). The year must have four digits.
    fn numeric_date(&self, i: usize, first: u32, len: usize) -> Option<Draft> {
        if len > 2 || !self.punct(i + 1, '/') || !self.adjacent(i + 1) || !self.adjacent(i + 2) {
            return None;
        }
        let (second, slen) = self.number(i + 2)?;
        if slen > 2 || !self.punct(i + 3, '/') || !self.adjacent(i + 3) || !self.adjacent(i + 4) {
            return None;
        }
        let (year, ylen) = self.number(i + 4)?;
        if ylen != 4 || (self.adjacent(i + 5) && (self.punct(i + 5, '/') || self.number(i + 6).is_some())) {
            return None;
        }
        let (month, day) = if first > 12 { (second, first) } else { (first, second) };
        let date = NaiveDate::from_ymd_opt(year as i32, month, day)?;
        Some(Draft::new(i + 5, CalendarValue::date(date).into(), Anchor::Explicit, "date:numeric"))
    }

    fn meridiem(&self, i: usize) -> Option<(usize, bool)> {
        // Matched on the raw text after token i-1 so that "8pm", "8 p.m." and "8 PM" all count.
        let from = self.toks.get(i.checked_sub(1)?)?.end;
        let rest = &self.text[from..];
        let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
        let skipped = rest.len() - trimmed.len();
        for (form, pm) in &self.lexicon.meridiems {
            let Some(head) = trimmed.get(..form.len()) else { continue };
            if head.eq_ignore_ascii_case(form)
                && !trimmed[form.len()..].starts_with(|c: char| c.is_alphanumeric())
            {
                let end = from + skipped + form.len();
                let mut j = i;
                while j < self.toks.len() && self.toks[j].end <= end {
                    j += 1;
                }
                if j == i || self.toks[j - 1].end != end {
                    continue;
                }
                return Some((j, *pm));
            }
        }
        None
    }

    fn zone(&self, i: usize) -> Option<usize> {
        if let Some((end, Word::Zone)) = self.phrase(i) {
            return Some(end);
        }
        (self.has(i, Word::Zone) && self.all_caps(i)).then_some(i + 1)
    }

    /// 8:30, 8:30 p.m., 8 p.m. EST, 0100 GMT, then an optional day ("10 p.m. Wednesday").
    fn clock(&self, i: usize, n: u32, len: usize) -> Option<Draft> {
        let (mut hour, mut minute, mut j) = (n, None, i + 1);
        let mut second = None;
        if len <= 2 && (self.punct(j, ':') || self.punct(j, '.')) && self.adjacent(j) && self.adjacent(j + 1)
        {
            let (m, mlen) = self.number(j + 1)?;
            if mlen != 2 || m > 59 {
                return None;
            }
            minute = Some(m);
            j += 2;
            if self.punct(j, ':') && self.adjacent(j) && self.adjacent(j + 1) {
                if let Some((s, 2)) = self.number(j + 1) {
                    second = Some(s.min(59));
                    j += 2;
                }
            }
        }
        let dotted = minute.is_some() && self.punct(i + 1, '.');
        let meridiem = self.meridiem(j);
        if let Some((end, pm)) = meridiem {
            if !(1..=12).contains(&hour) {
                return None;
            }
            // "4 in the morning" is a time after "at", "until"…; "rose to 12 in the evening" a count.
            let worded = self.toks[end - 1].kind == Kind::Word && end - j > 1;
            if worded && !(i > 0 && self.has(i - 1, Word::ClockContext)) {
                return None;
            }
            hour = match (pm, hour) {
                (false, 12) => 0,
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, h) => h,
            };
            j = end;
        }
        let zone = self.zone(j);
        if let Some(end) = zone {
            j = end;
        }
        if len == 4 && minute.is_none() {
            // "0100 GMT": a four-digit clock needs its zone.
            zone?;
            meridiem.is_none().then_some(())?;
            minute = Some(n % 100);
            hour = n / 100;
        } else if meridiem.is_none() && (minute.is_none() || dotted) && zone.is_none() {
            return None;
        } else if meridiem.is_none()
            && zone.is_none()
            && !(i > 0 && (self.context_before(i - 1) || self.has(i - 1, Word::ClockContext)))
        {
            // "John 3:16", "won 3:1": a bare H:MM is a clock only after "at", "by", "until"…
            return None;
        }
        if minute.is_none() {
            minute = Some(0); // whole hours as TIMEX3 writes them: T13:00
        }
        if hour > 24 || minute.is_some_and(|m| m > 59) {
            return None;
        }
        let time = TimeOfDay::Clock {
            hour: hour as u8,
            minute: minute.map(|m| m as u8),
            second: second.map(|s| s as u8),
        };
        // "closes at 10 p.m. every night", "opens at 9 a.m. daily": the time of any day, a set.
        if let Some(end) = self.any_day(j) {
            let value = unknown(Some(Within::Day { month: None, day: None })).at(time);
            return Some(Draft::new(end, value.into(), Anchor::Explicit, "set:clock").set());
        }
        self.clock_day(j, time, "time:clock")
    }

    /// A set of days at `k` ("daily", "every day", "each night"): the token after it.
    fn any_day(&self, k: usize) -> Option<usize> {
        if self.has(k, Word::Recurrence(Some(1), DurationUnit::Day)) {
            return Some(k + 1);
        }
        let day = self.unit(k + 1) == Some((DurationUnit::Day, 1, false))
            || self.part_of_day(k + 1).is_some() && !self.str(k + 1).ends_with('s');
        (self.has(k, Word::Every) && day).then_some(k + 2)
    }

    /// A clock time, then maybe its day ("10 p.m. Wednesday", "noon Saturday"); without one, the
    /// time is on the anchor day.
    fn clock_day(&self, j: usize, time: TimeOfDay, rule: &'static str) -> Option<Draft> {
        let k = if self.punct(j, ',') { j + 1 } else { j };
        // A day named right after the clock time: "4 a.m. Thursday", "8:30 p.m., Dec. 30".
        let day_at = |k: usize| {
            self.at(k).and_then(|_| {
                let d = longest([
                    self.sense(k, |w| if let Word::Weekday(d) = w { Some(d) } else { None })
                        .and_then(|d| self.weekday_expr(k, d, false)),
                    self.sense(k, |w| if let Word::RelativeDay(o, None) = w { Some(o) } else { None })
                        .and_then(|o| self.day_word(k, o, None)),
                    self.sense(k, |w| if let Word::Month(m) = w { Some(m) } else { None })
                        .and_then(|m| self.month_expr(k, m, true)),
                    self.holiday_at(k),
                ])?;
                // "on Friday morning": the clock time is finer than the part of day.
                let c = match d.calendar()? {
                    c @ CalendarValue { time: None | Some(TimeOfDay::Part(_)), .. } => {
                        CalendarValue { time: None, ..c }
                    }
                    _ => return None,
                };
                c.as_date().is_some().then_some((d, c))
            })
        };
        if let Some((d, c)) = day_at(k) {
            return Some(Draft { rule, ..Draft::new(d.end, c.at(time).into(), d.anchor, rule) });
        }
        // "8:30 p.m. on December 30": the day after "on" is the clock time's, though it is an
        // expression of its own.
        if self.is_word(j, "on")
            && let Some((d, c)) = day_at(j + 1)
        {
            return Some(Draft { rule, ..Draft::new(j, c.at(time).into(), d.anchor, rule) });
        }
        // Without a day of its own, a clock time is on the day its sentence names ("the hearing
        // shall be held on February 12 at 9 a.m.", however far from the anchor), else on the
        // day the sentence before it names if it is within a week of the anchor ("The plane
        // landed on Tuesday. Officials said it had left at 9 a.m."), else on the anchor's: a
        // day named further back tells of another scene.
        let anchor = self.deictic_anchor();
        let start = self.origin.get();
        let breaks = self.sentence_breaks(self.reference_end, start);
        let named_before = self
            .reference
            .filter(|_| self.reference_end <= start)
            .and_then(|r| r.as_date())
            .map(|d| (d, breaks));
        // A day named later in the sentence, within twenty tokens: "occurred at about 10:35
        // a.m. (0735 GMT) Friday".
        let named_after = || {
            (j..self.toks.len().min(j + 20))
                .take_while(|&k| k == j || self.sentence_breaks(k, k + 1) == 0)
                .filter(|&k| {
                    self.sense(k, |w| {
                        matches!(
                            w,
                            Word::Weekday(_)
                                | Word::RelativeDay(_, None)
                                | Word::Month(_)
                                | Word::Holiday(..)
                                | Word::HolidayNth(..)
                                | Word::HolidayEaster(_)
                        )
                        .then_some(())
                    })
                    .is_some()
                })
                .find_map(|k| Some((day_at(k)?.1.as_date()?, 0)))
        };
        let story_day = named_before
            .filter(|(_, breaks)| *breaks == 0)
            .or_else(named_after)
            .or(named_before)
            .filter(|(d, breaks)| {
                *breaks == 0 || *breaks == 1 && anchor.is_some_and(|(a, _)| (*d - a).num_days().abs() <= 7)
            })
            .map(|(d, _)| (d, Anchor::Narrative));
        let value = match story_day.or(anchor) {
            Some((date, how)) => Draft::new(j, CalendarValue::date(date).at(time).into(), how, rule),
            None => Draft::new(
                j,
                unknown(Some(Within::Day { month: None, day: None })).at(time).into(),
                Anchor::Missing,
                rule,
            ),
        };
        Some(value)
    }

    /// A day number, then its month and maybe a year: "3 January 2020", "3rd of January".
    fn day_month(&self, i: usize, day: u32, len: usize) -> Option<Draft> {
        if len > 2 || !(1..=31).contains(&day) {
            return None;
        }
        let mut j = i + 1;
        if self.has(j, Word::OrdinalSuffix) && self.adjacent(j) {
            j += 1;
        }
        if self.is_word(j, "of") {
            j += 1;
        }
        let month = self.sense(j, |w| if let Word::Month(m) = w { Some(m) } else { None })?;
        if !self.capitalised(j) {
            return None;
        }
        j += 1;
        if self.punct(j, '.')
            && self.adjacent(j)
            && self.str(j - 1).len() <= 4
            && self.number(j + 1).is_some()
        {
            j += 1;
        }
        self.with_year(i, j, month, Some(day as u8), "date:day-month-year", "date:day-month")
    }

    /// After a month (and day), an optional year; without one the year comes from the anchor.
    fn with_year(
        &self,
        start: usize,
        j: usize,
        month: u8,
        day: Option<u8>,
        rule_year: &'static str,
        rule_no_year: &'static str,
    ) -> Option<Draft> {
        let k = if self.punct(j, ',') || self.is_word(j, "of") { j + 1 } else { j };
        let year = match self.number(k) {
            Some((year, 4)) => Some((k + 1, year)),
            _ => self.spelled_year(k).map(|(end, year)| (end, year as u32)),
        };
        if let Some((after, year)) = year {
            // "1,959,000" is a number; "January 1959, 61 years ago" is a date.
            let inside_number =
                self.adjacent(after) && self.adjacent(after + 1) && self.number(after + 1).is_some();
            if (1000..3000).contains(&year) && !inside_number {
                let year = year as i32;
                let within = match day {
                    Some(d) => {
                        NaiveDate::from_ymd_opt(year, month.into(), d.into())?;
                        Within::Day { month: Some(month), day: Some(d) }
                    }
                    None => Within::Month(Some(month)),
                };
                return Some(Draft::new(after, within_value(year, within), Anchor::Explicit, rule_year));
            }
        }
        // "June last year", "January this year": the year the deictic names.
        let deictic_year = self.sense(j, |w| matches!(w, Word::Deictic(_)).then_some(())).and_then(|()| {
            let d = self.deictic_expr(j, false)?;
            match d.calendar()? {
                CalendarValue { year: Year::Year(y), within: None, time: None } => Some((d.end, y, d.anchor)),
                _ => None,
            }
        });
        if let Some((end, year, how)) = deictic_year {
            let within = match day {
                Some(d) => {
                    NaiveDate::from_ymd_opt(year, month.into(), d.into())?;
                    Within::Day { month: Some(month), day: Some(d) }
                }
                None => Within::Month(Some(month)),
            };
            return Some(Draft::new(end, within_value(year, within), how, rule_no_year));
        }
        let make = |y: i32| -> Option<CalendarValue> {
            match day {
                Some(d) => NaiveDate::from_ymd_opt(y, month.into(), d.into()).map(CalendarValue::date),
                None => Some(CalendarValue::month(y, month.into())),
            }
        };
        // "from January 1 until January 28, 2015", "between March 3 and April 30, 2019": the
        // year written once, at the end of the range, is the first date's too.
        if let Some(year) = self.range_year(j, month, day) {
            return Some(Draft::new(j, make(year)?.into(), Anchor::Explicit, rule_no_year));
        }
        let within = match day {
            Some(d) => Within::Day { month: Some(month), day: Some(d) },
            None => Within::Month(Some(month)),
        };
        // In a narrative the year is the one the story is in.
        if let (Mode::Narrative, Some(reference)) = (self.mode, self.reference_date()) {
            let value = make(reference.year())?;
            return Some(Draft::new(j, value.into(), Anchor::Narrative, rule_no_year));
        }
        Some(match self.deictic_anchor() {
            Some((anchor, how)) => {
                // A month alone follows the tense of its clause; a day goes to the nearest one
                // (on TBAQ's development part tense cues mislead more than they help there).
                // A day follows a tense cue right before it ("ended Jan. 31", "on"), or a future
                // cue before it in its clause ("will be held in all 50 states on Nov. 5"): a past
                // one further back often tells of another event ("said"), so it leaves the day
                // to the nearest; with no cue at all, a deadline word makes it a day to come
                // ("campaigning before the Nov. 5 election").
                let tense = if day.is_none() {
                    self.clause_tense(start, j)
                } else {
                    self.verb_before(start).unwrap_or_else(|| match self.tense_before(start) {
                        Some(Tense::Future) => Tense::Future,
                        None if self.deadline_before(start) => Tense::Either,
                        _ => Tense::Unknown,
                    })
                };
                Draft::new(j, place(anchor, tense, make)?.into(), how, rule_no_year)
            }
            None => Draft::new(j, unknown(Some(within)).into(), Anchor::Missing, rule_no_year),
        })
    }

    /// The year of a range's first date (month, day) ending at `j` without one, from the date
    /// after the joining word: that date's year, or the year before if the first date would
    /// come after it ("December 28 to January 3, 2015").
    fn range_year(&self, j: usize, month: u8, day: Option<u8>) -> Option<i32> {
        if self.in_range.get()
            || !(self.has(j, Word::Coordination) || self.dash(j))
            || self.toks.get(j + 1)?.para_before
        {
            return None;
        }
        // "May 19 and 22, 1863": a later day of the same month, then the year.
        if let (Some(first), Some((n, len))) = (day, self.number(j + 1)) {
            if len <= 2 && n > u32::from(first) && n <= 31 {
                if let Some(year) = self.year_after_day(j + 2) {
                    return Some(year);
                }
            }
        }
        let origin = self.origin.get();
        self.in_range.set(true);
        let next = self.core(j + 1);
        self.in_range.set(false);
        self.origin.set(origin);
        let next = next?;
        if next.anchor != Anchor::Explicit {
            return None;
        }
        let CalendarValue { year: Year::Year(year), within: Some(within), time: None } = next.calendar()?
        else {
            return None;
        };
        let (m, d) = match within {
            Within::Day { month: Some(m), day: Some(d) } => (m, d),
            Within::Month(Some(m)) => (m, 31),
            _ => return None,
        };
        Some(if (month, day.unwrap_or(1)) <= (m, d) { year } else { year - 1 })
    }

    /// A bare day number after a month-day and "and", "to" or a dash is a day of the same month:
    /// "April 24 and 25", "Sept. 4-8", "from Sept. 4 to 8". It must be later in the month than
    /// the first, and end its phrase (a comma, a period, a closing bracket or quote…, the text's
    /// end or a context word such as "in" follows), so "on April 24 and 25 people died" and
    /// "Jan. 3 and 4%" stay counts.
    fn range_day(&self, i: usize) -> Option<Draft> {
        let (end, first) = self.previous?;
        let (n, len) = self.number(i)?;
        let joined = i == end + 1
            && (self.has(end, Word::Coordination)
                || self.dash(end) && self.adjacent(end) && self.adjacent(i));
        let after_day = end > 0 && self.toks[end - 1].kind == Kind::Number;
        let closing =
            |k: usize| matches!(self.str(k), "," | "." | ";" | ":" | ")" | "!" | "?" | "\"" | "”" | "'");
        let phrase_ends = self.at(i + 1).is_none_or(|t| t.kind == Kind::Punct && closing(i + 1))
            || self.has(i + 1, Word::ContextBefore) && !self.capitalised(i + 1);
        if self.in_range.get() || !joined || !after_day || !phrase_ends || len > 2 || n <= first.day() {
            return None;
        }
        // "May 19 and 22, 1863": the year written after the last day is the range's.
        if let Some(year) = self.year_after_day(i + 1) {
            let day = NaiveDate::from_ymd_opt(year, first.month(), n)?;
            return Some(Draft::new(
                i + 3,
                CalendarValue::date(day).into(),
                Anchor::Explicit,
                "date:range-day",
            ));
        }
        let day = NaiveDate::from_ymd_opt(first.year(), first.month(), n)?;
        Some(Draft::new(i + 1, CalendarValue::date(day).into(), Anchor::Narrative, "date:range-day"))
    }

    /// A year written after a day number, at `k`: ", 1863" (not "22, 1,863").
    fn year_after_day(&self, k: usize) -> Option<i32> {
        if !self.punct(k, ',') {
            return None;
        }
        let (year, len) = self.number(k + 1)?;
        let inside_number = self.adjacent(k + 2) && self.punct(k + 2, ',') && self.number(k + 3).is_some();
        (len == 4 && (1000..3000).contains(&year) && !inside_number).then_some(year as i32)
    }

    /// "1990s", "1990's": a decade.
    fn decade(&self, i: usize, n: u32, len: usize) -> Option<Draft> {
        if len != 4 || n % 10 != 0 {
            return None;
        }
        let s_at = |j: usize| self.adjacent(j) && (self.str(j) == "s" || self.str(j) == "S");
        let end = if s_at(i + 1) {
            i + 2
        } else if self.adjacent(i + 1) && self.str(i + 1).chars().all(is_apostrophe) && s_at(i + 2) {
            i + 3
        } else {
            return None;
        };
        let value = CalendarValue { year: Year::Decade(n as i32 / 10), within: None, time: None };
        Some(Draft::new(end, value.into(), Anchor::Explicit, "date:decade"))
    }

    /// "'90s": a decade of the anchor's century (or the one before, if that decade is still
    /// to come).
    fn apostrophe_decade(&self, i: usize) -> Option<Draft> {
        if !self.str(i).chars().all(is_apostrophe) || !self.adjacent(i + 1) {
            return None;
        }
        let (n, 2) = self.number(i + 1)? else { return None };
        if n % 10 != 0 || !self.adjacent(i + 2) || !(self.str(i + 2) == "s" || self.str(i + 2) == "S") {
            return None;
        }
        let (anchor, how) =
            self.deictic_anchor().unwrap_or((NaiveDate::from_ymd_opt(2000, 1, 1)?, Anchor::Missing));
        let century = anchor.year().div_euclid(100) * 100;
        let mut year = century + n as i32;
        if year > anchor.year() {
            year -= 100;
        }
        let value = CalendarValue { year: Year::Decade(year / 10), within: None, time: None };
        Some(Draft::new(i + 3, value.into(), how, "date:decade"))
    }

    /// "3rd quarter", "20th century".
    fn ordinal_number(&self, i: usize, n: u32, len: usize) -> Option<Draft> {
        if len > 2 || !self.has(i + 1, Word::OrdinalSuffix) || !self.adjacent(i + 1) {
            return None;
        }
        self.ordinal_expr(i + 2, u8::try_from(n).ok()?)
    }

    /// A year: 1900-2099 alone, 1000-2099 after a context word ("in 1066"); never inside a
    /// larger number, after a currency sign or before `%` or a plural noun ("2000 troops").
    fn year_number(&self, i: usize, n: u32, len: usize) -> Option<Draft> {
        if len != 4 {
            return None;
        }
        let context = i > 0 && self.has(i - 1, Word::ContextBefore);
        if !((1900..2100).contains(&n) || context && (1000..2100).contains(&n)) {
            return None;
        }
        if self.adjacent(i + 1)
            && (self.punct(i + 1, '%')
                || self.punct(i + 1, ',') && self.adjacent(i + 2) && self.number(i + 2).is_some())
        {
            return None;
        }
        if self.adjacent(i + 1) && self.punct(i + 1, '.') && self.number(i + 2).is_some() {
            return None;
        }
        if self.adjacent(i + 1) && self.toks.get(i + 1).is_some_and(|t| t.kind == Kind::Word) {
            return None;
        }
        // "Resolution 1973", "version 1909"; "a 2000-pound bomb".
        if i > 0
            && self.toks[i - 1].entry.is_some_and(|e| e.senses.iter().any(|s| s.word == Word::NotYearAfter))
        {
            return None;
        }
        if self.dash(i + 1)
            && self.adjacent(i + 1)
            && self.at(i + 2).is_some_and(|t| t.kind == Kind::Word)
            && self.adjacent(i + 2)
        {
            return None;
        }
        // "2000 troops" is a count; after a determiner, edited news writes a count with a
        // comma ("the 2,000 troops"), so "the 2021 elections" is a year.
        let determined = i > 0
            && self.toks[i - 1].entry.is_some_and(|e| e.senses.iter().any(|s| s.word == Word::Determiner));
        if (self.plural_noun(i + 1) && !determined) || self.is_word(i + 1, "percent") {
            return None;
        }
        // "the 2004 fiscal year": the year, named with its noun.
        if self.has(i + 1, Word::Fiscal) && self.is_word(i + 2, "year") {
            return Some(Draft::new(
                i + 3,
                CalendarValue::year(n as i32).into(),
                Anchor::Explicit,
                "date:year-fiscal",
            ));
        }
        Some(Draft::new(i + 1, CalendarValue::year(n as i32).into(), Anchor::Explicit, "date:year"))
    }

    // ---- amounts and durations ---------------------------------------------------------------

    /// A year read out as broadcast transcripts write it: "nineteen ninety-six", "nineteen
    /// seventy-nine", "eighteen twelve" (hundreds from fifteen to nineteen, then ten to
    /// ninety-nine), not before a counted noun: the token after it and the year.
    fn spelled_year(&self, i: usize) -> Option<(usize, i32)> {
        let cardinal = |k: usize| self.sense(k, |w| if let Word::Cardinal(n) = w { Some(n) } else { None });
        let hundreds = cardinal(i).filter(|h| (15..=19).contains(h))?;
        let tens =
            cardinal(i + 1).filter(|t| (10..=19).contains(t) || (20..=90).contains(t) && t % 10 == 0)?;
        let mut end = i + 2;
        let mut year = hundreds * 100 + tens;
        if tens >= 20 && self.dash(end) && self.adjacent(end) && self.adjacent(end + 1) {
            if let Some(u) = cardinal(end + 1).filter(|u| (1..=9).contains(u)) {
                year += u;
                end += 2;
            }
        }
        // "nineteen twenty-five soldiers": a count.
        if self.unit(end).is_some() || self.plural_noun(end) {
            return None;
        }
        Some((end, i32::try_from(year).ok()?))
    }

    fn spelled_year_expr(&self, i: usize) -> Option<Draft> {
        let (end, year) = self.spelled_year(i)?;
        Some(Draft::new(end, CalendarValue::year(year).into(), Anchor::Explicit, "date:year"))
    }

    /// An amount: "3", "three", "twenty-four", "a", "a few", "several", "a couple of", "1 1/2",
    /// "two and a half", "half a(n)".
    fn amount(&self, i: usize) -> Option<(usize, Amount)> {
        let exact = |n: u32| Amount { n: Some(n), half: false };
        let (mut j, mut amount) = if let Some((n, len)) = self.number(i) {
            if len > 6 {
                return None;
            }
            let mut j = i + 1;
            let mut amount = exact(n);
            // "1 1/2", "1.5"
            if let (Some((1, 1)), true, Some((2, 1))) =
                (self.number(j), self.punct(j + 1, '/'), self.number(j + 2))
            {
                amount.half = true;
                j += 3;
            } else if self.punct(j, '.')
                && self.adjacent(j)
                && self.number(j + 1) == Some((5, 1))
                && self.adjacent(j + 1)
            {
                amount.half = true;
                j += 2;
            } else if self.adjacent(j)
                && (self.punct(j, '.') || self.punct(j, ','))
                && self.number(j + 1).is_some()
            {
                return None;
            }
            (j, amount)
        } else {
            let word = self.sense(i, |w| {
                matches!(
                    w,
                    Word::Cardinal(_) | Word::Article | Word::Vague | Word::Couple | Word::Dozen | Word::Half
                )
                .then_some(w)
            })?;
            match word {
                Word::Cardinal(n) => {
                    let mut j = i + 1;
                    let mut n = n;
                    // "twenty-four", "twenty four", "one hundred"
                    let k = if self.dash(j) && self.adjacent(j) { j + 1 } else { j };
                    if let Some(u) = self.sense(k, |w| if let Word::Cardinal(u) = w { Some(u) } else { None })
                    {
                        if (20..100).contains(&n) && n % 10 == 0 && (1..10).contains(&u) {
                            n += u;
                            j = k + 1;
                        } else if u == 100 || u == 1000 {
                            n *= u;
                            j = k + 1;
                        }
                    }
                    (j, exact(n))
                }
                Word::Article => {
                    let j = i + 1;
                    if let Some(w) =
                        self.sense(j, |w| matches!(w, Word::Vague | Word::Couple | Word::Dozen).then_some(w))
                    {
                        let k = if self.is_word(j + 1, "of") { j + 2 } else { j + 1 };
                        match w {
                            Word::Couple => (k, exact(2)),
                            Word::Dozen => (j + 1, exact(12)),
                            _ => (j + 1, Amount { n: None, half: false }),
                        }
                    } else {
                        (j, exact(1))
                    }
                }
                Word::Couple => (if self.is_word(i + 1, "of") { i + 2 } else { i + 1 }, exact(2)),
                Word::Dozen => (i + 1, exact(12)),
                Word::Half => {
                    if !self.has(i + 1, Word::Article) {
                        return None;
                    }
                    (i + 2, Amount { n: Some(0), half: true })
                }
                _ => (i + 1, Amount { n: None, half: false }),
            }
        };
        // "two and a half"
        if amount.n.is_some_and(|n| n > 0)
            && self.is_word(j, "and")
            && self.has(j + 1, Word::Article)
            && self.has(j + 2, Word::Half)
            && self.unit(j + 3).is_some()
        {
            amount.half = true;
            j += 3;
        }
        Some((j, amount))
    }

    /// An amount and a unit, then what follows: "three days" (duration), "three days ago"
    /// (date from the anchor), "two days later" (date from the last date), "a three-day
    /// visit", "a year and a half", "twice a day" (set).
    fn amount_expr(&self, i: usize) -> Option<Draft> {
        let (j, mut amount) = self.amount(i)?;
        let adjectival = self.dash(j) && self.adjacent(j) && self.adjacent(j + 1);
        let u = if adjectival { j + 1 } else { self.past_filler(j) };
        let (unit, times, plural) = self.unit(u)?;
        // "a quarter-century", "a quarter century ago": 25 years.
        let c = if self.dash(u + 1) && self.adjacent(u + 1) { u + 2 } else { u + 1 };
        let (u, unit, times) = if unit == DurationUnit::Quarter && !plural && self.is_word(c, "century") {
            (c, DurationUnit::Year, times.saturating_mul(25))
        } else {
            (u, unit, times)
        };
        // "a week" (the article is the amount), not "a few weeks", "a couple of days".
        let article = self.has(i, Word::Article) && j == i + 1;
        if article && plural || self.has(i, Word::Vague) && !plural && !article {
            return None;
        }
        // "a second attack", "a second-half goal" (an ordinal), "a quarter of the vote" (a
        // fraction).
        let compound = self.dash(u + 1)
            && self.adjacent(u + 1)
            && self.adjacent(u + 2)
            && self.at(u + 2).is_some_and(|t| t.kind == Kind::Word)
            && !self.is_word(u + 2, "long");
        if article
            && !adjectival
            && (self.sense(u, |w| matches!(w, Word::Ordinal(_)).then_some(())).is_some()
                && (compound
                    || self
                        .at(u + 1)
                        .is_some_and(|t| t.kind == Kind::Word && !self.has(u + 1, Word::ContextBefore))))
        {
            return None;
        }
        if unit == DurationUnit::Quarter && self.is_word(u + 1, "of") {
            return None; // "a quarter of the vote", "three-quarters of them": fractions
        }
        // "some" and "many" are amounts only before a plural unit.
        let mut end = u + 1;
        if adjectival {
            // "day-long"; an age ("a 6-year-old") is not a time expression.
            if self.dash(end) && self.adjacent(end) {
                if self.is_word(end + 1, "long") {
                    end += 2;
                } else if self.is_word(end + 1, "old") {
                    return None;
                }
            }
        } else if self.is_word(end, "and")
            && self.has(end + 1, Word::Article)
            && self.has(end + 2, Word::Half)
        {
            amount.half = true;
            end += 3;
        } else if self.is_word(end, "old") {
            return None; // an age ("52 years old"), as "a 6-year-old" is
        } else if self.dash(end) && self.adjacent(end) && self.unit_offset(u).is_some() {
            return None; // "a year-earlier profit": the unit starts "year-earlier"
        } else if self.long_suffix(end) {
            // "two weeks-long"; "a day-long meeting" is "day-long", as "a four-day visit" is
            // "four-day".
            return (!article).then(|| {
                Draft::new(end + 2, duration_value(amount, unit, times), Anchor::Explicit, "duration:amount")
            });
        }
        if article && i > 0 && self.has(i - 1, Word::Frequency) {
            return Some(
                Draft::new(
                    end,
                    duration_value(Amount { n: Some(1), half: false }, unit, times),
                    Anchor::Explicit,
                    "set:frequency",
                )
                .set(),
            );
        }
        if adjectival {
            return Some(Draft::new(
                end,
                duration_value(amount, unit, times),
                Anchor::Explicit,
                "duration:amount",
            ));
        }
        // "a week or so (ago)": about that long.
        let approx = self.is_word(end, "or") && self.is_word(end + 1, "so");
        if approx {
            end += 2;
        }
        let about = |d: Draft| if approx { d.with_mod(TimexMod::Approx) } else { d };
        let duration =
            about(Draft::new(end, duration_value(amount, unit, times), Anchor::Explicit, "duration:amount"));
        let n = amount.n.map(|n| i64::from(n) * i64::from(times));
        // "ago", "from now"
        if let Some(sign) = self.sense(end, |w| if let Word::OffsetAnchor(s) = w { Some(s) } else { None }) {
            let stop = if self.phrase(end).is_some_and(|(e, _)| e > end + 1) {
                self.phrase(end)?.0
            } else {
                end + 1
            };
            let Some(n) = n else {
                let value = if sign < 0 { TimexValue::PastRef } else { TimexValue::FutureRef };
                return Some(about(Draft::new(stop, value, Anchor::Explicit, "date:offset-vague")));
            };
            let half = if amount.half { i64::from(sign.signum()) } else { 0 };
            return Some(about(match self.deictic_anchor() {
                Some((anchor, how)) => {
                    // "a year ago" after a quarter is that quarter a year before: counted from the
                    // last date, it compares with it and does not replace it.
                    let (value, how) = match self.year_shift(unit, sign as i64 * n) {
                        Some(shifted) => (shifted, Anchor::Narrative),
                        None => (offset_value(anchor, unit, sign as i64 * n, half)?, how),
                    };
                    Draft::new(stop, value.into(), how, "date:ago")
                }
                None => Draft::new(stop, TimexValue::PastRef, Anchor::Missing, "date:ago"),
            }));
        }
        // "later", "earlier", and "before"/"after" with nothing after them.
        let offset = self.sense(end, |w| match w {
            Word::OffsetReference(s) => Some((s, true)),
            Word::OffsetPreposition(s) => Some((s, false)),
            _ => None,
        });
        if let Some((sign, adverb)) = offset {
            let bare = adverb || self.at(end + 1).is_none_or(|t| t.kind == Kind::Punct);
            if let (true, Some(n)) = (bare, n) {
                let half = if amount.half { i64::from(sign.signum()) } else { 0 };
                let (anchor, how) = self.reference_anchor()?;
                let value = self
                    .year_shift(unit, sign as i64 * n)
                    .or_else(|| offset_value(anchor, unit, sign as i64 * n, half))?;
                return Some(about(Draft::new(end + 1, value.into(), how, "date:later")));
            }
        }
        // "four flights a week", "$1.76 a year", "24 hours a day": a rate, not a length of time.
        let rate = self.has(i, Word::Article)
            && i > 0
            && (self.toks[i - 1].kind == Kind::Number || {
                let before = self.str(i - 1);
                before.len() > 3
                    && before.ends_with('s')
                    && !before.ends_with("ss")
                    && before.bytes().all(|b| b.is_ascii_lowercase())
            });
        if rate {
            return None;
        }
        Some(match (approx, amount.half) {
            (false, false) => self.compound_duration(end, amount.n, unit, times).unwrap_or(duration),
            _ => duration,
        })
    }

    /// "2 hours, 23 minutes", "one hour and 22 minutes": a length in two units, the second
    /// smaller, after the first ending at `end`.
    fn compound_duration(&self, end: usize, n: Option<u32>, unit: DurationUnit, times: u32) -> Option<Draft> {
        if !(self.punct(end, ',') || self.is_word(end, "and")) || times != 1 {
            return None;
        }
        let (k, second) = self.amount(end + 1)?;
        let (unit2, times2, _) = self.unit(k)?;
        let plain = |u: DurationUnit| {
            !matches!(u, DurationUnit::Quarter | DurationUnit::Weekend) && u >= DurationUnit::Year
        };
        let offset = self.at(k + 1).and_then(|t| t.entry).is_some_and(|e| {
            e.senses.iter().any(|s| matches!(s.word, Word::OffsetAnchor(_) | Word::OffsetReference(_)))
        });
        if second.half || times2 != 1 || unit2 <= unit || !plain(unit) || !plain(unit2) || offset {
            return None;
        }
        let value =
            TimexValue::Duration(DurationValue { parts: vec![(Some(n?), unit), (Some(second.n?), unit2)] });
        Some(Draft::new(k + 1, value, Anchor::Explicit, "duration:compound"))
    }

    /// "a year earlier" after a quarter, half or month: the same period a year before.
    fn year_shift(&self, unit: DurationUnit, n: i64) -> Option<CalendarValue> {
        let reference = self.reference?;
        // "41 years ago" counts from the publication date, whatever period came before.
        if unit != DurationUnit::Year
            || n.abs() != 1
            || !matches!(
                reference.within,
                Some(Within::Quarter(Some(_)) | Within::Half(_) | Within::Month(Some(_)))
            )
        {
            return None;
        }
        shift_value(reference, unit, n)
    }

    /// "year-earlier", "year-ago": the reference period a year before.
    fn unit_offset(&self, i: usize) -> Option<Draft> {
        let (unit, times, _) = self.unit(i)?;
        if !(self.dash(i + 1) && self.adjacent(i + 1) && self.adjacent(i + 2)) {
            return None;
        }
        let sign = self.sense(i + 2, |w| match w {
            Word::OffsetAnchor(s) | Word::OffsetReference(s) | Word::OffsetPreposition(s) => Some(s),
            _ => None,
        })?;
        let n = sign as i64 * i64::from(times);
        let (anchor, how) = self.reference_anchor()?;
        // "the year-ago third quarter": that quarter of the year before.
        if unit == DurationUnit::Year {
            let year = self.reference.and_then(|r| match r.year {
                Year::Year(y) if r.interval().is_some() => Some(y),
                _ => None,
            });
            let year = year.unwrap_or(anchor.year()).checked_add(i32::try_from(n).ok()?)?;
            let named = self.is_word(i + 3, "period") || self.is_word(i + 3, "quarter");
            let shifted = self.year_shift(unit, n).is_some();
            if let Some((end, value)) = self.period_of_year(i + 3, year).filter(|_| !(named && shifted)) {
                return Some(Draft::new(end, value.into(), how, "date:unit-offset"));
            }
        }
        let value = self.year_shift(unit, n).or_else(|| offset_value(anchor, unit, n, 0))?;
        // "the year-ago quarter": the period it qualifies is part of the expression, and after a
        // month ("changed its fiscal year in December; in the year-ago quarter") it is that
        // month's quarter, a year before.
        let quarter = self.is_word(i + 3, "quarter");
        let value = match (quarter, value) {
            (
                true,
                CalendarValue { year: Year::Year(y), within: Some(Within::Month(Some(m))), time: None },
            ) => within(y, Within::Quarter(Some(m.div_ceil(3)))),
            _ => value,
        };
        let end = if quarter || self.is_word(i + 3, "period") { i + 4 } else { i + 3 };
        Some(Draft::new(end, value.into(), how, "date:unit-offset"))
    }

    /// "year-end", "year end", "year's end" (then maybe its year): the end of the anchor's year.
    /// Not as an adjective ("year-end bonuses").
    fn year_end(&self, i: usize) -> Option<Draft> {
        if !self.is_word(i, "year") {
            return None;
        }
        let e = if self.dash(i + 1) && self.adjacent(i + 1) && self.adjacent(i + 2) {
            i + 2
        } else {
            self.possessive(i + 1).unwrap_or(i + 1)
        };
        if !self.is_word(e, "end") {
            return None;
        }
        let k = if self.punct(e + 1, ',') { e + 2 } else { e + 1 };
        if let Some((year, 4)) = self.number(k) {
            if (1000..3000).contains(&year) {
                let value = CalendarValue::year(year as i32);
                return Some(
                    Draft::new(k + 1, value.into(), Anchor::Explicit, "date:year-end")
                        .with_mod(TimexMod::End),
                );
            }
        }
        if self.at(e + 1).is_some_and(|t| t.kind == Kind::Word)
            && !self.capitalised(e + 1)
            && !self.has(e + 1, Word::ContextBefore)
            && self.word_tense(e + 1).is_none()
        {
            return None;
        }
        let (anchor, how) = self.deictic_anchor()?;
        Some(
            Draft::new(e + 1, CalendarValue::year(anchor.year()).into(), how, "date:year-end")
                .with_mod(TimexMod::End),
        )
    }

    /// Whether "-long" starts at token `k`, touching the word before it.
    fn long_suffix(&self, k: usize) -> bool {
        self.dash(k) && self.adjacent(k) && self.is_word(k + 1, "long") && self.adjacent(k + 1)
    }

    /// "day-long", "decades-long": a length of one unit, or of units without a number.
    fn unit_long(&self, i: usize) -> Option<Draft> {
        let (unit, times, plural) = self.unit(i)?;
        let n = if plural { None } else { Some(1) };
        self.long_suffix(i + 1).then(|| {
            Draft::new(
                i + 3,
                duration_value(Amount { n, half: false }, unit, times),
                Anchor::Explicit,
                "duration:unit-long",
            )
        })
    }

    /// "years", "decades": an unknown number of units. Not after a determiner ("the days of").
    fn bare_units(&self, i: usize) -> Option<Draft> {
        let (unit, times, _) = self.unit(i)?;
        let counted_or_determined = i > 0
            && (self.toks[i - 1].kind == Kind::Number
                || self.toks[i - 1].entry.is_some_and(|e| {
                    e.senses
                        .iter()
                        .any(|s| matches!(s.word, Word::Determiner | Word::Cardinal(_) | Word::Ordinal(_)))
                }));
        if counted_or_determined {
            return None;
        }
        if !matches!(
            unit,
            DurationUnit::Year
                | DurationUnit::Month
                | DurationUnit::Week
                | DurationUnit::Day
                | DurationUnit::Decade
                | DurationUnit::Century
                | DurationUnit::Hour
                | DurationUnit::Minute
        ) {
            return None;
        }
        Some(Draft::new(
            i + 1,
            duration_value(Amount { n: None, half: false }, unit, times),
            Anchor::Explicit,
            "duration:bare",
        ))
    }

    // ---- names -------------------------------------------------------------------------------

    /// A month name, then a day and a year, a year, or nothing: "January 3, 2020", "Jan. 3",
    /// "January 2020", "January".
    fn month_expr(&self, i: usize, month: u8, needs_context: bool) -> Option<Draft> {
        if !self.capitalised(i) {
            return None;
        }
        // "Mar-a-Lago": a hyphenated name.
        if self.dash(i + 1) && self.adjacent(i + 1) {
            return None;
        }
        let mut j = i + 1;
        if self.punct(j, '.') && self.adjacent(j) && self.number(j + 1).is_some() {
            j += 1;
        }
        // Month day
        if let Some((day, len)) = self.number(j) {
            let mut k = j + 1;
            if self.has(k, Word::OrdinalSuffix) && self.adjacent(k) {
                k += 1;
            }
            // "Jan. 3:30" is no day, but "April 6: The court…" is.
            let clock_or_range = (self.punct(k, ':') || self.punct(k, '.'))
                && self.adjacent(k)
                && self.number(k + 1).is_some()
                && self.adjacent(k + 1);
            if len <= 2
                && (1..=31).contains(&day)
                && !clock_or_range
                && !(self.adjacent(k) && self.at(k).is_some_and(|t| t.kind == Kind::Word))
            {
                return self.with_year(i, k, month, Some(day as u8), "date:month-day-year", "date:month-day");
            }
            if len == 4 {
                return self.with_year(i, j, month, None, "date:month-year", "date:month");
            }
        }
        // "March eighth", "February twenty-first": a day spelled out, as broadcasts write it;
        // "March" and "May" only after a context word ("Theresa May first said").
        let before = i.checked_sub(1);
        if let Some((end, day)) = self.spelled_day(i + 1) {
            if !needs_context || before.is_some_and(|b| self.context_before(b)) {
                return self.with_year(i, end, month, Some(day), "date:month-day-year", "date:month-day");
            }
        }
        if let Some(d) = self.with_year(i, i + 1, month, None, "date:month-year", "date:month") {
            if d.anchor == Anchor::Explicit {
                return Some(d);
            }
        }
        // A month alone: not a name ("June Carter", "Theresa May"), and if the name is also a
        // common word, only after a context word.
        let after_capital = self.at(i + 1).is_some_and(|t| t.kind == Kind::Word)
            && self.capitalised(i + 1)
            && !self.all_caps(i)
            && self.sense(i + 1, |w| matches!(w, Word::Month(_) | Word::Weekday(_)).then_some(())).is_none();
        let before_capital = before.is_some_and(|b| {
            self.toks[b].kind == Kind::Word
                && self.capitalised(b)
                && self.toks[b].entry.is_none()
                && !self.sentence_start(b)
        });
        if after_capital || before_capital {
            return None;
        }
        if needs_context && !before.is_some_and(|b| self.context_before(b)) {
            return None;
        }
        // "the March for Our Lives", "the March on Washington": a march named by its cause or
        // goal, a lower-case word and then a name.
        let named_march = needs_context
            && before.is_some_and(|b| self.str(b).eq_ignore_ascii_case("the"))
            && self.at(i + 1).is_some_and(|t| t.kind == Kind::Word && t.entry.is_none_or(|e| !e.starts))
            && !self.capitalised(i + 1)
            && self.at(i + 2).is_some_and(|t| t.kind == Kind::Word)
            && self.capitalised(i + 2)
            && !self.all_caps(i + 2)
            && self.at(i + 2).and_then(|t| t.entry).is_none_or(|e| !e.starts);
        if named_march {
            return None;
        }
        self.with_year(i, i + 1, month, None, "date:month-year", "date:month")
    }

    /// A day of the month spelled out in lower case at `k`: "eighth", "twenty-first",
    /// "thirty-first" (not "first-quarter", a compound): the token after it and the day.
    fn spelled_day(&self, k: usize) -> Option<(usize, u8)> {
        let ordinal = |k: usize| {
            self.sense(k, |w| if let Word::Ordinal(n) = w { Some(n) } else { None })
                .filter(|_| !self.capitalised(k))
        };
        let tens = self.sense(k, |w| match w {
            Word::Cardinal(n @ (20 | 30)) => Some(n as u8),
            _ => None,
        });
        let (end, day) = match tens {
            Some(tens)
                if !self.capitalised(k)
                    && self.dash(k + 1)
                    && self.adjacent(k + 1)
                    && self.adjacent(k + 2) =>
            {
                (k + 3, tens + ordinal(k + 2).filter(|n| *n < 10)?)
            }
            _ => (k + 1, ordinal(k)?),
        };
        let compound = self.dash(end) && self.adjacent(end);
        ((1..=31).contains(&day) && !compound).then_some((end, day))
    }

    /// "the eighth of March", "the twenty-first of February": a day spelled out before its
    /// month.
    fn spelled_day_of(&self, i: usize) -> Option<Draft> {
        if i > 0 && self.dash(i - 1) && self.adjacent(i) {
            return None;
        }
        let (end, day) = self.spelled_day(i)?;
        let month = self.sense(end + 1, |w| if let Word::Month(m) = w { Some(m) } else { None });
        // Not "the first of March's winners": one of them.
        let month = month.filter(|_| {
            self.is_word(end, "of") && self.capitalised(end + 1) && self.possessive(end + 2).is_none()
        })?;
        self.with_year(self.origin.get(), end + 2, month, Some(day), "date:day-month-year", "date:day-month")
    }

    fn sentence_start(&self, i: usize) -> bool {
        i == 0 || self.sentence_end(i - 1) || self.toks[i].para_before
    }

    fn context_before(&self, b: usize) -> bool {
        let Some(t) = self.toks.get(b) else { return false };
        let context = t.entry.is_some_and(|e| {
            e.senses.iter().any(|s| {
                matches!(s.word, Word::ContextBefore | Word::Position(_) | Word::Deictic(_) | Word::Every)
            })
        });
        context || self.str(b).eq_ignore_ascii_case("the")
    }

    /// "Friday", "Friday, Jan. 3", "Friday morning", "early Friday".
    fn weekday_expr(&self, i: usize, weekday: u8, needs_context: bool) -> Option<Draft> {
        if !self.capitalised(i) {
            return None;
        }
        let mut j = i + 1;
        let abbreviated = needs_context && self.punct(j, '.') && self.adjacent(j);
        if abbreviated {
            j += 1;
        }
        let k = if self.punct(j, ',') { j + 1 } else { j };
        // With its date: the date decides.
        let dated = self
            .sense(k, |w| if let Word::Month(m) = w { Some(m) } else { None })
            .and_then(|m| self.month_expr(k, m, false))
            .or_else(|| self.number(k).and_then(|(n, len)| self.day_month(k, n, len)));
        if let Some(d) = dated {
            return Some(Draft { rule: "date:weekday-date", ..d });
        }
        if needs_context {
            return None;
        }
        // "Mondays", "Tuesday nights": every such day, a set.
        let plural = |k: usize| self.str(k).len() > 4 && self.str(k).ends_with('s');
        if plural(i) || self.part_of_day(i + 1).is_some() && plural(i + 1) {
            let value = unknown(Some(Within::WeekDay { week: None, weekday }));
            return Some(self.with_part_of_day(i + 1, value, Anchor::Explicit, "set:weekday").set());
        }
        if self.at(i + 1).is_some_and(|t| t.kind == Kind::Word)
            && self.capitalised(i + 1)
            && !self.all_caps(i)
            && self.part_of_day(i + 1).is_none()
            && !(i > 0 && self.has(i - 1, Word::WeekdayPreposition))
        {
            return None;
        }
        // "a Sunday school teacher": a compound noun, no day.
        if self.has(i + 1, Word::WeekdayCompound) && !self.capitalised(i + 1) {
            return None;
        }
        let (date, how) = match self.deictic_anchor() {
            Some((anchor, how)) => {
                // From the start of the whole expression: "until 9 a.m. Tuesday" (the dots of
                // "a.m." end no sentence).
                let start = self.origin.get().min(i);
                let copula = start > 0 && self.has(start - 1, Word::Copula);
                // A range word right after the day ("from Wednesday until Saturday", "late
                // Thursday until 1 a.m. Friday") tells no tense of its clause: "until" is a future
                // cue only before the time it leads to.
                let after = if self.part_of_day(i + 1).is_some() { i + 2 } else { i + 1 };
                let after = if self.has(after, Word::RangeTo) { after + 1 } else { after };
                let clause = self.clause_tense(start, after);
                let tense = match clause {
                    _ if copula => Tense::Future,
                    Tense::Future => Tense::Future,
                    _ => Tense::Past,
                };
                let day = self.coordinated_weekday(weekday, anchor, tense).unwrap_or_else(|| {
                    let day = weekday_near(anchor, weekday, tense, false);
                    // The first day of a range told in the past ("the festival ran from Monday
                    // to Friday"): the range is over, so its last day is not after the anchor.
                    let last = self.range_last_weekday(i + 1).filter(|_| clause == Tense::Past && !copula);
                    match last.map(|w| weekday_near(day + Duration::days(1), w, Tense::Future, false)) {
                        Some(last) if last > anchor => day - Duration::days(7),
                        _ => day,
                    }
                });
                (CalendarValue::date(day), how)
            }
            None => (unknown(Some(Within::WeekDay { week: None, weekday })), Anchor::Missing),
        };
        Some(self.with_part_of_day(j.max(i + 1), date, how, "date:weekday"))
    }

    /// A weekday joined to the day just named ("Thursday night or Friday", "Saturday or
    /// Sunday", "overnight Thursday into Friday") is the first such day after it, within the
    /// week; after "and" or "or" it goes past the anchor only if that day does or the clause is
    /// in the future ("Friday's attack and Thursday's bombing" are both past). The last day of
    /// a range ("from Monday to Friday", "Monday through Friday", "Monday-Friday") always
    /// follows its first: a range is in order.
    fn coordinated_weekday(&self, weekday: u8, anchor: NaiveDate, tense: Tense) -> Option<NaiveDate> {
        let start = self.origin.get();
        let (end, day) = self.previous?;
        let range = self.has(end, Word::RangeTo) || self.dash(end);
        let joined = start == end + 1 && (range || self.has(end, Word::Coordination));
        if !joined || (day - anchor).num_days().abs() > 7 {
            return None;
        }
        let next = weekday_near(day + Duration::days(1), weekday, Tense::Future, false);
        (range || next <= anchor || day > anchor || tense == Tense::Future).then_some(next)
    }

    /// The weekday after a range word at `k` ("to Friday", "through Friday", "-Friday").
    fn range_last_weekday(&self, k: usize) -> Option<u8> {
        let range = self.has(k, Word::RangeTo) || self.dash(k);
        (range && self.capitalised(k + 1))
            .then(|| self.sense(k + 1, |w| if let Word::Weekday(d) = w { Some(d) } else { None }))
            .flatten()
    }

    fn part_of_day(&self, i: usize) -> Option<PartOfDay> {
        self.sense(i, |w| if let Word::PartOfDay(p) = w { Some(p) } else { None })
    }

    /// A day, then maybe its part: "Friday morning", "yesterday afternoon".
    fn with_part_of_day(&self, j: usize, day: CalendarValue, how: Anchor, rule: &'static str) -> Draft {
        match self.part_of_day(j) {
            Some(part) if day.time.is_none() => {
                Draft::new(j + 1, day.at(TimeOfDay::Part(part)).into(), how, rule)
            }
            _ => Draft::new(j, day.into(), how, rule),
        }
    }

    fn day_word(&self, i: usize, offset: i8, part: Option<PartOfDay>) -> Option<Draft> {
        // "overnight Thursday": that weekday's night, not the night before the anchor.
        if let Some(p) = part {
            let weekday = self.sense(i + 1, |w| if let Word::Weekday(d) = w { Some(d) } else { None });
            if let Some(d) = weekday.and_then(|d| self.weekday_expr(i + 1, d, false)) {
                if let Some(c) = d.calendar().filter(|c| c.time.is_none() && d.end == i + 2) {
                    return Some(Draft::new(d.end, c.at(TimeOfDay::Part(p)).into(), d.anchor, d.rule));
                }
            }
        }
        let (day, how) = match self.deictic_anchor() {
            Some((anchor, how)) => {
                (CalendarValue::date(anchor.checked_add_signed(Duration::days(offset.into()))?), how)
            }
            None => (unknown(Some(Within::Day { month: None, day: None })), Anchor::Missing),
        };
        let day = match part {
            Some(p) => day.at(TimeOfDay::Part(p)),
            None => day,
        };
        Some(self.with_part_of_day(i + 1, day, how, "date:day-word"))
    }

    /// "summer", "summer 2019", "the summer of 2019", "last fall" (via deictics).
    fn season_expr(&self, i: usize, season: Season, needs_context: bool) -> Option<Draft> {
        let j = i + 1;
        let k = if self.is_word(j, "of") { j + 1 } else { j };
        let year = match self.number(k) {
            Some((year, 4)) => Some((k + 1, year as i32)),
            _ => self.spelled_year(k),
        };
        if let Some((after, year)) = year {
            if (1000..3000).contains(&year) {
                return Some(Draft::new(
                    after,
                    within(year, Within::Season(season)).into(),
                    Anchor::Explicit,
                    "date:season-year",
                ));
            }
        }
        if self.is_word(j, "of") {
            return None; // "the fall of Baghdad"
        }
        let context = i > 0 && self.context_before(i - 1);
        if needs_context && !context {
            return None;
        }
        // "began to fall apart", "prices to fall further": the verb, not the season.
        if needs_context && self.is_word(i - 1, "to") && self.at(j).is_some_and(|t| t.kind == Kind::Word) {
            return None;
        }
        if !context {
            return None;
        }
        let (anchor, how) = self.deictic_anchor()?;
        let tense = self.clause_tense(i, j);
        let value = place(anchor, tense, |y| Some(within(y, Within::Season(season))))?;
        Some(Draft::new(j, value.into(), how, "date:season"))
    }

    fn holiday_expr(&self, i: usize, month: u8, day: u8) -> Option<Draft> {
        self.holiday_expr_end(i + 1, month, day).filter(|_| self.capitalised(i))
    }

    fn holiday_expr_end(&self, j: usize, month: u8, day: u8) -> Option<Draft> {
        self.with_year(j.saturating_sub(1), j, month, Some(day), "date:holiday-year", "date:holiday")
    }

    /// A holiday's name at `k` ("Thanksgiving Day", "Christmas").
    fn holiday_at(&self, k: usize) -> Option<Draft> {
        let holiday =
            |w: Word| matches!(w, Word::Holiday(..) | Word::HolidayNth(..) | Word::HolidayEaster(_));
        let named = self.sense(k, |w| holiday(w).then_some(())).is_some()
            || self.phrase(k).is_some_and(|(_, w)| holiday(w));
        named.then(|| self.core(k)).flatten().filter(|d| d.rule.starts_with("date:holiday"))
    }

    /// "Thanksgiving Day": the `n`th (or last) weekday of a month, then `days` after it ("Black
    /// Friday", the day after Thanksgiving).
    fn holiday_nth(&self, j: usize, month: u8, weekday: u8, n: i8, days: i8) -> Option<Draft> {
        self.moving_holiday(j, |year| holiday_day(Word::HolidayNth(month, weekday, n, days), year))
    }

    /// "Good Friday", "Easter Monday": `offset` days from Western Easter Sunday.
    fn holiday_easter(&self, j: usize, offset: i8) -> Option<Draft> {
        self.moving_holiday(j, |year| holiday_day(Word::HolidayEaster(offset), year))
    }

    /// A holiday's name at `j`, capitalised, and the token after it: a one-word name or a
    /// phrase ("Thanksgiving", "Christmas Eve").
    fn holiday_name(&self, j: usize) -> Option<(usize, Word)> {
        let holiday =
            |w: Word| matches!(w, Word::Holiday(..) | Word::HolidayNth(..) | Word::HolidayEaster(_));
        if !self.capitalised(j) {
            return None;
        }
        self.phrase(j)
            .filter(|&(_, w)| holiday(w))
            .or_else(|| self.sense(j, |w| holiday(w).then_some((j + 1, w))))
    }

    /// A holiday whose day `day` computes per year, in a year given after it ("Easter 2019",
    /// "Thanksgiving Day, 1998") or placed by the clause's tense.
    fn moving_holiday(&self, j: usize, day: impl Fn(i32) -> Option<NaiveDate>) -> Option<Draft> {
        let k = if self.punct(j, ',') { j + 1 } else { j };
        if let Some((year, 4)) = self.number(k) {
            let date = day(year as i32)?;
            return Some(Draft::new(
                k + 1,
                CalendarValue::date(date).into(),
                Anchor::Explicit,
                "date:holiday-year",
            ));
        }
        let (anchor, how) = self.deictic_anchor()?;
        let tense = self.clause_tense(j.saturating_sub(1), j);
        let value = place(anchor, tense, |y| day(y).map(CalendarValue::date))?;
        Some(Draft::new(j, value.into(), how, "date:holiday"))
    }

    // ---- deictics, ordinals, sets ------------------------------------------------------------

    /// "last week", "this morning", "next Friday", "last May", "the next day", "the following
    /// week", "the past three years", "recent years", "the coming weeks".
    fn deictic_expr(&self, i: usize, with_the: bool) -> Option<Draft> {
        let (offset, reference) = self.sense(i, |w| match w {
            Word::Deictic(o) => Some((o, false)),
            Word::DeicticReference(o) => Some((o, true)),
            _ => None,
        })?;
        let backward_span = !reference && offset < 0; // last, past, recent
        // "expected to last six months", "could last months": the verb.
        if i > 0 && self.is_word(i, "last") && self.has(i - 1, Word::Modal) && !self.capitalised(i - 1) {
            return None;
        }
        let j = i + 1;
        // "the past three years", "the next few days", "recent years" (not "that four days")
        if let Some((k, amount)) = self.amount(j).filter(|_| offset != 0) {
            let k = self.past_filler(k);
            if let Some((unit, times, _)) = self.unit(k) {
                if backward_span && amount.n.is_none() {
                    // "the last few months": the recent past, not a length.
                    return Some(Draft::new(
                        k + 1,
                        TimexValue::PastRef,
                        Anchor::Explicit,
                        "date:deictic-vague",
                    ));
                }
                if !self.has(j, Word::Article) || amount.n != Some(1) {
                    return Some(Draft::new(
                        k + 1,
                        duration_value(amount, unit, times),
                        Anchor::Explicit,
                        "duration:deictic-amount",
                    ));
                }
            }
        }
        if let Some((unit, times, plural)) = self.unit(j) {
            if plural && backward_span && !self.is_word(i, "recent") {
                // "past months"; "recent years" is a length ("in recent years")
                return Some(Draft::new(j + 1, TimexValue::PastRef, Anchor::Explicit, "date:deictic-vague"));
            }
            if plural {
                return (offset != 0).then(|| {
                    Draft::new(
                        j + 1,
                        duration_value(Amount { n: None, half: false }, unit, times),
                        Anchor::Explicit,
                        "duration:deictic-amount",
                    )
                });
            }
            if with_the && backward_span {
                // "the past week"
                return Some(Draft::new(
                    j + 1,
                    duration_value(Amount { n: Some(1), half: false }, unit, times),
                    Anchor::Explicit,
                    "duration:deictic-amount",
                ));
            }
            let from_reference = reference || (with_the && offset != 0);
            let (anchor, how) =
                if from_reference { self.reference_anchor()? } else { self.deictic_anchor()? };
            let n = i64::from(offset) * i64::from(times);
            // "this year's third quarter", "last year's quarter": a period of that year.
            if let (DurationUnit::Year, Some(k)) = (unit, self.possessive(j + 1)) {
                let year = anchor.year().checked_add(i32::try_from(n).ok()?)?;
                if let Some((end, value)) = self.period_of_year(k, year) {
                    return Some(Draft::new(end, value.into(), how, "date:deictic-unit"));
                }
            }
            let value = if unit == DurationUnit::Weekend {
                let week = CalendarValue::week_of(anchor.checked_add_signed(Duration::days(7 * n))?);
                match week.within {
                    Some(Within::Week(w)) => within(
                        match week.year {
                            Year::Year(y) => y,
                            _ => return None,
                        },
                        Within::Weekend(w),
                    ),
                    _ => return None,
                }
            } else {
                offset_value(anchor, unit, n, 0)?
            };
            return Some(Draft::new(j + 1, value.into(), how, "date:deictic-unit"));
        }
        if with_the && !reference && offset == 0 {
            return None;
        }
        let (anchor, how) =
            if reference || with_the { self.reference_anchor()? } else { self.deictic_anchor()? };
        // "this morning", "last night"
        if let Some(part) = self.part_of_day(j) {
            let day = anchor.checked_add_signed(Duration::days(offset.into()))?;
            return Some(Draft::new(
                j + 1,
                CalendarValue::date(day).at(TimeOfDay::Part(part)).into(),
                how,
                "time:deictic-part",
            ));
        }
        if with_the && !reference {
            return None;
        }
        if let Some(weekday) = self.sense(j, |w| if let Word::Weekday(d) = w { Some(d) } else { None }) {
            // "that Sun" (a company): a weekday that is also a common word needs its dot.
            let ambiguous = self
                .at(j)?
                .entry?
                .senses
                .iter()
                .any(|s| matches!(s.word, Word::Weekday(_)) && s.needs_context);
            if !self.capitalised(j) || ambiguous && !(self.punct(j + 1, '.') && self.adjacent(j + 1)) {
                return None;
            }
            let day = match offset {
                -1 => weekday_near(anchor, weekday, Tense::Past, true),
                1 => weekday_near(anchor, weekday, Tense::Future, true),
                _ => weekday_near(anchor, weekday, Tense::Future, false),
            };
            return Some(self.with_part_of_day(j + 1, CalendarValue::date(day), how, "date:deictic-weekday"));
        }
        if let Some(month) = self.sense(j, |w| if let Word::Month(m) = w { Some(m) } else { None }) {
            if !self.capitalised(j) {
                return None;
            }
            let this = CalendarValue::month(anchor.year(), month.into());
            let value = match offset {
                0 => this,
                -1 => place(anchor - Duration::days(27), Tense::Past, |y| {
                    Some(CalendarValue::month(y, month.into()))
                })?,
                _ => place(anchor + Duration::days(27), Tense::Future, |y| {
                    Some(CalendarValue::month(y, month.into()))
                })?,
            };
            let value = if offset == -1 && value.interval()?.end.date() > anchor {
                shift_value(value, DurationUnit::Year, -1)?
            } else {
                value
            };
            let value = if offset == 1 && value.interval()?.start.date() <= anchor {
                shift_value(value, DurationUnit::Year, 1)?
            } else {
                value
            };
            // "last Oct. 23": that day of the month named.
            let k = if self.punct(j + 1, '.') && self.adjacent(j + 1) { j + 2 } else { j + 1 };
            if let (Some((day, len)), Year::Year(year)) = (self.number(k), value.year) {
                let clock = (self.punct(k + 1, ':') || self.punct(k + 1, '.'))
                    && self.adjacent(k + 1)
                    && self.number(k + 2).is_some();
                // "this Sept. 18, 2016": the year it names, not this one; the month's own rule
                // reads the date.
                let comma = usize::from(self.punct(k + 1, ','));
                if len <= 2 && self.number(k + 1 + comma).is_some_and(|(_, len)| len == 4) {
                    return None;
                }
                if len <= 2 && !clock {
                    if let Some(date) = NaiveDate::from_ymd_opt(year, month.into(), day) {
                        return Some(Draft::new(
                            k + 1,
                            CalendarValue::date(date).into(),
                            how,
                            "date:deictic-month",
                        ));
                    }
                }
            }
            return Some(Draft::new(j + 1, value.into(), how, "date:deictic-month"));
        }
        // "last Thanksgiving", "next Christmas": the latest before the anchor, the first after
        // it, or this year's. Not after a possessive ("his last Christmas" was his final one).
        if let Some((end, holiday)) = self.holiday_name(j) {
            let determined = i > 0
                && self.toks[i - 1]
                    .entry
                    .is_some_and(|e| e.senses.iter().any(|s| s.word == Word::Determiner));
            if determined {
                return None;
            }
            let days = (-1..=1).filter_map(|y| holiday_day(holiday, anchor.year() + y));
            let day = match offset {
                -1 => days.filter(|d| *d < anchor).max()?,
                1 => days.filter(|d| *d > anchor).min()?,
                _ => holiday_day(holiday, anchor.year())?,
            };
            return Some(Draft::new(end, CalendarValue::date(day).into(), how, "date:deictic-holiday"));
        }
        if let Some(season) = self.sense(j, |w| if let Word::Season(s) = w { Some(s) } else { None }) {
            let make = |y: i32| Some(within(y, Within::Season(season)));
            let value = match offset {
                0 => within(
                    season_of(anchor)
                        .0
                        .max(anchor.year() - i32::from(anchor.month() < 3 && season == Season::Winter)),
                    Within::Season(season),
                ),
                -1 => {
                    let v = place(anchor, Tense::Past, make)?;
                    if v.interval()?.end.date() > anchor {
                        shift_value(v, DurationUnit::Year, -1)?
                    } else {
                        v
                    }
                }
                _ => {
                    let v = place(anchor, Tense::Future, make)?;
                    if v.interval()?.start.date() <= anchor {
                        shift_value(v, DurationUnit::Year, 1)?
                    } else {
                        v
                    }
                }
            };
            return Some(Draft::new(j + 1, value.into(), how, "date:deictic-season"));
        }
        None
    }

    /// A period of a given year, after the year ("1988", "last year's", "year-ago"): "third
    /// quarter", "second-half", or "quarter" / "period" alone, which in earnings reports is the
    /// period last spoken of, in that year ("the 1988 quarter", "the year-ago period").
    fn period_of_year(&self, k: usize, year: i32) -> Option<(usize, CalendarValue)> {
        let ordinal =
            self.sense(k, |w| if let Word::Ordinal(n) = w { Some((k + 1, n)) } else { None }).or_else(|| {
                let (n, len) = self.number(k)?;
                (len <= 2 && self.has(k + 1, Word::OrdinalSuffix) && self.adjacent(k + 1))
                    .then_some((k + 2, u8::try_from(n).ok()?))
            });
        if let Some((u, n)) = ordinal {
            let u = if self.dash(u) && self.adjacent(u) { u + 1 } else { u };
            let part = self.nth_part(u, n)?;
            return (!self.is_word(u + 1, "of")).then(|| (u + 1, within(year, part)));
        }
        let quarter = self.is_word(k, "quarter");
        if !(quarter || self.is_word(k, "period")) || self.is_word(k + 1, "of") {
            return None;
        }
        // Else "quarter" is the one that ended last, as in "the quarter" alone.
        let latest = || {
            let (anchor, _) = self.deictic_anchor()?;
            Some(Within::Quarter(Some(quarter_of(shift_months(anchor, -3)?))))
        };
        let part = match self.reference.and_then(|r| r.within) {
            Some(w @ (Within::Quarter(Some(_)) | Within::Half(_))) => w,
            _ if quarter => latest()?,
            _ => return None,
        };
        Some((k + 1, within(year, part)))
    }

    /// The `n`th quarter or half named at token `u` ("third quarter", "second half").
    fn nth_part(&self, u: usize, n: u8) -> Option<Within> {
        if self.is_word(u, "quarter") && (1..=4).contains(&n) {
            Some(Within::Quarter(Some(n)))
        } else if self.is_word(u, "half") && (1..=2).contains(&n) {
            Some(Within::Half(n))
        } else {
            None
        }
    }

    /// "the first nine months", "the last two weeks".
    fn ordinal_amount(&self, j: usize) -> Option<Draft> {
        self.sense(j, |w| matches!(w, Word::Ordinal(1)).then_some(()))?;
        let (k, amount) = self.amount(j + 1)?;
        let k = self.past_filler(k);
        let (unit, times, plural) = self.unit(k)?;
        plural.then(|| {
            Draft::new(
                k + 1,
                duration_value(amount, unit, times),
                Anchor::Explicit,
                "duration:ordinal-amount",
            )
        })
    }

    /// "third quarter", "third-quarter", "first half of 2019", "twentieth century".
    fn ordinal_expr(&self, j: usize, n: u8) -> Option<Draft> {
        let u = if self.dash(j) && self.adjacent(j) { j + 1 } else { j };
        // "the fourth fiscal quarter": the year's part, as "the fiscal fourth quarter".
        let u = if self.has(u, Word::Fiscal) && self.nth_part(u + 1, n).is_some() { u + 1 } else { u };
        if self.is_word(u, "century") {
            let value = CalendarValue { year: Year::Century(i32::from(n) - 1), within: None, time: None };
            return Some(Draft::new(u + 1, value.into(), Anchor::Explicit, "date:century"));
        }
        let part = self.nth_part(u, n)?;
        let end = u + 1;
        // "of 2019", "of fiscal 2019", "2019" ("fourth quarter 2019")
        let mut k = if self.is_word(end, "of") { end + 1 } else { end };
        if self.has(k, Word::Fiscal) {
            k += 1;
        }
        if let Some((year, 4)) = self.number(k) {
            if (1000..3000).contains(&year) {
                return Some(Draft::new(
                    k + 1,
                    within(year as i32, part).into(),
                    Anchor::Explicit,
                    "date:quarter-year",
                ));
            }
        }
        let (anchor, how) = self.deictic_anchor()?;
        // Quarters and halves are reported after the fact: the latest one that has begun.
        let value = place(anchor, Tense::Past, |y| Some(within(y, part)))?;
        Some(Draft::new(end, value.into(), how, "date:quarter"))
    }

    /// "every Friday", "each year", "every three months", "every other day".
    fn every_expr(&self, i: usize) -> Option<Draft> {
        let j = i + 1;
        if let Some(weekday) = self.sense(j, |w| if let Word::Weekday(d) = w { Some(d) } else { None }) {
            let value = unknown(Some(Within::WeekDay { week: None, weekday }));
            return Some(self.with_part_of_day(j + 1, value, Anchor::Explicit, "set:every").set());
        }
        // "every night", "each morning": that part of any day.
        if self.part_of_day(j).is_some() {
            let value = unknown(Some(Within::Day { month: None, day: None }));
            return Some(self.with_part_of_day(j, value, Anchor::Explicit, "set:every").set());
        }
        // "every January", "every summer", "each Christmas": that month, season or day of
        // any year.
        let holiday = |w| match w {
            Word::Holiday(month, day) => Some(Within::Day { month: Some(month), day: Some(day) }),
            _ => None,
        };
        let named = self.phrase(j).and_then(|(end, w)| Some((end, holiday(w)?))).or_else(|| {
            let within = self.sense(j, |w| match w {
                Word::Month(m) => Some(Within::Month(Some(m))),
                Word::Season(s) => Some(Within::Season(s)),
                _ => holiday(w),
            })?;
            Some((j + 1, within))
        });
        if let Some((end, within)) = named {
            return Some(Draft::new(end, unknown(Some(within)).into(), Anchor::Explicit, "set:every").set());
        }
        let (k, amount) = if self.is_word(j, "other") {
            (j + 1, Amount { n: Some(2), half: false })
        } else {
            self.amount(j).filter(|(_, a)| a.n.is_some()).unwrap_or((j, Amount { n: Some(1), half: false }))
        };
        let (unit, times, _) = self.unit(k)?;
        Some(Draft::new(k + 1, duration_value(amount, unit, times), Anchor::Explicit, "set:every").set())
    }

    /// "fiscal 2020", "fiscal year 2020", "fiscal second-quarter".
    fn fiscal_expr(&self, i: usize) -> Option<Draft> {
        let mut j = i + 1;
        if self.is_word(j, "year") {
            j += 1;
        }
        if let Some((year, 4)) = self.number(j) {
            if (1000..3000).contains(&year) {
                return Some(Draft::new(
                    j + 1,
                    CalendarValue::year(year as i32).into(),
                    Anchor::Explicit,
                    "date:fiscal-year",
                ));
            }
        }
        let n = self.sense(i + 1, |w| if let Word::Ordinal(n) = w { Some(n) } else { None })?;
        self.ordinal_expr(i + 2, n)
    }
}

/// The day a holiday of calendar.tsv falls on in `year`.
fn holiday_day(holiday: Word, year: i32) -> Option<NaiveDate> {
    match holiday {
        Word::Holiday(month, day) => NaiveDate::from_ymd_opt(year, month.into(), day.into()),
        Word::HolidayNth(month, weekday, n, days) => {
            let wd = super::value::weekday_from_number(weekday)?;
            let day = if n > 0 {
                NaiveDate::from_weekday_of_month_opt(year, month.into(), wd, n as u8)?
            } else {
                let first = NaiveDate::from_ymd_opt(year, u32::from(month), 1)?;
                let last = first.checked_add_months(Months::new(1))?.pred_opt()?;
                weekday_near(last, weekday, Tense::Past, false)
            };
            day.checked_add_signed(Duration::days(days.into()))
        }
        Word::HolidayEaster(offset) => {
            super::value::easter_sunday(year)?.checked_add_signed(Duration::days(offset.into()))
        }
        _ => None,
    }
}

fn within_value(year: i32, within: Within) -> TimexValue {
    CalendarValue { year: Year::Year(year), within: Some(within), time: None }.into()
}
