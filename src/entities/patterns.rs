//! Pattern rules: names that are in no gazetteer, found from the words around them.
//!
//! The rules work on *chunks*: maximal runs of capitalised words in one sentence, on one line,
//! joined by lower-case connectors (`of`, `al`, `bin`, `de`…) and never containing a
//! `not-name` word ("The", "Friday"). Each chunk is tried against the rules below, in order;
//! the first that fires makes a candidate. Cue words come from `data/names/cues.tsv` and
//! `data/names/first_names.txt`.
//!
//! | rule | example | result |
//! |---|---|---|
//! | `title` | "Foreign Secretary **Dominic Raab**", "militia commander **Abu Mahdi al-Muhandis**", "Minister of Education **Stefania Giannini**" | person after the title |
//! | `org-suffix` | "**Iraqi Security Media Cell**", "**Kerman Province Police**" | organisation |
//! | `org-head` | "**Ministry of Foreign Affairs**", "**Massachusetts Institute of Technology**" | organisation |
//! | `place-suffix` | "**Jamarat Bridge**", "**Metro Toronto Convention Centre**" | place |
//! | `place-head` | "**Lake Henshaw**", "**Gulf of Oman**" | place |
//! | `place-direction`, `place-prefix` | "**Kowloon East**", "**Southern California**" (around a known place) | place |
//! | `given-name` | "**Wong Pik-wan**", "**Kim Jong-un**" | person (surname first, hyphenated given name) |
//! | `first-name` | "**Jonathan Hoffman** told reporters", "Pan-democrat **Gary Fan**" | person |
//! | `place-cue` | "near **Abu Ghraib**", "**Anbar** province", "**Faryab**, Sar-i-pul and Badghis provinces" | place |
//! | `place-comma` | "**Shahr-e Kord**, Iran" | place |
//! | `role-after` | "**Jane Smith**, a Pentagon spokeswoman" | person |
//! | `affiliation` | "Frederick Fung of **ADPL**" | organisation (an acronym after a person and "of") |
//! | `credit` | "EFE/EPA/**ABEDIN TAHERKENAREH**" | person (or organisation) in a photo credit |
//!
//! Person names stop before "of"; a run of more than twelve capitalised words (a headline, a
//! list) makes no name. In a sentence in title case (nearly every word of four letters or more
//! capitalised), a title starts a name only before a first name: "Ayatollah Vows Revenge"
//! names no one, "Secretary of Defense Mark Esper" does.
//!
//! A candidate that ends with a gazetteer match of the same kind takes that entry's id
//! ("US **State Department**" → `state-department`); otherwise its id is a slug of its text.

use super::cues::{Cue, CueMatch, CueSet, Cues};
use super::gazetteer::{Gazetteer, GazetteerMatch};
use super::{Candidate, EntityId, EntityKind, PATTERN_PRIORITY, RuleId, slug};
use crate::span::Span;
use crate::text::{Sentence, SentenceKind, TextLexicon, Token, TokenKind};

/// Everything the rules look at for one document.
pub(crate) struct Context<'a> {
    pub(crate) text: &'a str,
    pub(crate) tokens: &'a [Token],
    pub(crate) cues: &'a [CueMatch],
    pub(crate) cue_rules: &'a Cues,
    /// For each token, the index of the cue match covering it (or `NONE`).
    pub(crate) token_cue: Vec<u32>,
    /// Gazetteer matches, sorted by start.
    pub(crate) gazetteer_matches: &'a [GazetteerMatch],
    pub(crate) gazetteer: &'a Gazetteer,
    pub(crate) lexicon: &'a TextLexicon,
}

const NONE: u32 = u32::MAX;

/// The longest organisation or place name the rules make, in words ("Union of Rationalist
/// Atheists and Agnostics" has six).
const MAX_NAME_WORDS: usize = 12;

