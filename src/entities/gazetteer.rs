//! Gazetteer matching: every alias of every entry in one automaton, scanned once.
//!
//! Build: parse the TSV sources (see `data/README.md`), merge entries that share an id, group
//! aliases by their ASCII-lower-cased form, and compile one `aho-corasick` automaton over the
//! groups. Scan: run the automaton over an ASCII-lower-cased copy of the text (same byte
//! offsets), then keep a match only if
//!
//! 1. it starts and ends on a token boundary (the neighbouring chars are not letters or
//!    digits), and
//! 2. one of the group's aliases is *case-compatible* with the text: every ASCII letter that
//!    is upper case in the alias is upper case in the text. So `US` never matches "us", while
//!    `Iran` matches "IRAN" in an ALL-CAPS credit line, and an alias written in lower case
//!    (`facebook`) matches any capitalisation.
//!
//! A failed match does not hide a later one: the scan restarts at the next word start.

use super::{EntityId, EntityKind, RuleId};
use crate::data::{LineReader, Source};
use crate::error::Error;
use crate::span::Span;
use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, MatchKind};
use std::collections::HashMap;
use std::sync::Arc;

/// One entity of the gazetteer after merging all lines with its id.
#[derive(Clone, Debug)]
pub(crate) struct Entry {
    pub(crate) id: EntityId,
    pub(crate) kind: EntityKind,
    pub(crate) name: Arc<str>,
    pub(crate) aliases: Vec<Arc<str>>,
}

/// One surface form: which entry, and which file and line it came from.
#[derive(Clone, Debug)]
struct Alias {
    text: Box<str>,
    entry: u32,
    /// Index into `Gazetteer::sources`; a later source has a higher priority.
    source: u16,
    rule: RuleId,
}

/// A gazetteer match that passed the boundary and case checks.
#[derive(Clone, Debug)]
pub(crate) struct GazetteerMatch {
    pub(crate) span: Span,
    pub(crate) entry: u32,
    pub(crate) priority: u32,
    pub(crate) rule: RuleId,
}

/// The compiled gazetteer.
#[derive(Clone, Debug)]
pub(crate) struct Gazetteer {
    entries: Vec<Entry>,
    aliases: Vec<Alias>,
    /// For each automaton pattern: the aliases sharing that lower-cased form, best first.
    groups: Vec<Vec<u32>>,
    /// Lower-cased alias → group, to try the shorter aliases inside a failed match.
    by_key: HashMap<Box<str>, u32>,
    automaton: AhoCorasick,
    all_candidates: bool,
}

