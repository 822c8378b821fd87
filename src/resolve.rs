//! Within-document resolution: link the short forms of names to the full ones.
//!
//! Runs after the entity stage's overlap policy, over the gaps it left:
//!
//! | rule | example | link |
//! |---|---|---|
//! | `resolve:acronym` | "Islamic Revolutionary Guard Corps (**IRGC**)", later "**IRGC**" | the acronym takes the expansion's entity; an expansion in no gazetteer becomes an organisation |
//! | `resolve:surname` | "Jonathan Hoffman … **Hoffman** said" | a bare surname takes the full name's entity |
//! | `resolve:handle` | "**@HeikoMaas**", "**@SecPompeo**" | a handle that ends with a person's joined name or surname takes that person |
//!
//! `titled_references` adds, for the events stage only, definite references by title: "U.S.
//! President Donald Trump … **the president** threatened sanctions" (`resolve:title`). They
//! are no names, so they are not among the document's entity mentions.
//!
//! Possessives need no rule: "Iran's" is `Iran` + `'s` to the tokenizer, and gazetteer matches
//! end on token boundaries. A short form that could be two entities is left alone.

use crate::entities::cues::{Cue, CueMatch};
use crate::entities::patterns::Context;
use crate::entities::{Candidate, EntityId, EntityKind, Mention, RuleId, slug};
use crate::span::CharOffsets;
use crate::span::Span;
use crate::text::{Token, TokenKind};
use std::collections::HashMap;

