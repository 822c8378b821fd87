//! The event rules: triggers found word by word, then status, voice, participants and place
//! read from the words and mentions around each trigger, within its sentence (its time:
//! `dating.rs`).

use super::dating::Timed;
use super::lexicon::{Cue, EventLexicon, Form, Mark, RetypeBy, TriggerEntry};
use super::{Event, Participant, Role, Status, TimeSource, Trigger};
use crate::entities::{EntityKind, Mention};
use crate::span::{CharOffsets, Span};
use crate::text::{Sentence, SentenceKind, Token, TokenKind};
use crate::time::{Mode, TimeExpr};
use chrono::NaiveDate;

/// How far (in tokens) the rules look around a trigger.
const SUBJECT_REACH: usize = 12;
const OBJECT_REACH: usize = 5;
/// How far after a verb marked `&` its "with" or "to" may come ("spoke by phone with").
const PARTNER_REACH: usize = 3;
/// How far after a verb marked `!` its weapon may come ("launched more than a dozen
/// ballistic missiles").
const WEAPON_REACH: usize = 8;
const PREPOSITION_REACH: usize = 8;
const PLACE_REACH: usize = 12;
/// How close after its trigger a place after "to" or "from" must stand to be the event's
/// ("deployed to Kuwait", "flown from Baghdad to Ahvaz").
const DIRECTION_REACH: usize = 4;
const NEGATION_REACH: usize = 3;
/// How many modifiers may stand between an object preposition and its name ("of key Iranian
/// major-general Qassem Soleimani").
const MODIFIER_REACH: usize = 4;
/// How many names a list may add to a participant ("A, B, C and D").
const MAX_LISTED: usize = 8;
const MODAL_REACH: usize = 6;
const VICTIM_REACH: usize = 16;
/// How far after a trigger an event it is part of may start ("killed in last Friday's United
/// States airstrike").
const LINK_REACH: usize = 10;
/// How far a noun's phrase of places may run to the relative pronoun that closes it ("a strike
/// on an Iranian consulate in Damascus, Syria, which killed").
const PLACES_REACH: usize = 16;
/// How many capitalised words (titles, demonyms) may stand between a preposition and the name
/// it governs ("to President Donald Trump").
const TITLE_REACH: usize = 3;
/// How many words back from "to" a word of intention may govern it past its object ("called
/// for US and other foreign troops to leave").
const CONTROL_REACH: usize = 8;
/// How many words before a verb marked `@` its `force` subject may stand (after it, its
/// object: `OBJECT_REACH`).
const FORCE_REACH: usize = 5;
/// How many tokens back a pronoun patient ("it was hit") may find the noun it stands for.
const PRONOUN_REACH: usize = 40;
/// How many sentences (of those that hold events) back an anaphor ("the incident") may find
/// the event it names.
const ANAPHOR_REACH: usize = 3;
/// How many words may stand between a support verb and the event noun it carries ("launched
/// a ballistic missile attack").
const SUPPORT_REACH: usize = 4;
/// How many tokens may stand between a trigger and a purpose infinitive of its kind that tells
/// its event again ("fired missiles at two US bases in Iraq to avenge").
const PURPOSE_REACH: usize = 12;

/// How many tokens a noun trigger's definite determiner may stand before it, modifiers
/// between ("the first no-confidence motion").
const DEFINITE_REACH: usize = 6;
/// How far before a passive verb its subject may be ("the plane appeared to have been hit").
const PATIENT_REACH: usize = 8;
/// How many tokens a dateline may hold before its dash (see `dateline_end`).
const DATELINE_REACH: usize = 16;
/// The furthest any rule reads from a trigger, in tokens (see `window`).
const WINDOW: usize = 64;

/// Everything the rules read, for one document.
pub(crate) struct Input<'a> {
    pub(crate) text: &'a str,
    /// The text with ASCII letters lower-cased (same byte offsets).
    pub(crate) lowered: &'a [u8],
    pub(crate) tokens: &'a [Token],
    pub(crate) sentences: &'a [Sentence],
    /// Sorted by position, without overlaps.
    pub(crate) mentions: &'a [Mention],
    /// Sorted by position, without overlaps.
    pub(crate) times: &'a [TimeExpr],
    pub(crate) published: Option<NaiveDate>,
    pub(crate) mode: Mode,
}

/// A trigger found in a sentence, before the rules read around it.
pub(super) struct Found<'l> {
    /// Token range of the trigger.
    pub(super) first: usize,
    pub(super) end: usize,
    pub(super) entry: &'l TriggerEntry,
    pub(super) form: Form,
    /// The token range of a verb that restates this noun and is no event of its own (see
    /// `without_restatements`): the noun takes its subject ("Iran launched a missile attack")
    /// or its object ("US strikes hit the bases").
    pub(super) verb: Option<(usize, usize)>,
    /// For an anaphor ("the incident"), the index of the event it names among the document's
    /// events so far: it takes that event's participants and place.
    pub(super) antecedent: Option<usize>,
}

/// The events of a document, in order of position.
pub(crate) fn find(lex: &EventLexicon, input: &Input<'_>) -> Vec<Event> {
    // A dateline ("WASHINGTON, Sept 3 (Reuters) -") tells where and when the story was filed:
    // its places take part in no event and its date dates none, so the rules do not see them.
    let dateline = dateline_end(input);
    let mentions = input.mentions.partition_point(|m| m.span.end <= dateline);
    let times = input.times.partition_point(|t| t.span.end <= dateline);
    let input = &Input { mentions: &input.mentions[mentions..], times: &input.times[times..], ..*input };
    let mut events = Vec::new();
    let mut chars = CharOffsets::new(input.text);
    let mut cues: Vec<u64> = Vec::new();
    // Pairs of events (by index) that one sentence ties together (see `linked`).
    let mut links: Vec<(usize, usize)> = Vec::new();
    // Events a duration from an event told before them (see `date_by_offsets`).
    let mut offsets: Vec<(usize, usize, super::dating::Shift)> = Vec::new();
    // Per event, how its trigger tells it: a verb, a noun, a definite noun (see
    // `date_by_coreference`).
    let mut told: Vec<super::dating::Told> = Vec::new();
    // Per event, the event it came before, when an "after" puts it there ("besieged the
    // embassy after a US air raid"): it takes no day of that event or later.
    let mut precedes: Vec<Option<usize>> = Vec::new();
    // Per event, whether its own clause's time opens with an `earlier-time` word ("earlier
    // this month"): the event happened before the publication day.
    let mut own_earlier: Vec<bool> = Vec::new();
    // Each token's lower-cased text, once: every rule reads words many times.
    let lowered = std::str::from_utf8(input.lowered).unwrap_or("");
    let words: Vec<&str> = (0..input.tokens.len()).map(|t| word(input, lowered, t)).collect();
    for sentence in input.sentences.iter().filter(|s| s.kind == SentenceKind::Text) {
        let tokens = sentence.tokens.clone();
        cues.clear();
        cues.extend(tokens.clone().map(|t| cue_mask(lex, &words, t, tokens.end)));
        // A reporting word inside a name is part of the name: "the United States on Sunday"
        // does not date a report.
        let mut m = input.mentions.partition_point(|m| m.span.end <= input.tokens[tokens.start].span.start);
        for (t, mask) in tokens.clone().zip(cues.iter_mut()) {
            let span = input.tokens[t].span;
            while input.mentions.get(m).is_some_and(|m| m.span.end <= span.start) {
                m += 1;
            }
            if input.mentions.get(m).is_some_and(|m| m.span.start <= span.start && span.end <= m.span.end) {
                *mask &= !bit(Cue::Reporting);
            }
        }
        let clauses =
            SentenceContext { lex, input, words: &words, sentence, cues: &cues, clauses: &[], triggers: &[] }
                .clause_ids();
        let ctx = SentenceContext {
            lex,
            input,
            words: &words,
            sentence,
            cues: &cues,
            clauses: &clauses,
            triggers: &[],
        };
        let mut found = Vec::new();
        let mut t = tokens.start;
        while t < tokens.end {
            // "speaking on condition of anonymity", "Death to America": set phrases that hold
            // a trigger word but tell no event are skipped whole.
            if let Some(len) = not_event_at(lex, &words, t, tokens.end) {
                t += len;
                continue;
            }
            match ctx.trigger_at(t).or_else(|| ctx.anaphor_at(t, &events)) {
                Some(trigger) => {
                    t = trigger.end;
                    found.push(trigger);
                }
                None => t += 1,
            }
        }
        let mut found = ctx.without_restatements(found);
        found.retain_mut(|f| ctx.retype(f));
        let mut forms = vec![None; tokens.len()];
        for f in &found {
            forms[f.first - tokens.start] = Some(f.form);
        }
        let ctx = SentenceContext { triggers: &forms, ..ctx };
        let base = events.len();
        for (i, trigger) in found.iter().enumerate() {
            // Phrases after a trigger belong to it only up to the next trigger.
            let next = found.get(i + 1).map_or(tokens.end, |n| n.first);
            let mut event = ctx.event(trigger, next, &mut chars);
            // An anaphor tells its antecedent's event: the same participants and place, not
            // those of its own sentence ("President Rouhani said a probe into the tragedy").
            if let Some(a) = trigger.antecedent.and_then(|k| events.get(k)) {
                event.participants = a.participants.clone();
                event.place = a.place.clone();
            }
            own_earlier.push(
                event.time_source == TimeSource::Clause
                    && event.time.is_some_and(|span| ctx.has(ctx.token_at(span.start), Cue::EarlierTime)),
            );
            events.push(event);
            told.push(match trigger.form {
                Form::Noun if ctx.definite_before(trigger.first) => super::dating::Told::DefiniteNoun,
                Form::Noun => super::dating::Told::Noun,
                _ => super::dating::Told::Verb,
            });
            // The event told before the "after", in the clause the "after" phrase hangs on.
            precedes.push(
                ctx.after_word(trigger)
                    .filter(|&w| w > tokens.start)
                    .and_then(|w| {
                        let j = found[..i].iter().rposition(|f| f.end <= w)?;
                        (ctx.clause_of(found[j].first) == ctx.clause_of(w - 1)).then_some(j)
                    })
                    .map(|j| base + j),
            );
            if let Some(j) = ctx.linked(&found, i) {
                links.push((base + i, base + j));
            }
            // "The vote comes two days after a U.S. airstrike killed …": the nearest trigger
            // before the "after" is the event it counts from. Only an event dated by a guess
            // or not at all takes such a day, so the offset is read for no other.
            let guessed = events.last().is_some_and(super::dating::dated_by_guess);
            if guessed
                && let Some(super::dating::Offset::FromEvent(shift, w)) = ctx.offset(trigger)
                && let Some(j) = found[..i].iter().rposition(|f| f.end <= w)
            {
                offsets.push((base + j, base + i, shift));
            }
        }
    }
    // The day before which each event happened, where its text says: the day its clause gives
    // the event an "after" puts it before, or the publication day for a time an
    // `earlier-time` word opens ("earlier this month" is this month before the story's day).
    let upper: Vec<Option<NaiveDate>> = (0..events.len())
        .map(|i| {
            let followed = precedes[i].and_then(|j| events.get(j)).and_then(super::dating::own_day);
            let earlier = own_earlier[i].then_some(input.published).flatten();
            followed.into_iter().chain(earlier).min()
        })
        .collect();
    super::dating::date_by_links(&mut events, &links, false, &upper);
    super::dating::date_by_coreference(&mut events, &told, &upper, &precedes, |k| {
        lex.kind(k).is_none_or(|k| k.span_days == 0)
    });
    super::dating::date_by_links(&mut events, &links, true, &upper);
    super::dating::date_by_offsets(&mut events, &offsets);
    super::dating::bound_guesses(&mut events, &upper);
    super::dating::pair_guesses(&mut events, &links);
    // A news text tells as done only what happened by its day: an event its own clause dates
    // wholly after the publication day is still to come ("looks toward 2020 presidential
    // elections" in 2018).
    if let (Mode::News, Some(published)) = (input.mode, input.published) {
        for e in
            events.iter_mut().filter(|e| e.status == Status::Asserted && e.time_source == TimeSource::Clause)
        {
            if e.interval.is_some_and(|i| i.start.date() > published) {
                e.status = Status::Planned;
            }
        }
    }
    events
}

