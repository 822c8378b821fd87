//! The timeline: what many documents say, merged into one chronological list of events, every
//! entry with the sentences that report it.
//!
//! A [`Timeline`] is a set: the event mentions of the documents added to it, with the
//! entities they name and the summary templates of their kinds. [`Timeline::merge`] is set
//! union, so it is associative and commutative by construction: extract anywhere, merge in any
//! order or grouping, and get the same timeline. Clustering duplicate reports into
//! [`Entry`]s happens when the entries are read ([`Timeline::entries`]), from the whole set in
//! a canonical order, so it too is independent of how the set was built.
//!
//! ```
//! use annals::{Document, Extractor, Timeline};
//! let extractor = Extractor::new()?;
//! let date = chrono::NaiveDate::from_ymd_opt(2020, 1, 3).unwrap();
//! let a = Document::new("a", "A US drone strike killed Qasem Soleimani at Baghdad airport on Friday.").published(date);
//! let b = Document::new("b", "Qassem Soleimani was killed in a US air strike in Baghdad on Friday.").published(date);
//! let timeline = Timeline::merge_all([&a, &b].map(|d| extractor.timeline(d, &extractor.extract(d))));
//! let entries = timeline.entries();
//! let kinds: Vec<_> = entries.iter().map(|e| (e.kind.as_str(), e.sources.len())).collect();
//! assert_eq!(kinds, [("attack", 2), ("death", 2)]); // one entry per real event, both reports kept
//! assert_eq!(entries[1].summary, "Death of Qasem Soleimani, killed by United States at Baghdad");
//! # Ok::<(), annals::Error>(())
//! ```

mod cluster;
pub mod render;
mod similarity;

use crate::entities::{Entity, EntityId};
use crate::events::{Event, EventKind, Role, Status, TimeSource};
use crate::span::Span;
use crate::time::{Granularity, Interval, TimexValue};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

/// One event mention with what the timeline needs from its document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Report {
    /// The document's id.
    pub document: String,
    /// The document's publication date.
    pub published: Option<NaiveDate>,
    /// The event as extracted.
    pub event: Event,
    /// The text of the event's sentence (an excerpt around the trigger if the sentence is
    /// longer than [`MAX_SENTENCE`] bytes).
    pub sentence: String,
}

/// The longest sentence a report keeps whole; a longer one (a text with no sentence breaks)
/// is cut to an excerpt around the trigger, so that a report's size does not grow with the
/// document.
pub const MAX_SENTENCE: usize = 1000;

/// The text of `sentence`, or an excerpt of at most [`MAX_SENTENCE`] bytes around `trigger`
/// marked with "…" where it is cut, on character boundaries.
pub(crate) fn excerpt(text: &str, sentence: Span, trigger: Span) -> String {
    let Some(whole) = text.get(sentence.range()) else { return String::new() };
    if whole.len() <= MAX_SENTENCE {
        return whole.to_string();
    }
    let middle = (trigger.start + trigger.end) / 2;
    let mut start = middle.saturating_sub(MAX_SENTENCE / 2).max(sentence.start);
    let mut end = (start + MAX_SENTENCE).min(sentence.end);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let cut_before = if start > sentence.start { "…" } else { "" };
    let cut_after = if end < sentence.end { "…" } else { "" };
    format!("{cut_before}{}{cut_after}", &text[start..end.max(start)])
}

impl Report {
    /// The canonical order of reports: by document, then position, then kind.
    fn key(&self) -> (&str, usize, usize, &EventKind) {
        (&self.document, self.event.trigger.span.start, self.event.trigger.span.end, &self.event.kind)
    }
}

/// A kind's label and summary template (from `data/events/kinds.tsv`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct KindInfo {
    /// A short human name.
    pub label: String,
    /// How many days apart reports sharing a participant in an identity role may be dated
    /// and still tell one event.
    pub span_days: u32,
    /// The roles whose shared participant makes two reports one event across days.
    pub identity: Vec<Role>,
    /// The summary template.
    pub summary: String,
    /// Kinds whose mentions may tell an event of this kind, with the role they must share
    /// with it on its day (a protest told as "an attack on the embassy").
    #[serde(default)]
    pub told_as: Vec<(EventKind, Role)>,
}