fn parse_kind(source: &Source, line: usize, kind: &str) -> Result<EntityKind, Error> {
    match kind {
        "person" => Ok(EntityKind::Person),
        "place" => Ok(EntityKind::Place),
        "organisation" | "organization" => Ok(EntityKind::Organisation),
        _ => {
            Err(source.error(line, format!("unknown kind `{kind}` (expected person, place or organisation)")))
        }
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Lower-cases ASCII letters only, so byte offsets are kept.
pub(crate) fn ascii_lower_into(text: &str, out: &mut Vec<u8>) {
    out.clear();
    out.extend(text.bytes().map(|b| b.to_ascii_lowercase()));
}

/// True if every ASCII letter that is upper case in `alias` is upper case in `found`
/// (`found` is the text the automaton matched, so it equals `alias` up to ASCII case).
pub(crate) fn case_compatible(alias: &str, found: &str) -> bool {
    alias.len() == found.len()
        && alias.bytes().zip(found.bytes()).all(|(a, f)| !a.is_ascii_uppercase() || f.is_ascii_uppercase())
}

/// True if `span` starts and ends on a token boundary of `text`.
pub(crate) fn on_token_boundary(text: &str, span: Span) -> bool {
    let first = text[span.range()].chars().next();
    let last = text[span.range()].chars().next_back();
    // A boundary matters only where the alias itself starts or ends with a word character.
    let before_ok = !first.is_some_and(char::is_alphanumeric)
        || !text[..span.start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '@' || c == '_');
    let after_ok = !last.is_some_and(char::is_alphanumeric)
        || !text[span.end..].chars().next().is_some_and(|c| c.is_alphanumeric() || c == '_');
    before_ok && after_ok
}

/// The first byte after `from` where a word could start: past the rest of the word at `from`.
pub(crate) fn next_word_start(text: &str, from: usize) -> usize {
    let mut chars = text[from..].char_indices();
    let Some((_, first)) = chars.next() else { return text.len() };
    let mut i = from + first.len_utf8();
    if first.is_alphanumeric() {
        for (j, c) in chars {
            if !c.is_alphanumeric() {
                break;
            }
            i = from + j + c.len_utf8();
        }
    }
    i
}

impl Gazetteer {
    /// Parses and compiles `sources`, in priority order (a later source wins ties).
    pub(crate) fn build(sources: &[Source], all_candidates: bool) -> Result<Gazetteer, Error> {
        let mut entries: Vec<Entry> = Vec::new();
        let mut by_id: HashMap<Arc<str>, u32> = HashMap::new();
        let mut aliases: Vec<Alias> = Vec::new();
        // Where each id was first defined, for the error on a conflicting kind.
        let mut defined_at: Vec<(u16, usize)> = Vec::new();
        for (s, source) in sources.iter().enumerate() {
            let source_index =
                u16::try_from(s).map_err(|_| source.error(0, "too many gazetteer files (at most 65535)"))?;
            let file: Arc<str> = Arc::from(source.name());
            for (n, fields) in LineReader::new(source) {
                let (kind, id, name, alias_field) = match fields.as_slice() {
                    [k, i, nm] => (*k, *i, *nm, ""),
                    [k, i, nm, a] => (*k, *i, *nm, *a),
                    other => {
                        return Err(source.error(
                            n,
                            format!(
                                "expected 4 tab-separated fields (kind, id, name, aliases), found {}",
                                other.len()
                            ),
                        ));
                    }
                };
                let kind = parse_kind(source, n, kind)?;
                if !valid_id(id) {
                    return Err(source.error(
                        n,
                        format!("bad id `{id}`: ids are lower-case ASCII letters, digits and `-`"),
                    ));
                }
                if name.trim().is_empty() {
                    return Err(source.error(n, "empty name"));
                }
                let entry = match by_id.get(id) {
                    Some(&e) => {
                        if entries[e as usize].kind != kind {
                            let (fs, fl) = defined_at[e as usize];
                            return Err(source.error(
                                n,
                                format!(
                                    "id `{id}` is a {} here but a {} at {}:{fl}",
                                    kind.as_str(),
                                    entries[e as usize].kind.as_str(),
                                    sources[fs as usize].name()
                                ),
                            ));
                        }
                        e
                    }
                    None => {
                        let e =
                            u32::try_from(entries.len()).map_err(|_| source.error(n, "too many entries"))?;
                        let id: Arc<str> = Arc::from(id);
                        by_id.insert(id.clone(), e);
                        entries.push(Entry {
                            id: EntityId(id),
                            kind,
                            name: Arc::from(name.trim()),
                            aliases: Vec::new(),
                        });
                        defined_at.push((source_index, n));
                        e
                    }
                };
                let rule = RuleId::from(format!("gazetteer:{file}:{n}"));
                let mut add = |text: &str| {
                    let list = &mut entries[entry as usize].aliases;
                    if !list.iter().any(|a| &**a == text) {
                        list.push(Arc::from(text));
                    }
                    aliases.push(Alias {
                        text: text.into(),
                        entry,
                        source: source_index,
                        rule: rule.clone(),
                    });
                };
                add(name.trim());
                if !alias_field.is_empty() {
                    for alias in alias_field.split('|') {
                        let alias = alias.trim();
                        if alias.is_empty() {
                            return Err(source.error(n, "empty alias (two `|` in a row, or one at an end)"));
                        }
                        add(alias);
                    }
                }
            }
        }
        // Group by lower-cased form; best alias first (later source, then earlier line).
        let mut by_key: HashMap<Box<str>, u32> = HashMap::new();
        let mut groups: Vec<Vec<u32>> = Vec::new();
        let mut keys: Vec<Box<str>> = Vec::new();
        for (a, alias) in aliases.iter().enumerate() {
            let key: Box<str> = alias.text.to_ascii_lowercase().into();
            let g = *by_key.entry(key.clone()).or_insert_with(|| {
                groups.push(Vec::new());
                keys.push(key);
                (groups.len() - 1) as u32
            });
            let group = &mut groups[g as usize];
            // The same alias of the same entry twice (a repeated line) is kept once.
            if !group
                .iter()
                .any(|&o| aliases[o as usize].entry == alias.entry && aliases[o as usize].text == alias.text)
            {
                group.push(a as u32);
            }
        }
        for group in &mut groups {
            group.sort_by_key(|&a| std::cmp::Reverse(aliases[a as usize].source));
        }
        let automaton = AhoCorasick::builder()
            .match_kind(if all_candidates { MatchKind::Standard } else { MatchKind::LeftmostLongest })
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(keys.iter().map(|k| k.as_bytes()))
            .map_err(|e| Error::argument(format!("gazetteer automaton: {e}")))?;
        Ok(Gazetteer { entries, aliases, groups, by_key, automaton, all_candidates })
    }

    pub(crate) fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub(crate) fn entry(&self, index: u32) -> &Entry {
        &self.entries[index as usize]
    }

    /// Number of aliases (names) compiled.
    pub(crate) fn alias_count(&self) -> usize {
        self.aliases.len()
    }

    /// Heap bytes used by the automaton and the tables (an estimate for the tables).
    pub(crate) fn memory_usage(&self) -> usize {
        let alias_bytes: usize =
            self.aliases.iter().map(|a| a.text.len() + std::mem::size_of::<Alias>()).sum();
        let group_bytes: usize =
            self.groups.iter().map(|g| g.len() * 4 + std::mem::size_of::<Vec<u32>>()).sum();
        self.automaton.memory_usage()
            + alias_bytes
            + group_bytes
            + self.entries.len() * std::mem::size_of::<Entry>()
    }

    /// Appends every accepted match in `text` to `out`; `lowered` is `text` ASCII-lower-cased.
    pub(crate) fn scan(&self, text: &str, lowered: &[u8], out: &mut Vec<GazetteerMatch>) {
        if self.all_candidates {
            for m in self.automaton.find_overlapping_iter(lowered) {
                let span = Span::new(m.start(), m.end());
                if on_token_boundary(text, span) {
                    for &a in &self.groups[m.pattern().as_usize()] {
                        let alias = &self.aliases[a as usize];
                        if case_compatible(&alias.text, &text[span.range()]) {
                            out.push(self.to_match(span, alias));
                        }
                    }
                }
            }
            return;
        }
        let mut pos = 0;
        while pos < lowered.len() {
            let Some(m) = self.automaton.find(Input::new(lowered).range(pos..)) else { break };
            let span = Span::new(m.start(), m.end());
            let found = &text[span.range()];
            let best = if on_token_boundary(text, span) {
                self.groups[m.pattern().as_usize()]
                    .iter()
                    .map(|&a| &self.aliases[a as usize])
                    .find(|a| case_compatible(&a.text, found))
            } else {
                None
            };
            match best.map(|a| (span, a)).or_else(|| self.shorter_match(text, lowered, span)) {
                Some((span, alias)) => {
                    out.push(self.to_match(span, alias));
                    pos = span.end;
                }
                None => pos = next_word_start(text, span.start),
            }
        }
    }

    /// The longest alias that starts where a failed match starts and ends earlier, on a token
    /// boundary: in "US embassy" the alias `US Embassy` fails the case rule, but `US` fits.
    fn shorter_match(&self, text: &str, lowered: &[u8], failed: Span) -> Option<(Span, &Alias)> {
        let inner = &text[failed.range()];
        inner.char_indices().rev().filter(|&(i, c)| i > 0 && !c.is_alphanumeric()).find_map(|(i, _)| {
            let span = Span::new(failed.start, failed.start + i);
            let key = std::str::from_utf8(&lowered[span.range()]).ok()?;
            let group = *self.by_key.get(key)?;
            if !on_token_boundary(text, span) {
                return None;
            }
            let found = &text[span.range()];
            let alias = self.groups[group as usize]
                .iter()
                .map(|&a| &self.aliases[a as usize])
                .find(|a| case_compatible(&a.text, found))?;
            Some((span, alias))
        })
    }

    fn to_match(&self, span: Span, alias: &Alias) -> GazetteerMatch {
        GazetteerMatch {
            span,
            entry: alias.entry,
            priority: 100 + u32::from(alias.source),
            rule: alias.rule.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gaz(text: &str) -> Gazetteer {
        Gazetteer::build(&[Source::from_str("t.tsv", text)], false).unwrap()
    }

    fn found(g: &Gazetteer, text: &str) -> Vec<(String, String)> {
        let mut lowered = Vec::new();
        ascii_lower_into(text, &mut lowered);
        let mut out = Vec::new();
        g.scan(text, &lowered, &mut out);
        out.iter().map(|m| (m.span.text(text).to_string(), g.entry(m.entry).id.0.to_string())).collect()
    }

    const GAZ: &str = "# test\nplace\tunited-states\tUnited States\tUS|U.S.|America\nplace\tiran\tIran\t\norganisation\tfacebook\tFacebook\tfacebook\nplace\tnew-york\tNew York\nplace\tyork\tYork\norganisation\tnew-york-times\tNew York Times\n";

    #[test]
    fn acronyms_match_exactly_names_match_all_caps() {
        let g = gaz(GAZ);
        assert_eq!(found(&g, "let us go to the US"), [("US".into(), "united-states".into())]);
        assert_eq!(
            found(&g, "IRAN'S and Iran’s but not Iranian or iran"),
            [("IRAN".into(), "iran".into()), ("Iran".into(), "iran".into())]
        );
        assert_eq!(found(&g, "via facebook"), [("facebook".into(), "facebook".into())]);
    }

    #[test]
    fn boundaries_and_restarts() {
        let g = gaz(GAZ);
        // "US" inside "BUS" fails; the scan goes on to the next word.
        assert_eq!(
            found(&g, "BUS US-Iran anti-US"),
            [
                ("US".into(), "united-states".into()),
                ("Iran".into(), "iran".into()),
                ("US".into(), "united-states".into())
            ]
        );
        // Longest wins.
        assert_eq!(
            found(&g, "the New York Times said"),
            [("New York Times".into(), "new-york-times".into())]
        );
        // U.S. with its final period; handles are not names.
        assert_eq!(found(&g, "The U.S. and @US"), [("U.S.".into(), "united-states".into())]);
    }

    #[test]
    fn a_failed_long_alias_leaves_room_for_a_shorter_one() {
        let g = gaz("place\tunited-states\tUnited States\tUS\norganisation\tus-embassy\tUS Embassy\t\n");
        assert_eq!(found(&g, "The US embassy"), [("US".into(), "united-states".into())]);
        assert_eq!(found(&g, "The US Embassy"), [("US Embassy".into(), "us-embassy".into())]);
        assert_eq!(found(&g, "The US Embassyx"), [("US".into(), "united-states".into())]);
    }

    #[test]
    fn multibyte_text_is_safe() {
        let g = gaz(GAZ);
        assert_eq!(found(&g, "ÜS Iranç — «Iran»"), [("Iran".into(), "iran".into())]);
    }

    #[test]
    fn errors_name_file_and_line() {
        let err =
            |text: &str| Gazetteer::build(&[Source::from_str("g.tsv", text)], false).unwrap_err().to_string();
        assert_eq!(
            err("# h\nperson\tx\n"),
            "g.tsv:2: expected 4 tab-separated fields (kind, id, name, aliases), found 2"
        );
        assert_eq!(
            err("thing\tx\tX\t\n"),
            "g.tsv:1: unknown kind `thing` (expected person, place or organisation)"
        );
        assert_eq!(
            err("person\tBad Id\tX\t\n"),
            "g.tsv:1: bad id `Bad Id`: ids are lower-case ASCII letters, digits and `-`"
        );
        assert_eq!(err("person\tx\tX\ta||b\n"), "g.tsv:1: empty alias (two `|` in a row, or one at an end)");
        assert_eq!(err("person\tx\t \t\n"), "g.tsv:1: empty name");
        assert_eq!(
            err("person\tx\tX\t\nplace\tx\tX\t\n"),
            "g.tsv:2: id `x` is a place here but a person at g.tsv:1"
        );
    }

    #[test]
    fn same_id_merges_and_later_files_win() {
        let a = Source::from_str("a.tsv", "place\tgeorgia\tGeorgia\t\n");
        let b =
            Source::from_str("b.tsv", "place\tgeorgia-us\tGeorgia\t\nplace\tgeorgia\tGeorgia\tSakartvelo\n");
        let g = Gazetteer::build(&[a, b], false).unwrap();
        assert_eq!(
            found(&g, "Georgia and Sakartvelo"),
            [("Georgia".into(), "georgia-us".into()), ("Sakartvelo".into(), "georgia".into())]
        );
        assert_eq!(g.entries().len(), 2);
    }

    #[test]
    fn all_candidates_reports_nested_matches() {
        let g = Gazetteer::build(&[Source::from_str("t.tsv", GAZ)], true).unwrap();
        let mut got = found(&g, "New York Times");
        got.sort();
        assert_eq!(
            got,
            [
                ("New York".into(), "new-york".into()),
                ("New York Times".into(), "new-york-times".into()),
                ("York".into(), "york".into())
            ]
        );
    }
}
