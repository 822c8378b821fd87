//! Dating events: the time expression that governs a trigger's clause, else a day of the same
//! kind of event elsewhere in the document, else the publication date (news) or the last date
//! the text mentioned (narrative), for an asserted event.

use super::lexicon::{Cue, Form};
use super::rules::{Found, SentenceContext};
use super::{Event, EventKind, Role, Status, TimeSource};
use crate::span::Span;
use crate::text::TokenKind;
use crate::time::{
    CalendarValue, DurationUnit, Granularity, Interval, Mode, TimeExpr, TimexType, TimexValue,
};
use chrono::{Days, Months, NaiveDate};

/// How many dated mentions, each way, an undated one may look through for its event.
const COREFERENCE_REACH: usize = 64;
/// How many of the nearest compatible mentions before a noun are searched for its head word.
const HEAD_REACH: usize = 4;
/// How many words may stand between a verb and the noun it takes as object ("denied the
/// latest Western claims").
const OBJECT_MODIFIERS: usize = 5;

/// How many tokens past a possessive time ("Sunday's upper house election") its noun may
/// start.
const POSSESSIVE_REACH: usize = 4;
/// How many words may stand between "after" (or "before") and the trigger it places.
const OFFSET_REACH: usize = 8;
/// How many sentences (of those that hold events) ahead an undated mention may find its
/// event: a headline or a lead names it, the next sentences date it; a mention further on
/// is another event ("the funeral" in Kerman, "the funeral procession on Monday" in Tehran).
const CATAPHORA_REACH: usize = 5;