/// A set of event reports from any number of documents, with their entities; read it with
/// [`Timeline::entries`]. Build one per document with [`crate::Extractor::timeline`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    reports: Vec<Report>,
    entities: BTreeMap<EntityId, Entity>,
    /// Shared: every document's timeline from one extractor holds the same map.
    kinds: Arc<BTreeMap<EventKind, KindInfo>>,
}

/// A value and the interval it denotes.
type Dated = (TimexValue, Interval);

/// How many entries of one day a document may date on an adjacent day (its time zone) that
/// `date_events` compares each of its other entries of that day with: a document of thousands
/// of events stays linear.
const MAX_ZONE_ENTRIES: usize = 8;

impl Timeline {
    /// A timeline of one document's reports.
    pub(crate) fn from_parts(
        reports: Vec<Report>,
        entities: impl IntoIterator<Item = Entity>,
        kinds: Arc<BTreeMap<EventKind, KindInfo>>,
    ) -> Timeline {
        let mut timeline = Timeline { reports, entities: BTreeMap::new(), kinds };
        for entity in entities {
            merge_entity(&mut timeline.entities, entity);
        }
        timeline.normalise();
        timeline
    }

    /// The union of two timelines. Associative and commutative: any order and grouping of
    /// merges gives the same timeline.
    pub fn merge(self, other: Timeline) -> Timeline {
        Timeline::merge_all([self, other])
    }

    /// The union of many timelines, in one sort (near-linear in the number of reports).
    pub fn merge_all(timelines: impl IntoIterator<Item = Timeline>) -> Timeline {
        let mut merged = Timeline::default();
        for timeline in timelines {
            merged.reports.extend(timeline.reports);
            for (_, entity) in timeline.entities {
                merge_entity(&mut merged.entities, entity);
            }
            if merged.kinds.is_empty() {
                merged.kinds = timeline.kinds;
            } else if !Arc::ptr_eq(&merged.kinds, &timeline.kinds) {
                for (kind, info) in timeline.kinds.iter() {
                    // The same kind from two vocabularies: the smaller template wins, whatever
                    // the order.
                    if merged.kinds.get(kind).is_none_or(|existing| *info < *existing) {
                        Arc::make_mut(&mut merged.kinds).insert(kind.clone(), info.clone());
                    }
                }
            }
        }
        merged.normalise();
        merged
    }

    /// Sorts reports canonically and drops repeats of the same mention (the same document
    /// merged twice).
    fn normalise(&mut self) {
        // Unstable is enough: the tiebreak makes the order total.
        self.reports
            .sort_unstable_by(|a, b| a.key().cmp(&b.key()).then_with(|| tiebreak(a).cmp(&tiebreak(b))));
        self.reports.dedup_by(|a, b| a.key() == b.key());
        for entity in self.entities.values_mut() {
            entity.aliases.sort();
            entity.aliases.dedup();
        }
    }

    /// Every report, in canonical order (document, position).
    pub fn reports(&self) -> &[Report] {
        &self.reports
    }

    /// The entities the reports name, by id.
    pub fn entities(&self) -> &BTreeMap<EntityId, Entity> {
        &self.entities
    }

    /// The display name of an entity (its id if unknown).
    pub fn name<'a>(&'a self, id: &'a EntityId) -> &'a str {
        self.entities.get(id).map_or(id.as_str(), |e| e.name.as_str())
    }

    /// The label of a kind (the kind itself if unknown).
    pub fn label<'a>(&'a self, kind: &'a EventKind) -> &'a str {
        self.kinds.get(kind).map_or(kind.as_str(), |k| k.label.as_str())
    }

