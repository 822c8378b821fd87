//! The entity stage: people, places and organisations.
//!
//! Input: the text and its [`Segmentation`](crate::text::Segmentation). Output: the
//! document's [`Mention`]s, each with its kind, canonical [`EntityId`] and the [`RuleId`] of
//! the gazetteer line or pattern rule that made it.
//!
//! Three sources of candidates, then one overlap policy:
//!
//! 1. **Gazetteers** (`gazetteer.rs`): every alias compiled once, one pass over the text. Matches must
//!    lie on token boundaries and obey the case policy: every letter that is upper case in the
//!    alias is upper case in the text (acronyms match exactly, "US" is not "us"; names still
//!    match in ALL-CAPS datelines and credits).
//! 2. **Pattern rules** (`patterns.rs`): names in no gazetteer, found from cue words in
//!    `data/names/` — titles and roles ("President", "Gen.", "spokesman"), first names,
//!    organisation heads and suffixes ("Ministry of …", "… Corps"), place cues ("near …",
//!    "… province") and photo-credit lines.
//! 3. **Within-document resolution** ([`crate::resolve`]): bare surnames, acronyms defined in
//!    the text and @handles linked to the people and organisations already found.
//!
//! **Overlap policy.** Candidates are taken longest first, then by priority (a later
//! gazetteer file beats an earlier one, any gazetteer beats a pattern rule), then earliest;
//! a candidate overlapping one already taken is dropped. Resolution then fills only the gaps.
//! With [`ExtractorBuilder::all_candidates`](crate::ExtractorBuilder::all_candidates) every
//! candidate is kept instead, overlapping ones included, for inspection or for a caller's own
//! policy.

pub(crate) mod cues;
pub(crate) mod gazetteer;
pub(crate) mod patterns;

use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

/// The kind of a named entity.
///
/// New kinds may be added (the enum is `#[non_exhaustive]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum EntityKind {
    /// A named person (or a person's handle).
    Person,
    /// A country, region, city, site or facility.
    Place,
    /// A government body, armed force, militia, company, agency or other organisation.
    Organisation,
}

impl EntityKind {
    /// `person`, `place` or `organisation`, as in data files and JSON.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(annals::EntityKind::Organisation.as_str(), "organisation");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Organisation => "organisation",
        }
    }
}

impl std::str::FromStr for EntityKind {
    type Err = ();

    /// `person`, `place` or `organisation` (also spelled `organization`).
    fn from_str(kind: &str) -> Result<EntityKind, ()> {
        match kind {
            "person" => Ok(EntityKind::Person),
            "place" => Ok(EntityKind::Place),
            "organisation" | "organization" => Ok(EntityKind::Organisation),
            _ => Err(()),
        }
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A cheap-to-clone string newtype (an `Arc<str>`) that serialises as a plain string; also
/// used for event kinds.
macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub(crate) Arc<str>);

        impl $name {
            /// The id as a string.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> $name {
                $name(Arc::from(s))
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> $name {
                $name(Arc::from(s))
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                &*self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                &*self.0 == *other
            }
        }
    };
}
pub(crate) use string_id;

string_id!(
    /// The canonical id of an entity: `qasem-soleimani`, `united-states`.
    ///
    /// Gazetteer entries bring their own; names found by pattern rules get a slug of their
    /// full name.
    EntityId
);

string_id!(
    /// Which rule made a result: `gazetteer:data/gazetteer/story.tsv:12`,
    /// `pattern:title:data/names/cues.tsv:40`, `resolve:surname`. Stable and greppable.
    RuleId
);

/// One mention of a named entity in a document.
///
/// More fields may be added (the struct is `#[non_exhaustive]`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Mention {
    /// UTF-8 byte offsets into the document's text.
    #[serde(flatten)]
    pub span: Span,
    /// Offset of the first char, in Unicode scalar values.
    pub char_start: usize,
    /// Offset one past the last char, in Unicode scalar values.
    pub char_end: usize,
    /// The mentioned text, as written.
    pub text: String,
    /// Person, place or organisation.
    pub kind: EntityKind,
    /// The canonical entity.
    pub entity: EntityId,
    /// The gazetteer line or rule that made it.
    pub rule: RuleId,
}

/// An entity mentioned in a document: its canonical id, display name, kind and the surface
/// forms it is known by.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Entity {
    /// Canonical id.
    pub entity: EntityId,
    /// Display name.
    pub name: String,
    /// Person, place or organisation.
    pub kind: EntityKind,
    /// The other forms the text calls it by (`Soleimani`, `Qassem Soleimani`).
    pub aliases: Vec<String>,
}