impl<'a> SentenceContext<'a, '_> {
    /// The time governing the trigger: the nearest dated expression of its clause, else of
    /// its sentence (not one that dates a report: "said on Friday"), else the publication
    /// date (news) or the last date mentioned (narrative) for an asserted event.
    pub(super) fn time(
        &self,
        found: &Found<'_>,
        span: Span,
        status: Status,
    ) -> (Option<Timed<'a>>, TimeSource) {
        let input = self.input;
        let sentence = self.sentence.span;
        let times = input.times;
        let (lo, hi) = self.window(found.first, found.end);
        let tokens = &input.tokens;
        let (from, to) =
            (tokens[lo].span.start.max(sentence.start), tokens[hi - 1].span.end.min(sentence.end));
        let a = times.partition_point(|t| t.span.start < from);
        let b = times.partition_point(|t| t.span.start < to);
        // "a day after they stormed the embassy": that day before the sentence's other time.
        let offset = self.offset(found);
        if let Some(Offset::Exact(date)) = offset {
            return (Some(Timed::Date(date)), TimeSource::Offset);
        }
        let reporting = self.lex.kind(&found.entry.kind).is_some_and(|k| k.kind == "statement");
        let mut best: Option<(usize, &'a TimeExpr, bool)> = None;
        // "the slain commander": a participle that describes a noun tells an earlier event,
        // not one its clause dates.
        let clause_times = if self.describes_a_noun(found) { &[][..] } else { &times[a..b.max(a)] };
        // A known event takes no time of another clause: "stood by his threat on Sunday … if
        // Iran strikes back for the killing" (the killing came before).
        let known = self.presupposed_from(found).is_some();
        // Nor does one an "after" puts before another event ("besieged the embassy on Tuesday
        // after a US air raid"); looked for once, and only when a time is in reach.
        let after_at = if clause_times.is_empty() { None } else { self.after_word(found) };
        // "Iraq condemned the strike on Monday": the object of a statement tells an event the
        // statement is about; the clause's time is the statement's. Only a time of its own
        // ("condemned Friday's strike") dates it.
        let spoken_of = || self.object_of_statement(found);
        // "bombings that rocked the capital on Monday": a relative clause that tells no event
        // of its own describes the noun before it, so its time is the noun's.
        let own_relative = if clause_times.is_empty() { None } else { self.relative_clause_of(found, hi) };
        let clause_of_trigger = |t: usize| {
            let id = self.clause_of(t);
            id == self.clause_of(found.first) || Some(id) == own_relative
        };
        for expr in clause_times {
            if !matches!(expr.kind, TimexType::Date | TimexType::Time) || expr.interval.is_none() {
                continue;
            }
            // Nor does one some vague time before the sentence's time ("days after the strike").
            let elsewhere = !clause_of_trigger(self.token_at(expr.span.start));
            if elsewhere && (known || offset == Some(Offset::Vague) || after_at.is_some()) {
                continue;
            }
            // Nor one before the "after" that opens the trigger's phrase, in any clause: "stormed
            // the embassy on Tuesday in response to US airstrikes" dates the storming.
            if after_at.is_some_and(|w| self.token_at(expr.span.start) < w) {
                continue;
            }
            // Nor one of a clause that "which", "who" or "that" opens: it dates that clause's
            // own event ("warned … the latest provocation, which was carried out on Sunday").
            if elsewhere && self.in_relative_clause(self.token_at(expr.span.start), lo) {
                continue;
            }
            let (t0, t1) =
                (self.token_at(expr.span.start), self.token_at(expr.span.end.saturating_sub(1)) + 1);
            // "since November 19", "until Friday": a bound of a span, not the event's day.
            if t0 > self.sentence.tokens.start && self.has(t0 - 1, Cue::Bound) {
                continue;
            }
            // "mourned Soleimani on Saturday, killed in a U.S. airstrike": a reduced relative
            // clause describes the noun before it with an earlier event; the time before it
            // is not that event's.
            if t1 <= found.first && self.reduced_relative_between(t1, found.end) {
                continue;
            }
            // Nor one right after a participle that follows a noun of no event: "the man
            // arrested earlier today" dates the arrest.
            if t0 >= found.end && self.participle_of_another_noun(found.end, t0) {
                continue;
            }
            // Nor one after an "after" phrase's event: "announced mourning following the
            // death of Soleimani on Thursday" dates the death, not the announcement.
            if t0 >= found.end && self.after_phrase_event_between(found.end, t0) {
                continue;
            }
            // Nor is a time inside such a clause after the trigger its own: "The vote came as
            // mourners gathered to meet the body of Soleimani, killed in a U.S. airstrike on
            // Friday".
            if t0 >= found.end && self.reduced_relative_between(found.end, t0) {
                continue;
            }
            if !reporting && self.dates_a_report(t0, t1, found) {
                continue;
            }
            // A time before a planned, hypothetical or negated event dates the verb that
            // governs it ("on Tuesday threatened to retaliate"); only one after it is its own
            // ("will withdraw on Friday").
            if status != Status::Asserted && t0 < found.end {
                continue;
            }
            // "a Friday attack", "Sunday's strikes": a time right before a noun is that noun's.
            match self.noun_owning(t1) {
                Some(owner) if owner != found.first => continue,
                // "the 2015 deal": a time between a determiner and a noun is that noun's.
                None if self.attributive(t0, t1) || self.possessive_time(t1) => continue,
                None if spoken_of() => continue,
                _ => {}
            }
            let (lo, hi) = if t0 >= found.end { (found.end, t0) } else { (t1.min(found.first), found.first) };
            let same_clause = clause_of_trigger(t0);
            // A week, a month or a year in another clause dates something else ("the 2015
            // deal", "after the strike that killed him this week").
            if !same_clause && expr.interval.is_some_and(|i| i.granularity > Granularity::Day) {
                continue;
            }
            let distance = hi - lo + if same_clause { 0 } else { 1000 };
            if best.is_none_or(|(d, _, _)| distance < d) {
                best = Some((distance, expr, same_clause));
            }
        }
        if let Some((_, expr, same_clause)) = best {
            return (
                Some(Timed::Expr(expr)),
                if same_clause { TimeSource::Clause } else { TimeSource::Sentence },
            );
        }
        // "the deaths of hundreds of troops over the past two decades": on no one day.
        if self.spread(found, &times[a..b.max(a)]) {
            return (None, TimeSource::Spread);
        }
        // Only asserted (and negated) events take a date from outside their sentence. A bare
        // plural ("mourners", "attacks on US forces") is dated too: news tells of occurrences,
        // and the story's day is the likeliest one (data/corpus/EVENTS.md).
        // A past perfect ("had denied") happened before the story's day, on a day it does
        // not say (another mention of its event may: `date_by_coreference`).
        let start = self.sentence.tokens.start;
        let had =
            (found.first.saturating_sub(3).max(start)..found.first).find(|&t| self.has(t, Cue::PastPerfect));
        // Reported speech moves a past back ("Pompeo said he had spoken with Raab"): after a
        // reporting verb a few words before, a past perfect is the report's simple past.
        let backshifted =
            had.is_some_and(|h| (h.saturating_sub(4).max(start)..h).any(|t| self.has(t, Cue::Reporting)));
        let earlier = found.form.can_be_participle() && had.is_some() && !backshifted;
        // So does a trigger right after a word of earlier time ("we have previously confirmed",
        // "Iran's initial claim").
        let earlier = earlier
            || (found.first.saturating_sub(2).max(self.sentence.tokens.start)..found.first)
                .any(|t| self.has(t, Cue::Earlier));
        // So does one in a clause a `bound` word opens ("since Trump withdrew from the deal
        // and imposed crippling sanctions"): it bounds the story's span, before it.
        let opening = self.clause(found.first, found.end).0;
        let earlier = earlier || (self.has(opening, Cue::Bound) && self.has(opening, Cue::ClauseBoundary));
        // A negated event is dated as an asserted one: "did not open fire" tells of that day.
        if !matches!(status, Status::Asserted | Status::Negated) || earlier {
            return (None, TimeSource::None);
        }
        match input.mode {
            Mode::News => match input.published {
                Some(date) => (Some(Timed::Date(date)), TimeSource::Published),
                None => (None, TimeSource::None),
            },
            Mode::Narrative => {
                let before = times.partition_point(|t| t.span.end <= span.start);
                times[..before]
                    .iter()
                    .rev()
                    .find(|t| matches!(t.kind, TimexType::Date | TimexType::Time) && t.interval.is_some())
                    .map_or((None, TimeSource::None), |t| (Some(Timed::Expr(t)), TimeSource::Narrative))
            }
        }
    }

    /// The "after" or "before" that places the trigger after or before another event,
    /// within `OFFSET_REACH` words before it and its own clause: its token, and whether the
    /// trigger comes later (`before`: "two days before the vote" puts the vote later).
    fn order_word(&self, found: &Found<'_>) -> Option<(usize, bool)> {
        let start = self.sentence.tokens.start;
        let mut w = found.first;
        loop {
            if w == start || found.first - w > OFFSET_REACH {
                return None;
            }
            w -= 1;
            if self.has(w, Cue::After) {
                return Some((w, false));
            }
            if self.has(w, Cue::Before) {
                return Some((w, true));
            }
            if self.is_punct(w, ",") || self.is_boundary(w) {
                return None;
            }
        }
    }

    /// The "after" (or "following") right before the trigger's phrase: the trigger came
    /// before the event told ahead of that word ("besieged the embassy after a US air raid").
    pub(super) fn after_word(&self, found: &Found<'_>) -> Option<usize> {
        self.order_word(found).filter(|&(_, later)| !later).map(|(w, _)| w)
    }

    /// How a duration before "after" or "before" places the trigger ("a day after they
    /// stormed the embassy", "two days before the vote"): from the nearest other time of the
    /// sentence (within the rules' window) to a day or finer, that long earlier or later; with
    /// no such time, from the event told before the duration, once it is dated ("the crash
    /// came hours after Iran launched missiles": `date_by_offsets`). A vague or approximate
    /// duration ("days after", "less than a week after") says only that the event is not on
    /// that day; hours or minutes keep it.
    pub(super) fn offset(&self, found: &Found<'_>) -> Option<Offset> {
        let (w, forward) = self.order_word(found)?;
        let times = self.input.times;
        let at = times.partition_point(|t| t.span.end <= self.input.tokens[w].span.start);
        let duration = times[..at].last().filter(|t| {
            t.kind == TimexType::Duration && self.token_at(t.span.end.saturating_sub(1)) + 1 == w
        })?;
        let TimexValue::Duration(value) = &duration.value else { return None };
        let exact = duration.modifier.is_none() && value.parts.iter().all(|(n, _)| n.is_some());
        let mut days: u64 = 0;
        let mut months: u32 = 0;
        for &(n, unit) in &value.parts {
            let n = n.unwrap_or(0);
            match unit {
                DurationUnit::Day => days += u64::from(n),
                DurationUnit::Week => days += 7 * u64::from(n),
                DurationUnit::Month => months = months.saturating_add(n),
                DurationUnit::Year => months = months.saturating_add(n.saturating_mul(12)),
                DurationUnit::Hour | DurationUnit::Minute | DurationUnit::Second => {}
                _ => return Some(Offset::Vague),
            }
        }
        let shift = if exact {
            Shift { months, days, forward }
        } else if value.parts.iter().all(|(_, u)| *u >= DurationUnit::Hour) {
            // "hours after": most likely the same day.
            Shift { months: 0, days: 0, forward }
        } else {
            return Some(Offset::Vague);
        };
        // The other time: the nearest to the duration, outside the clause it opens, within the
        // window every rule reads (a sentence of any length costs the same).
        let clause = self.clause_of(found.first);
        let (lo, hi) = self.window(found.first, found.end);
        let tokens = self.input.tokens;
        let (from, to) = (
            tokens[lo].span.start.max(self.sentence.span.start),
            tokens[hi - 1].span.end.min(self.sentence.span.end),
        );
        let (a, b) =
            (times.partition_point(|t| t.span.start < from), times.partition_point(|t| t.span.end <= to));
        let anchor = times[a..b.max(a)]
            .iter()
            .filter(|t| {
                matches!(t.kind, TimexType::Date | TimexType::Time)
                    && t.interval.is_some_and(|v| v.granularity <= Granularity::Day)
                    && self.clause_of(self.token_at(t.span.start)) != clause
            })
            .min_by_key(|t| t.span.start.abs_diff(duration.span.start))
            .and_then(|t| t.interval)
            .map(|v| v.start.date());
        match anchor {
            Some(anchor) => shift.apply(anchor).map(Offset::Exact),
            // No other time: the event told before the duration may date it ("The vote comes
            // two days after a U.S. airstrike killed …"; `date_by_offsets`).
            None => Some(Offset::FromEvent(shift, w)),
        }
    }

    /// Whether the time at token `time` comes right after (or after a preposition after) a
    /// past participle that is no trigger and follows a content word that is none either, in
    /// `from..time`: a reduced relative clause of its own ("related to the man arrested
    /// earlier today"). Not after an auxiliary or a trigger ("the attack occurred on Friday").
    fn participle_of_another_noun(&self, from: usize, time: usize) -> bool {
        let Some(mut p) = time.checked_sub(1).filter(|&p| p > from) else { return false };
        if self.has(p, Cue::Preposition) && p > from + 1 {
            p -= 1;
        }
        let participle = self.past_form(p) && self.trigger_form(p).is_none();
        let noun = p > from
            && self.input.tokens[p - 1].kind == TokenKind::Word
            && self.no_function_word(p - 1)
            && self.trigger_form(p - 1).is_none()
            && !self.words[p - 1].ends_with("ly");
        participle && noun
    }

    /// Whether an "after" (or "following") in tokens `from..to` opens a phrase that holds a
    /// trigger before `to`: a time right after that phrase tells of its event.
    fn after_phrase_event_between(&self, from: usize, to: usize) -> bool {
        (from..to).any(|w| self.has(w, Cue::After) && (w + 1..to).any(|u| self.trigger_form(u).is_some()))
    }

    /// Whether a reduced relative clause opens in tokens `from..to`: a comma, then a past
    /// participle trigger and a preposition ("…al-Muhandis, killed in a U.S. airstrike").
    fn reduced_relative_between(&self, from: usize, to: usize) -> bool {
        (from.max(self.sentence.tokens.start + 1)..to).any(|t| {
            self.is_punct(t - 1, ",")
                && self.trigger_form(t).is_some_and(Form::can_be_participle)
                && t + 1 < self.sentence.tokens.end
                && self.has(t + 1, Cue::PlacePreposition)
        })
    }

    /// The clause a relative pronoun opens right after a noun trigger (past a comma), when
    /// no trigger stands in it before `end`: the clause only describes the noun's event
    /// ("bombings that rocked the capital on Monday", "the provocation, which was carried
    /// out on Sunday").
    fn relative_clause_of(&self, found: &Found<'_>, end: usize) -> Option<u16> {
        // After a noun of saying or threatening, "that" opens what was said ("a statement
        // that it would respond on Monday"), which is no description of the noun.
        let says = self
            .lex
            .kind(&found.entry.kind)
            .is_some_and(|k| matches!(k.kind.as_str(), "statement" | "threat"));
        if found.form != Form::Noun || says {
            return None;
        }
        let mut r = found.end;
        if r < end && self.is_punct(r, ",") {
            r += 1;
        }
        if r >= end || !self.has(r, Cue::Relative) {
            return None;
        }
        let id = self.clause_of(r);
        if id == self.clause_of(found.first) {
            return None;
        }
        let told =
            (r + 1..end).take_while(|&u| self.clause_of(u) == id).any(|u| self.trigger_form(u).is_some());
        (!told).then_some(id)
    }

    /// Whether token `t` is in a clause that a `relative` cue opens ("which was carried out on
    /// Sunday", "that the strikes took place on Sunday"), read back no further than token
    /// `from` (the rules' window).
    fn in_relative_clause(&self, t: usize, from: usize) -> bool {
        let id = self.clause_of(t);
        let opening = (from.max(self.sentence.tokens.start)..=t).find(|&u| self.clause_of(u) == id);
        opening.is_some_and(|u| u > self.sentence.tokens.start && self.has(u, Cue::Relative))
    }

    /// Whether a duration of a month or more after a `throughout` preposition ("over the past
    /// two decades", "for years") stands in the trigger's clause: the event stretches or
    /// recurs over it.
    fn spread(&self, found: &Found<'_>, times: &[TimeExpr]) -> bool {
        times.iter().any(|expr| {
            let TimexValue::Duration(value) = &expr.value else { return false };
            let t0 = self.token_at(expr.span.start);
            value.parts.iter().any(|(_, unit)| *unit <= DurationUnit::Month)
                && t0 > self.sentence.tokens.start
                && self.has(t0 - 1, Cue::Throughout)
                && self.in_clause(t0, found.first)
        })
    }

    /// The first token of a noun trigger that a time ending before token `t` modifies: the
    /// trigger starts at `t`, after an optional possessive ending, a name and one more word.
    fn noun_owning(&self, t: usize) -> Option<usize> {
        let end = self.sentence.tokens.end;
        let mut t = t;
        let possessive = self.possessive_time(t);
        if possessive {
            t += 1;
        }
        // A name between them modifies the noun too: "last Friday's United States airstrike".
        if let Some(m) = self.input.tokens.get(t).and_then(|tok| self.mention_starting_at(tok.span.start)) {
            t = self.token_at(m.span.end.saturating_sub(1)) + 1;
        }
        // One word may stand between them ("a Friday night raid"), not a function word ("on
        // Tuesday to protest"); after a possessive, a few ("Sunday's upper house election").
        let word = |u: usize| self.input.tokens[u].kind == TokenKind::Word && self.no_function_word(u);
        let reach = if possessive { POSSESSIVE_REACH } else { 2 };
        (t..(t + reach).min(end)).find(|&u| self.trigger_form(u) == Some(Form::Noun) && (t..u).all(word))
    }

    /// Whether the time ending before token `t` is a possessive ("Sunday's upper house
    /// election"): it tells of the noun phrase after it, not of its clause's verb.
    fn possessive_time(&self, t: usize) -> bool {
        t < self.sentence.tokens.end && self.input.tokens[t].kind == TokenKind::Possessive
    }

    /// Whether the time at tokens `t0..t1` stands between a determiner and a common noun
    /// ("the 2015 deal", "its 2019 budget"), modifying that noun.
    fn attributive(&self, t0: usize, t1: usize) -> bool {
        let range = &self.sentence.tokens;
        let determined = t0 > range.start && self.has(t0 - 1, Cue::Determiner);
        let noun = t1 < range.end
            && self.input.tokens[t1].kind == TokenKind::Word
            && self.no_function_word(t1)
            && self.words[t1].chars().next().is_some_and(char::is_lowercase);
        determined && noun
    }

    /// Whether a noun trigger is the object of a statement verb right before it, past its
    /// determiners, modifiers and names ("condemned the US strike", "denied Western claims"),
    /// or the complement of a statement noun ("its condemnation of the US strike").
    fn object_of_statement(&self, found: &Found<'_>) -> bool {
        if found.form != Form::Noun {
            return false;
        }
        let start = self.sentence.tokens.start;
        let mut v = found.first;
        while v > start && found.first - v <= OBJECT_MODIFIERS {
            v -= 1;
            if self.trigger_form(v).is_some_and(Form::is_verb) {
                // "announced sanctions Friday": a decision takes effect as it is made known;
                // "announced the death" tells of one that happened before.
                let announced = self.has(v, Cue::Announcing)
                    && self.lex.kind(&found.entry.kind).is_some_and(|k| k.span_days == 0);
                return !announced
                    && self.trigger_at(v).is_some_and(|verb| {
                        self.lex.kind(&verb.entry.kind).is_some_and(|k| k.kind == "statement")
                    });
            }
            let possessive = self.input.tokens[v].kind == TokenKind::Possessive;
            if !possessive && !self.modifies_noun(v) {
                // Or the complement of a statement noun: "condemnation of Russia's invasion".
                return self.has(v, Cue::ObjectPreposition)
                    && (v.saturating_sub(2).max(start)..v).any(|n| {
                        self.trigger_form(n) == Some(Form::Noun)
                            && self.trigger_at(n).is_some_and(|noun| {
                                noun.end == v
                                    && noun.form == Form::Noun
                                    && self.lex.kind(&noun.entry.kind).is_some_and(|k| k.kind == "statement")
                            })
                    });
            }
        }
        false
    }

    /// Whether a participle trigger stands before the noun it describes, as an adjective:
    /// after a determiner, a possessive or a preposition ("the slain general", "Iran's
    /// downed drone", "the grave of slain commander Soleimani") and before a content word or
    /// a name, not an object ("the strike killed Soleimani" has a noun before the verb).
    fn describes_a_noun(&self, found: &Found<'_>) -> bool {
        let range = &self.sentence.tokens;
        if !found.form.can_be_participle() || found.first <= range.start || found.end >= range.end {
            return false;
        }
        let before = self.before_adverb(found.first, range.start);
        let introduced =
            [Cue::Determiner, Cue::ObjectPreposition, Cue::PlacePreposition, Cue::AgentPreposition]
                .iter()
                .any(|&cue| self.has(before, cue))
                || self.input.tokens[before].kind == TokenKind::Possessive;
        // "the strike that killed Soleimani": a "that" right after a noun is a relative
        // pronoun, not a determiner.
        let relative = self.has(before, Cue::Relative)
            && before > range.start
            && self.input.tokens[before - 1].kind == TokenKind::Word
            && self.no_function_word(before - 1);
        let introduced = introduced && !relative;
        let next = &self.input.tokens[found.end];
        // A content word: no cue, or only content-word classes ("the downed jet").
        let function_word = !self.no_function_word(found.end);
        let noun = next.kind == TokenKind::Word
            && (!function_word || self.mention_starting_at(next.span.start).is_some());
        introduced && noun
    }

    /// A time right next to a reporting verb ("said on Friday", "Friday's statement said").
    fn dates_a_report(&self, t0: usize, t1: usize, found: &Found<'_>) -> bool {
        let range = &self.sentence.tokens;
        // Not past the trigger itself: "were reported killed on Monday" dates the killing.
        let floor = if found.end <= t0 { found.end } else { range.start };
        let from = t0.saturating_sub(3).max(floor);
        // "Blasts are being reported in Kyiv early Friday": the trigger is what the passive
        // report tells, and the report's time is its own.
        let reports_the_trigger =
            |r: usize| found.end < r && (found.end..r).all(|t| self.has(t, Cue::PassiveAuxiliary));
        let before = (from..t0).any(|t| self.has(t, Cue::Reporting) && !reports_the_trigger(t));
        let after = (t1..(t1 + 2).min(range.end)).any(|t| self.has(t, Cue::Reporting));
        before || after
    }
}