    /// The timeline: asserted, dated reports clustered into entries (one per real event),
    /// in chronological order (interval, then first report). A report dated through a link
    /// to another event of its sentence (`TimeSource::Linked`) whose partner's entry lies a
    /// day off its own day takes that entry's day, and the reports are clustered again: the
    /// dead of a downing that a Washington text dates "late Tuesday" go with the downing of
    /// Wednesday, not with Tuesday's other deaths. So does a report tied to such a partner
    /// when both are dated only by a guess, if the partner's entry is the larger ("angry at
    /// air strikes that killed 25": the deaths go with the strikes that other texts date).
    pub fn entries(&self) -> Vec<Entry> {
        let placed: Vec<&Report> = self
            .reports
            .iter()
            .filter(|r| r.event.status == Status::Asserted && r.event.interval.is_some())
            .collect();
        let mut clusters = cluster::cluster(&placed, &self.kinds);
        // Reports dated through a link, moved to the day of their partner's entry (see
        // `follow_links`), then everything clustered again.
        let moved = follow_links(&clusters);
        if !moved.is_empty() {
            let by_trigger: BTreeMap<(&str, Span), &Report> =
                moved.iter().map(|r| (trigger_key(r), r)).collect();
            let replaced: Vec<&Report> =
                placed.iter().map(|r| by_trigger.get(&trigger_key(r)).copied().unwrap_or(r)).collect();
            clusters = cluster::cluster(&replaced, &self.kinds);
        }
        let mut entries: Vec<Entry> = clusters.into_iter().map(|members| self.entry(&members)).collect();
        entries.sort_by(|a, b| {
            (a.interval.start, a.interval.end, &a.sources[0].document, a.sources[0].trigger.start).cmp(&(
                b.interval.start,
                b.interval.end,
                &b.sources[0].document,
                b.sources[0].trigger.start,
            ))
        });
        entries
    }