/// Where a dateline that opens the document ends (0 if none): the first text sentence starts
/// with a word in capitals, and a dash follows within `DATELINE_REACH` tokens with no word in
/// lower case before it ("BAGHDAD, Jan 3 (Reuters) —", "FORT BRAGG, N.C. (AP) —").
fn dateline_end(input: &Input<'_>) -> usize {
    let Some(first) = input.sentences.iter().find(|s| s.kind == SentenceKind::Text) else { return 0 };
    let tokens = &input.tokens[first.tokens.clone()];
    let text = |t: &Token| input.text.get(t.span.range()).unwrap_or("");
    let capitals = |s: &str| s.chars().count() > 1 && s.chars().all(|c| c.is_uppercase() || c == '.');
    if !tokens.first().is_some_and(|t| t.kind == TokenKind::Word && capitals(text(t))) {
        return 0;
    }
    let mut end = None;
    for t in tokens.iter().take(DATELINE_REACH) {
        let s = text(t);
        if t.kind == TokenKind::Punct && matches!(s, "-" | "—" | "–" | "--") {
            end = Some(t.span.start);
            break;
        }
        if t.kind == TokenKind::Word && s.starts_with(char::is_lowercase) {
            return 0;
        }
    }
    end.unwrap_or(0)
}

/// The length in tokens of the longest not-event phrase starting at token `t`, if any.
fn not_event_at(lex: &EventLexicon, words: &[&str], t: usize, end: usize) -> Option<usize> {
    lex.cues
        .starting_with(words[t])
        .iter()
        .find(|p| p.payload == Cue::NotEvent && rest_matches(words, t, end, &p.rest))
        .map(|p| p.rest.len() + 1)
}

/// The cue classes of the phrases starting at token `t`, as a bit mask.
fn cue_mask(lex: &EventLexicon, words: &[&str], t: usize, end: usize) -> u64 {
    let mut mask = 0;
    for phrase in lex.cues.starting_with(words[t]) {
        if rest_matches(words, t, end, &phrase.rest) {
            mask |= bit(phrase.payload);
        }
    }
    mask
}

/// A cue's bit in a token's mask (64 classes at most: `Cue` has fewer).
pub(super) const fn bit(cue: Cue) -> u64 {
    1 << cue as u32
}

/// The classes of content words (aircraft, pronouns, anaphors, forces, verbs of directive
/// and of announcing, words of earlier time): a token holding only these is no function word.
const CONTENT: u64 = bit(Cue::Patient)
    | bit(Cue::Pronoun)
    | bit(Cue::Anaphor)
    | bit(Cue::Force)
    | bit(Cue::Directive)
    | bit(Cue::Earlier)
    | bit(Cue::EarlierTime)
    | bit(Cue::SubjectPronoun)
    | bit(Cue::Weapon)
    | bit(Cue::PlaceNoun)
    | bit(Cue::Announcing);

/// The lower-cased text of token `t` (empty for a token that is not a word).
fn word<'a>(input: &Input<'a>, lowered: &'a str, t: usize) -> &'a str {
    let token = &input.tokens[t];
    if token.kind != TokenKind::Word {
        return if token.kind == TokenKind::Punct {
            input.text.get(token.span.range()).unwrap_or("")
        } else {
            ""
        };
    }
    lowered.get(token.span.range()).unwrap_or("")
}

/// Whether the words after token `t` are `rest`, all within the sentence ending at `end`.
fn rest_matches(words: &[&str], t: usize, end: usize, rest: &[Box<str>]) -> bool {
    t + rest.len() < end && rest.iter().enumerate().all(|(i, w)| words[t + 1 + i] == &**w)
}

pub(super) struct SentenceContext<'a, 'l> {
    pub(super) lex: &'l EventLexicon,
    pub(super) input: &'a Input<'a>,
    /// Every token's lower-cased text (see `word`).
    pub(super) words: &'a [&'a str],
    pub(super) sentence: &'a Sentence,
    /// Cue masks of the sentence's tokens, from `sentence.tokens.start`.
    pub(super) cues: &'a [u64],
    /// The clause each token belongs to, from `sentence.tokens.start` (see `clause_ids`).
    pub(super) clauses: &'a [u16],
    /// The form of the trigger starting at each token, from `sentence.tokens.start`, once the
    /// sentence's triggers are known (empty before).
    pub(super) triggers: &'a [Option<Form>],
}

impl<'a, 'l> SentenceContext<'a, 'l> {
    /// Whether token `t` of the sentence is in no class of function words.
    pub(super) fn no_function_word(&self, t: usize) -> bool {
        self.cues.get(t.wrapping_sub(self.sentence.tokens.start)).is_some_and(|&m| m & !CONTENT == 0)
    }

    pub(super) fn has(&self, t: usize, cue: Cue) -> bool {
        self.cues.get(t.wrapping_sub(self.sentence.tokens.start)).is_some_and(|m| m & bit(cue) != 0)
    }

    pub(super) fn is_punct(&self, t: usize, set: &str) -> bool {
        let token = &self.input.tokens[t];
        token.kind == TokenKind::Punct
            && self.input.text.get(token.span.range()).is_some_and(|p| set.contains(p))
    }

    /// A clause boundary: a boundary word, or punctuation that closes a clause or a quote.
    pub(super) fn is_boundary(&self, t: usize) -> bool {
        self.has(t, Cue::ClauseBoundary) || self.is_punct(t, ";:[]\"“”—–")
    }

    /// Numbers the clauses of the sentence, token by token. A boundary word ("who",
    /// "after", "that") opens a subordinate clause that a comma closes, and the clause around
    /// it resumes ("The body of Soleimani, who was killed in a strike, was returned on
    /// Sunday": "returned" and "Sunday" share a clause, "killed" does not); punctuation that
    /// ends a clause (`;`, `:`, dashes, quotes) starts a new one.
    pub(super) fn clause_ids(&self) -> Vec<u16> {
        let range = self.sentence.tokens.clone();
        let mut ids = Vec::with_capacity(range.len());
        let mut next: u16 = 1;
        let mut current: u16 = 0;
        let mut outer: Vec<u16> = Vec::new();
        for t in range {
            if self.has(t, Cue::ClauseBoundary) {
                outer.push(current);
                current = next;
                next = next.saturating_add(1);
            } else if self.is_punct(t, ",") {
                if let Some(resumed) = outer.pop() {
                    current = resumed;
                }
            } else if self.is_boundary(t) {
                outer.clear();
                current = next;
                next = next.saturating_add(1);
            }
            ids.push(current);
        }
        ids
    }

    pub(super) fn clause_of(&self, t: usize) -> u16 {
        self.clauses.get(t.wrapping_sub(self.sentence.tokens.start)).copied().unwrap_or(u16::MAX)
    }

    /// The relative pronoun that closes a noun's phrase of places, starting at token `t`
    /// before `end`: prepositions, determiners, modifiers and names, the last a place, then a
    /// comma or not ("on an Iranian consulate in Damascus, Syria, which"). Places do not kill
    /// or strike: the clause tells of the noun.
    fn relative_after_places(&self, t: usize, end: usize) -> Option<usize> {
        let mut last_place = false;
        let mut u = t;
        while u < end {
            if self.has(u, Cue::Relative) {
                return last_place.then_some(u);
            }
            if self.trigger_form(u).is_some() || self.has(u, Cue::ClauseBoundary) {
                return None;
            }
            let token = &self.input.tokens[u];
            if let Some(m) = self.mention_starting_at(token.span.start) {
                last_place = m.kind == EntityKind::Place;
                u = self.token_at(m.span.end.saturating_sub(1)) + 1;
                continue;
            }
            let preposition = self.has(u, Cue::ObjectPreposition) || self.has(u, Cue::PlacePreposition);
            if !(self.is_punct(u, ",") || preposition || self.modifies_noun(u)) {
                return None;
            }
            // A word after the last place ends it ("in Syria last week, which").
            if !self.is_punct(u, ",") {
                last_place = false;
            }
            u += 1;
        }
        None
    }

    /// The token range of the clause around tokens `first..end`.
    /// From the first to the last token of the trigger's clause (see `clause_ids`); it may
    /// hold subordinate clauses, which the rules skip with `in_clause`.
    pub(super) fn clause(&self, first: usize, end: usize) -> (usize, usize) {
        let (lo, hi) = self.window(first, end);
        let id = self.clause_of(first);
        let start = (lo..first).find(|&t| self.clause_of(t) == id).unwrap_or(first);
        let stop = (end..hi).rev().find(|&t| self.clause_of(t) == id).map_or(end, |t| t + 1);
        (start, stop)
    }

    /// The tokens of the sentence within `WINDOW` of a trigger at `first..end`: no rule reads
    /// further, so a sentence of any length costs the same per trigger (linear time on a text
    /// with no sentence breaks).
    pub(super) fn window(&self, first: usize, end: usize) -> (usize, usize) {
        let range = &self.sentence.tokens;
        (first.saturating_sub(WINDOW).max(range.start), (end + WINDOW).min(range.end))
    }