/// Where a duration before "after" or "before" puts an event (see `offset`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Offset {
    /// On this day.
    Exact(NaiveDate),
    /// Some time away from the sentence's other time, not on its day.
    Vague,
    /// So far from the event told before token `.1` (the "after" or "before"), the sentence
    /// having no other time.
    FromEvent(Shift, usize),
}

/// How far an event lies from another: whole months and days, later (`forward`) or earlier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Shift {
    months: u32,
    days: u64,
    forward: bool,
}

impl Shift {
    fn apply(self, anchor: NaiveDate) -> Option<NaiveDate> {
        if self.forward {
            anchor.checked_add_months(Months::new(self.months))?.checked_add_days(Days::new(self.days))
        } else {
            anchor.checked_sub_months(Months::new(self.months))?.checked_sub_days(Days::new(self.days))
        }
    }
}

/// Events a sentence places a duration from another with no time of its own ("The vote
/// comes two days after a U.S. airstrike killed …", `Offset::FromEvent`): the later one takes
/// the earlier's day moved by the duration, when its own date is only a guess (publication,
/// another clause) or missing and the other's is a day its text gives.
pub(super) fn date_by_offsets(events: &mut [Event], offsets: &[(usize, usize, Shift)]) {
    for &(from, to, shift) in offsets {
        let (Some(a), Some(b)) = (events.get(from), events.get(to)) else { continue };
        let weak = dated_by_guess(b);
        // The other's day must be its text's, not a guess: a guess moved is no better.
        let strong = !dated_weakly(a) && a.time_source != TimeSource::None;
        let day = a.interval.filter(|i| strong && i.granularity <= Granularity::Day).map(|i| i.start.date());
        let Some((value, interval)) = day.filter(|_| weak).and_then(|d| shift.apply(d)).and_then(day_value)
        else {
            continue;
        };
        let event = &mut events[to];
        event.value = Some(value);
        event.interval = Some(interval);
        event.time = None;
        event.time_source = TimeSource::Offset;
        event.linked = None;
    }
}