    /// Gives the events of document `document` the dates of the entries they were merged
    /// into (`entries` from [`Timeline::entries`]): what the other documents say dates an
    /// event that its own text dates only by publication (or the day before a bound) or not
    /// precisely. Where the document's own text dates another of its mentions in the same
    /// entry to a day, that day wins over the entry's (a text keeps its own time zone's day);
    /// where it dates an entry of the same day one day off, entries of that day sharing
    /// someone with it move with it (the strike that killed a general whose death the text
    /// dates a day earlier).
    /// An event in an entry of another kind takes that kind: the entry tells it in other
    /// words (`told-as` in kinds.tsv: "the attack on the embassy" in the siege's entry).
    /// Events in no entry (not asserted, or undated) keep their own.
    ///
    /// # Example
    ///
    /// ```
    /// use annals::{Document, Extractor, Timeline, events::TimeSource};
    /// let extractor = Extractor::new()?;
    /// let day = |d| chrono::NaiveDate::from_ymd_opt(2020, 1, d).unwrap();
    /// let a = Document::new("a", "US air strikes hit Kataib Hezbollah bases on Sunday.").published(day(1));
    /// let b = Document::new("b", "Protesters denounced the air strikes on Kataib Hezbollah.").published(day(1));
    /// let (xa, mut xb) = (extractor.extract(&a), extractor.extract(&b));
    /// let timeline = Timeline::merge_all([extractor.timeline(&a, &xa), extractor.timeline(&b, &xb)]);
    /// timeline.date_events(&timeline.entries(), "b", &mut xb.events);
    /// let strikes = xb.events.iter().find(|e| e.trigger.text == "air strikes").unwrap();
    /// assert_eq!(strikes.value.as_ref().map(|v| v.to_string()).as_deref(), Some("2019-12-29"));
    /// assert_eq!(strikes.time_source, TimeSource::Timeline);
    /// # Ok::<(), annals::Error>(())
    /// ```
    pub fn date_events(&self, entries: &[Entry], document: &str, events: &mut [Event]) {
        let mut by_trigger: BTreeMap<(usize, usize), usize> = BTreeMap::new();
        for (i, entry) in entries.iter().enumerate() {
            for source in entry.sources.iter().filter(|s| s.document == document) {
                by_trigger.insert((source.trigger.start, source.trigger.end), i);
            }
        }
        let entry_of = |e: &Event| by_trigger.get(&(e.trigger.span.start, e.trigger.span.end)).copied();
        // The event's own text wins where it dates the event to a day; the timeline dates what
        // the text dates only by publication, or coarsely.
        let weak = |e: &Event| {
            matches!(e.time_source, crate::events::TimeSource::Published | crate::events::TimeSource::Before)
                || e.interval.is_none_or(|i| i.granularity > Granularity::Day)
        };
        // An entry's day as this document's own text gives it, where it does: a strike "on
        // Thursday" in a text written in Washington keeps that text's other mentions of the
        // strike on Thursday, though most reports, written in Baghdad, say Friday.
        let mut own: BTreeMap<usize, Dated> = BTreeMap::new();
        for e in events.iter().filter(|e| !weak(e)) {
            if let (Some(i), Some(value), Some(interval)) = (entry_of(e), &e.value, e.interval) {
                own.entry(i).or_insert_with(|| (value.clone(), interval));
            }
        }
        // A text that tells an entry of day D on an adjacent day writes in another time zone:
        // it tells the other entries of day D that share someone with that one on its day too
        // (the strike that killed Soleimani, whose death a Washington text dates "Thursday").
        let day_of =
            |interval: Interval| (interval.granularity == Granularity::Day).then(|| interval.start.date());
        let mut zone: BTreeMap<NaiveDate, Vec<(usize, Dated)>> = BTreeMap::new();
        for (&j, (_, own_day)) in &own {
            let Some(day) = day_of(entries[j].interval) else { continue };
            let told = own_day.start.date();
            let list = zone.entry(day).or_default();
            let value = TimexValue::Calendar(crate::time::CalendarValue::date(told));
            if let Some(told_day) = value.interval()
                && (day - told).num_days().abs() == 1
                && list.len() < MAX_ZONE_ENTRIES
            {
                list.push((j, (value, told_day)));
            }
        }
        // Each entry is compared once, through its participants' set: an entry of thousands of
        // participants costs its length, not its square, whatever the document's events.
        let people: BTreeMap<usize, std::collections::BTreeSet<&EntityId>> =
            zone.values().flatten().map(|(j, _)| (*j, entries[*j].participants.iter().collect())).collect();
        let mut shifted: BTreeMap<usize, Option<&Dated>> = BTreeMap::new();
        for event in events.iter().filter(|e| weak(e)) {
            let Some(i) = entry_of(event) else { continue };
            shifted.entry(i).or_insert_with(|| {
                let list = zone.get(&day_of(entries[i].interval)?)?;
                list.iter()
                    .find(|(j, _)| {
                        people
                            .get(j)
                            .is_some_and(|set| entries[i].participants.iter().any(|p| set.contains(p)))
                    })
                    .map(|(_, day)| day)
            });
        }
        for event in events.iter_mut() {
            let Some(i) = entry_of(event) else { continue };
            // A mention the timeline reads as another kind's event takes that kind ("an attack
            // on the embassy" in the entry of the crowd's siege).
            if event.kind != entries[i].kind {
                event.kind = entries[i].kind.clone();
            }
            let (value, interval) = own
                .get(&i)
                .or_else(|| shifted.get(&i).copied().flatten())
                .map_or((&entries[i].value, entries[i].interval), |(v, i)| (v, *i));
            if weak(event) && event.value.as_ref() != Some(value) {
                event.value = Some(value.clone());
                event.interval = Some(interval);
                event.time_source = crate::events::TimeSource::Timeline;
            }
        }
    }