/// Adds resolution candidates for the gaps between `mentions` (sorted, non-overlapping) and
/// returns all of them sorted by position.
pub(crate) fn resolve(ctx: &Context<'_>, mut mentions: Vec<Candidate>) -> Vec<Candidate> {
    let (text, tokens) = (ctx.text, ctx.tokens);
    let mut added = Vec::new();
    // New acronym expansions, in order of position (they precede their acronym).
    let mut expansions: Vec<Candidate> = Vec::new();
    let covered = |mentions: &[Candidate], span: Span| {
        let i = mentions.partition_point(|m| m.span.end <= span.start);
        mentions.get(i).is_some_and(|m| m.span.overlaps(span))
    };
    let word = |t: usize| tokens[t].span.text(text);

    // Acronyms defined in parentheses right after a name: `NAME (ACR)`.
    let mut acronyms: HashMap<&str, (EntityId, EntityKind, Option<u32>)> = HashMap::new();
    for t in 1..tokens.len().saturating_sub(1) {
        let acr = word(t);
        let bracketed = matches!((word(t - 1), word(t + 1)), ("(", ")") | ("[", "]"));
        if !bracketed || !is_acronym(acr) || t < 2 {
            continue;
        }
        let before = tokens[t - 2].span.end;
        let i = mentions.partition_point(|m| m.span.end < before);
        let expansion = mentions
            .get(i)
            .filter(|m| m.span.end == before && text[m.span.range()].split_whitespace().count() >= 2);
        let (entity, kind, entry, new_expansion) = match expansion {
            Some(m) if initials_match(&text[m.span.range()], acr) => {
                (m.entity.clone(), m.kind, m.entry, None)
            }
            Some(_) => continue,
            None => {
                // An expansion in no gazetteer: the capitalised words before the parenthesis
                // whose initials spell the acronym.
                let Some(start) = expansion_start(text, tokens, t - 2, acr) else { continue };
                let span = Span::new(tokens[start].span.start, before);
                if covered(&mentions, span) {
                    continue;
                }
                let id = EntityId::from(slug(span.text(text)));
                (id, EntityKind::Organisation, None, Some(span))
            }
        };
        if let Some(span) = new_expansion {
            expansions.push(Candidate {
                span,
                kind,
                entity: entity.clone(),
                priority: 0,
                rule: RuleId::from("resolve:acronym-expansion"),
                entry,
            });
        }
        acronyms.entry(acr).or_insert((entity, kind, entry));
    }

    // An organisation already named by its acronym (by a gazetteer or a rule) names it again.
    for m in &mentions {
        let surface = &text[m.span.range()];
        if m.kind == EntityKind::Organisation && is_acronym(surface) {
            acronyms.entry(surface).or_insert((m.entity.clone(), m.kind, m.entry));
        }
    }

    // Surnames of people named in full.
    let mut surnames: HashMap<&str, Option<(EntityId, Option<u32>)>> = HashMap::new();
    for m in mentions.iter().filter(|m| m.kind == EntityKind::Person) {
        let name = &text[m.span.range()];
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.len() < 2 {
            continue;
        }
        let Some(last) = words.last().filter(|w| w.chars().count() >= 3 && w.starts_with(char::is_uppercase))
        else {
            continue;
        };
        let slot = surnames.entry(last).or_insert_with(|| Some((m.entity.clone(), m.entry)));
        if slot.as_ref().is_some_and(|(id, _)| *id != m.entity) {
            *slot = None; // two people share the surname: ambiguous
        }
    }
    // A one-word person found by a rule ("Mr Key") is the person named in full elsewhere.
    for m in mentions.iter_mut() {
        if m.kind == EntityKind::Person && m.rule.as_str().starts_with("pattern:") {
            if let Some(Some((entity, entry))) = surnames.get(&text[m.span.range()]) {
                m.entity = entity.clone();
                m.entry = *entry;
            }
        }
    }
    // One sense per document: once "Valeska Paris" is a person, a bare "Paris" that a
    // gazetteer took for a place is that person too.
    for m in mentions.iter_mut() {
        if m.kind == EntityKind::Person || !m.rule.as_str().starts_with("gazetteer:") {
            continue;
        }
        if let Some(Some((entity, entry))) = surnames.get(&text[m.span.range()]) {
            let (before, after) = (&text[..m.span.start], &text[m.span.end..]);
            // Part of a longer capitalised name ("Paris Hilton", "Gare de Paris") is left alone.
            let capital_before = before.ends_with(' ')
                && before
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|w| w.starts_with(char::is_uppercase) && w.ends_with(char::is_alphabetic));
            let capital_after = after.trim_start_matches(' ').starts_with(char::is_uppercase);
            if !capital_before && !capital_after {
                m.kind = EntityKind::Person;
                m.entity = entity.clone();
                m.entry = *entry;
                m.rule = RuleId::from("resolve:surname");
            }
        }
    }
    // People for handles: joined full name and surname, in lower case → the person (None if
    // two people share the key).
    let mut by_joined: HashMap<String, PersonKey> = HashMap::new();
    let mut by_surname: HashMap<String, PersonKey> = HashMap::new();
    let lower_alnum = |s: &str| -> String {
        s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
    };
    for m in mentions.iter().filter(|m| m.kind == EntityKind::Person) {
        let name = &text[m.span.range()];
        let keys = [
            (&mut by_joined, lower_alnum(name)),
            (&mut by_surname, lower_alnum(name.split_whitespace().last().unwrap_or(""))),
        ];
        for (map, key) in keys {
            if key.len() >= 4 {
                let slot = map.entry(key).or_insert_with(|| Some((m.entity.clone(), m.entry)));
                if slot.as_ref().is_some_and(|(id, _)| *id != m.entity) {
                    *slot = None;
                }
            }
        }
    }

    let mut next_mention = 0; // mentions are sorted: walk them with the tokens
    for (t, tok) in tokens.iter().enumerate() {
        while mentions.get(next_mention).is_some_and(|m| m.span.end <= tok.span.start) {
            next_mention += 1;
        }
        let w = word(t);
        // Only capitalised words and handles can be short forms of names.
        let candidate = match tok.kind {
            TokenKind::Word => w.starts_with(char::is_uppercase),
            TokenKind::Handle => true,
            _ => false,
        };
        if !candidate
            || mentions.get(next_mention).is_some_and(|m| m.span.start < tok.span.end)
            || covered(&expansions, tok.span)
            || added.last().is_some_and(|a: &Candidate| a.span.overlaps(tok.span))
        {
            continue;
        }
        match tok.kind {
            TokenKind::Word => {
                if let Some((entity, kind, entry)) = acronyms.get(w) {
                    added.push(Candidate {
                        span: tok.span,
                        kind: *kind,
                        entity: entity.clone(),
                        priority: 0,
                        rule: RuleId::from("resolve:acronym"),
                        entry: *entry,
                    });
                    continue;
                }
                // A surname standing alone (not inside a longer capitalised name).
                let alone = |n: Option<usize>| {
                    n.is_none_or(|n| {
                        !ctx.is_name_word(n) || {
                            let (x, y) = (tokens[n].span, tok.span);
                            text[x.end.min(y.end)..x.start.max(y.start)].contains(['\n', ',', '.'])
                        }
                    })
                };
                if let Some(Some((entity, entry))) = surnames.get(w) {
                    if alone(t.checked_sub(1)) && alone(Some(t + 1).filter(|&n| n < tokens.len())) {
                        added.push(Candidate {
                            span: tok.span,
                            kind: EntityKind::Person,
                            entity: entity.clone(),
                            priority: 0,
                            rule: RuleId::from("resolve:surname"),
                            entry: *entry,
                        });
                    }
                }
            }
            TokenKind::Handle => {
                // The longest suffix of the handle that is a joined name, else a surname
                // ("@realDonaldTrump" → donaldtrump, "@SecPompeo" → pompeo). Only the last
                // 64 bytes are tried, so a huge handle costs no more than a short one.
                let handle = w[1..].to_ascii_lowercase();
                let tail = &handle[handle.len().saturating_sub(64)..];
                let found = longest_suffix(tail, &by_joined).or_else(|| longest_suffix(tail, &by_surname));
                if let Some(Some((entity, entry))) = found {
                    added.push(Candidate {
                        span: tok.span,
                        kind: EntityKind::Person,
                        entity: entity.clone(),
                        priority: 0,
                        rule: RuleId::from("resolve:handle"),
                        entry: *entry,
                    });
                }
            }
            _ => {}
        }
    }
    mentions.extend(expansions);
    mentions.extend(added);
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
    mentions
}

