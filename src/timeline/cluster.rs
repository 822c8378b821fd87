//! Clustering reports of one real event: same kind, compatible time, participants that agree.
//!
//! Two reports **conflict** when, for a role that tells events apart (target, victim,
//! speaker), both name someone and they name no one in common: a strike on Ain al-Asad is not
//! the strike on flight PS752 of the same day. Agents and places do not conflict: news calls
//! one doer "the US", "the Pentagon" and "Trump", and one place "Baghdad" and "Baghdad airport".
//!
//! 1. Reports dated to a day or finer by their own text are grouped by kind and day. Read in
//!    canonical order, each joins the largest cluster of its group it does not conflict with,
//!    else starts one: in a day's news, two reports of the same kind are one event unless
//!    their participants say otherwise.
//! 2. A report dated only by its publication date (or by the day before one its text puts it
//!    before: `TimeSource::Before`) tells an event of that day or an earlier one
//!    ("the downing of the airliner" three days on): each compatible cluster up to publication
//!    scores the share of the report's word weight that its own-dated reports hold
//!    (`similarity`), plus a bonus for a participant shared on the same side (on the
//!    publication day) or in one of the kind's identity roles (earlier: the victim of a
//!    killing, not the speaker of a statement, who speaks every day). An earlier cluster needs
//!    that identity (within a month) or, for a kind that happens once (with a `span`: an
//!    attack, a death, a crash; not a statement), a fifth of the words (within two weeks).
//!    The publication day has a head start, with or without a cluster; a small one, and a
//!    twentieth of the words suffice, when no report dates an event of the kind to that day
//!    in words (`TODAY_EMPTY`). A participant is
//!    shared only on the same side: the doer (agent, speaker) or the one it is done to
//!    (target, victim). Such reports that fit nowhere start or join clusters of their day, as
//!    in step 1. Then reports dated more coarsely (a week, a month) join a compatible cluster
//!    whose day lies in their interval (one those reports started too), sharing a participant
//!    first, else the one whose own-dated reports hold most of their words, else the
//!    largest; those that fit nowhere group among themselves by kind and value.
//!
//! 3. Clusters of a kind that a participant identifies (`span` and `identity` in
//!    `data/events/kinds.tsv`: a death by its victim, an attack by its side or target) join
//!    when they share that participant and lie within the span of days: "Thursday night" in
//!    Washington and "Friday" in Baghdad tell one killing. A day apart (time zones) they join
//!    whole; further apart, only the later cluster's reports that name the participant move
//!    ("the slain commander" beside a stampede's dead four days on): the rest of that day's
//!    cluster is another event. Each later cluster is compared with the one holding the
//!    participant's event so far.
//! 4. Clusters of such a kind on adjacent days whose words agree (each has a report the other's
//!    words tell) are one event told in two time zones (`join_adjacent_days`).
//! 5. A cluster of a kind that another kind's events are told as (`told-as` in kinds.tsv: a
//!    siege reported as "an attack on the embassy") joins that kind's largest cluster of its
//!    day naming someone it names in the given role (`join_told_as`); the entry takes that
//!    kind.
//!
//! An entry's date is what most of its reports say (`consensus`).
//!
//! Every step reads the reports in canonical order, so the result depends only on the set.

use super::similarity::{WordSet, Words};
use super::{KindInfo, Report};
use crate::entities::EntityId;
use crate::events::{EventKind, Role, TimeSource};
use crate::time::lexicon::Fnv;
use crate::time::{Granularity, Interval, TimexValue};
use chrono::{Days, NaiveDate};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::BuildHasherDefault;

/// How far back a report dated by publication only may reach.
const PUBLISHED_WINDOW_DAYS: u64 = 31;

/// How far back a report dated by publication only may find its event by its words.
const RECALL_WINDOW_DAYS: u64 = 14;

/// The share of a report's word weight an earlier event must tell to take it.
const RECALLED: f32 = 0.2;

/// The head start of the publication day over earlier days.
const TODAY: f32 = 0.2;