    fn entry(&self, members: &[&Report]) -> Entry {
        let (value, interval) = cluster::consensus(members);
        // The kind the others are told as, if the entry joined some (a protest reported as an
        // attack): else its first report's.
        let told = |k: &EventKind, other: &EventKind| {
            k == other || self.kinds.get(k).is_some_and(|info| info.told_as.iter().any(|(f, _)| f == other))
        };
        let distinct: std::collections::BTreeSet<&EventKind> =
            members.iter().map(|r| &r.event.kind).collect();
        let kind = distinct
            .iter()
            .find(|k| distinct.iter().all(|other| told(k, other)))
            .copied()
            .unwrap_or(&members[0].event.kind)
            .clone();
        let mut by_role: BTreeMap<Role, BTreeMap<&EntityId, usize>> = BTreeMap::new();
        let mut places: BTreeMap<&EntityId, usize> = BTreeMap::new();
        for r in members {
            for p in &r.event.participants {
                *by_role.entry(p.role).or_default().entry(&p.entity).or_default() += 1;
            }
            if let Some(place) = &r.event.place {
                *places.entry(place).or_default() += 1;
            }
        }
        let ranked = |counts: &BTreeMap<&EntityId, usize>| -> Vec<EntityId> {
            let mut v: Vec<(&EntityId, usize)> = counts.iter().map(|(k, v)| (*k, *v)).collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            v.into_iter().map(|(k, _)| k.clone()).collect()
        };
        let roles: BTreeMap<Role, Vec<EntityId>> = by_role.iter().map(|(r, c)| (*r, ranked(c))).collect();
        let places_ranked = ranked(&places);
        // In role order, each once (a set: an entry may name thousands).
        let mut seen: std::collections::BTreeSet<&EntityId> = std::collections::BTreeSet::new();
        let participants: Vec<EntityId> =
            roles.values().flatten().filter(|id| seen.insert(*id)).cloned().collect();
        // A place the summary already names as a participant is not named again ("Iraq vote",
        // not "Iraq vote in Iraq").
        let shown_roles = summary_roles(&by_role);
        let shown_places: Vec<EntityId> = salient(&places)
            .into_iter()
            .filter(|p| !shown_roles.values().any(|ids| ids.iter().take(SUMMARY_NAMES).any(|id| id == p)))
            .collect();
        let summary = self.summary(&kind, &shown_roles, &shown_places);
        let places = places_ranked;
        let mut sources: Vec<Source> = members
            .iter()
            .map(|r| Source {
                document: r.document.clone(),
                start: r.event.sentence.start,
                end: r.event.sentence.end,
                trigger: r.event.trigger.span,
                text: r.sentence.clone(),
                published: r.published,
            })
            .collect();
        sources.sort_by(|a, b| {
            (&a.document, a.start, a.trigger.start).cmp(&(&b.document, b.start, b.trigger.start))
        });
        let documents = {
            let mut d: Vec<&str> = sources.iter().map(|s| s.document.as_str()).collect();
            d.dedup();
            d.len()
        };
        Entry { value, interval, kind, summary, participants, places, documents, sources }
    }

    /// Fills the kind's template: `{role}` → up to two names, `[…]` dropped when empty.
    fn summary(
        &self,
        kind: &EventKind,
        roles: &BTreeMap<Role, Vec<EntityId>>,
        places: &[EntityId],
    ) -> String {
        let template = self.kinds.get(kind).map_or("{agent}", |k| k.summary.as_str());
        let names = |spec: &str| -> String {
            for name in spec.split('|') {
                let ids: &[EntityId] = if name == "place" {
                    places
                } else {
                    name.parse::<Role>().ok().and_then(|r| roles.get(&r)).map_or(&[], Vec::as_slice)
                };
                if !ids.is_empty() {
                    let shown: Vec<&str> = ids.iter().take(SUMMARY_NAMES).map(|id| self.name(id)).collect();
                    return shown.join(" and ");
                }
            }
            String::new()
        };
        let mut out = String::new();
        let mut group = String::new();
        let mut group_ok = true;
        let mut in_group = false;
        let mut rest = template;
        while let Some(c) = rest.chars().next() {
            match c {
                '[' => {
                    in_group = true;
                    group.clear();
                    group_ok = true;
                    rest = &rest[1..];
                }
                ']' => {
                    if group_ok {
                        out.push_str(&group);
                    }
                    in_group = false;
                    rest = &rest[1..];
                }
                '{' => {
                    let close = rest.find('}').unwrap_or(rest.len() - 1);
                    let filled = names(&rest[1..close]);
                    if filled.is_empty() {
                        group_ok = false;
                    }
                    if in_group {
                        group.push_str(&filled)
                    } else {
                        out.push_str(&filled)
                    }
                    rest = &rest[close + 1..];
                }
                c => {
                    if in_group {
                        group.push(c)
                    } else {
                        out.push(c)
                    }
                    rest = &rest[c.len_utf8()..];
                }
            }
        }
        let mut summary = out.trim().to_string();
        if let Some(first) = summary.chars().next() {
            let upper: String = first.to_uppercase().collect();
            summary.replace_range(..first.len_utf8(), &upper);
        }
        summary
    }
}