/// A person for a lookup key, or `None` when two people share it.
type PersonKey = Option<(EntityId, Option<u32>)>;

/// The entry of the longest suffix of `tail` that is a key of `map`.
fn longest_suffix<'m>(tail: &str, map: &'m HashMap<String, PersonKey>) -> Option<&'m PersonKey> {
    tail.char_indices().find_map(|(i, _)| map.get(&tail[i..]))
}

/// Two to eight capital letters (digits and `&` allowed after the first): `IRGC`, `PMF`, `G20`.
fn is_acronym(word: &str) -> bool {
    let n = word.chars().count();
    (2..=8).contains(&n)
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && word.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '&')
        && word.chars().filter(char::is_ascii_uppercase).count() >= 1
}

/// Do the capitalised words of `name` (and the parts of hyphenated ones) start with the
/// acronym's letters, in order? Lower-case words ("of", "the") may be skipped or used.
fn initials_match(name: &str, acronym: &str) -> bool {
    let parts: Vec<&str> =
        name.split(|c: char| c.is_whitespace() || c == '-').filter(|p| !p.is_empty()).collect();
    let letters: Vec<char> = acronym.chars().filter(char::is_ascii_alphabetic).collect();
    // Dynamic programme over (part, letter): each letter is the initial of a distinct part,
    // in order; capitalised parts may not be skipped.
    fn go(parts: &[&str], letters: &[char]) -> bool {
        match (parts.first(), letters.first()) {
            (None, None) => true,
            (None, Some(_)) => false,
            (Some(p), l) => {
                let initial = p.chars().next().map(|c| c.to_ascii_uppercase());
                let capital = p.starts_with(char::is_uppercase);
                (l.is_some() && initial == l.copied() && go(&parts[1..], &letters[1..]))
                    || (!capital && go(&parts[1..], letters))
            }
        }
    }
    parts.len() <= 12 && go(&parts, &letters)
}

/// The first token of the capitalised run ending at token `last` whose initials spell `acr`.
fn expansion_start(text: &str, tokens: &[Token], last: usize, acr: &str) -> Option<usize> {
    let letters = acr.chars().filter(char::is_ascii_alphabetic).count();
    let mut start = last;
    let mut words = 0;
    loop {
        let tok = &tokens[start];
        if tok.kind == TokenKind::Possessive && start > 0 {
            start -= 1; // "Korean People's Army"
            continue;
        }
        if tok.kind != TokenKind::Word {
            return None;
        }
        words += 1;
        let span = Span::new(tok.span.start, tokens[last].span.end);
        if words >= 2
            && tok.span.text(text).starts_with(char::is_uppercase)
            && initials_match(span.text(text), acr)
        {
            return Some(start);
        }
        if words > letters + 3 || start == 0 {
            return None;
        }
        start -= 1;
    }
}