    /// The trigger after `found[i]` that tells an event `found[i]` is part of, result of or
    /// told in, so on the same day: a noun after a `within` preposition ("killed in last
    /// Friday's US airstrike", "a stampede at a funeral", "the killing of Soleimani in a
    /// drone strike"), or a verb right after a relative pronoun ("the drone strike that
    /// killed Soleimani"). Reads at most `LINK_REACH` tokens.
    pub(super) fn linked(&self, found: &[Found<'_>], i: usize) -> Option<usize> {
        let this = found.get(i)?;
        let end = (this.end + LINK_REACH).min(self.sentence.tokens.end);
        // The trigger is among the next `LINK_REACH`: a sentence of any length costs the same.
        let index_at =
            |t: usize| found[i + 1..].iter().take(LINK_REACH).position(|f| f.first == t).map(|j| i + 1 + j);
        let mut t = this.end;
        if t >= end {
            return None;
        }
        // A result participle after a comma happens with the verb before it ("downed a jetliner
        // late Tuesday, killing all 176 people"): the next trigger, a gerund whose object is
        // its victim, with no other punctuation between. Some writers drop the comma ("crashed
        // minutes after takeoff killing all 189"); then no word that governs a gerund (a
        // preposition, "and", a function word) may stand right before it.
        let result = found.get(i + 1).is_some_and(|next| {
            let before = next.first.saturating_sub(1);
            let after_comma = self.is_punct(before, ",") && before >= this.end;
            let bare = next.first > this.end
                && self.input.tokens[before].kind == TokenKind::Word
                && self.no_function_word(before)
                && !self.any_preposition_before(next.first);
            !matches!(this.form, Form::Noun | Form::Gerund)
                && next.form == Form::Gerund
                && next.entry.object == Some(Role::Victim)
                && (after_comma || bare)
                && (this.end..before).all(|u| self.input.tokens[u].kind != TokenKind::Punct)
        });
        if result {
            return Some(i + 1);
        }
        // "an Israeli strike on an Iranian consulate in Damascus, Syria, which killed": a
        // relative clause after the places of a noun's phrase tells of the noun's event.
        let mut end = end;
        if this.form == Form::Noun && !self.has(t, Cue::Relative) {
            let reach = (this.end + PLACES_REACH).min(self.sentence.tokens.end);
            // Most nouns have no relative pronoun in reach: a bit test spares the walk.
            let relative = (t..reach).any(|u| self.has(u, Cue::Relative));
            if let Some(r) = relative.then(|| self.relative_after_places(t, reach)).flatten() {
                t = r;
                end = (r + 3).min(self.sentence.tokens.end);
            }
        }
        if this.form == Form::Noun && self.has(t, Cue::Relative) {
            // "that killed", "which reportedly killed": the relative pronoun is the subject.
            let verb = (t + 1..(t + 3).min(end)).find(|&u| self.trigger_form(u).is_some())?;
            return self.trigger_form(verb).is_some_and(|f| f.is_verb()).then(|| index_at(verb)).flatten();
        }
        // A noun's own complement first: "the killing of Soleimani in a drone strike".
        if this.form == Form::Noun && self.words[t] == "of" {
            t += 1;
            if t < end && self.has(t, Cue::Determiner) {
                t += 1;
            }
            let m = self.input.tokens.get(t).and_then(|tok| self.mention_starting_at(tok.span.start))?;
            t = self.token_at(m.span.end.saturating_sub(1)) + 1;
        }
        // A verb's object first: "had killed a senior Hamas commander in an airstrike".
        if this.form.is_verb() {
            while t < end && self.modifies_noun(t) && self.trigger_form(t).is_none() {
                t += 1;
            }
        }
        if t >= end || !self.has(t, Cue::Within) {
            return None;
        }
        // Then determiners, times, names and modifiers up to the noun: no punctuation, no
        // other clause, no other phrase ("a speech at an event ahead of the elections"), no
        // other trigger.
        for u in t + 1..end {
            if let Some(form) = self.trigger_form(u) {
                return (form == Form::Noun).then(|| index_at(u)).flatten();
            }
            if self.input.tokens[u].kind == TokenKind::Punct
                || self.has(u, Cue::ClauseBoundary)
                || self.has(u, Cue::Preposition)
            {
                return None;
            }
        }
        None
    }

    /// An `anaphor:` noun at token `t` after a definite determiner or a possessive ("the
    /// incident", "these actions", "Trump's move"), naming the nearest asserted event of one
    /// of its kinds in the last `ANAPHOR_REACH` sentences before this one (`events`: the
    /// document's so far): it takes that event's kind. Not one that owns a noun after it
    /// ("the operation's coalition forces") or inside a name.
    fn anaphor_at(&self, t: usize, events: &[Event]) -> Option<Found<'l>> {
        let input = self.input;
        if !self.has(t, Cue::Anaphor) {
            return None;
        }
        let &index = self.lex.anaphor_words.starting_with(self.words[t]).first().map(|p| &p.payload)?;
        let anaphor = self.lex.anaphors.get(index as usize)?;
        let range = &self.sentence.tokens;
        // A plural's possessive is a bare apostrophe: "the protesters' action".
        let plural_possessive = |u: usize| {
            u > range.start
                && matches!(self.words[u], "'" | "’")
                && self.words[u - 1].ends_with('s')
                && input.tokens[u - 1].span.end == input.tokens[u].span.start
        };
        let determined = t > range.start
            && (self.has(t - 1, Cue::Definite)
                || input.tokens[t - 1].kind == TokenKind::Possessive
                || plural_possessive(t - 1));
        let owner = input.tokens.get(t + 1).is_some_and(|tok| tok.kind == TokenKind::Possessive);
        let span = input.tokens[t].span;
        let mentions = input.mentions;
        let named = mentions
            .get(mentions.partition_point(|m| m.span.end <= span.start))
            .is_some_and(|m| m.span.start <= span.start);
        if !determined || owner || named {
            return None;
        }
        let mut sentences = 0;
        let mut last = None;
        for (k, e) in events.iter().enumerate().rev() {
            if last != Some(e.sentence) {
                sentences += 1;
                last = Some(e.sentence);
                if sentences > ANAPHOR_REACH {
                    return None;
                }
            }
            if e.status != Status::Asserted {
                continue;
            }
            if let Some(i) = anaphor.kinds.iter().position(|k| *k == e.kind) {
                let entry = &self.lex.triggers[*anaphor.entries.get(i)? as usize];
                return Some(Found {
                    first: t,
                    end: t + 1,
                    entry,
                    form: Form::Noun,
                    verb: None,
                    antecedent: Some(k),
                });
            }
        }
        None
    }

    /// Whether the subject of the verb at token `t` is a `force` word: the first word before
    /// it, past "to", modals, negations, auxiliaries and adverbs, within the clause and a few
    /// words ("American troops to leave", "the Marines will not go").
    fn force_before(&self, t: usize) -> bool {
        let start = self.sentence.tokens.start;
        let skipped = [Cue::Infinitive, Cue::Future, Cue::Hypothetical, Cue::Negation, Cue::PassiveAuxiliary];
        for u in (t.saturating_sub(FORCE_REACH).max(start)..t).rev() {
            if self.input.tokens[u].kind != TokenKind::Word || self.has(u, Cue::ClauseBoundary) {
                return false;
            }
            if skipped.iter().any(|&c| self.has(u, c)) || self.words[u].ends_with("ly") {
                continue;
            }
            return self.has(u, Cue::Force);
        }
        false
    }

    /// Whether the object of a verb ending before token `t` is a `force` word: the first one
    /// among the words that may modify a noun, past an "of" ("expel the 5,200 American
    /// troops", "end the presence of foreign troops", "end foreign troop presence").
    fn force_after(&self, t: usize) -> bool {
        let end = self.sentence.tokens.end;
        let t = if t < end && self.words[t] == "of" { t + 1 } else { t };
        (t..(t + OBJECT_REACH).min(end))
            .take_while(|&u| self.modifies_noun(u))
            .any(|u| self.has(u, Cue::Force))
    }

    /// Whether a person is the object of the verb at tokens `first..end` (the first name after
    /// it, past its noun's modifiers: "eliminate Iranian General Qassem Soleimani") or, after
    /// a passive auxiliary, its subject (the name right before: "Soleimani was eliminated").
    fn person_around(&self, first: usize, end: usize) -> bool {
        let range = &self.sentence.tokens;
        let person_at = |u: usize| {
            self.input
                .tokens
                .get(u)
                .and_then(|tok| self.mention_starting_at(tok.span.start))
                .is_some_and(|m| m.kind == EntityKind::Person)
        };
        let object =
            (end..(end + OBJECT_REACH).min(range.end)).take_while(|&u| self.modifies_noun(u)).any(person_at);
        let mut u = first;
        while self.after_passive_auxiliary(u) {
            u -= 1;
        }
        let subject = u < first
            && u > range.start
            && self
                .mention_ending_at(self.input.tokens[u - 1].span.end)
                .is_some_and(|m| m.kind == EntityKind::Person);
        object || subject
    }

    /// Whether a `partner` preposition ("with", "to") follows a verb ending before token `t`
    /// (past a word or two: "spoke briefly with", "spoke by phone to") and a name follows it,
    /// past its modifiers ("spoke with Britain's Foreign Secretary Dominic Raab", not "spoke
    /// to reporters").
    fn partner_after(&self, t: usize) -> bool {
        let end = self.sentence.tokens.end;
        let Some(p) = (t..(t + PARTNER_REACH).min(end))
            .take_while(|&u| self.input.tokens[u].kind == TokenKind::Word)
            .find(|&u| self.has(u, Cue::Partner))
        else {
            return false;
        };
        let name_at = |u: usize| {
            self.input.tokens.get(u).and_then(|tok| self.mention_starting_at(tok.span.start)).is_some()
        };
        // A handle ("spoke with @HeikoMaas") names whom it belongs to.
        (p + 1..(p + 1 + OBJECT_REACH).min(end))
            .take_while(|&u| self.modifies_noun(u) || self.input.tokens[u].kind == TokenKind::Handle)
            .any(name_at)
    }

    /// Whether the verb at tokens `first..end` fires or launches a weapon: a `weapon` word
    /// comes within a few words of its clause after it ("over a dozen ballistic missiles", "a
    /// wave of missiles"); or its subject right before it, after a
    /// passive auxiliary or not ("31 rockets were fired", "missiles fired due to human
    /// error"); or an `aim` preposition, or the end of the clause, comes right after it
    /// ("fired on protesters", "troops fired.").
    fn armed(&self, first: usize, end: usize) -> bool {
        let range = &self.sentence.tokens;
        if end >= range.end || self.has(end, Cue::Aim) || self.is_boundary(end) || self.is_punct(end, ",.") {
            return true;
        }
        // Past any words of its clause ("over a dozen ballistic missiles"): a weapon named
        // after a verb of firing is what it fires.
        let object = (end..(end + WEAPON_REACH).min(range.end))
            .take_while(|&u| !self.is_boundary(u) && !self.is_punct(u, ",.;:()"))
            .any(|u| self.has(u, Cue::Weapon));
        let mut u = first;
        while self.after_passive_auxiliary(u) {
            u -= 1;
        }
        object || (u > range.start && self.has(u - 1, Cue::Weapon))
    }

    /// Whether token `t` lies inside a time expression.
    fn in_time(&self, t: usize) -> bool {
        let span = self.input.tokens[t].span;
        let times = self.input.times;
        let i = times.partition_point(|x| x.span.end <= span.start);
        times.get(i).is_some_and(|x| x.span.start <= span.start)
    }