/// The names a summary shows: each entity under the role most reports give it, and in each
/// role only those told at least half as often as the role's most told one (at most two), so
/// that one stray reading does not put "Tehran" among the targets of a strike in Baghdad.
fn summary_roles(by_role: &BTreeMap<Role, BTreeMap<&EntityId, usize>>) -> BTreeMap<Role, Vec<EntityId>> {
    let mut best: BTreeMap<&EntityId, (usize, Role)> = BTreeMap::new();
    for (role, counts) in by_role {
        for (id, n) in counts {
            let entry = best.entry(id).or_insert((*n, *role));
            if *n > entry.0 {
                *entry = (*n, *role);
            }
        }
    }
    let mut roles: BTreeMap<Role, BTreeMap<&EntityId, usize>> = BTreeMap::new();
    for (id, (n, role)) in best {
        roles.entry(role).or_default().insert(id, n);
    }
    roles.into_iter().map(|(role, counts)| (role, salient(&counts))).collect()
}

/// The most told entities: as often as the first, or more than half as often; at most two,
/// most told first. One stray report beside two others does not make a second doer.
fn salient(counts: &BTreeMap<&EntityId, usize>) -> Vec<EntityId> {
    let mut v: Vec<(&EntityId, usize)> = counts.iter().map(|(k, v)| (*k, *v)).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let top = v.first().map_or(0, |(_, n)| *n);
    v.into_iter().take_while(|(_, n)| *n == top || 2 * n > top).take(2).map(|(k, _)| k.clone()).collect()
}

/// A total order on reports with the same key, so that which one survives deduplication does
/// not depend on the order they came in.
fn tiebreak(r: &Report) -> String {
    format!("{:?}", r)
}

fn merge_entity(entities: &mut BTreeMap<EntityId, Entity>, entity: Entity) {
    let Some(existing) = entities.get_mut(&entity.entity) else {
        entities.insert(entity.entity.clone(), entity);
        return;
    };
    // Keep the smaller name (and its kind) so the result does not depend on order; the other
    // name becomes an alias. Aliases stay distinct as they come (few per entity), so merging
    // many documents stays linear.
    let mut other = entity;
    if (other.name.as_str(), other.kind) < (existing.name.as_str(), existing.kind) {
        std::mem::swap(&mut existing.name, &mut other.name);
        existing.kind = other.kind;
    }
    for alias in std::iter::once(other.name).chain(other.aliases) {
        if alias != existing.name && !existing.aliases.contains(&alias) {
            existing.aliases.push(alias);
        }
    }
    let name = existing.name.clone();
    existing.aliases.retain(|a| *a != name);
}

/// One event on the timeline: every report of it, merged.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Entry {
    /// When: the TIMEX3 value most reports agree on.
    pub value: TimexValue,
    /// The interval `value` denotes.
    pub interval: Interval,
    /// The kind of event.
    pub kind: EventKind,
    /// A one-line summary: kind, participants, place.
    pub summary: String,
    /// The entities taking part, agents first.
    pub participants: Vec<EntityId>,
    /// Where, most reported first.
    pub places: Vec<EntityId>,
    /// How many documents report it.
    pub documents: usize,
    /// Every sentence that reports it, by document and position.
    pub sources: Vec<Source>,
}