/// One registry for many documents: every entity mentioned in any of them, merged by id
/// (aliases united), sorted by id so that the result does not depend on document order.
///
/// # Example
///
/// ```
/// use annals::{Document, Extractor, entities::registry};
/// let extractor = Extractor::new()?;
/// let a = extractor.extract(&Document::new("a", "Qasem Soleimani was killed."));
/// let b = extractor.extract(&Document::new("b", "Qassem Soleimani was buried."));
/// let merged = registry(&[a, b]);
/// assert_eq!(merged.len(), 1);
/// assert_eq!(merged[0].entity, "qasem-soleimani");
/// # Ok::<(), annals::Error>(())
/// ```
pub fn registry(extractions: &[crate::Extraction]) -> Vec<Entity> {
    let mut by_id: BTreeMap<&EntityId, Entity> = BTreeMap::new();
    for extraction in extractions {
        for entity in &extraction.registry {
            let merged = by_id
                .entry(&entity.entity)
                .or_insert_with(|| Entity { aliases: Vec::new(), ..entity.clone() });
            for alias in &entity.aliases {
                if *alias != merged.name && !merged.aliases.contains(alias) {
                    merged.aliases.push(alias.clone());
                }
            }
        }
    }
    by_id
        .into_values()
        .map(|mut e| {
            e.aliases.sort();
            e
        })
        .collect()
}

/// A candidate mention before the overlap policy.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub(crate) span: Span,
    pub(crate) kind: EntityKind,
    pub(crate) entity: EntityId,
    /// Higher wins between candidates of equal length.
    pub(crate) priority: u32,
    pub(crate) rule: RuleId,
    /// Index of the gazetteer entry, if the entity is in the gazetteer.
    pub(crate) entry: Option<u32>,
}

/// Priority of pattern-rule candidates (gazetteer files have 100 and up).
pub(crate) const PATTERN_PRIORITY: u32 = 10;

/// Applies the overlap policy: longest, then highest priority, then earliest. The result is
/// sorted by position.
///
/// Candidates are cut into clusters of transitively overlapping spans; most clusters hold one
/// candidate and are kept as they are, so the policy's sort runs only where spans compete.
pub(crate) fn resolve_overlaps(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    candidates.retain(|c| !c.span.is_empty());
    candidates.sort_unstable_by_key(|c| {
        (c.span.start, std::cmp::Reverse(c.span.end), std::cmp::Reverse(c.priority))
    });
    let mut kept = Vec::with_capacity(candidates.len());
    let mut cluster: Vec<Candidate> = Vec::new();
    let mut cluster_end = 0;
    for c in candidates {
        if !cluster.is_empty() && c.span.start >= cluster_end {
            settle(&mut cluster, &mut kept);
        }
        cluster_end = if cluster.is_empty() { c.span.end } else { cluster_end.max(c.span.end) };
        cluster.push(c);
    }
    settle(&mut cluster, &mut kept);
    kept
}

/// Moves the winners of one cluster of overlapping candidates to `kept`, in position order.
fn settle(cluster: &mut Vec<Candidate>, kept: &mut Vec<Candidate>) {
    if cluster.len() <= 1 {
        kept.append(cluster);
        return;
    }
    cluster.sort_by(|a, b| {
        b.span
            .len()
            .cmp(&a.span.len())
            .then(b.priority.cmp(&a.priority))
            .then(a.span.start.cmp(&b.span.start))
    });
    // Accepted spans by start; they never overlap, so a neighbour check suffices.
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let first = kept.len();
    for c in cluster.drain(..) {
        let before = taken.range(..c.span.end).next_back();
        if before.is_some_and(|(_, &end)| end > c.span.start) {
            continue;
        }
        taken.insert(c.span.start, c.span.end);
        kept.push(c);
    }
    kept[first..].sort_by_key(|c| c.span.start);
}

/// Lower-case ASCII slug of a name: `Abedin Taherkenareh` → `abedin-taherkenareh`.
/// Common Latin diacritics are folded; a name with no ASCII letter gets a stable hash.
pub(crate) fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut dash = false;
    for c in name.chars() {
        let folded = fold_latin(c);
        for f in folded.chars() {
            if f.is_ascii_alphanumeric() {
                if dash && !out.is_empty() {
                    out.push('-');
                }
                dash = false;
                out.push(f.to_ascii_lowercase());
            } else if !matches!(f, '\'' | '’' | '.') {
                dash = true;
            }
        }
    }
    if out.is_empty() {
        // FNV-1a: deterministic across runs and platforms.
        let hash = name
            .bytes()
            .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
        out = format!("entity-{hash:016x}");
    }
    out
}