/// Definite references by title ("the president", "the Ayatollah", "the prime minister"): a
/// `title` or `role` cue of `data/names/cues.tsv` right after "the", not before a name or
/// "of", takes the person last introduced with that title right before their name ("Iraqi
/// President Barham Salih", "Supreme Leader Ayatollah Ali Khamenei"). A title no one took
/// yet, or one that two people took, refers to no one. `mentions` are sorted and do not
/// overlap; the references returned neither overlap them nor each other.
pub(crate) fn titled_references(ctx: &Context<'_>, mentions: &[Mention]) -> Vec<Mention> {
    let (text, tokens) = (ctx.text, ctx.tokens);
    let is_title = |c: &CueMatch| c.set.has(Cue::Title) || c.set.has(Cue::Role);
    // Title (lower case) → the person who took it, or `None` once two did.
    let mut took: HashMap<String, Option<&EntityId>> = HashMap::new();
    let mut chars = CharOffsets::new(text);
    let mut out = Vec::new();
    let mut next_mention = 0;
    let mut t = 0;
    while t < tokens.len() {
        let start = tokens[t].span.start;
        // A person's name starting here: the title right before it is theirs.
        while next_mention < mentions.len() && mentions[next_mention].span.start < start {
            next_mention += 1;
        }
        if let Some(m) = mentions.get(next_mention).filter(|m| m.span.start == start)
            && m.kind == EntityKind::Person
            && t > 0
            && let Some(cue) = ctx.cue(t - 1).filter(|c| is_title(c) && c.span.end == tokens[t - 1].span.end)
        {
            let title = text[cue.span.range()].to_lowercase();
            match took.get(&title) {
                Some(Some(id)) if **id != m.entity => {
                    took.insert(title, None);
                }
                Some(None) => {}
                _ => {
                    took.insert(title, Some(&m.entity));
                }
            }
        }
        let the =
            tokens[t].kind == TokenKind::Word && text[tokens[t].span.range()].eq_ignore_ascii_case("the");
        let cue = ctx.cue(t + 1).filter(|c| {
            the && is_title(c) && tokens.get(t + 1).is_some_and(|k| c.span.start == k.span.start)
        });
        if let Some(cue) = cue {
            // The token after the title's last.
            let end = t + 1 + tokens[t + 1..].iter().take_while(|k| k.span.end <= cue.span.end).count();
            let after = tokens.get(end).map(|k| (k.kind, &text[k.span.range()]));
            let before_name =
                after.is_some_and(|(kind, w)| kind == TokenKind::Word && w.starts_with(char::is_uppercase));
            let before_of = after.is_some_and(|(_, w)| w.eq_ignore_ascii_case("of"));
            let overlaps = {
                let i = mentions.partition_point(|m| m.span.end <= cue.span.start);
                mentions.get(i).is_some_and(|m| m.span.overlaps(cue.span))
            };
            let title = text[cue.span.range()].to_lowercase();
            if !before_name
                && !before_of
                && !overlaps
                && let Some(Some(entity)) = took.get(&title)
            {
                out.push(Mention {
                    char_start: chars.char_at(cue.span.start),
                    char_end: chars.char_at(cue.span.end),
                    text: text[cue.span.range()].to_string(),
                    span: cue.span,
                    kind: EntityKind::Person,
                    entity: (*entity).clone(),
                    rule: RuleId::from("resolve:title"),
                });
                t = end;
                continue;
            }
        }
        t += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<(String, String, String)> {
        let extractor = crate::Extractor::new().expect("bundled data");
        let doc = crate::Document::new("t", text);
        extractor
            .extract(&doc)
            .entities
            .into_iter()
            .map(|m| (m.text, m.entity.to_string(), m.rule.to_string()))
            .collect()
    }

    #[test]
    fn short_forms_link_to_the_full_name() {
        let got = ids("Researcher Colette Heald spoke. Later, Heald said Mr Heald was right.");
        assert!(got.iter().all(|m| m.1 == "colette-heald"), "{got:?}");
        assert_eq!(got[1].2, "resolve:surname");
        let got = ids("The Korean People's Army [KPA] fired. KPA troops left.");
        assert_eq!(got.iter().filter(|m| m.1 == "korean-peoples-army").count(), 3, "{got:?}");
        let got = ids("Spoke with @HeikoMaas and Heiko Maas; @realDonaldTrump met Donald Trump.");
        assert_eq!(got.iter().filter(|m| m.1 == "heiko-maas").count(), 2, "{got:?}");
        assert_eq!(got.iter().filter(|m| m.1 == "donald-trump").count(), 2, "{got:?}");
    }

    #[test]
    fn a_place_name_that_is_a_surname_here_is_the_person() {
        let got = ids("Jane Paris, a former member, said Paris was held on the ship.");
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got.iter().all(|m| m.1 == "jane-paris"), "{got:?}");
    }

    #[test]
    fn acronym_initials() {
        assert!(initials_match("Islamic Revolutionary Guard Corps", "IRGC"));
        assert!(initials_match("Popular Mobilization Forces", "PMF"));
        assert!(initials_match("Ministry of Foreign Affairs", "MFA"));
        assert!(initials_match("Ministry of Foreign Affairs", "MOFA"));
        assert!(!initials_match("Quds Force", "IRGC"));
        assert!(!initials_match("Islamic Revolutionary Guard Corps", "IRG"));
        assert!(is_acronym("IRGC") && is_acronym("G20") && !is_acronym("L") && !is_acronym("Iraq"));
    }
}