/// A day as a TIMEX3 value and its interval; `None` for a day no TIMEX3 value writes (before
/// year 0000 or after 9999: "6000 years before the vote").
pub(super) fn day_value(date: NaiveDate) -> Option<(TimexValue, Interval)> {
    let day = CalendarValue::date(date);
    if day.against_timex_years() != std::cmp::Ordering::Equal {
        return None;
    }
    let value = TimexValue::Calendar(day);
    let interval = value.interval()?;
    Some((value, interval))
}

/// Where an event's time came from.
#[derive(Clone, Copy)]
pub(super) enum Timed<'a> {
    Expr(&'a TimeExpr),
    Date(NaiveDate),
}

/// An event dated only weakly — by the publication date, by a time of another clause, or by a
/// time coarser than a day — or an asserted one not dated at all (a past perfect) takes the
/// day of the nearest mention of the same kind of event in the document that its own clause
/// dates to a day (the one before it, else the one after), when their participants agree
/// (`agree`; `recurs` tells the kinds that recur): "the strikes" three paragraphs after "US
/// strikes on Sunday" are those strikes. `told` tells, per event, whether its trigger is a
/// verb, a noun or a definite noun: "its denial" names a known statement, a verb
/// ("tweeting") tells a new one, and "the motion" with no one named is the vote told before
/// it. `upper`
/// gives, per event, the day its text puts it before (`before_bound`): no later day is taken.
/// `precedes` gives, per event, the event an "after" puts it before: the two are not one
/// ("fired 59 cruise missiles in response to a chemical attack on Tuesday"). A noun prefers,
/// among the nearest few before it, one with its head word: "the strike" after "a missile
/// strike on Friday" and "a chemical attack on Tuesday" is the strike.
pub(super) fn date_by_coreference(
    events: &mut [Event],
    told: &[Told],
    upper: &[Option<NaiveDate>],
    precedes: &[Option<usize>],
    recurs: impl Fn(&EventKind) -> bool,
) {
    let dated: Vec<usize> = (0..events.len()).filter(|&i| own_day(&events[i]).is_some()).collect();
    if dated.is_empty() {
        return;
    }
    // Each event's sentence, counted over the sentences that hold events.
    let mut ordinal = Vec::with_capacity(events.len());
    for (i, e) in events.iter().enumerate() {
        let previous = i.checked_sub(1).map(|p| (ordinal[p], events[p].sentence));
        ordinal.push(match previous {
            Some((n, sentence)) if sentence == e.sentence => n,
            Some((n, _)) => n + 1,
            None => 0,
        });
    }
    for i in 0..events.len() {
        // A past perfect, undated by its sentence, takes a day only from another mention.
        let undated = events[i].time_source == TimeSource::None
            && matches!(events[i].status, Status::Asserted | Status::Negated);
        if !dated_weakly(&events[i]) && !undated {
            continue;
        }
        let recurring = recurs(&events[i].kind);
        let compatible = |j: &usize| {
            let (a, b) = (&events[i], &events[*j]);
            // A coarse time of its own bounds the search: "this week" takes a day of that week;
            // so does the event an "after" puts it before.
            within_own_time(a, b)
                && before_bound(upper, i, b)
                && a.kind == b.kind
                && a.status == b.status
                && agree(a, b, recurring, told.get(i).copied().unwrap_or(Told::Verb), *j < i)
                && precedes.get(i).copied().flatten() != Some(*j)
                && precedes.get(*j).copied().flatten() != Some(i)
        };
        let split = dated.partition_point(|&j| j < i);
        let noun = told.get(i).is_some_and(|t| *t != Told::Verb);
        // The nearest few only: a document of thousands of events stays linear.
        let mut before = dated[..split].iter().rev().take(COREFERENCE_REACH).filter(|j| compatible(j));
        let nearest = before.next();
        let same_head = || {
            let head = head_word(&events[i].trigger.text);
            nearest.into_iter().chain(before.take(HEAD_REACH - 1)).find(|&&j| {
                let other = head_word(&events[j].trigger.text);
                other.ends_with(head.as_str()) || head.ends_with(other.as_str())
            })
        };
        let source = (noun && nearest.is_some()).then(same_head).flatten().or(nearest).or_else(|| {
            dated[split..]
                .iter()
                .take(COREFERENCE_REACH)
                .take_while(|&&j| ordinal[j] <= ordinal[i] + CATAPHORA_REACH)
                .find(|j| compatible(j))
        });
        if let Some(&j) = source {
            give_date(events, j, i, TimeSource::Coreference);
        }
    }
}