/// Reports dated through a link ("killing all 176 people" after "downed a jetliner late
/// Tuesday", in one Washington text) whose partner event lies, as clustered, in an entry a
/// day apart from their own day: copies dated to the partner's entry. That entry says on what
/// day most reports put the event that caused them, and a day off is a time zone. A report
/// and partner both dated by a guess: the one in the smaller entry goes to the other's day.
fn follow_links(clusters: &[Vec<&Report>]) -> Vec<Report> {
    if !clusters.iter().flatten().any(|r| r.event.linked.is_some()) {
        return Vec::new();
    }
    let mut cluster_of: BTreeMap<(&str, Span), usize> = BTreeMap::new();
    for (c, members) in clusters.iter().enumerate() {
        for r in members {
            cluster_of.insert(trigger_key(r), c);
        }
    }
    let mut dates: BTreeMap<usize, (TimexValue, Interval)> = BTreeMap::new();
    let mut moved = Vec::new();
    for r in clusters.iter().flatten() {
        let (Some(span), Some(own)) = (r.event.linked, r.event.interval) else { continue };
        // Dated by a guess, like its partner: it goes where the partner's report, in the
        // larger entry, is dated by the other texts.
        let guessed =
            matches!(r.event.time_source, TimeSource::Published | TimeSource::Sentence | TimeSource::Before);
        if !guessed && (r.event.time_source != TimeSource::Linked || own.granularity != Granularity::Day) {
            continue;
        }
        let Some(&p) = cluster_of.get(&(r.document.as_str(), span)) else { continue };
        let (value, interval) = dates.entry(p).or_insert_with(|| cluster::consensus(&clusters[p])).clone();
        let apart = (interval.start.date() - own.start.date()).num_days().abs();
        let larger = cluster_of.get(&trigger_key(r)).is_some_and(|&c| clusters[p].len() > clusters[c].len());
        let follows = if guessed { apart > 0 && larger } else { apart == 1 };
        if interval.granularity == Granularity::Day && follows {
            let mut copy = (*r).clone();
            copy.event.value = Some(value);
            copy.event.interval = Some(interval);
            moved.push(copy);
        }
    }
    moved
}

/// A report's document and trigger: what names it across clusterings.
fn trigger_key(r: &Report) -> (&str, Span) {
    (r.document.as_str(), r.event.trigger.span)
}

/// How many names a summary shows for a role or the place.
const SUMMARY_NAMES: usize = 2;

/// A sentence that reports an entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Source {
    /// The document's id.
    pub document: String,
    /// The sentence's UTF-8 byte offsets in the document.
    pub start: usize,
    /// End of the sentence.
    pub end: usize,
    /// The trigger's offsets.
    pub trigger: Span,
    /// The sentence (an excerpt around the trigger if longer than [`MAX_SENTENCE`] bytes).
    pub text: String,
    /// The document's publication date.
    pub published: Option<NaiveDate>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_sentences_are_cut_around_the_trigger_on_char_boundaries() {
        let text = format!("{}strike{}", "é".repeat(2000), "ü".repeat(2000));
        let trigger = Span::new(4000, 4006);
        let cut = excerpt(&text, Span::new(0, text.len()), trigger);
        assert!(cut.len() <= MAX_SENTENCE + 2 * "…".len());
        assert!(cut.starts_with('…') && cut.ends_with('…') && cut.contains("strike"));
        assert_eq!(excerpt("A short one.", Span::new(0, 12), Span::new(2, 7)), "A short one.");
    }

    #[test]
    fn a_summary_names_the_most_told_entities_only() {
        let (a, b) = (EntityId::from("a"), EntityId::from("b"));
        let names = |na: usize, nb: usize| -> Vec<String> {
            let counts: BTreeMap<&EntityId, usize> = [(&a, na), (&b, nb)].into_iter().collect();
            salient(&counts).iter().map(|id| id.as_str().to_string()).collect()
        };
        assert_eq!(names(2, 1), ["a"], "one stray report beside two is no second doer");
        assert_eq!(names(1, 1), ["a", "b"]);
        assert_eq!(names(3, 2), ["a", "b"]);
    }
}