fn fold_latin(c: char) -> &'static str {
    const TABLE: &[(&str, &str)] = &[
        ("àáâãäåāăą", "a"),
        ("ÀÁÂÃÄÅĀĂĄ", "A"),
        ("çćĉċč", "c"),
        ("ÇĆĈĊČ", "C"),
        ("ďđ", "d"),
        ("ĎĐ", "D"),
        ("èéêëēĕėęě", "e"),
        ("ÈÉÊËĒĔĖĘĚ", "E"),
        ("ĝğġģ", "g"),
        ("ĜĞĠĢ", "G"),
        ("ĥħ", "h"),
        ("ìíîïĩīĭįı", "i"),
        ("ÌÍÎÏĨĪĬĮİ", "I"),
        ("ĵ", "j"),
        ("ķ", "k"),
        ("ĺļľŀł", "l"),
        ("ĹĻĽĿŁ", "L"),
        ("ñńņňŉ", "n"),
        ("ÑŃŅŇ", "N"),
        ("òóôõöøōŏő", "o"),
        ("ÒÓÔÕÖØŌŎŐ", "O"),
        ("ŕŗř", "r"),
        ("śŝşšș", "s"),
        ("ŚŜŞŠȘ", "S"),
        ("ţťŧț", "t"),
        ("ŢŤŦȚ", "T"),
        ("ùúûüũūŭůűų", "u"),
        ("ÙÚÛÜŨŪŬŮŰŲ", "U"),
        ("ýÿŷ", "y"),
        ("ÝŸŶ", "Y"),
        ("źżž", "z"),
        ("ŹŻŽ", "Z"),
        ("ß", "ss"),
        ("æ", "ae"),
        ("Æ", "AE"),
        ("œ", "oe"),
        ("Œ", "OE"),
    ];
    if c.is_ascii() {
        // Every ASCII char as a &'static str.
        const ASCII: &str = "\0\u{1}\u{2}\u{3}\u{4}\u{5}\u{6}\u{7}\u{8}\t\n\u{b}\u{c}\r\u{e}\u{f}\u{10}\u{11}\u{12}\u{13}\u{14}\u{15}\u{16}\u{17}\u{18}\u{19}\u{1a}\u{1b}\u{1c}\u{1d}\u{1e}\u{1f} !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\u{7f}";
        let i = c as usize;
        return &ASCII[i..i + 1];
    }
    TABLE.iter().find(|(from, _)| from.contains(c)).map_or(" ", |(_, to)| to)
}

/// Display form of a name found by a rule: ALL-CAPS words become Title Case.
pub(crate) fn display_name(text: &str) -> String {
    let has_lower = text.chars().any(char::is_lowercase);
    let collapsed: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if has_lower || !text.chars().any(char::is_alphabetic) {
        return collapsed;
    }
    let mut out = String::with_capacity(collapsed.len());
    let mut start = true;
    for c in collapsed.chars() {
        if start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric() && c != '\'' && c != '’';
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(start: usize, end: usize, priority: u32, id: &str) -> Candidate {
        Candidate {
            span: Span::new(start, end),
            kind: EntityKind::Place,
            entity: EntityId::from(id),
            priority,
            rule: RuleId::from("t"),
            entry: None,
        }
    }

    #[test]
    fn overlap_policy_longest_then_priority_then_earliest() {
        let kept = resolve_overlaps(vec![
            cand(0, 4, 100, "short"),
            cand(0, 8, 10, "long"),
            cand(6, 10, 200, "clash"),
            cand(10, 14, 100, "low"),
            cand(10, 14, 101, "high"),
            cand(20, 24, 5, "a"),
            cand(22, 26, 5, "b"),
        ]);
        let ids: Vec<_> = kept.iter().map(|c| c.entity.as_str()).collect();
        assert_eq!(ids, ["long", "high", "a"]);
    }

    #[test]
    fn slugs_and_display_names() {
        assert_eq!(slug("ABEDIN TAHERKENAREH"), "abedin-taherkenareh");
        assert_eq!(slug("Kata'ib Hezbollah"), "kataib-hezbollah");
        assert_eq!(slug("José Ñúñez-Löw"), "jose-nunez-low");
        assert!(slug("毛泽东").starts_with("entity-"));
        assert_eq!(display_name("MURTAJA LATEEF"), "Murtaja Lateef");
        assert_eq!(display_name("IRAQ'S SECURITY  MEDIA"), "Iraq's Security Media");
        assert_eq!(display_name("Abu Mahdi al-Muhandis"), "Abu Mahdi al-Muhandis");
    }
}
