//! Gazetteer matching: every alias of every entry in one automaton (sharded by first byte),
//! one pass over the text.
//!
//! Build: parse the TSV sources (see `data/README.md`), merge entries that share an id, group
//! aliases by their ASCII-lower-cased form, and compile the groups with `aho-corasick` into
//! anchored automata, one per first byte, built in parallel (see [`Shards`]). Scan: walk the
//! ASCII-lower-cased copy of the text (same byte offsets) and, at each word start, ask the
//! automaton for the longest alias starting there; keep it only if
//!
//! 1. it ends on a token boundary (the next char is not a letter or digit), and
//! 2. one of the group's aliases is *case-compatible* with the text: every ASCII letter that
//!    is upper case in the alias is upper case in the text. So `US` never matches "us", while
//!    `Iran` matches "IRAN" in an ALL-CAPS credit line, and an alias written in lower case
//!    (`facebook`) matches any capitalisation.
//!
//! A failed match does not hide a shorter one at the same start ("US embassy": `US`), nor a
//! later one.

use super::{EntityId, EntityKind, RuleId};
use crate::data::{LineReader, Source};
use crate::error::Error;
use crate::span::Span;
use aho_corasick::automaton::OverlappingState;
use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};
use std::collections::HashMap;
use std::sync::Arc;

/// One entity of the gazetteer after merging all lines with its id.
#[derive(Clone, Debug)]
pub(crate) struct Entry {
    pub(crate) id: EntityId,
    pub(crate) kind: EntityKind,
    pub(crate) name: Arc<str>,
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
    automata: Shards,
    all_candidates: bool,
}