/// The last word of a trigger, lower-cased, without a plural "s": "air strikes" → "strike".
fn head_word(trigger: &str) -> String {
    let last = trigger.rsplit(' ').next().unwrap_or(trigger).to_lowercase();
    match last.strip_suffix('s') {
        Some(stem) if stem.len() > 3 => stem.to_string(),
        _ => last,
    }
}

/// An event its text puts before a day (`upper`: before the event an "after" puts it before,
/// or before the publication day), yet dated only by a guess (the publication day) on that
/// day or later: the guess is known wrong ("the embassy was besieged on Tuesday after a US
/// air raid", published Friday). It takes the day before the bound, the latest it may be
/// (`TimeSource::Before`), from which a timeline reaches back to the event other texts date.
pub(super) fn bound_guesses(events: &mut [Event], upper: &[Option<NaiveDate>]) {
    for (i, event) in events.iter_mut().enumerate() {
        let guessed = matches!(event.time_source, TimeSource::Published | TimeSource::Sentence);
        if !guessed || before_bound(upper, i, event) {
            continue;
        }
        let latest = upper.get(i).copied().flatten().and_then(|day| day.pred_opt()).and_then(day_value);
        (event.value, event.interval) = match latest {
            Some((value, interval)) => (Some(value), Some(interval)),
            None => (None, None),
        };
        event.time = None;
        event.time_source = if event.interval.is_some() { TimeSource::Before } else { TimeSource::None };
    }
}