/// The head start of the publication day, and the share of words an earlier event must tell,
/// when no report dates an event of the kind to that day in words (and none conflicts): the
/// report is then likelier a later mention of an earlier event ("Iran admits it shot down the
/// jetliner" three days on). Chosen on the development part: 0.05 and 0.0 score alike, 0.1
/// a little lower; 0.0 would let a report with no word in common join any earlier event.
const TODAY_EMPTY: f32 = 0.05;

/// The bonus of a cluster of the publication day that shares a participant.
const SHARED: f32 = 0.2;

/// The bonus of an earlier cluster that shares an identifying participant.
const IDENTIFIED: f32 = 0.3;

/// The share of a report's word weight that the words of a cluster of the next day must hold,
/// for some report of each of the two clusters, for the two to be one event (step 4): the
/// measure of the recall step, report against cluster, both ways, so a large cluster's many
/// words do not swallow a small one. On the development part, pairs of one event score 0.41
/// to 0.43, pairs of two at most 0.25 (two days of deaths, the stampede's and the airliner's);
/// 0.25 to 0.35 give the same scores. (The share of the lighter cluster's word weight, used
/// before, fell as a cluster took more reports: 0.22 for the airliner's two days.)
const ADJACENT_OVERLAP: f32 = 0.3;

/// How many clusters of one kind and day a report is compared with, in the order they were
/// started (a report dated by publication: of one kind over all the days it may reach, latest
/// day first): a real day holds a few dozen events of a kind, and the bound keeps a
/// pathological one (thousands of different victims on one day) linear instead of quadratic.
const MAX_CLUSTERS_SCANNED: usize = 256;

/// How many distinct coarse values of a cluster vote for the finer ones they hold: a real
/// event has a few (its week, its month); the bound keeps a pathological cluster linear.
const MAX_COARSE_VOTERS: usize = 16;

/// The roles that tell two events of a kind apart.
const DISTINGUISHING: [Role; 2] = [Role::Victim, Role::Speaker];

/// One cluster: its members, the entities they name by role, and the words around the
/// triggers of the members dated by their own text.
struct Cluster<'r> {
    members: Vec<&'r Report>,
    /// Sets, so a cluster naming thousands of entities costs a logarithm per lookup.
    roles: BTreeMap<Role, BTreeSet<&'r EntityId>>,
    places: BTreeSet<&'r EntityId>,
    words: WordSet,
}