impl<'a> Context<'a> {
    pub(crate) fn new(
        text: &'a str,
        tokens: &'a [Token],
        cues: &'a [CueMatch],
        cue_rules: &'a Cues,
        gazetteer_matches: &'a [GazetteerMatch],
        gazetteer: &'a Gazetteer,
        lexicon: &'a TextLexicon,
    ) -> Context<'a> {
        // Cue matches and tokens are both sorted; walk them together.
        let mut token_cue = vec![NONE; tokens.len()];
        let mut c = 0;
        for (t, tok) in tokens.iter().enumerate() {
            while c < cues.len() && cues[c].span.end <= tok.span.start {
                c += 1;
            }
            if let Some(cue) = cues.get(c) {
                if cue.span.contains(tok.span) {
                    token_cue[t] = c as u32;
                }
            }
        }
        Context { text, tokens, cues, cue_rules, token_cue, gazetteer_matches, gazetteer, lexicon }
    }

    fn s(&self, t: usize) -> &'a str {
        self.tokens[t].span.text(self.text)
    }

    pub(crate) fn cue(&self, t: usize) -> Option<&'a CueMatch> {
        let c = *self.token_cue.get(t)?;
        (c != NONE).then(|| &self.cues[c as usize])
    }

    /// The cue classes of token `t` (empty if no cue covers it).
    fn set(&self, t: usize) -> CueSet {
        self.cue(t).map_or(CueSet::default(), |c| c.set)
    }

    /// The cue that ends exactly at token `t`.
    fn cue_ending_at(&self, t: usize) -> Option<&'a CueMatch> {
        self.cue(t).filter(|c| c.span.end == self.tokens[t].span.end)
    }

    /// True if a single cue covers exactly token `t` and has class `cue`.
    fn word_is(&self, t: usize, cue: Cue) -> bool {
        self.cue(t).is_some_and(|c| c.set.has(cue) && c.span == self.tokens[t].span)
    }

    /// True if only spaces (no line break) separate tokens `a` and `a + 1`.
    fn adjacent(&self, a: usize) -> bool {
        match (self.tokens.get(a), self.tokens.get(a + 1)) {
            (Some(x), Some(y)) => {
                let gap = &self.text[x.span.end..y.span.start];
                !gap.is_empty() && gap.len() <= 3 && gap.chars().all(|c| c == ' ' || c == '\u{a0}')
            }
            _ => false,
        }
    }

    fn capitalised(&self, t: usize) -> bool {
        let tok = &self.tokens[t];
        if tok.kind != TokenKind::Word {
            return false;
        }
        let s = self.s(t);
        let mut chars = s.chars();
        match chars.next() {
            // "Iran-backed", "Kong-based": a compound adjective, a name and a participle.
            Some(c) if c.is_uppercase() => !s
                .rsplit_once('-')
                .is_some_and(|(_, rest)| rest.starts_with(char::is_lowercase) && rest.ends_with("ed")),
            // al-Muhandis, el-Sisi: a connector particle, a hyphen, a capital (not "pro-Beijing").
            Some(c) if c.is_lowercase() => s.split_once('-').is_some_and(|(p, rest)| {
                rest.starts_with(char::is_uppercase) && {
                    let particle = Span::new(tok.span.start, tok.span.start + p.len());
                    let i = self.cues.partition_point(|c| c.span.start < particle.start);
                    self.cues.get(i).is_some_and(|c| c.span == particle && c.set.has(Cue::Connector))
                }
            }),
            _ => false,
        }
    }

    /// A capitalised word that can be part of a name (not "The", "As", "Friday").
    pub(crate) fn is_name_word(&self, t: usize) -> bool {
        self.capitalised(t) && !self.word_is(t, Cue::NotName)
    }

    /// Whether a sentence is written in title case ("Iran's Ayatollah Vows Revenge for
    /// Soleimani Killing"): nearly every word of four letters or more capitalised. There a
    /// capital says little of a name.
    fn title_case(&self, sentence: &Sentence) -> bool {
        let (mut long, mut capitalised) = (0, 0);
        for t in sentence.tokens.clone() {
            if self.tokens[t].kind == TokenKind::Word && self.s(t).chars().count() >= 4 {
                long += 1;
                if self.s(t).starts_with(char::is_uppercase) {
                    capitalised += 1;
                }
            }
        }
        long >= 4 && capitalised * 10 >= long * 9
    }

    fn all_caps(&self, t: usize) -> bool {
        let s = self.s(t);
        s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
    }

    /// Maximal runs of capitalised words in `range` (see the module doc).
    fn chunks(&self, range: std::ops::Range<usize>, out: &mut Vec<(usize, usize)>) {
        out.clear();
        let mut t = range.start;
        while t < range.end {
            if !self.capitalised(t) || self.word_is(t, Cue::NotName) {
                t += 1;
                continue;
            }
            let start = t;
            let mut end = t + 1;
            // After an organisation word and "of", "and" joins too: "Union of Rationalist
            // Atheists and Agnostics", "Department of Health and Human Services".
            let mut has_of = false;
            while end < range.end && self.adjacent(end - 1) {
                if self.capitalised(end) && !self.word_is(end, Cue::NotName) {
                    end += 1;
                } else if self.tokens[end].kind == TokenKind::Word
                    && (self.word_is(end, Cue::Connector) || (has_of && matches!(self.s(end), "and" | "&")))
                    && end + 1 < range.end
                    && self.adjacent(end)
                    && self.capitalised(end + 1)
                    && !self.word_is(end + 1, Cue::NotName)
                {
                    let org_word =
                        self.set(end - 1).has(Cue::OrgHead) || self.set(end - 1).has(Cue::OrgSuffix);
                    has_of |= org_word && self.s(end).eq_ignore_ascii_case("of");
                    end += 2;
                } else {
                    break;
                }
            }
            out.push((start, end));
            t = end;
        }
    }

    /// Gazetteer matches that overlap `span` (binary search: the matches do not overlap).
    fn gazetteer_within(&self, span: Span) -> &'a [GazetteerMatch] {
        let all = self.gazetteer_matches;
        let from = all.partition_point(|m| m.span.end <= span.start);
        let to = from + all[from..].partition_point(|m| m.span.start < span.end);
        &all[from..to]
    }

    fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.tokens[a].span.start, self.tokens[b - 1].span.end)
    }

    /// A candidate for tokens `a..b`, taking the id of a gazetteer match of the same kind that
    /// ends where it ends.
    fn candidate(&self, a: usize, b: usize, kind: EntityKind, rule: String) -> Candidate {
        let span = self.span(a, b);
        let start = self.gazetteer_matches.partition_point(|m| m.span.start < span.start);
        let inherited = self.gazetteer_matches[start..]
            .iter()
            .take_while(|m| m.span.start < span.end)
            .find(|m| m.span.end == span.end && self.gazetteer.entry(m.entry).kind == kind);
        let (entity, entry) = match inherited {
            Some(m) => (self.gazetteer.entry(m.entry).id.clone(), Some(m.entry)),
            None => (EntityId::from(slug(span.text(self.text))), None),
        };
        Candidate { span, kind, entity, priority: PATTERN_PRIORITY, rule: RuleId::from(rule), entry }
    }

    fn rule(&self, name: &str, cue: &CueMatch) -> String {
        format!("pattern:{name}:{}", self.cue_rules.rule(cue.phrase))
    }

    /// Can tokens `a..b` be a person's name?
    fn plausible_person(&self, a: usize, b: usize) -> bool {
        let n = b - a;
        (1..=5).contains(&n)
            && !(a..b).any(|t| self.s(t).eq_ignore_ascii_case("of"))
            && !self.set(a).has(Cue::OrgHead)
            && !self.set(a).has(Cue::Demonym)
            && !self.set(b - 1).has(Cue::OrgSuffix)
            && !self.set(b - 1).has(Cue::Title)
            && (a..b).any(|t| !self.all_caps(t) || self.s(t).chars().count() > 4)
    }

    /// affiliation: "Frederick Fung of ADPL": an acronym after a person and "of" is an
    /// organisation (a party, a union, a company).
    fn affiliation(&self, person: Span, chunk_end: usize, out: &mut Vec<Candidate>) {
        let t = self.tokens.partition_point(|tok| tok.span.start < person.end);
        if t + 2 == chunk_end && self.s(t).eq_ignore_ascii_case("of") {
            let acr = self.s(t + 1);
            if (2..=6).contains(&acr.len())
                && acr.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
            {
                out.push(self.candidate(
                    t + 1,
                    t + 2,
                    EntityKind::Organisation,
                    "pattern:affiliation".to_string(),
                ));
            }
        }
    }

    /// `Pik-wan`, `Jong-un`, `Siu-lai`: two short syllables joined by a hyphen, capital first.
    fn is_syllabic_given_name(&self, t: usize) -> bool {
        let s = self.s(t);
        let Some((first, second)) = s.split_once('-') else { return false };
        let syllable = |p: &str, capital: bool| {
            let n = p.chars().count();
            (1..=5).contains(&n)
                && p.chars().all(|c| c.is_ascii_alphabetic())
                && p.chars().skip(1).all(|c| c.is_ascii_lowercase())
                && p.starts_with(|c: char| c.is_ascii_uppercase() == capital)
        };
        syllable(first, true) && syllable(second, false)
    }

    /// Can tokens `a..b` be a place name?
    fn plausible_place(&self, a: usize, b: usize) -> bool {
        let lone_acronym = b - a == 1 && self.all_caps(a);
        (1..=4).contains(&(b - a))
            && !lone_acronym
            && !self.set(a).has(Cue::Demonym)
            && !self.set(a).has(Cue::Title)
            && !self.set(b - 1).has(Cue::OrgSuffix)
    }

    /// The lower-case place cue after a chunk ending at `b`, also after a list of names:
    /// "Anbar province", "Faryab, Sar-i-pul and Badghis provinces".
    fn place_after(&self, b: usize) -> Option<&'a CueMatch> {
        let limit = (b + 16).min(self.tokens.len());
        for t in b..limit {
            if let Some(cue) = self.cue(t).filter(|c| c.span.start == self.tokens[t].span.start) {
                // A singular cue right after the name; a plural one after a list of names.
                let fits =
                    (cue.set.has(Cue::PlaceAfter) && t == b) || (cue.set.has(Cue::PlaceAfterList) && t > b);
                if fits {
                    let lower = !self.text[cue.span.range()].starts_with(char::is_uppercase);
                    return (lower && self.adjacent(t - 1) && self.capitalised(t - 1)).then_some(cue);
                }
            }
            let s = self.s(t);
            if !(matches!(s, "," | "and" | "or") || self.capitalised(t)) {
                return None;
            }
        }
        None
    }

    /// `headline`: the sentence is in title case (see `title_case`).
    fn try_chunk(&self, a: usize, b: usize, headline: bool) -> Option<Candidate> {
        // title: a title inside the chunk ("Foreign Secretary Dominic Raab") or a title or role
        // word right before it ("militia commander Abu Mahdi al-Muhandis").
        let inner_title = (a..b)
            .rev()
            .filter_map(|t| self.cue_ending_at(t).filter(|c| c.set.has(Cue::Title)).map(|c| (t, c)))
            .find(|(t, _)| *t + 1 < b);
        let title = match inner_title {
            Some((t, cue)) => Some((t + 1, cue)),
            None => a
                .checked_sub(1)
                .filter(|&p| self.adjacent(p))
                .and_then(|p| self.cue_ending_at(p))
                .filter(|c| c.set.has(Cue::Title) || c.set.has(Cue::Role))
                .map(|c| (a, c)),
        };
        if let Some((mut name_start, cue)) = title {
            // "Minister of Education Stefania Giannini": skip the portfolio after "of"; the
            // name starts at a first name, else it is the last two words.
            if name_start < b && self.word_is(name_start, Cue::Connector) {
                name_start = (name_start + 1..b)
                    .find(|&t| self.word_is(t, Cue::FirstName))
                    .unwrap_or(b.saturating_sub(2).max(name_start + 2));
                if b < name_start + 1 {
                    name_start = b;
                }
            }
            // In a title-case headline every word after a title is capitalised: only a first
            // name starts a name there ("Ayatollah Vows Revenge" names no one).
            if name_start < b
                && (!headline || self.word_is(name_start, Cue::FirstName))
                && self.plausible_person(name_start, b)
            {
                return Some(self.candidate(name_start, b, EntityKind::Person, self.rule("title", cue)));
            }
        }
        // A run of capitals longer than any real name (a headline, a list) names nothing whole.
        if b - a > MAX_NAME_WORDS {
            return None;
        }
        // org-suffix: "… Corps", "… Ministry" (at least two words).
        if b - a >= 2 {
            if let Some(cue) = self
                .cue_ending_at(b - 1)
                .filter(|c| c.set.has(Cue::OrgSuffix) && c.span.start > self.tokens[a].span.start)
            {
                return Some(self.candidate(a, b, EntityKind::Organisation, self.rule("org-suffix", cue)));
            }
        }
        // org-head: "Ministry of …", "Massachusetts Institute of Technology".
        if let Some((_, cue)) =
            (a..b.saturating_sub(2)).filter_map(|t| self.cue_ending_at(t).map(|c| (t, c))).find(|(t, c)| {
                (c.set.has(Cue::OrgHead) || c.set.has(Cue::OrgSuffix))
                    && self.s(t + 1).eq_ignore_ascii_case("of")
            })
        {
            return Some(self.candidate(a, b, EntityKind::Organisation, self.rule("org-head", cue)));
        }
        // place-suffix: "Jamarat Bridge", "Grand Mosque".
        if b - a >= 2 {
            if let Some(cue) = self
                .cue_ending_at(b - 1)
                .filter(|c| c.set.has(Cue::PlaceSuffix) && c.span.start > self.tokens[a].span.start)
            {
                return Some(self.candidate(a, b, EntityKind::Place, self.rule("place-suffix", cue)));
            }
        }
        // place-head: "Lake Henshaw", "Mount Sinjar", "Gulf of Oman".
        if b - a >= 2 {
            if let Some(cue) = self.cue(a).filter(|c| {
                c.set.has(Cue::PlaceHead)
                    && c.span.start == self.tokens[a].span.start
                    && c.span.end < self.tokens[b - 1].span.end
            }) {
                return Some(self.candidate(a, b, EntityKind::Place, self.rule("place-head", cue)));
            }
        }
        // place-direction: "Kowloon East", "New Territories West" (a known place, then a direction).
        if b - a >= 2 && self.word_is(b - 1, Cue::PlacePrefix) {
            let rest = self.span(a, b - 1);
            if self
                .gazetteer_within(rest)
                .iter()
                .any(|m| m.span == rest && self.gazetteer.entry(m.entry).kind == EntityKind::Place)
            {
                if let Some(cue) = self.cue(b - 1) {
                    return Some(self.candidate(a, b, EntityKind::Place, self.rule("place-direction", cue)));
                }
            }
        }
        // place-prefix: "Southern California" (a direction before a known place).
        if b - a >= 2 && self.word_is(a, Cue::PlacePrefix) {
            let rest = self.span(a + 1, b);
            if self
                .gazetteer_matches
                .iter()
                .any(|m| m.span == rest && self.gazetteer.entry(m.entry).kind == EntityKind::Place)
            {
                if let Some(cue) = self.cue(a) {
                    return Some(self.candidate(a, b, EntityKind::Place, self.rule("place-prefix", cue)));
                }
            }
        }
        // A person's name ends before "of": "Frederick Fung of ADPL".
        let b_person = (a..b).find(|&t| self.s(t).eq_ignore_ascii_case("of")).unwrap_or(b);
        // given-name: a romanised East Asian name, surname first: "Wong Pik-wan", "Kim Jong-un".
        if b_person - a == 2
            && self.is_syllabic_given_name(a + 1)
            && self.s(a).chars().count() <= 6
            && self.plausible_person(a, b_person)
        {
            return Some(self.candidate(a, b_person, EntityKind::Person, "pattern:given-name".to_string()));
        }
        let b = b_person;
        // first-name: "Jonathan Hoffman".
        // The first name may follow descriptive capitalised words: "Pan-democrat Gary Fan".
        if let Some(k) = (a..b).find(|&k| self.word_is(k, Cue::FirstName)) {
            if (2..=4).contains(&(b - k)) && self.plausible_person(k, b) {
                if let Some(cue) = self.cue(k) {
                    return Some(self.candidate(k, b, EntityKind::Person, self.rule("first-name", cue)));
                }
            }
        }
        // place-cue: "near X", "city of X", "X province".
        if self.plausible_place(a, b) {
            let before = a
                .checked_sub(1)
                .filter(|&p| self.adjacent(p))
                .and_then(|p| self.cue_ending_at(p))
                .filter(|c| {
                    c.set.has(Cue::PlaceBefore) && !self.text[c.span.range()].starts_with(char::is_uppercase)
                });
            let after = self.place_after(b);
            if let Some(cue) = after.or(before) {
                return Some(self.candidate(a, b, EntityKind::Place, self.rule("place-cue", cue)));
            }
            // place-comma: "X, <known place>".
            if b + 1 < self.tokens.len() && self.s(b) == "," {
                let next = self.tokens[b + 1].span.start;
                let i = self.gazetteer_matches.partition_point(|m| m.span.start < next);
                if let Some(m) = self.gazetteer_matches.get(i).filter(|m| {
                    m.span.start == next && self.gazetteer.entry(m.entry).kind == EntityKind::Place
                }) {
                    if self.gazetteer_within(self.span(a, b)).is_empty() {
                        return Some(self.candidate(
                            a,
                            b,
                            EntityKind::Place,
                            format!("pattern:place-comma:{}", m.rule),
                        ));
                    }
                }
            }
        }
        // role-after: "Jane Smith, a Pentagon spokeswoman".
        if b - a >= 2 && self.plausible_person(a, b) && b + 1 < self.tokens.len() && self.s(b) == "," {
            let mut t = b + 1;
            if matches!(
                self.s(t).to_ascii_lowercase().as_str(),
                "a" | "an" | "the" | "his" | "her" | "its" | "their"
            ) {
                t += 1;
            }
            for u in t..(t + 4).min(self.tokens.len()) {
                if let Some(cue) = self.cue_ending_at(u).filter(|c| c.set.has(Cue::Role)) {
                    return Some(self.candidate(a, b, EntityKind::Person, self.rule("role-after", cue)));
                }
                if self.tokens[u].kind != TokenKind::Word {
                    break;
                }
            }
        }
        None
    }

    /// Credit lines: `EFE/EPA/ABEDIN TAHERKENAREH`, `EPA-EFE FILE/MURTAJA LATEEF`. Each
    /// `/`-separated segment, without credit words (FILE, HANDOUT) and without anything
    /// before a possessive, that no gazetteer match covers is a person, or an organisation
    /// if it ends with an organisation suffix.
    fn credit(&self, sentence: &Sentence, out: &mut Vec<Candidate>) {
        let range = sentence.tokens.clone();
        let mut seg_start = range.start;
        for t in range.start..=range.end {
            if t < range.end && self.s(t) != "/" {
                continue;
            }
            let (mut a, mut b) = (seg_start, t);
            seg_start = t + 1;
            if let Some(p) = (a..b).rev().find(|&i| self.tokens[i].kind == TokenKind::Possessive) {
                a = p + 1;
            }
            while a < b && (self.lexicon.is_credit_word(self.s(a)) || self.tokens[a].kind != TokenKind::Word)
            {
                a += 1;
            }
            while b > a
                && (self.lexicon.is_credit_word(self.s(b - 1)) || self.tokens[b - 1].kind != TokenKind::Word)
            {
                b -= 1;
            }
            if a >= b || self.s(a).contains('-') && b - a == 1 {
                continue;
            }
            let span = self.span(a, b);
            if !self.gazetteer_within(span).is_empty() {
                continue;
            }
            let org = self.cue_ending_at(b - 1).filter(|c| c.set.has(Cue::OrgSuffix));
            match org {
                Some(cue) => {
                    out.push(self.candidate(a, b, EntityKind::Organisation, self.rule("credit", cue)))
                }
                None if (2..=4).contains(&(b - a)) => {
                    out.push(self.candidate(a, b, EntityKind::Person, "pattern:credit".to_string()))
                }
                None => {}
            }
        }
    }
}

/// Runs every pattern rule over the document's sentences, appending candidates to `out`.
pub(crate) fn find(ctx: &Context<'_>, sentences: &[Sentence], out: &mut Vec<Candidate>) {
    let mut chunks = Vec::new();
    for sentence in sentences {
        match sentence.kind {
            SentenceKind::Header => {}
            SentenceKind::Credit => ctx.credit(sentence, out),
            _ => {
                let headline = ctx.title_case(sentence);
                ctx.chunks(sentence.tokens.clone(), &mut chunks);
                for &(a, b) in &chunks {
                    if let Some(c) = ctx.try_chunk(a, b, headline) {
                        if c.kind == EntityKind::Person {
                            ctx.affiliation(c.span, b, out);
                        }
                        out.push(c);
                    }
                }
            }
        }
    }
}