/// Whether event `b`'s time may be event `i`'s: it starts before the day `i` is known to
/// precede, if any ("besieged the embassy on Tuesday after a US air raid" takes no Tuesday
/// for the raid).
fn before_bound(upper: &[Option<NaiveDate>], i: usize, b: &Event) -> bool {
    match (upper.get(i).copied().flatten(), b.interval) {
        (Some(day), Some(v)) => v.start.date() < day,
        _ => true,
    }
}

/// The day an event's own clause dates it to, when it dates it to a day or finer.
pub(super) fn own_day(e: &Event) -> Option<NaiveDate> {
    e.interval
        .filter(|v| e.time_source == TimeSource::Clause && v.granularity <= Granularity::Day)
        .map(|v| v.start.date())
}

/// Whether event `b`'s day lies within `a`'s own coarse time, when `a` has one ("this week"
/// takes a day of that week, "in October" a day of October).
fn within_own_time(a: &Event, b: &Event) -> bool {
    match (a.time_source, a.interval, b.interval) {
        (TimeSource::Clause, Some(outer), Some(inner)) => {
            outer.start <= inner.start && inner.end <= outer.end
        }
        _ => true,
    }
}

/// Whether two mentions' participants allow one event: either names no one, or they share
/// someone on the same side and no one on opposite sides (the US strike on Kataib Hezbollah
/// and Iran's missiles at US troops are two attacks). Of a kind that recurs (a statement, a
/// protest: no `span` in kinds.tsv), they must share someone: "Iran denied the claims on
/// Friday" does not date "a military statement says", nor "Iran admits"; a definite noun
/// that names no one may take an event told before it (`b_before`). A verb must share
/// someone other than the speaker, who speaks every day: "Khamenei announced mourning on
/// Thursday" does not date his tweeting; "its denial", a noun, is the denial told before.
fn agree(a: &Event, b: &Event, recurring: bool, told: Told, b_before: bool) -> bool {
    let noun = told != Told::Verb;
    let mut shared = false;
    for p in &a.participants {
        for q in b.participants.iter().filter(|q| q.entity == p.entity) {
            if !p.role.same_side(q.role) {
                return false;
            }
            if noun || !(recurring && p.role == Role::Speaker && q.role == Role::Speaker) {
                shared = true;
            }
        }
    }
    // A definite noun that names no one points back to an event told before: "a
    // no-confidence vote on Monday … the parliament approved the motion".
    let anaphoric = told == Told::DefiniteNoun && b_before && a.participants.is_empty();
    shared || anaphoric || (!recurring && (a.participants.is_empty() || b.participants.is_empty()))
}