impl<'r> Cluster<'r> {
    fn new(report: &'r Report, words: &[u32]) -> Cluster<'r> {
        let mut cluster = Cluster::of(Vec::new());
        cluster.add(report, words);
        cluster
    }

    /// Adds a report; `words` are its words if it is dated by its own text (what a report dated
    /// only by publication is compared with), else empty.
    fn add(&mut self, report: &'r Report, words: &[u32]) {
        self.words.extend(words.iter().copied());
        for p in &report.event.participants {
            self.roles.entry(p.role).or_default().insert(&p.entity);
        }
        if let Some(place) = &report.event.place {
            self.places.insert(place);
        }
        self.members.push(report);
    }

    /// A cluster of these members, without words (what step 3 needs).
    fn of(members: Vec<&'r Report>) -> Cluster<'r> {
        let mut cluster = Cluster {
            members: Vec::new(),
            roles: BTreeMap::new(),
            places: BTreeSet::new(),
            words: WordSet::default(),
        };
        for r in members {
            cluster.add(r, &[]);
        }
        cluster
    }

    /// Whether the cluster names `entity` in a role on the same side as `role`.
    fn names(&self, role: Role, entity: &EntityId) -> bool {
        self.roles.iter().any(|(r, ids)| r.same_side(role) && ids.contains(&entity))
    }

    /// Whether the report names someone the cluster names in one of the kind's identity
    /// roles: what lets a report dated only by its publication reach back to an earlier day.
    fn shares_identity(&self, report: &Report, identity: &[Role]) -> bool {
        report.event.participants.iter().any(|p| identity.contains(&p.role) && self.names(p.role, &p.entity))
    }

    fn conflicts(&self, report: &Report) -> bool {
        DISTINGUISHING.iter().any(|role| {
            let Some(theirs) = self.roles.get(role) else { return false };
            let mut mine = report.event.with_role(*role).peekable();
            !theirs.is_empty() && mine.peek().is_some() && !mine.any(|id| theirs.contains(&id))
        })
    }

    fn conflicts_with(&self, other: &Cluster<'_>) -> bool {
        DISTINGUISHING.iter().any(|role| match (self.roles.get(role), other.roles.get(role)) {
            (Some(a), Some(b)) => !a.is_empty() && !b.is_empty() && !a.iter().any(|id| b.contains(id)),
            _ => false,
        })
    }

    /// Whether the report names someone the cluster names in a role of the same side: the US
    /// as the agent of one strike and the target of another does not make them one.
    fn shares(&self, report: &Report) -> bool {
        report.event.participants.iter().any(|p| self.names(p.role, &p.entity))
            || report.event.place.as_ref().is_some_and(|place| self.places.contains(&place))
    }
}

/// The reports, clustered; clusters in order of their first report.
pub(super) fn cluster<'r>(
    reports: &[&'r Report],
    kinds: &BTreeMap<EventKind, KindInfo>,
) -> Vec<Vec<&'r Report>> {
    // Only a report dated by publication or coarsely, of a kind that happens once, reads
    // words.
    let recalls =
        |r: &&Report| fine_day(r).is_none() && kinds.get(&r.event.kind).is_some_and(|k| k.span_days > 0);
    let mut words = if reports.iter().any(recalls) { Words::new(reports) } else { Words::none() };
    // Step 1: fine reports by (kind, day).
    let mut days: BTreeMap<(&str, NaiveDate), Vec<Cluster<'r>>> = BTreeMap::new();
    let mut floating = Vec::new();
    for (n, &r) in reports.iter().enumerate() {
        match fine_day(r) {
            Some(day) => join_or_start(days.entry((r.event.kind.as_str(), day)).or_default(), r, words.of(n)),
            None => floating.push((n, r)),
        }
    }

    // Step 2: publication-dated reports join a compatible cluster of step 1, else one of
    // their day, started among themselves; then coarse reports join one of those (the
    // headline "Missiles strike Kirkuk airbase, killing US contractor", dated by publication,
    // is the killing "last week" of a later text).
    let mut unplaced: BTreeMap<(&str, String), Vec<Cluster<'r>>> = BTreeMap::new();
    let (guessed, coarse): (Vec<_>, Vec<_>) = floating.into_iter().partition(|(_, r)| by_guess(r));
    let mut started: Vec<(&str, NaiveDate, &'r Report)> = Vec::new();
    for (n, r) in guessed {
        let kind = r.event.kind.as_str();
        match recall(&days, r, &words, n, kinds) {
            Some((day, i)) => {
                if let Some(c) = days.get_mut(&(kind, day)).and_then(|cs| cs.get_mut(i)) {
                    c.add(r, &[]);
                }
            }
            None => match r.event.interval {
                Some(v) => started.push((kind, v.start.date(), r)),
                None => join_or_start(unplaced.entry((kind, String::new())).or_default(), r, &[]),
            },
        }
    }
    // Started after every guess has been placed, so the order of the reports does not matter.
    for (kind, day, r) in started {
        join_or_start(days.entry((kind, day)).or_default(), r, &[]);
    }
    for (n, r) in coarse {
        match within(&days, r, &words, n) {
            Some((day, i)) => {
                if let Some(c) = days.get_mut(&(r.event.kind.as_str(), day)).and_then(|cs| cs.get_mut(i)) {
                    c.add(r, &[]);
                }
            }
            None => {
                let value = r.event.value.as_ref().map(|v| v.to_string()).unwrap_or_default();
                join_or_start(unplaced.entry((r.event.kind.as_str(), value)).or_default(), r, &[]);
            }
        }
    }

    // Step 3: clusters of a kind whose events a shared participant identifies (a death by its
    // victim, a downing by its aircraft) join across the kind's span of days.
    let mut all: Vec<Cluster<'r>> = days.into_values().chain(unplaced.into_values()).flatten().collect();
    let mut joined: Vec<usize> = (0..all.len()).collect();
    // The first and last day of each joined group: a group may not stretch past the span, so
    // daily attacks by one side do not chain into one.
    let mut days_of: Vec<(NaiveDate, NaiveDate)> = all
        .iter()
        .map(|c| {
            let day =
                c.members.first().and_then(|r| r.event.interval).map_or(NaiveDate::MIN, |v| v.start.date());
            (day, day)
        })
        .collect();
    let mut by_participant: BTreeMap<(&str, &EntityId), Vec<(NaiveDate, usize)>> = BTreeMap::new();
    for (i, c) in all.iter().enumerate() {
        let Some(first) = c.members.first() else { continue };
        let kind = first.event.kind.as_str();
        let Some(info) = kinds.get(&first.event.kind).filter(|k| k.span_days > 0) else { continue };
        let day = first.event.interval.map_or(NaiveDate::MIN, |v| v.start.date());
        for &role in &info.identity {
            for id in c.roles.get(&role).into_iter().flatten() {
                by_participant.entry((kind, id)).or_default().push((day, i));
            }
        }
    }
    for ((kind, id), mut list) in by_participant {
        let Some(info) = kinds.get(&EventKind::from(kind)) else { continue };
        let span = i64::from(info.span_days);
        list.sort();
        // The cluster that holds the participant's event so far: each later cluster naming the
        // participant is compared with it, not merely with the one before (which may have
        // given its reports naming the participant away).
        let mut holder: Option<usize> = None;
        for &(_, b) in &list {
            let Some(a) = holder else {
                holder = Some(b);
                continue;
            };
            let (ra, rb) = (root(&mut joined, a), root(&mut joined, b));
            let first = days_of[ra].0.min(days_of[rb].0);
            let last = days_of[ra].1.max(days_of[rb].1);
            if ra == rb {
                continue;
            }
            if (last - first).num_days() > span || all[ra].conflicts_with(&all[rb]) {
                holder = Some(rb);
                continue;
            }
            if (last - first).num_days() <= 1 {
                // A day apart: one event told in two time zones, whole.
                let (keep, gone) = if ra < rb { (ra, rb) } else { (rb, ra) };
                joined[gone] = keep;
                days_of[keep] = (first, last);
                let members = std::mem::take(&mut all[gone].members);
                for r in members {
                    all[keep].add(r, &[]);
                }
                holder = Some(keep);
            } else {
                // Days apart: the later day's cluster is another event of that day (the
                // stampede's dead) that some reports naming the participant joined; only those
                // reports ("the slain commander") go back to the event they name.
                let (earlier, later) = if days_of[ra].0 <= days_of[rb].0 { (ra, rb) } else { (rb, ra) };
                let (moved, stay): (Vec<&Report>, Vec<&Report>) = std::mem::take(&mut all[later].members)
                    .into_iter()
                    .partition(|r| names_in(r, id, &info.identity));
                all[later] = Cluster::of(stay);
                for r in moved {
                    all[earlier].add(r, &[]);
                }
                holder = Some(earlier);
            }
        }
    }
    // Step 4: an event of a kind that happens once, told on two adjacent days.
    join_adjacent_days(&mut all, reports, &mut words, kinds);
    // Step 5: an event told as another kind on its day ("an attack on the embassy" the day
    // crowds stormed it).
    join_told_as(&mut all, kinds);

    let mut clusters: Vec<Vec<&'r Report>> =
        all.into_iter().map(|c| c.members).filter(|m| !m.is_empty()).collect();
    for members in &mut clusters {
        members.sort_by(|a, b| a.key().cmp(&b.key()));
    }
    clusters.sort_by(|a, b| a.first().map(|r| r.key()).cmp(&b.first().map(|r| r.key())));
    clusters
}

/// Step 5: a cluster of a kind that another kind's events are told as (`told-as` in
/// kinds.tsv: a protest reported as "an attack on the embassy") joins the largest cluster of
/// that other kind of its day that names someone it names in the given role: whole when
/// every one it names in that role is the other's, else only its reports naming one of
/// them (the rest are other attacks of that day). A cluster of the other kind is compared
/// as it stood before this step, so the result does not depend on which joins first.
fn join_told_as(all: &mut [Cluster<'_>], kinds: &BTreeMap<EventKind, KindInfo>) {
    if kinds.values().all(|k| k.told_as.is_empty()) {
        return;
    }
    let day_of = |c: &Cluster<'_>| {
        (!c.members.is_empty())
            .then(|| consensus(&c.members).1)
            .filter(|v| v.granularity <= Granularity::Day)
            .map(|v| v.start.date())
    };
    // Only clusters of the kinds in some `told-as` pair take part.
    let involved: BTreeSet<&EventKind> = kinds
        .iter()
        .filter(|(_, k)| !k.told_as.is_empty())
        .flat_map(|(to, k)| std::iter::once(to).chain(k.told_as.iter().map(|(from, _)| from)))
        .collect();
    let kind_of =
        |c: &Cluster<'_>| c.members.first().map(|r| r.event.kind.clone()).filter(|k| involved.contains(k));
    let days: Vec<Option<NaiveDate>> =
        all.iter().map(|c| if kind_of(c).is_some() { day_of(c) } else { None }).collect();
    // The clusters of each kind that others are told as, by day.
    let mut targets: BTreeMap<(EventKind, NaiveDate), Vec<usize>> = BTreeMap::new();
    for (i, c) in all.iter().enumerate() {
        let (Some(kind), Some(day)) = (kind_of(c), days[i]) else { continue };
        if kinds.get(&kind).is_some_and(|k| !k.told_as.is_empty()) {
            let list = targets.entry((kind, day)).or_default();
            if list.len() < MAX_CLUSTERS_SCANNED {
                list.push(i);
            }
        }
    }
    // What each such cluster names in each role, and its size, before any join.
    let sizes: Vec<usize> = all.iter().map(|c| c.members.len()).collect();
    let named: BTreeMap<usize, BTreeMap<Role, BTreeSet<EntityId>>> = targets
        .values()
        .flatten()
        .map(|&i| {
            let roles = all[i].roles.iter().map(|(r, ids)| (*r, ids.iter().map(|&id| id.clone()).collect()));
            (i, roles.collect())
        })
        .collect();
    for i in 0..all.len() {
        let (Some(kind), Some(day)) = (kind_of(&all[i]), days[i]) else { continue };
        for (to, info) in kinds {
            for (_, role) in info.told_as.iter().filter(|(from, _)| *from == kind) {
                let Some(candidates) = targets.get(&(to.clone(), day)) else { continue };
                let mine: Vec<EntityId> =
                    all[i].roles.get(role).into_iter().flatten().map(|&id| id.clone()).collect();
                let none = BTreeSet::new();
                let theirs = |j: &usize| named.get(j).and_then(|r| r.get(role)).unwrap_or(&none);
                let chosen = candidates
                    .iter()
                    .filter(|j| **j != i && mine.iter().any(|id| theirs(j).contains(id)))
                    .max_by_key(|j| (sizes[**j], std::cmp::Reverse(**j)));
                let Some(&j) = chosen else { continue };
                let shared: BTreeSet<EntityId> =
                    mine.iter().filter(|id| theirs(&j).contains(*id)).cloned().collect();
                let members = std::mem::take(&mut all[i].members);
                let (moved, stay): (Vec<&Report>, Vec<&Report>) = if shared.len() == mine.len() {
                    (members, Vec::new())
                } else {
                    // A report naming no one in the role goes with its document's reports that
                    // name a shared one ("the attack on the embassy … responsible for the
                    // attack").
                    let tells = |r: &Report| r.event.with_role(*role).any(|id| shared.contains(id));
                    let documents: BTreeSet<&str> =
                        members.iter().filter(|r| tells(r)).map(|r| r.document.as_str()).collect();
                    members.into_iter().partition(|r| {
                        tells(r)
                            || (r.event.with_role(*role).next().is_none()
                                && documents.contains(r.document.as_str()))
                    })
                };
                all[i] = Cluster::of(stay);
                for r in moved {
                    all[j].add(r, &[]);
                }
            }
        }
    }
}

/// Step 4: clusters of a kind that happens once (`span` > 0), on adjacent days, that do not
/// conflict and whose words agree — each has a report with at least [`ADJACENT_OVERLAP`] of
/// its word weight among the other's words — are one event told in two time zones (the
/// airliner downed before dawn in Tehran, "Tuesday night" in Washington). The earlier day's
/// cluster takes the later one's reports; their date is the consensus. A later cluster joins
/// at most one earlier one and, once joined, is not compared again, so no chain stretches an
/// event over more than two days. Words are read here only if some pair is to be compared.
fn join_adjacent_days(
    all: &mut [Cluster<'_>],
    reports: &[&Report],
    words: &mut Words,
    kinds: &BTreeMap<EventKind, KindInfo>,
) {
    let mut by_day: BTreeMap<(&str, NaiveDate), Vec<usize>> = BTreeMap::new();
    for (i, c) in all.iter().enumerate() {
        let Some(first) = c.members.first() else { continue };
        let once = kinds.get(&first.event.kind).is_some_and(|k| k.span_days > 0);
        let day = first.event.interval.filter(|v| v.granularity <= Granularity::Day);
        if let (true, Some(day)) = (once, day) {
            let list = by_day.entry((first.event.kind.as_str(), day.start.date())).or_default();
            if list.len() < MAX_CLUSTERS_SCANNED {
                list.push(i);
            }
        }
    }
    let pairs: Vec<(usize, usize)> = by_day
        .iter()
        .filter_map(|(&(kind, day), today)| Some((today, by_day.get(&(kind, day.succ_opt()?))?)))
        .flat_map(|(today, tomorrow)| today.iter().flat_map(|&a| tomorrow.iter().map(move |&b| (a, b))))
        .collect();
    if pairs.is_empty() {
        return;
    }
    if words.is_empty() {
        *words = Words::new(reports);
    }
    // Reports are borrowed from one slice: a report's address names its place in it.
    let position: HashMap<usize, usize, BuildHasherDefault<Fnv>> =
        reports.iter().enumerate().map(|(n, r)| (std::ptr::from_ref::<Report>(r) as usize, n)).collect();
    let members_of = |c: &Cluster<'_>| -> Vec<usize> {
        c.members
            .iter()
            .filter_map(|r| position.get(&(std::ptr::from_ref::<Report>(r) as usize)).copied())
            .collect()
    };
    // Per cluster compared: its reports (as positions) and the union of their words.
    let mut read: HashMap<usize, (Vec<usize>, WordSet), BuildHasherDefault<Fnv>> = HashMap::default();
    for (a, b) in pairs {
        if all[a].members.is_empty() || all[b].members.is_empty() || all[a].conflicts_with(&all[b]) {
            continue;
        }
        for i in [a, b] {
            read.entry(i).or_insert_with(|| {
                let members = members_of(&all[i]);
                let set = members.iter().flat_map(|&n| words.of(n).iter().copied()).collect();
                (members, set)
            });
        }
        let (Some(ra), Some(rb)) = (read.get(&a), read.get(&b)) else { continue };
        // How well the other's words tell the best told report of each.
        let told = |(members, _): &(Vec<usize>, WordSet), (_, set): &(Vec<usize>, WordSet)| {
            members.iter().map(|&n| words.covered(n, set)).fold(0.0, f32::max)
        };
        if told(ra, rb).min(told(rb, ra)) >= ADJACENT_OVERLAP {
            let members = std::mem::take(&mut all[b].members);
            for r in members {
                all[a].add(r, &[]);
            }
        }
    }
}

/// Step 1's clusters by kind and day.
type DayClusters<'k, 'r> = BTreeMap<(&'k str, NaiveDate), Vec<Cluster<'r>>>;

/// Where a report dated coarsely (a week, a month) goes: the compatible cluster of a day in
/// its interval that shares a participant, else the one whose own-dated reports hold the most
/// of its words (at least [`RECALLED`] of their weight: "the jetliner that crashed earlier
/// this week, killing all 176 aboard" tells the airliner's dead, not the larger cluster of a
/// stampede's that week), else the largest.
fn within(days: &DayClusters<'_, '_>, r: &Report, words: &Words, n: usize) -> Option<(NaiveDate, usize)> {
    let (first, last) = window(r)?;
    let named = !r.event.participants.is_empty();
    let mut best: Option<((bool, u32, usize), NaiveDate, usize)> = None;
    for (key, clusters) in days.range((r.event.kind.as_str(), first)..=(r.event.kind.as_str(), last)) {
        for (i, c) in clusters.iter().enumerate().take(MAX_CLUSTERS_SCANNED) {
            let told = words.covered(n, &c.words);
            // In thousandths, so ranks compare whole.
            let told = if told >= RECALLED { (told * 1000.0) as u32 } else { 0 };
            let rank = (named && c.shares(r), told, c.members.len());
            if !c.conflicts(r) && best.is_none_or(|(b, _, _)| rank > b) {
                best = Some((rank, key.1, i));
            }
        }
    }
    best.map(|(_, key, i)| (key, i))
}

/// Which event a report dated only by its publication tells: one of its own day (the
/// likeliest: news tells the day's events), or an earlier one that its words or its
/// identifying participants point to ("the downing of the airliner", "the killing of
/// Soleimani" three days on). Each compatible cluster scores the share of the report's word
/// weight its own-dated reports hold, plus a bonus for a shared participant (on its own day)
/// or identifying participant (earlier); the publication day starts with a head start, even
/// with no cluster of its own (the report then starts one).
fn recall(
    days: &DayClusters<'_, '_>,
    r: &Report,
    words: &Words,
    n: usize,
    kinds: &BTreeMap<EventKind, KindInfo>,
) -> Option<(NaiveDate, usize)> {
    let (first, last) = window(r)?;
    let kind = r.event.kind.as_str();
    let named = !r.event.participants.is_empty();
    let identity = kinds.get(&r.event.kind).filter(|k| k.span_days > 0).map(|k| k.identity.as_slice());
    let recalled_from = last.checked_sub_days(Days::new(RECALL_WINDOW_DAYS)).unwrap_or(last);
    // (score, size, cluster): none yet, the publication day's head start to beat.
    // No event of the kind told on the publication day: an earlier one is likelier.
    let today = days
        .get(&(kind, last))
        .is_some_and(|cs| cs.iter().take(MAX_CLUSTERS_SCANNED).any(|c| !c.conflicts(r)));
    let head = if today { TODAY } else { TODAY_EMPTY };
    let (mut best_score, mut best_size, mut best) = (head, 0, None);
    // Latest day first, so the bound on clusters keeps the nearest.
    let candidates = days
        .range((kind, first)..=(kind, last))
        .rev()
        .flat_map(|(key, clusters)| clusters.iter().enumerate().map(move |(i, c)| (key, i, c)))
        .take(MAX_CLUSTERS_SCANNED);
    for (key, i, c) in candidates {
        if c.conflicts(r) {
            continue;
        }
        let score = if key.1 == last {
            TODAY + words.covered(n, &c.words) + if named && c.shares(r) { SHARED } else { 0.0 }
        } else {
            let identifies = identity.is_some_and(|roles| c.shares_identity(r, roles));
            // Words reach back two weeks, for a kind that happens once.
            let by_words = identity.is_some() && key.1 >= recalled_from;
            if !identifies && !by_words {
                continue;
            }
            let told = if by_words { words.covered(n, &c.words) } else { 0.0 };
            if !identifies && told < RECALLED.min(head) {
                continue;
            }
            told + if identifies { IDENTIFIED } else { 0.0 }
        };
        let size = c.members.len();
        if score > best_score || (score == best_score && size > best_size) {
            (best_score, best_size, best) = (score, size, Some((key.1, i)));
        }
    }
    best
}

/// Whether the report names `entity` in one of the `identity` roles.
fn names_in(r: &Report, entity: &EntityId, identity: &[Role]) -> bool {
    r.event.participants.iter().any(|p| identity.contains(&p.role) && &p.entity == entity)
}

/// The cluster a cluster was joined into.
fn root(joined: &mut [usize], mut i: usize) -> usize {
    while joined[i] != i {
        joined[i] = joined[joined[i]];
        i = joined[i];
    }
    i
}

/// Adds `report` to the largest cluster it does not conflict with, or starts one.
fn join_or_start<'r>(clusters: &mut Vec<Cluster<'r>>, report: &'r Report, words: &[u32]) {
    let best = clusters
        .iter()
        .enumerate()
        .take(MAX_CLUSTERS_SCANNED)
        .filter(|(_, c)| !c.conflicts(report))
        .max_by(|(i, a), (j, b)| a.members.len().cmp(&b.members.len()).then(j.cmp(i)))
        .map(|(i, _)| i);
    match best {
        Some(i) => clusters[i].add(report, words),
        None => clusters.push(Cluster::new(report, words)),
    }
}

/// Whether a report is dated by a guess of the latest day it may be: its publication day, or
/// the day before the one its text puts it before (`TimeSource::Before`).
fn by_guess(r: &Report) -> bool {
    matches!(r.event.time_source, TimeSource::Published | TimeSource::Before)
}

/// The day of a report dated to a day or finer from its own text.
fn fine_day(r: &Report) -> Option<NaiveDate> {
    let interval = r.event.interval?;
    let own = !by_guess(r);
    (own && interval.granularity <= Granularity::Day).then(|| interval.start.date())
}

/// The days a floating report may fall on (inclusive).
fn window(r: &Report) -> Option<(NaiveDate, NaiveDate)> {
    let interval = r.event.interval?;
    if by_guess(r) {
        let day = interval.start.date();
        return Some((day.checked_sub_days(Days::new(PUBLISHED_WINDOW_DAYS)).unwrap_or(day), day));
    }
    let last = interval.end.date().pred_opt().unwrap_or(interval.start.date());
    Some((interval.start.date(), last.max(interval.start.date())))
}

/// The value most members agree on, a date from a report's own text counting twice one from
/// its publication, and a coarser value voting for each finer one it holds (ties: the finer,
/// then the earlier), with its interval: a day's reports of an event still vote for it when
/// none dates it in words.
pub(super) fn consensus(members: &[&Report]) -> (TimexValue, Interval) {
    // Few distinct values per cluster: a short list beats a map of strings.
    let mut counts: Vec<(&TimexValue, usize, &Report)> = Vec::new();
    for r in members {
        // A date of the report's own text counts twice one it has from its publication.
        let votes = if by_guess(r) { 1 } else { 2 };
        if let Some(v) = &r.event.value {
            match counts.iter_mut().find(|(w, _, _)| *w == v) {
                Some(entry) => entry.1 += votes,
                None => counts.push((v, votes, r)),
            }
        }
    }
    // A coarser value that holds a finer one votes for it too: "last week" and a headline
    // dated Friday by its publication are one Friday.
    let coarse: Vec<(Interval, usize)> = counts
        .iter()
        .filter_map(|(_, n, r)| {
            r.event.interval.filter(|i| i.granularity > Granularity::Day).map(|i| (i, *n))
        })
        .take(MAX_COARSE_VOTERS)
        .collect();
    let support = |r: &Report, own: usize| {
        let Some(inner) = r.event.interval else { return own };
        own + coarse
            .iter()
            .filter(|(outer, _)| {
                outer.granularity > inner.granularity && outer.start <= inner.start && inner.end <= outer.end
            })
            .map(|(_, n)| n)
            .sum::<usize>()
    };
    let best = counts.iter().map(|(_, n, r)| (support(r, *n), *r)).max_by(|(ca, a), (cb, b)| {
        let (ia, ib) = (a.event.interval, b.event.interval);
        ca.cmp(cb)
            .then_with(|| ib.map(|i| i.granularity).cmp(&ia.map(|i| i.granularity)))
            .then_with(|| ib.map(|i| i.start).cmp(&ia.map(|i| i.start)))
            .then_with(|| {
                b.event
                    .value
                    .as_ref()
                    .map(ToString::to_string)
                    .cmp(&a.event.value.as_ref().map(ToString::to_string))
            })
    });
    let report = best.map_or(members[0], |(_, r)| r);
    let value = report.event.value.clone().unwrap_or(TimexValue::PresentRef);
    let interval = report.event.interval.unwrap_or(Interval {
        start: chrono::NaiveDateTime::MIN,
        end: chrono::NaiveDateTime::MIN,
        granularity: Granularity::Day,
    });
    (value, interval)
}