fn parse_kind(source: &Source, line: usize, kind: &str) -> Result<EntityKind, Error> {
    kind.parse().map_err(|()| {
        source.error(line, format!("unknown kind `{kind}` (expected person, place or organisation)"))
    })
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
                        entries.push(Entry { id: EntityId(id), kind, name: Arc::from(name.trim()) });
                        defined_at.push((source_index, n));
                        e
                    }
                };
                let rule = RuleId::from(format!("gazetteer:{file}:{n}"));
                let mut add = |text: &str| {
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
        let automata = Shards::build(&keys, all_candidates)?;
        Ok(Gazetteer { entries, aliases, groups, by_key, automata, all_candidates })
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
        self.automata.memory_usage()
            + alias_bytes
            + group_bytes
            + self.entries.len() * std::mem::size_of::<Entry>()
    }

    /// Appends every accepted match in `text` to `out`; `lowered` is `text` ASCII-lower-cased.
    pub(crate) fn scan(&self, text: &str, lowered: &[u8], out: &mut Vec<GazetteerMatch>) {
        let mut pos = 0; // no match may start before the end of the last one
        let mut prev_word = false; // was the char before a letter, digit or `_`?
        for (start, c) in text.char_indices() {
            let word_start = !prev_word && !c.is_whitespace();
            prev_word = c.is_alphanumeric() || c == '_';
            if !word_start || (start < pos && !self.all_candidates) {
                continue;
            }
            if self.all_candidates {
                self.automata.each_at(lowered, start, |span, group| {
                    if on_token_boundary(text, span) {
                        for &a in &self.groups[group as usize] {
                            let alias = &self.aliases[a as usize];
                            if case_compatible(&alias.text, &text[span.range()]) {
                                out.push(self.to_match(span, alias));
                            }
                        }
                    }
                });
                continue;
            }
            let Some((span, group)) = self.automata.longest_at(lowered, start) else { continue };
            let found = &text[span.range()];
            let best = if on_token_boundary(text, span) {
                self.groups[group as usize]
                    .iter()
                    .map(|&a| &self.aliases[a as usize])
                    .find(|a| case_compatible(&a.text, found))
            } else {
                None
            };
            if let Some((span, alias)) =
                best.map(|a| (span, a)).or_else(|| self.shorter_match(text, lowered, span))
            {
                out.push(self.to_match(span, alias));
                pos = span.end;
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

/// The aliases' automaton, split by the first byte of the (lower-cased) alias.
///
/// A name starts at a word start, so the scan runs one anchored search from each word start,
/// in the one automaton for that start's byte. Anchored searches need no failure transitions,
/// the shards are small, and they are built in parallel on every core: a 688k-name gazetteer
/// builds several times faster than one unanchored automaton, and the scan's cost per word
/// does not grow with the gazetteer.
#[derive(Clone, Debug)]
struct Shards {
    /// Index into `shards` for each first byte, or `u16::MAX`.
    by_first_byte: Box<[u16; 256]>,
    /// An automaton and, for each of its patterns, the alias group.
    shards: Vec<(AhoCorasick, Vec<u32>)>,
}

impl Shards {
    fn build(keys: &[Box<str>], all_candidates: bool) -> Result<Shards, Error> {
        let mut buckets: Vec<Vec<u32>> = vec![Vec::new(); 256];
        for (g, key) in keys.iter().enumerate() {
            if let Some(&b) = key.as_bytes().first() {
                buckets[b as usize].push(g as u32);
            }
        }
        let mut by_first_byte = Box::new([u16::MAX; 256]);
        let mut work: Vec<Vec<u32>> = Vec::new();
        for (b, bucket) in buckets.into_iter().enumerate() {
            if !bucket.is_empty() {
                by_first_byte[b] = work.len() as u16;
                work.push(bucket);
            }
        }
        let build_one = |groups: &Vec<u32>| {
            AhoCorasick::builder()
                .match_kind(if all_candidates { MatchKind::Standard } else { MatchKind::LeftmostLongest })
                .kind(Some(AhoCorasickKind::ContiguousNFA))
                .start_kind(StartKind::Anchored)
                .build(groups.iter().map(|&g| keys[g as usize].as_bytes()))
                .map_err(|e| Error::argument(format!("gazetteer automaton: {e}")))
        };
        // Largest shards first, handed out to one thread per core.
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(work.len().max(1));
        let mut order: Vec<usize> = (0..work.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(work[i].len()));
        let next = std::sync::atomic::AtomicUsize::new(0);
        let mut built: Vec<Option<Result<AhoCorasick, Error>>> = (0..work.len()).map(|_| None).collect();
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|_| {
                    scope.spawn(|| {
                        let mut done = Vec::new();
                        loop {
                            let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            let Some(&i) = order.get(k) else { break };
                            done.push((i, build_one(&work[i])));
                        }
                        done
                    })
                })
                .collect();
            for handle in handles {
                // A panic in a builder thread is a bug in aho-corasick; report it as an error.
                match handle.join() {
                    Ok(done) => done.into_iter().for_each(|(i, r)| built[i] = Some(r)),
                    Err(_) => built.iter_mut().filter(|b| b.is_none()).for_each(|b| {
                        *b = Some(Err(Error::argument("gazetteer automaton: a build thread panicked")))
                    }),
                }
            }
        });
        let mut shards = Vec::with_capacity(work.len());
        for (result, groups) in built.into_iter().zip(work) {
            let automaton =
                result.unwrap_or_else(|| Err(Error::argument("gazetteer automaton: not built")))?;
            shards.push((automaton, groups));
        }
        Ok(Shards { by_first_byte, shards })
    }

    fn shard(&self, lowered: &[u8], start: usize) -> Option<&(AhoCorasick, Vec<u32>)> {
        let b = *lowered.get(start)?;
        self.shards.get(self.by_first_byte[b as usize] as usize)
    }

    /// The longest alias starting at `start`: its span and group.
    fn longest_at(&self, lowered: &[u8], start: usize) -> Option<(Span, u32)> {
        let (automaton, groups) = self.shard(lowered, start)?;
        let m = automaton.find(Input::new(lowered).range(start..).anchored(Anchored::Yes))?;
        Some((Span::new(m.start(), m.end()), groups[m.pattern().as_usize()]))
    }

    /// Every alias starting at `start`.
    fn each_at(&self, lowered: &[u8], start: usize, mut f: impl FnMut(Span, u32)) {
        let Some((automaton, groups)) = self.shard(lowered, start) else { return };
        let input = Input::new(lowered).range(start..).anchored(Anchored::Yes);
        let mut state = OverlappingState::start();
        while automaton.try_find_overlapping(input.clone(), &mut state).is_ok() {
            let Some(m) = state.get_match() else { break };
            f(Span::new(m.start(), m.end()), groups[m.pattern().as_usize()]);
        }
    }

    fn memory_usage(&self) -> usize {
        self.shards.iter().map(|(a, g)| a.memory_usage() + g.len() * 4).sum::<usize>() + 512
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