/// How a trigger tells its event (see `date_by_coreference`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Told {
    Verb,
    Noun,
    /// A noun after a definite determiner or a possessive ("the motion", "their protest").
    DefiniteNoun,
}

/// Whether an asserted (or negated) event is dated only by a guess or not at all: another
/// event of its text may give it a day.
pub(super) fn dated_by_guess(e: &Event) -> bool {
    matches!(e.status, Status::Asserted | Status::Negated)
        && (dated_weakly(e) || e.time_source == TimeSource::None)
}

/// Whether an event's date is only a guess: the publication date, a time of another clause,
/// or a time of its own clause coarser than a day.
fn dated_weakly(e: &Event) -> bool {
    match e.time_source {
        TimeSource::Published | TimeSource::Sentence | TimeSource::Before => true,
        TimeSource::Clause => e.interval.is_some_and(|v| v.granularity > Granularity::Day),
        _ => false,
    }
}

/// Event `to` takes the date of event `from`, saying how.
fn give_date(events: &mut [Event], from: usize, to: usize, how: TimeSource) {
    let (value, interval, time) = (events[from].value.clone(), events[from].interval, events[from].time);
    let trigger = events[from].trigger.span;
    let event = &mut events[to];
    event.value = value;
    event.interval = interval;
    event.time = time;
    event.time_source = how;
    event.linked = (how == TimeSource::Linked).then_some(trigger);
}