    pub(super) fn mention_starting_at(&self, byte: usize) -> Option<&'a Mention> {
        let mentions = self.input.mentions;
        let i = mentions.partition_point(|m| m.span.start < byte);
        mentions.get(i).filter(|m| m.span.start == byte)
    }

    /// Whether token `t` is in the clause of the trigger starting at `first`.
    pub(super) fn in_clause(&self, t: usize, first: usize) -> bool {
        self.clause_of(t) == self.clause_of(first)
    }

    /// Whether a form of "be" or "get" stands right before token `t`: the word is a participle
    /// ("it was hit due to human error"), not a noun before a verb.
    fn after_passive_auxiliary(&self, t: usize) -> bool {
        t > self.sentence.tokens.start && self.has(t - 1, Cue::PassiveAuxiliary)
    }

    /// The trigger starting at token `t`, longest first; a form that is both verb and noun
    /// is read as a noun after a determiner, a possessive or a name.
    pub(super) fn trigger_at(&self, t: usize) -> Option<Found<'l>> {
        let input = self.input;
        if input.tokens[t].kind != TokenKind::Word {
            return None;
        }
        let end = self.sentence.tokens.end;
        let phrases = self.lex.forms.starting_with(self.words[t]);
        let longest = phrases.iter().find(|p| rest_matches(self.words, t, end, &p.rest))?;
        let len = longest.rest.len() + 1;
        let candidates =
            phrases.iter().filter(|p| p.rest.len() + 1 == len && rest_matches(self.words, t, end, &p.rest));
        // A noun after a determiner, a possessive, a number, a name ("US strikes"), a
        // preposition ("with sanctions") or a participle ("threatened sanctions", "imposing
        // sanctions"); otherwise a verb.
        // A base form right after "to" is an infinitive ("to rally international
        // condemnation"), though "to" is also a preposition before a noun ("to the rally").
        let infinitive_before = t > self.sentence.tokens.start && self.has(t - 1, Cue::Infinitive);
        let infinitive = infinitive_before && candidates.clone().any(|p| p.payload.1 == Form::Base);
        let nominal = !infinitive && t > self.sentence.tokens.start && {
            let prev = t - 1;
            let word = self.words[prev];
            self.has(prev, Cue::Determiner)
                || input.tokens[prev].kind == TokenKind::Possessive
                || input.tokens[prev].kind == TokenKind::Number
                || self.mention_ending_at(input.tokens[prev].span.end).is_some()
                || [Cue::AgentPreposition, Cue::ObjectPreposition, Cue::PlacePreposition]
                    .into_iter()
                    .any(|c| self.has(prev, c))
                || (word.len() > 4
                    && (word.ends_with("ed") || word.ends_with("ing"))
                    && !self.has(prev, Cue::PassiveAuxiliary))
                || self.is_modifier(prev)
                || self.support_before(t).is_some()
        } || (self.verb_follows(t, t + len) && !self.after_passive_auxiliary(t));
        // A base form after a determiner and one modifier ("a hostile target", "a retaliatory
        // strike"): a singular subject would take the -s form, so the word is a noun.
        // An -s form there is a verb only with an object after it: "the government sanctions
        // banks", not "the new sanctions at the White House" or "the new sanctions."
        let objectless = || {
            t + len >= end
                || input.tokens[t + len].kind == TokenKind::Punct
                || self.any_preposition_before(t + len + 1)
                || self.has(t + len, Cue::Relative)
        };
        let modified = self.after_determiner_and_modifier(t)
            && (!phrases.iter().any(|p| p.payload.1 == Form::Third && p.rest.len() + 1 == len)
                || objectless());
        let nominal = nominal || modified;
        // A form that is both base and participle ("hit", "put") is a participle after a form
        // of "be" ("the plane was hit", "being hit").
        let after_auxiliary = (t.saturating_sub(2).max(self.sentence.tokens.start)..t)
            .any(|u| self.has(u, Cue::PassiveAuxiliary));
        let mut chosen: Option<(u32, Form)> = None;
        for p in candidates {
            let (index, form) = p.payload;
            let is_noun = form == Form::Noun;
            let better = match chosen {
                None => true,
                Some((_, f)) => {
                    (is_noun == nominal && (f == Form::Noun) != nominal)
                        || (!nominal && after_auxiliary && form.can_be_participle() && !f.can_be_participle())
                }
            };
            if better {
                chosen = Some((index, form));
            }
        }
        let (index, mut form) = chosen?;
        // A verb's base or -s form where a noun stands, with no noun of that trigger: another
        // noun ("several fires", "the hit").
        let determined = t > self.sentence.tokens.start
            && (self.has(t - 1, Cue::Determiner) || input.tokens[t - 1].kind == TokenKind::Number)
            || modified;
        if determined && matches!(form, Form::Base | Form::Third) {
            return None;
        }
        // So is an -s form right after a past verb, or after one and a modifier that is no
        // name: the verb's object ("attacked targets", "attacked military targets"), not a
        // verb ("claimed Israel strikes civilians").
        if form == Form::Third && t > self.sentence.tokens.start {
            let adjective = |u: usize| {
                input.tokens[u].kind == TokenKind::Word
                    && self.no_function_word(u)
                    && !self.words[u].ends_with('s')
                    && self.mention_ending_at(input.tokens[u].span.end).is_none()
            };
            let modified_object =
                t >= self.sentence.tokens.start + 2 && self.past_form(t - 2) && adjective(t - 1);
            if self.past_form(t - 1) || modified_object {
                return None;
            }
        }
        // The reverse: a noun where a verb stands, right after a subject pronoun, is that
        // verb, of no event here ("we call on the government", not a phone call).
        if form == Form::Noun && t > self.sentence.tokens.start && self.has(t - 1, Cue::SubjectPronoun) {
            return None;
        }
        // So is a singular noun before a determiner, right after "to" or with nothing before
        // it that a noun takes: a verb of no event ("the chance to call the vote", "resign or
        // call a snap election"; not "agreed to talks", "a call to the minister", "Iran's
        // call the next day").
        if form == Form::Noun
            && (infinitive_before || !nominal)
            && !self.words[t + len - 1].ends_with('s')
            && t + len < end
            && self.has(t + len, Cue::Determiner)
            && !self.has(t + len, Cue::ClauseBoundary)
        {
            return None;
        }
        let entry = self.lex.triggers.get(index as usize)?;
        // A word of a time expression names a time, not an event: "in March" is no march,
        // "Memorial Day" no memorial.
        if self.in_time(t) {
            return None;
        }
        // "^storm": a verb only right after "to", a modal or a negation ("from January to
        // March" is a time, above).
        if form == Form::Base && entry.mark == Some(Mark::AfterTo) {
            let after_to = t > self.sentence.tokens.start
                && [Cue::Infinitive, Cue::Future, Cue::Hypothetical, Cue::Negation]
                    .into_iter()
                    .any(|c| self.has(t - 1, c));
            if !after_to {
                return None;
            }
        }
        if form == Form::Gerund && (nominal || (t + len < end && self.words[t + len] == "of")) {
            form = Form::Noun;
        }
        // A verb marked for what it needs around it: "@leave" a force ("the troops to leave"),
        // "%eliminate" a person, "&speak" a named partner ("spoke with Heiko Maas", not "spoke
        // at a rally"), "!fire" a weapon ("fired missiles", not "fired its coach").
        if form.is_verb() {
            let told = match entry.mark {
                Some(Mark::Force) => self.force_before(t) || self.force_after(t + len),
                Some(Mark::Person) => self.person_around(t, t + len),
                Some(Mark::Partner) => self.partner_after(t + len),
                Some(Mark::Weapon) => self.armed(t, t + len),
                // Told only once its patient retypes it (`retype`).
                Some(Mark::AfterTo | Mark::Retyped) | None => true,
            };
            if !told {
                return None;
            }
        }
        // No trigger inside a name: "Downing Street", "Popular Mobilization Forces". A
        // multiword trigger may hold a whole name ("wrote on Twitter", "Twitter posts").
        let span = Span::new(input.tokens[t].span.start, input.tokens[t + len - 1].span.end);
        let mentions = input.mentions;
        let m = mentions.partition_point(|m| m.span.end <= span.start);
        let held = |m: &Mention| len > 1 && m.span.start >= span.start && m.span.end <= span.end;
        if mentions[m..]
            .iter()
            .take_while(|m| m.span.start < span.end)
            .any(|m| m.span.overlaps(span) && !held(m))
        {
            return None;
        }
        Some(Found { first: t, end: t + len, entry, form, verb: None, antecedent: None })
    }

    /// The triggers of a sentence without the verbs that only restate an event noun beside
    /// them: a support verb before its noun ("launched a missile attack", "carried out
    /// strikes") and a verb of the noun's own kind right after it or after a relative pronoun
    /// ("air raids launched by the US", "the strikes targeted", "airstrikes that targeted").
    /// The noun tells the event; the verb adds no other.
    pub(super) fn without_restatements(&self, mut found: Vec<Found<'l>>) -> Vec<Found<'l>> {
        // The noun each verb restates, if any.
        let restated = |found: &[Found<'l>], i: usize| {
            let verb = &found[i];
            if !verb.form.is_verb() {
                return None;
            }
            let before = i.checked_sub(1).filter(|&j| {
                let n = &found[j];
                n.form == Form::Noun
                    && n.entry.kind == verb.entry.kind
                    && (n.end == verb.first || (n.end + 1 == verb.first && self.has(n.end, Cue::Relative)))
            });
            let after = Some(i + 1).filter(|&j| {
                found.get(j).is_some_and(|n| {
                    n.form == Form::Noun
                        && self.has(verb.first, Cue::Support)
                        && n.first - verb.end <= SUPPORT_REACH
                        && (verb.end..n.first).all(|t| self.modifies_noun(t))
                })
            });
            before.or(after)
        };
        // "fired missiles at two US bases to avenge the killing", "appointed Qaani to replace
        // him": a purpose infinitive of the kind of a trigger before it in its clause tells
        // that event again.
        let purpose = |found: &[Found<'l>], i: usize| {
            let verb = &found[i];
            verb.form == Form::Base
                && verb.first > self.sentence.tokens.start
                && self.has(verb.first - 1, Cue::Infinitive)
                && found[..i]
                    .iter()
                    .rev()
                    .take_while(|e| verb.first.saturating_sub(e.end) <= PURPOSE_REACH)
                    .any(|e| {
                        e.entry.kind == verb.entry.kind
                            && self.clause_of(e.first) == self.clause_of(verb.first)
                    })
        };
        let mut keep = vec![true; found.len()];
        for i in 0..found.len() {
            if let Some(noun) = restated(&found, i) {
                keep[i] = false;
                found[noun].verb = Some((found[i].first, found[i].end));
            } else if purpose(&found, i) {
                keep[i] = false;
            }
        }
        found.into_iter().zip(keep).filter_map(|(f, keep)| keep.then_some(f)).collect()
    }

    /// A verb whose patient changes its kind (`retype:FROM>TO` in the cues file): the subject
    /// of a passive ("the plane was hit by a missile", "the airliner had been struck") or the
    /// object of an active verb ("a missile struck the airliner") is a shoot-down, not an
    /// attack. The event takes the first trigger of the new kind that has a target. Failing a
    /// patient, the doer retypes it (`retype-agent:`: "mourners marched"), before the verb or,
    /// in the passive, after "by"; a noun, the word right before it (`retype-modifier:`: "a
    /// trading session"). False when the line tells no event ("the earthquake struck":
    /// `retype-agent:attack>-`).
    pub(super) fn retype(&self, found: &mut Found<'l>) -> bool {
        // A verb marked `~` tells an event only through its patient.
        let needs_patient = found.entry.mark == Some(Mark::Retyped);
        if !self.lex.retypes.iter().any(|r| r.from == found.entry.kind) {
            return !needs_patient;
        }
        let (start, end) = (self.sentence.tokens.start, self.sentence.tokens.end);
        let kind = &found.entry.kind;
        let retyped_by = |word: &str, by: RetypeBy| {
            let retype = self
                .lex
                .retypes
                .iter()
                .find(|r| &r.from == kind && r.position == by && r.words.iter().any(|w| **w == *word));
            retype.map(|r| r.to.as_ref())
        };
        // A noun: the word right before it, in a compound ("a trading session").
        if !found.form.is_verb() {
            let modifier = found.first.checked_sub(1).filter(|&t| t >= start && self.has(t, Cue::Patient));
            return match modifier.and_then(|t| retyped_by(self.words[t], RetypeBy::Modifier)) {
                Some(None) => false,
                Some(Some(to)) => {
                    if let Some(entry) =
                        self.lex.triggers.iter().find(|e| &e.kind == to && e.subject == found.entry.subject)
                    {
                        found.entry = entry;
                    }
                    true
                }
                // A `~` verb read as a noun ("by ordering the strike") has no patient.
                None => !needs_patient,
            };
        }
        let retyped = |word: &str, agent: bool| {
            retyped_by(word, if agent { RetypeBy::Agent } else { RetypeBy::Patient })
        };
        let new_kind = |t: usize, agent: bool| {
            // A pronoun stands for a patient: "claims it was struck by a missile" after "a
            // Ukrainian passenger jet": the nearest noun before it that is a patient's word.
            if self.has(t, Cue::Pronoun) && !agent {
                return (t.saturating_sub(PRONOUN_REACH)..t)
                    .rev()
                    .find_map(|u| retyped(self.words[u], agent));
            }
            // A doer's pronoun only for a doer of no event in its own sentence ("the storm will
            // strengthen as it targets the Carolinas"): one that makes another kind ("they did
            // not open fire") is too often someone else than the nearest crowd told before.
            if self.has(t, Cue::Pronoun) {
                return (t.saturating_sub(PRONOUN_REACH).max(start)..t)
                    .rev()
                    .find_map(|u| retyped(self.words[u], agent))
                    .filter(Option::is_none);
            }
            if !self.has(t, Cue::Patient) {
                return None;
            }
            retyped(self.words[t], agent)
        };
        // The words before the verb, back to its clause's start: a passive's patient, an
        // active verb's doer. Numbers are read past ("an aftershock measuring 7.5 struck"),
        // and so is a clause between commas right before the verb ("the storm, which had
        // winds of 100 mph, hit Florida").
        let top = self.commas_before_verb(found.first, start).unwrap_or(found.first);
        let before = || {
            (top.saturating_sub(PATIENT_REACH).max(start)..top).rev().take_while(|&t| {
                matches!(self.input.tokens[t].kind, TokenKind::Word | TokenKind::Number)
                    && !self.has(t, Cue::ClauseBoundary)
            })
        };
        let passive = found.form.can_be_participle() && self.is_passive(found);
        // A verb whose object is its weapon ("drones were fired", "launched drones") has no
        // patient to retype it.
        // So does a `~` verb that takes no object: its subject is what the verb happens to
        // ("the plane went down").
        let patient_subject = passive || needs_patient && found.entry.object.is_none();
        let by_patient = if found.entry.mark == Some(Mark::Weapon) {
            None
        } else if patient_subject {
            before().find_map(|t| new_kind(t, false))
        } else {
            // Past a time ("withdrew in 2018 from the deal"), then a preposition of direction:
            // "withdrew from the nuclear deal".
            let mut from = found.end;
            while from + 1 < end
                && (self.in_time(from) || self.has(from, Cue::Preposition) && self.in_time(from + 1))
                && from < found.end + OBJECT_REACH
            {
                from += 1;
            }
            if from < end && self.has(from, Cue::Direction) {
                from += 1;
            }
            // Past a possessive: "closing the country's airspace".
            (from..(from + OBJECT_REACH).min(end))
                .take_while(|&t| self.modifies_noun(t) || self.input.tokens[t].kind == TokenKind::Possessive)
                .find_map(|t| new_kind(t, false))
        };
        // "Thousands of mourners dressed in black marched": the doer's kind of event; in the
        // passive, the doer after "by" ("the airline was hit hard by the pandemic").
        let by_agent = if by_patient.is_some() {
            None
        } else if passive {
            (found.end..(found.end + OBJECT_REACH).min(end))
                .find(|&t| self.has(t, Cue::AgentPreposition) || self.has(t, Cue::Instrument))
                .and_then(|by| {
                    (by + 1..(by + 1 + OBJECT_REACH).min(end))
                        .take_while(|&t| self.modifies_noun(t))
                        .find_map(|t| new_kind(t, true))
                })
        } else {
            before().find_map(|t| new_kind(t, true))
        };
        if needs_patient && !matches!(by_patient, Some(Some(_))) {
            return false;
        }
        let entry = match (by_patient, by_agent) {
            (Some(None), _) | (None, Some(None)) => return false,
            // An intransitive verb's subject keeps its role ("the plane went down": a victim).
            (Some(Some(to)), _) if patient_subject && !passive => self
                .lex
                .triggers
                .iter()
                .find(|e| &e.kind == to && e.subject == found.entry.subject && e.object.is_none()),
            // Retyped to its own kind (a `~` verb): the verb's own entry.
            (Some(Some(to)), _) if *to == found.entry.kind => None,
            // A kind with no target takes its entry with an object ("airlifted 100 people":
            // an evacuation's participants).
            (Some(Some(to)), _) => self
                .lex
                .triggers
                .iter()
                .find(|e| &e.kind == to && e.object == Some(Role::Target))
                .or_else(|| self.lex.triggers.iter().find(|e| &e.kind == to && e.object.is_some())),
            // The doer keeps its role where the new kind has it, else takes the new kind's
            // subject role ("critics attacked the plan": their speaker).
            (None, Some(Some(to))) => self
                .lex
                .triggers
                .iter()
                .find(|e| &e.kind == to && e.subject == found.entry.subject)
                .or_else(|| self.lex.triggers.iter().find(|e| &e.kind == to && e.subject.is_some())),
            (None, None) => None,
        };
        if let Some(entry) = entry {
            found.entry = entry;
        }
        true
    }

    /// Whether token `t` may stand between a verb and its object noun: a determiner, a number,
    /// a quote mark or a word that is no preposition and starts no clause ("a ballistic
    /// missile", "a “vigorous").
    pub(super) fn modifies_noun(&self, t: usize) -> bool {
        match self.input.tokens[t].kind {
            TokenKind::Word | TokenKind::Number => ![
                Cue::AgentPreposition,
                Cue::ObjectPreposition,
                Cue::PlacePreposition,
                Cue::ClauseBoundary,
                Cue::Infinitive,
            ]
            .into_iter()
            .any(|c| self.has(t, c)),
            _ => self.is_punct(t, "\"“”‘’'"),
        }
    }

    /// Whether a definite determiner or a possessive determiner opens the noun phrase of the
    /// trigger at `first`, past a few modifiers ("the no-confidence motion", "their protest").
    pub(super) fn definite_before(&self, first: usize) -> bool {
        self.definite_opening(first, DEFINITE_REACH).is_some_and(|d| self.has(d, Cue::Definite))
    }

    /// The definite determiner or possessive ending ("the", "its", "Iran's") that opens the
    /// noun phrase of the word at `first`, past modifiers, at most `reach` tokens before it.
    fn definite_opening(&self, first: usize, reach: usize) -> Option<usize> {
        let start = self.sentence.tokens.start;
        let mut d = first;
        while d > start && first - d < reach {
            d -= 1;
            if self.has(d, Cue::Definite) || self.input.tokens[d].kind == TokenKind::Possessive {
                return Some(d);
            }
            if !self.modifies_noun(d) {
                return None;
            }
        }
        None
    }

    /// Whether token `t` is a capitalised word inside the sentence that is no name and no
    /// plural: a nationality or a proper adjective before a noun ("the Iranian attack").
    pub(super) fn is_modifier(&self, t: usize) -> bool {
        t > self.sentence.tokens.start
            && self.capitalised_word(t)
            && !self.is_punct(t - 1, "\"“‘':(")
            && !self.words[t].ends_with('s')
            && self.no_function_word(t)
    }

    /// Whether token `t` follows a determiner and one word that is no plural, no name, no
    /// trigger and no function word, quote marks aside ("a “hostile target”", "the Iranian attack").
    pub(super) fn after_determiner_and_modifier(&self, t: usize) -> bool {
        let start = self.sentence.tokens.start;
        let quote = |u: usize| self.is_punct(u, "\"“”‘’'");
        let back = |mut u: usize| {
            while u > start && quote(u - 1) {
                u -= 1;
            }
            (u > start).then(|| u - 1)
        };
        let Some(modifier) = back(t) else { return false };
        self.input.tokens[modifier].kind == TokenKind::Word
            && !self.words[modifier].ends_with('s')
            && self.no_function_word(modifier)
            && self.mention_ending_at(self.input.tokens[modifier].span.end).is_none()
            && !self.lex.forms.starting_with(self.words[modifier]).iter().any(|p| p.rest.is_empty())
            && back(modifier).is_some_and(|d| self.has(d, Cue::Determiner))
    }

    /// Whether a verb form follows a trigger word at `first..end`, so that the word is its
    /// subject, a noun ("militia strikes killed", "the Iranian attack was"): an auxiliary, a
    /// modal or a past form of the lexicon. Not after "to", a modal or a negation, where the
    /// word is a verb.
    pub(super) fn verb_follows(&self, first: usize, end: usize) -> bool {
        let start = self.sentence.tokens.start;
        if end >= self.sentence.tokens.end
            || (first > start
                && [Cue::Infinitive, Cue::Future, Cue::Hypothetical, Cue::Negation]
                    .into_iter()
                    .any(|c| self.has(first - 1, c)))
        {
            return false;
        }
        let next = self.words[end];
        [Cue::PassiveAuxiliary, Cue::Future, Cue::PastPerfect].into_iter().any(|c| self.has(end, c))
            || self.lex.forms.starting_with(next).iter().any(|p| {
                p.rest.is_empty()
                    && matches!(p.payload.1, Form::Past | Form::PastOrParticiple | Form::Participle)
            })
    }

    /// The form of the trigger starting at token `t`, if one does.
    /// Whether an event noun stands among the first words of the clause, before token `t`
    /// (after a determiner and a modifier at most).
    fn event_noun_opens(&self, clause_start: usize, t: usize) -> bool {
        (clause_start..(clause_start + 3).min(t)).any(|u| self.trigger_form(u) == Some(Form::Noun))
    }

    pub(super) fn trigger_form(&self, t: usize) -> Option<Form> {
        match self.triggers.get(t.wrapping_sub(self.sentence.tokens.start)) {
            Some(form) => *form,
            None if self.triggers.is_empty() => self.trigger_at(t).map(|f| f.form),
            None => None,
        }
    }

    pub(super) fn mention_ending_at(&self, byte: usize) -> Option<&'a Mention> {
        let mentions = self.input.mentions;
        let i = mentions.partition_point(|m| m.span.end < byte);
        mentions.get(i).filter(|m| m.span.end == byte)
    }

    /// The token index holding byte `byte`.
    pub(super) fn token_at(&self, byte: usize) -> usize {
        self.input.tokens.partition_point(|t| t.span.end <= byte)
    }

    /// The mentions inside tokens `first..end`, in order.
    pub(super) fn mentions_in(&self, first: usize, end: usize) -> &'a [Mention] {
        let tokens = self.input.tokens;
        if first >= end {
            return &[];
        }
        let (lo, hi) = (tokens[first].span.start, tokens[end - 1].span.end);
        let mentions = self.input.mentions;
        let a = mentions.partition_point(|m| m.span.start < lo);
        let b = mentions.partition_point(|m| m.span.start < hi);
        &mentions[a..b.max(a)]
    }

    /// Whether a preposition of class `cue` stands just before token `t` (skipping one
    /// determiner): "by the US", "on Iran", "in Baghdad".
    pub(super) fn preposition_before(&self, t: usize, cue: Cue) -> bool {
        self.word_governing(t).is_some_and(|p| self.has(p, cue))
    }

    /// The word that may govern the name at token `t` as a preposition: the one before it,
    /// past a few capitalised words outside the name, a title or a demonym ("loyal to
    /// President Donald Trump", "of Iranian General Qassem Soleimani"), then a determiner.
    fn word_governing(&self, t: usize) -> Option<usize> {
        let start = self.sentence.tokens.start;
        let mut p = t.checked_sub(1).filter(|&p| p >= start)?;
        let mut titles = 0;
        while titles < TITLE_REACH && p > start && self.capitalised_word(p) {
            p -= 1;
            titles += 1;
        }
        if self.has(p, Cue::Determiner) && p > start {
            p -= 1;
        }
        Some(p)
    }

    /// The token before `t`, or the one before that when it is an adverb in -ly no earlier
    /// than `floor` ("the controversially appointed government", "the newly elected"):
    /// where a determiner may stand before a participle.
    pub(super) fn before_adverb(&self, t: usize, floor: usize) -> usize {
        let before = t.saturating_sub(1);
        let adverb = before > floor
            && self.input.tokens[before].kind == TokenKind::Word
            && self.words[before].len() > 4
            && self.words[before].ends_with("ly");
        if adverb { before - 1 } else { before }
    }

    /// The opening comma of a stretch between commas right before the verb at `first` and
    /// its auxiliaries, no earlier than `floor`: an appositive or a relative clause between
    /// the subject and its verb ("Soleimani, the head of the Quds Force, was killed", "the
    /// storm, which had winds of 100 mph, hit Florida").
    fn commas_before_verb(&self, first: usize, floor: usize) -> Option<usize> {
        let mut t = first;
        while t > floor && (self.has(t - 1, Cue::PassiveAuxiliary) || self.has(t - 1, Cue::Negation)) {
            t -= 1;
        }
        if t > floor && self.is_punct(t - 1, ",") {
            (floor..t - 1).rev().find(|&u| self.is_punct(u, ","))
        } else {
            None
        }
    }

    /// A content word that looks like a past form or participle ("attacked", "arrested").
    pub(super) fn past_form(&self, t: usize) -> bool {
        let word = self.words[t];
        self.input.tokens[t].kind == TokenKind::Word
            && word.len() > 4
            && word.ends_with("ed")
            && self.no_function_word(t)
    }

    /// The verb that a past-tense verb trigger right after "and" or "or" is joined to: the
    /// nearest trigger verb or past form before it in its clause, within `SUBJECT_REACH`
    /// words of the conjunction.
    fn joined_verb_before(&self, found: &Found<'_>, clause_start: usize) -> Option<usize> {
        if !matches!(found.form, Form::Past | Form::PastOrParticiple) || found.first < clause_start + 2 {
            return None;
        }
        let and = found.first - 1;
        if !self.has(and, Cue::Conjunction) {
            return None;
        }
        let id = self.clause_of(found.first);
        (and.saturating_sub(SUBJECT_REACH).max(clause_start + 1)..and).rev().find(|&u| {
            self.clause_of(u) == id
                && (self.trigger_form(u).is_some_and(Form::is_verb) || self.past_form(u))
                && self.mention_starting_at(self.input.tokens[u].span.start).is_none()
        })
    }

    /// A word token that starts with a capital letter.
    fn capitalised_word(&self, t: usize) -> bool {
        let token = &self.input.tokens[t];
        token.kind == TokenKind::Word
            && self.input.text[token.span.range()].chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether an object preposition opens the noun phrase that ends with the name at token
    /// `t`: right before it, or before a determiner and a few modifiers ("the death of key
    /// Iranian major-general Qassem Soleimani"). After a `noun` trigger, one that is also a
    /// place preposition ("at") tells where, not whom: "sanctions at the White House".
    fn object_phrase_before(&self, t: usize, noun: bool) -> bool {
        let start = self.sentence.tokens.start;
        let mut p = t;
        while p > start && t - p < MODIFIER_REACH {
            if !self.is_plain_word(p - 1) {
                break;
            }
            p -= 1;
        }
        p > start
            && self.preposition_before(p, Cue::ObjectPreposition)
            && !(noun && self.preposition_before(p, Cue::PlacePreposition))
            && !self.place_noun_introduced(p)
    }

    /// Whether the name at token `t` follows a place noun and "of" ("the western city of
    /// Nara", "the province of Kerman"): it names that place.
    fn after_place_noun(&self, t: usize) -> bool {
        let start = self.sentence.tokens.start;
        t >= start + 2 && self.has(t - 1, Cue::ObjectPreposition) && self.has(t - 2, Cue::PlaceNoun)
    }

    /// Whether the name at token `t` follows a place noun and "of" that a place preposition
    /// introduces, past determiners and modifiers ("in the western city of Nara"): it is where
    /// the event happened, not its object ("attacked the town of Bucha", "strikes on the city
    /// of Kharkiv" name their target).
    fn place_noun_introduced(&self, t: usize) -> bool {
        if !self.after_place_noun(t) {
            return false;
        }
        let start = self.sentence.tokens.start;
        let mut p = t - 2;
        while p > start
            && t - p < MODIFIER_REACH
            && (self.is_plain_word(p - 1) || self.has(p - 1, Cue::Determiner))
        {
            p -= 1;
        }
        p > start && self.has(p - 1, Cue::PlacePreposition)
    }

    /// Whether any preposition stands just before token `t`.
    pub(super) fn any_preposition_before(&self, t: usize) -> bool {
        self.word_governing(t).is_some_and(|p| {
            [Cue::AgentPreposition, Cue::ObjectPreposition, Cue::PlacePreposition]
                .into_iter()
                .any(|c| self.has(p, c))
        })
    }

    pub(super) fn event(&self, found: &Found<'l>, next: usize, chars: &mut CharOffsets<'_>) -> super::Event {
        let input = self.input;
        let tokens = input.tokens;
        let span = Span::new(tokens[found.first].span.start, tokens[found.end - 1].span.end);
        let (clause_start, clause_end) = self.clause(found.first, found.end);
        let status = self.status(found, clause_start);
        let passive = found.form.can_be_participle() && self.is_passive(found);
        let participants = self.participants(found, passive, clause_start, clause_end.min(next));
        let place = self.place(found, clause_start, clause_end, &participants);
        let (time, mut time_source) = self.time(found, span, status);
        let (value, interval) = match time {
            Some(Timed::Expr(expr)) => (Some(expr.value.clone()), expr.interval),
            // A day no TIMEX3 value writes ("6000 years before the vote", a publication date
            // past 9999) dates nothing.
            Some(Timed::Date(date)) => match super::dating::day_value(date) {
                Some((value, interval)) => (Some(value), Some(interval)),
                None => {
                    time_source = TimeSource::None;
                    (None, None)
                }
            },
            None => (None, None),
        };
        let mut confidence = 0.5;
        if found.form.is_verb() {
            confidence += 0.15;
        }
        if matches!(time_source, TimeSource::Clause | TimeSource::Sentence) {
            confidence += 0.15;
        }
        if !participants.is_empty() {
            confidence += 0.1;
        }
        if place.is_some() {
            confidence += 0.1;
        }
        Event {
            kind: found.entry.kind.clone(),
            trigger: Trigger {
                char_start: chars.char_at(span.start),
                char_end: chars.char_at(span.end),
                text: span.text(input.text).to_string(),
                span,
            },
            status,
            value,
            interval,
            time_source,
            time: match time {
                Some(Timed::Expr(expr)) => Some(expr.span),
                _ => None,
            },
            sentence: self.sentence.span,
            participants,
            place,
            linked: None,
            confidence,
            rule: found.entry.rule.clone(),
        }
    }

    /// Negated > hypothetical > planned > asserted, from the cues before the trigger.
    pub(super) fn status(&self, found: &Found<'_>, clause_start: usize) -> Status {
        let before = |reach: usize| (found.first.saturating_sub(reach).max(clause_start)..found.first).rev();
        // A denial of a claim does not say the claim was not made: a negating word that is a
        // trigger of the event's own kind ("denying Western claims") negates nothing.
        if before(NEGATION_REACH).any(|t| {
            self.has(t, Cue::Negation) && self.trigger_at(t).is_none_or(|f| f.entry.kind != found.entry.kind)
        }) {
            return Status::Negated;
        }
        // "killing no one", "injured nobody": a verb whose object says none is negated ("no
        // fewer than 20" is a number, not a negation).
        let end = self.sentence.tokens.end;
        if found.form.is_verb()
            && found.end < end
            && self.has(found.end, Cue::NegativeObject)
            && self.words.get(found.end + 2).is_none_or(|w| *w != "than")
        {
            return Status::Negated;
        }
        // A known event ("for the killing") keeps out of its clause's modality; cues inside
        // its own noun phrase still count ("the planned attack").
        let modal_start = self.presupposed_from(found).unwrap_or(clause_start).max(clause_start);
        let modal_before =
            |reach: usize| (found.first.saturating_sub(reach).max(modal_start)..found.first).rev();
        if (modal_start..found.first)
            .any(|t| self.has(t, Cue::Hypothetical) && found.first - t <= MODAL_REACH)
        {
            return Status::Hypothetical;
        }
        // A noun trigger right after "to" may be a verb there ("urged them to descend on
        // Washington to protest"): an intention before the "to" governs it as it would a verb.
        let infinitive_noun = found.form == Form::Noun
            && found.first > clause_start
            && self.has(found.first - 1, Cue::Infinitive);
        let planned = modal_before(MODAL_REACH).any(|t| self.has(t, Cue::Future))
            || ((found.form == Form::Base || infinitive_noun)
                && self.after_intention_to(found.first, clause_start))
            || (found.form == Form::Noun
                && (modal_before(NEGATION_REACH).any(|t| self.has(t, Cue::Intention))
                    || self.intention_before_phrase(
                        found.first,
                        self.presupposed_from(found).unwrap_or(self.sentence.tokens.start),
                    )
                    || self.intended_noun(found.first)
                    || self.future_relative_after(found.end)
                    || self.awaited(found.end)));
        if planned { Status::Planned } else { Status::Asserted }
    }

    /// Where the noun phrase of a noun trigger starts when a preposition and a definite
    /// determiner open it ("for the killing", "to the downing of the airliner", "over its
    /// missile strikes"): the text takes that event as known.
    pub(super) fn presupposed_from(&self, found: &Found<'_>) -> Option<usize> {
        if found.form != Form::Noun {
            return None;
        }
        let start = self.sentence.tokens.start;
        let d = self.definite_opening(found.first, SUPPORT_REACH).filter(|&d| d > start)?;
        // A possessive's owner stands between: "to Iran's attack".
        let mut p = d - 1;
        if self.input.tokens[d].kind == TokenKind::Possessive {
            let owner = self.mention_ending_at(self.input.tokens[p].span.end)?;
            p = self.token_at(owner.span.start).checked_sub(1).filter(|&p| p >= start)?;
        }
        self.has(p, Cue::Preposition).then_some(d)
    }

    /// A word of intention before a noun's phrase, past its determiner, modifiers and quote
    /// marks, which may open a clause of their own ("warned of a “major retaliation”"), read
    /// back no further than `from`.
    fn intention_before_phrase(&self, first: usize, from: usize) -> bool {
        let mut u = first;
        while u > from
            && first - u < SUPPORT_REACH
            && self.modifies_noun(u - 1)
            && !self.has(u - 1, Cue::Intention)
            && !self.has(u - 1, Cue::Preposition)
            && self.trigger_form(u - 1).is_none()
        {
            u -= 1;
        }
        (u.saturating_sub(2).max(from)..u).any(|t| self.has(t, Cue::Intention))
    }

    /// A noun that is the object of a support verb's infinitive after a word of intention
    /// ("vowed to exact a “vigorous revenge”", "threatened to launch attacks").
    pub(super) fn intended_noun(&self, first: usize) -> bool {
        let start = self.sentence.tokens.start;
        let mut head = first;
        while head > start
            && first - head < SUPPORT_REACH
            && self.modifies_noun(head - 1)
            && !self.has(head - 1, Cue::Support)
        {
            head -= 1;
        }
        head > start + 1
            && self.has(head - 1, Cue::Support)
            && self.has(head - 2, Cue::Infinitive)
            && self.intention_before_to(head - 2, start)
    }

    /// Whether a support verb stands before token `t`, with only a few modifiers between
    /// ("launch attacks", "impose new sanctions"): what follows it is its object, a noun.
    fn support_before(&self, t: usize) -> Option<usize> {
        let start = self.sentence.tokens.start;
        let mut u = t;
        while u > start && t - u < SUPPORT_REACH {
            if self.has(u - 1, Cue::Support) {
                return Some(u - 1);
            }
            if !self.modifies_noun(u - 1) {
                return None;
            }
            u -= 1;
        }
        None
    }

    /// "revenge awaits the criminals", "a harsh retaliation is waiting": a verb of waiting
    /// right after a noun (or one word on, past a quote mark) says its event is to come.
    fn awaited(&self, end: usize) -> bool {
        (end..(end + 2).min(self.sentence.tokens.end)).any(|t| self.has(t, Cue::Ahead))
    }

    /// "sanctions that will come": a relative clause in the future right after a noun.
    fn future_relative_after(&self, end: usize) -> bool {
        let range = &self.sentence.tokens;
        end + 1 < range.end
            && self.has(end, Cue::Relative)
            && (end + 1..(end + 1 + MODAL_REACH).min(range.end)).any(|t| self.has(t, Cue::Future))
    }

    /// Whether the "to" at token `to` follows a word of intention or of the future ("vowed
    /// to", "is to") within three words, or a headline's subject ("US to impose sanctions":
    /// a name opening the clause right before it).
    fn intention_before_to(&self, to: usize, clause_start: usize) -> bool {
        (to.saturating_sub(3).max(clause_start)..to)
            .any(|t| self.has(t, Cue::Intention) || self.has(t, Cue::Future))
            // Past the object of the word of intention: "called for US and other foreign
            // troops to leave", "urged all American citizens to depart" (where "urged" is
            // itself a trigger, an advisory).
            || self
                .words_back(to, clause_start)
                .find(|&t| {
                    self.has(t, Cue::Intention)
                        || self.has(t, Cue::Directive)
                        || self.trigger_form(t).is_some_and(Form::is_verb)
                })
                .is_some_and(|t| self.has(t, Cue::Intention) || self.has(t, Cue::Directive))
            || (to > clause_start
                && self
                    .mention_ending_at(self.input.tokens[to - 1].span.end)
                    .is_some_and(|m| self.token_at(m.span.start) == clause_start))
    }

    /// The words (and numbers) before token `t`, nearest first, back to a clause boundary, to
    /// `clause_start` or `CONTROL_REACH` words: the object a word of intention or a "to" may
    /// reach past.
    fn words_back(&self, t: usize, clause_start: usize) -> impl Iterator<Item = usize> + '_ {
        (t.saturating_sub(CONTROL_REACH).max(clause_start)..t).rev().take_while(|&u| {
            matches!(self.input.tokens[u].kind, TokenKind::Word | TokenKind::Number)
                && !self.has(u, Cue::ClauseBoundary)
        })
    }

    /// "to" right before the verb (or one word before it).
    pub(super) fn is_infinitive(&self, first: usize, clause_start: usize) -> bool {
        (first.saturating_sub(2).max(clause_start)..first).any(|t| self.has(t, Cue::Infinitive))
    }

    /// "vowed to retaliate", "plans to withdraw": "to" (with at most one word between it and
    /// the verb) right after a word of intention. A bare purpose infinitive ("took to the
    /// streets to mourn") does not make an event planned.
    pub(super) fn after_intention_to(&self, first: usize, clause_start: usize) -> bool {
        let to =
            (first.saturating_sub(2).max(clause_start)..first).rev().find(|&t| self.has(t, Cue::Infinitive));
        // A verb joined by "and" to an infinitive before it shares its "to": "allowed to use
        // roadside bombs and blow up our people".
        let to = to.or_else(|| {
            let and = first.checked_sub(1).filter(|&a| a > clause_start && self.has(a, Cue::Conjunction))?;
            self.words_back(and, clause_start).find(|&t| self.has(t, Cue::Infinitive))
        });
        to.is_some_and(|to| self.intention_before_to(to, clause_start))
    }

    /// A participle after a form of "be", before "by", or right after a comma and before a
    /// preposition (a reduced relative clause).
    pub(super) fn is_passive(&self, found: &Found<'_>) -> bool {
        let start = self.sentence.tokens.start;
        let aux = (found.first.saturating_sub(2).max(start)..found.first)
            .any(|t| self.has(t, Cue::PassiveAuxiliary));
        let by = found.end < self.sentence.tokens.end && self.has(found.end, Cue::AgentPreposition);
        // A reduced relative: "Soleimani, the general, killed in a US strike".
        let reduced = found.first > start
            && self.is_punct(found.first - 1, ",")
            && found.end < self.sentence.tokens.end
            && self.has(found.end, Cue::PlacePreposition);
        aux || by || reduced
    }

    pub(super) fn participants(
        &self,
        found: &Found<'_>,
        passive: bool,
        clause_start: usize,
        clause_end: usize,
    ) -> Vec<Participant> {
        let entry = found.entry;
        // Which role the subject and the `by` phrase take, and which the object takes.
        let (subject_role, object_role) =
            if passive { (entry.object, entry.subject) } else { (entry.subject, entry.object) };
        let by_role = if passive || found.form == Form::Noun { entry.subject } else { None };
        let mut out: Vec<Participant> = Vec::new();
        let kind = self.lex.kind(&entry.kind);
        let add = |role: Option<Role>, m: &Mention, out: &mut Vec<Participant>| {
            if let Some(role) = role
                && kind.is_none_or(|k| k.allows(role, m.kind))
                && !out.iter().any(|p| p.entity == m.entity)
            {
                out.push(Participant { role, entity: m.entity.clone(), span: m.span });
            }
        };

        // Left: the subject (a verb's), or a noun's possessor or modifier right before it. An
        // appositive between commas right before a verb is skipped ("Soleimani, the head of
        // the Quds Force, was killed").
        // A support verb before the noun lends it its subject ("Iran launched a missile attack").
        let support = found
            .verb
            .map(|(first, _)| first)
            .filter(|&v| v < found.first)
            .or_else(|| (found.form == Form::Noun).then(|| self.support_before(found.first)).flatten());
        let reach = match found.form {
            Form::Noun if support.is_some() => SUBJECT_REACH,
            Form::Noun => 3,
            // A participle right after a determiner stands for those it tells of ("condolences
            // for those killed"): the subject of the clause is not its doer.
            Form::Participle | Form::PastOrParticiple
                if found.first > clause_start
                    && self.has(self.before_adverb(found.first, clause_start), Cue::Determiner) =>
            {
                0
            }
            // A purpose infinitive's subject is another verb's ("took to the streets to mourn").
            Form::Base
                if self.is_infinitive(found.first, clause_start)
                    && !self.after_intention_to(found.first, clause_start) =>
            {
                0
            }
            _ => SUBJECT_REACH,
        };
        let mut left_end = support.unwrap_or(found.first);
        if found.form != Form::Noun
            && let Some(open) = self.commas_before_verb(found.first, clause_start)
        {
            left_end = open;
        }
        // "Iran accused Israel of the attack and vowed revenge": a verb joined by "and" to a
        // verb before it shares that verb's subject, not the object between them.
        if let Some(verb) = self.joined_verb_before(found, clause_start) {
            left_end = verb;
        }
        let left_start = left_end.saturating_sub(reach).max(clause_start);
        // "prompted Putin to denounce", "asked Congress to approve": a name right before the
        // "to" of an infinitive is its doer, the object of the verb before it (not after a
        // preposition: "sent troops to Iraq to protect").
        if reach == 0 && found.form == Form::Base && found.first >= clause_start + 2 {
            let to = found.first - 1;
            if self.has(to, Cue::Infinitive)
                && let Some(m) = self.mention_ending_at(self.input.tokens[to - 1].span.end)
                && self.starts_token(m)
                && !self.any_preposition_before(self.token_at(m.span.start))
            {
                add(subject_role, m, &mut out);
            }
        }
        // A victim is a person: the nearest person before the verb, appositive or not ("Iran's
        // top general, Qassem Soleimani, was killed").
        if subject_role == Some(Role::Victim) && found.form != Form::Noun {
            let from = found.first.saturating_sub(reach).max(clause_start);
            let person = self.mentions_in(from, found.first).iter().rev().find(|m| {
                let t = self.token_at(m.span.start);
                m.kind == EntityKind::Person
                    && self.in_clause(t, found.first)
                    && !self.any_preposition_before(t)
            });
            if let Some(m) = person {
                add(subject_role, m, &mut out);
                left_end = left_start; // the subject is found
            }
        }
        for m in self.mentions_in(left_start, left_end).iter().rev() {
            let t = self.token_at(m.span.start);
            if !self.in_clause(t, found.first) {
                continue;
            }
            if let Some(role) = self.prefixed_role(m, found) {
                add(role, m, &mut out);
                continue;
            }
            // A preposition before a noun's possessor opens the noun's phrase, not the
            // name's: "angry at Moscow's attack" names its doer.
            if !self.starts_token(m) || (self.any_preposition_before(t) && !self.possessor_of(m, found)) {
                continue;
            }
            if found.form == Form::Noun
                && self.is_punct_between(self.token_at(m.span.end.saturating_sub(1)) + 1, left_end)
            {
                break;
            }
            // A name before a preposition or a reporting verb, or one that is no possessive
            // before a determiner that is none either, or one before another trigger's verb, is
            // no modifier of the noun after it: "threatened Iraq with sanctions", "McKenzie said
            // the attacks", "Iran denied the attacks", "Russia condemned strikes" name no doer;
            // "Iran's latest attacks", "Iran repeated its denial" do.
            let after_name = self.token_at(m.span.end.saturating_sub(1)) + 1;
            // A subject pronoun nearer the trigger is its subject ("It was Moscow's attack,
            // and he intends to march": not Moscow).
            if (after_name..left_end).any(|u| self.has(u, Cue::SubjectPronoun)) {
                break;
            }
            let possessor =
                self.input.tokens.get(after_name).is_some_and(|tok| tok.kind == TokenKind::Possessive);
            if found.form == Form::Noun
                && support.is_none()
                && (after_name..found.first).any(|u| {
                    self.has(u, Cue::Preposition)
                        || self.has(u, Cue::Reporting)
                        || self.trigger_form(u).is_some_and(Form::is_verb)
                        || (!possessor && self.has(u, Cue::Determiner) && !self.has(u, Cue::Possessive))
                })
            {
                break;
            }
            // A name after an event noun that opens the clause modifies that noun, which is
            // the subject ("A stampede at the funeral for Soleimani killed 56").
            if found.form != Form::Noun && self.event_noun_opens(clause_start, t) {
                break;
            }
            // ", killing …": a participle clause after a comma has the subject of the clause
            // before it, which stands before that clause's verb ("Missiles strike Kirkuk
            // airbase, killing a contractor": not Kirkuk).
            if found.form == Form::Gerund
                && found.first > clause_start
                && self.is_punct(found.first - 1, ",")
                && (clause_start..t).any(|u| self.trigger_form(u).is_some_and(Form::is_verb))
            {
                break;
            }
            add(subject_role, m, &mut out);
            break;
        }

        // "Soleimani, who was killed": a verb whose clause a relative pronoun opens has the
        // name before the pronoun as its subject.
        if found.form.is_verb()
            && clause_start > self.sentence.tokens.start
            && self.has(clause_start, Cue::Relative)
        {
            let mut before = clause_start - 1;
            if self.is_punct(before, ",") && before > self.sentence.tokens.start {
                before -= 1;
            }
            // Not a place that closes an event noun's phrase: the strike killed, not Syria.
            let places_of_noun = (self.sentence.tokens.start..before).rev().take(PLACES_REACH).any(|u| {
                self.trigger_form(u) == Some(Form::Noun)
                    && self.relative_after_places(u + 1, clause_start + 1) == Some(clause_start)
            });
            if let Some(m) = self.mention_ending_at(self.input.tokens[before].span.end)
                && !places_of_noun
            {
                add(subject_role, m, &mut out);
            }
        }

        // "the Pentagon said in a statement": a noun after a reporting verb and a preposition
        // takes the reporting verb's subject.
        if found.form == Form::Noun && out.is_empty() {
            if let Some(report) = self.reporting_verb_before(found.first, clause_start) {
                // Inverted ("said Hoffman in a statement"): the name after the verb; else the
                // subject before it.
                let from = report.saturating_sub(SUBJECT_REACH).max(clause_start);
                let inverted =
                    self.mentions_in(report + 1, found.first).iter().rev().find(|m| self.starts_token(m));
                let subject = inverted.or_else(|| {
                    self.mentions_in(from, report).iter().rev().find(|m| {
                        let t = self.token_at(m.span.start);
                        self.starts_token(m)
                            && self.in_clause(t, found.first)
                            && !self.any_preposition_before(t)
                    })
                });
                if let Some(m) = subject {
                    add(entry.subject, m, &mut out);
                }
            }
        }

        // Right: a verb's direct object, then `by` and `of/on/against/with` phrases. A victim
        // is a person: past a title or an organisation ("the death of IRGC commander Qasem
        // Soleimani"), the first person in reach is preferred.
        let right_end = (found.end + PREPOSITION_REACH).min(clause_end);
        // A noun's phrases end where a verb of its clause begins: "the rocket attack on K1
        // base is the work of Kataib Hezbollah" names no target.
        let right_end = if found.form == Form::Noun {
            (found.end..right_end)
                .find(|&t| [Cue::PassiveAuxiliary, Cue::Future].into_iter().any(|c| self.has(t, c)))
                .unwrap_or(right_end)
        } else {
            right_end
        };
        let prefer_person = |role: Option<Role>, from: usize, first: &'a Mention| -> &'a Mention {
            if role != Some(Role::Victim) || first.kind == EntityKind::Person {
                return first;
            }
            let t = self.token_at(first.span.start);
            let end = (t + VICTIM_REACH).min(clause_end);
            self.mentions_in(from, end)
                .iter()
                .find(|m| m.kind == EntityKind::Person && m.span.start >= first.span.start)
                .unwrap_or(first)
        };
        let mut object_found = false;
        // A verb after the noun that restates it lends it its object ("US strikes hit the bases").
        let restating = found.verb.map(|(_, end)| end).filter(|&v| v > found.end);
        if (found.form != Form::Noun && !passive) || restating.is_some() {
            let from = restating.unwrap_or(found.end);
            let object_end = (from + OBJECT_REACH).min(clause_end);
            let first_object = self
                .mentions_in(from, object_end)
                .iter()
                .find(|m| self.starts_token(m))
                .filter(|m| !self.place_modifies_noun(m));
            if let Some(m) = first_object {
                let t = self.token_at(m.span.start);
                if !self.any_preposition_before(t)
                    && !self.is_punct_between(from, t)
                    && !(from..t).any(|u| self.has(u, Cue::ClauseBoundary))
                {
                    add(object_role, prefer_person(object_role, from, m), &mut out);
                    object_found = true;
                }
            }
        }
        for m in self.mentions_in(found.end, right_end) {
            if !self.starts_token(m) || self.place_modifies_noun(m) {
                continue;
            }
            let t = self.token_at(m.span.start);
            if self.preposition_before(t, Cue::AgentPreposition) {
                add(by_role, m, &mut out);
            } else if !object_found
                && object_role.is_some()
                && self.object_phrase_before(t, found.form == Form::Noun)
            {
                add(object_role, prefer_person(object_role, t, m), &mut out);
                object_found = true;
            }
        }
        // "Soleimani's assassination", "the Soleimani killing": a person before a noun whose
        // object is the victim, with no "of" phrase, is the one killed, not the killer.
        if found.form == Form::Noun
            && subject_role == Some(Role::Agent)
            && object_role == Some(Role::Victim)
            && !object_found
            && !out.iter().any(|p| p.role == Role::Victim)
        {
            for p in out.iter_mut().filter(|p| p.role == Role::Agent) {
                let person =
                    self.mention_starting_at(p.span.start).is_some_and(|m| m.kind == EntityKind::Person);
                if person && p.span.end <= self.input.tokens[found.first].span.start {
                    p.role = Role::Victim;
                }
            }
        }
        // "Soleimani and al-Muhandis were killed", "strikes on Iraq and Syria": names of one
        // kind joined by "and" (or a list's commas) share a role.
        let mut joined = Vec::new();
        for p in &out {
            if let Some(m) = self.mention_starting_at(p.span.start) {
                joined.extend(self.coordinated(m, clause_start, clause_end).map(|other| (p.role, other)));
            }
        }
        for (role, m) in joined {
            add(Some(role), m, &mut out);
        }
        out.sort_by_key(|p| p.span.start);
        out
    }

    /// The names of `m`'s kind joined to it in a list ("A, B and C"), within the clause
    /// `clause_start..clause_end`; a few modifiers may stand before each ("Qassem Soleimani
    /// and Iraqi militia leader Abu Mahdi al-Muhandis").
    fn coordinated(
        &self,
        m: &'a Mention,
        clause_start: usize,
        clause_end: usize,
    ) -> impl Iterator<Item = &'a Mention> + '_ {
        let joins = |t: usize| self.has(t, Cue::Conjunction) || self.is_punct(t, ",");
        // Rightwards: a joining word, modifiers, a name.
        let mut right = Vec::new();
        let mut t = self.token_at(m.span.end.saturating_sub(1)) + 1;
        while right.len() < MAX_LISTED && t < clause_end && joins(t) {
            let mut u = t + 1;
            if u < clause_end && self.is_punct(t, ",") && self.has(u, Cue::Conjunction) {
                u += 1;
            }
            while u < clause_end && u - t <= MODIFIER_REACH && self.is_plain_word(u) {
                u += 1;
            }
            let Some(next) =
                self.input.tokens.get(u).and_then(|tok| self.mention_starting_at(tok.span.start))
            else {
                break;
            };
            if next.kind != m.kind || u >= clause_end {
                break;
            }
            // A name that owns a noun is an apposition, not the list's next item: "Esmail
            // Ghaani, Soleimani's deputy".
            let after = self.token_at(next.span.end.saturating_sub(1)) + 1;
            if after < clause_end && self.input.tokens[after].kind == TokenKind::Possessive {
                break;
            }
            right.push(next);
            t = self.token_at(next.span.end.saturating_sub(1)) + 1;
        }
        // Leftwards: modifiers, a joining word, a name ending right before it.
        let mut left = Vec::new();
        let mut first = self.token_at(m.span.start);
        while left.len() < MAX_LISTED {
            let mut u = first;
            while u > clause_start && first - u < MODIFIER_REACH && self.is_plain_word(u - 1) {
                u -= 1;
            }
            if u <= clause_start + 1 || !joins(u - 1) {
                break;
            }
            let mut end = u - 1;
            if self.is_punct(end - 1, ",") && self.has(end, Cue::Conjunction) && end - 1 > clause_start {
                end -= 1;
            }
            let Some(previous) = self.mention_ending_at(self.input.tokens[end - 1].span.end) else { break };
            if previous.kind != m.kind || self.token_at(previous.span.start) < clause_start {
                break;
            }
            left.push(previous);
            first = self.token_at(previous.span.start);
        }
        right.into_iter().chain(left)
    }

    /// A word with no cue, no trigger and no name: a modifier in a noun phrase.
    fn is_plain_word(&self, t: usize) -> bool {
        self.input.tokens[t].kind == TokenKind::Word
            && self.no_function_word(t)
            && self.trigger_form(t).is_none()
            && self.mention_ending_at(self.input.tokens[t].span.end).is_none()
            && self.mention_starting_at(self.input.tokens[t].span.start).is_none()
    }

    /// The reporting verb before the preposition that introduces a noun trigger at `first`
    /// ("said in a statement", "told reporters at a news conference"), if any.
    pub(super) fn reporting_verb_before(&self, first: usize, clause_start: usize) -> Option<usize> {
        let mut t = first.checked_sub(1).filter(|&t| t >= clause_start)?;
        if self.has(t, Cue::Determiner) {
            t = t.checked_sub(1).filter(|&t| t >= clause_start)?;
        }
        if !self.has(t, Cue::PlacePreposition) && !self.has(t, Cue::ObjectPreposition) {
            return None;
        }
        (t.saturating_sub(4).max(clause_start)..t).rev().find(|&r| self.has(r, Cue::Reporting))
    }

    /// Whether a place name modifies the common noun after it ("a US contractor", "Iraqi
    /// bases" aside, "Iran sanctions"): then the place is not the object, the noun is.
    pub(super) fn place_modifies_noun(&self, m: &Mention) -> bool {
        if m.kind != EntityKind::Place {
            return false;
        }
        let next = self.token_at(m.span.end);
        next < self.sentence.tokens.end
            && self.input.tokens[next].kind == TokenKind::Word
            && self.input.text[self.input.tokens[next].span.range()].starts_with(|c: char| c.is_lowercase())
            && self.no_function_word(next)
            && self.trigger_form(next).is_none()
    }

    /// Whether a mention is a modifier of an event noun ("in a US air strike"): not a place.
    pub(super) fn modifies_trigger(&self, m: &Mention) -> bool {
        let next = self.token_at(m.span.end);
        next < self.sentence.tokens.end
            && self.input.tokens[next].span.start >= m.span.end
            && self.trigger_form(next).is_some()
    }

    /// Whether a mention is the possessor of a noun trigger, with only modifiers between
    /// ("Moscow's latest attack").
    fn possessor_of(&self, m: &Mention, found: &Found<'_>) -> bool {
        let after = self.token_at(m.span.end.saturating_sub(1)) + 1;
        found.form == Form::Noun
            && after < found.first
            && self.input.tokens[after].kind == TokenKind::Possessive
            && (after + 1..found.first).all(|u| self.modifies_noun(u))
    }

    /// Whether a mention is a word of its own: not "US" inside "anti-US", nor "Iran" inside
    /// "Iran-backed" (a militia Iran backs is not Iran).
    pub(super) fn starts_token(&self, m: &Mention) -> bool {
        let tokens = self.input.tokens;
        tokens.get(self.token_at(m.span.start)).is_some_and(|t| t.span.start == m.span.start)
            && tokens
                .get(self.token_at(m.span.end.saturating_sub(1)))
                .is_some_and(|t| t.span.end == m.span.end)
    }

    /// The role of a mention inside a prefixed word before a noun trigger: "anti-US" makes
    /// the US the target of a protest.
    pub(super) fn prefixed_role(&self, m: &Mention, found: &Found<'_>) -> Option<Option<Role>> {
        let token = self.input.tokens.get(self.token_at(m.span.start))?;
        let prefix = self.input.lowered.get(token.span.start..m.span.start)?;
        let prefix = std::str::from_utf8(prefix).ok()?.strip_suffix('-')?;
        let against = self
            .lex
            .cues
            .starting_with(prefix)
            .iter()
            .any(|p| p.rest.is_empty() && p.payload == Cue::AgainstPrefix);
        (against && found.form == Form::Noun).then_some(found.entry.object)
    }

    pub(super) fn is_punct_between(&self, from: usize, to: usize) -> bool {
        (from..to).any(|t| self.input.tokens[t].kind == TokenKind::Punct)
    }

    /// Whether the place at token `t`, in another clause than the trigger at `first`, is where
    /// a report was made ("…,” Trump tweeted from his estate in Florida): a reporting verb
    /// stands before it in its clause.
    fn reported_from(&self, t: usize, first: usize) -> bool {
        let clause = self.clause_of(t);
        clause != self.clause_of(first)
            && (t.saturating_sub(PLACE_REACH).max(self.sentence.tokens.start)..t)
                .rev()
                .take_while(|&u| self.clause_of(u) == clause)
                .any(|u| self.has(u, Cue::Reporting))
    }

    /// The nearest place introduced by a place preposition in the clause; else a place that
    /// is the event's target, for a kind that happens at a place (see `KindEntry::located`).
    pub(super) fn place(
        &self,
        found: &Found<'_>,
        clause_start: usize,
        clause_end: usize,
        participants: &[Participant],
    ) -> Option<crate::EntityId> {
        let from = found.first.saturating_sub(PLACE_REACH).max(clause_start);
        let to = (found.end + PLACE_REACH).min(clause_end);
        let distance = |m: &Mention| {
            let t = self.token_at(m.span.start);
            if t >= found.end { t - found.end } else { found.first - t }
        };
        let introduced = |from: usize, to: usize| {
            self.mentions_in(from, to)
                .iter()
                .filter(|m| {
                    m.kind == EntityKind::Place
                        && self.starts_token(m)
                        && !self.modifies_trigger(m)
                        // "angry at Moscow's attack": the preposition opens the noun's phrase.
                        && !self.possessor_of(m, found)
                })
                .filter(|m| {
                    let t = self.token_at(m.span.start);
                    (self.preposition_before(t, Cue::PlacePreposition) || self.place_noun_introduced(t))
                        && (!self.preposition_before(t, Cue::Direction)
                            || (t >= found.end && t - found.end <= DIRECTION_REACH))
                        && !self.reported_from(t, found.first)
                })
                .min_by_key(|m| distance(m))
                .map(|m| m.entity.clone())
        };
        introduced(from, to)
            .or_else(|| {
                let (lo, hi) = self.window(found.first, found.end);
                introduced(lo, hi)
            })
            .or_else(|| {
                // Only of a kind that happens at a place: "accused Israel" did not.
                if !self.lex.kind(&found.entry.kind).is_none_or(|k| k.located()) {
                    return None;
                }
                let places = self.mentions_in(from, to);
                participants
                    .iter()
                    .filter(|p| p.role == Role::Target)
                    .find(|p| places.iter().any(|m| m.span == p.span && m.kind == EntityKind::Place))
                    .map(|p| p.entity.clone())
            })
    }
}