/// Events a sentence ties together that are both dated only by a guess ("US airstrikes that
/// killed 25 fighters", neither dated in its own text) name each other in `linked`: no text
/// dates them, but a timeline that dates one from other reports dates the other with it.
pub(super) fn pair_guesses(events: &mut [Event], links: &[(usize, usize)]) {
    let guessed = |e: &Event| {
        dated_by_guess(e)
            && matches!(e.time_source, TimeSource::Published | TimeSource::Sentence | TimeSource::Before)
    };
    for &(a, b) in links {
        let (Some(x), Some(y)) = (events.get(a), events.get(b)) else { continue };
        if !guessed(x) || !guessed(y) {
            continue;
        }
        let (x_span, y_span) = (x.trigger.span, y.trigger.span);
        events[a].linked.get_or_insert(y_span);
        events[b].linked.get_or_insert(x_span);
    }
}

/// Events a sentence ties together (`SentenceContext::linked`: "killed in a drone strike",
/// "the strike that killed") share a day: the one its own clause dates to a day (or, with
/// `coreferent`, one dated by coreference) gives it to the other when that one is dated only
/// by the publication date, by another clause, by a coarser time or not at all (not a
/// planned or hypothetical one). A coarser time of one's own clause goes to a partner dated
/// only by the publication date, by another clause or not at all. No day outside the
/// partner's own coarse time, or on or after its `upper` day, is given.
pub(super) fn date_by_links(
    events: &mut [Event],
    links: &[(usize, usize)],
    coreferent: bool,
    upper: &[Option<NaiveDate>],
) {
    let strong = |e: &Event| {
        let day = e.interval.is_some_and(|v| v.granularity <= Granularity::Day);
        day && (e.time_source == TimeSource::Clause
            || (coreferent && e.time_source == TimeSource::Coreference))
    };
    let weak = dated_by_guess;
    // A coarser time of its own clause ("in October") still beats a guess: the partner dated
    // only by the publication day, by another clause or not at all takes it.
    let coarse = |e: &Event| e.time_source == TimeSource::Clause && e.interval.is_some();
    let guessed = |e: &Event| {
        dated_by_guess(e)
            && matches!(e.time_source, TimeSource::Published | TimeSource::Sentence | TimeSource::None)
    };
    for &(a, b) in links {
        let (Some(x), Some(y)) = (events.get(a), events.get(b)) else { continue };
        let (from, to) = if strong(x) && weak(y) || coarse(x) && guessed(y) {
            (a, b)
        } else if strong(y) && weak(x) || coarse(y) && guessed(x) {
            (b, a)
        } else {
            continue;
        };
        // A coarse time of its own bounds the day it may take ("in October … crashed"), and
        // so does the event an "after" puts it before.
        if !within_own_time(&events[to], &events[from]) || !before_bound(upper, to, &events[from]) {
            continue;
        }
        give_date(events, from, to, TimeSource::Linked);
    }
}
