//! Clustering reports of one real event: same kind, compatible time, a shared participant or
//! place.
//!
//! 1. Reports dated to a day or finer are grouped by kind and day; within a group, reports
//!    that share an entity (participant or place) are joined (union-find, so sharing is
//!    transitive). A report naming no entity joins the group's largest cluster.
//! 2. Reports dated more coarsely (a week, a month) join the largest cluster of step 1 whose
//!    day lies in their interval and that shares an entity (any, if they name none). Reports
//!    dated only by their publication date ("the killing of Soleimani", told days later)
//!    join the largest cluster of the month up to publication that shares an entity with
//!    them (naming none: of the publication day). Otherwise they form their own.
//!
//! Every step reads the reports in canonical order, so the result depends only on the set.

use super::Report;
use crate::entities::EntityId;
use crate::events::TimeSource;
use crate::time::{Granularity, Interval, TimexValue};
use chrono::{Days, NaiveDate};
use std::collections::{BTreeMap, HashMap};

/// How far back a report dated by publication only may reach.
const PUBLISHED_WINDOW_DAYS: u64 = 31;

/// Clusters of indexes into `reports` (each cluster sorted, clusters in first-report order).
pub(super) fn cluster<'r>(reports: &[&'r Report]) -> Vec<Vec<&'r Report>> {
    let mut sets = UnionFind::new(reports.len());
    // Step 1: fine reports by (kind, day).
    let mut groups: BTreeMap<(&str, NaiveDate), Vec<usize>> = BTreeMap::new();
    let mut floating = Vec::new();
    for (i, r) in reports.iter().enumerate() {
        match fine_day(r) {
            Some(day) => groups.entry((r.event.kind.as_str(), day)).or_default().push(i),
            None => floating.push(i),
        }
    }
    let mut indexes: BTreeMap<(&str, NaiveDate), GroupIndex> = BTreeMap::new();
    for (key, members) in &groups {
        let index = join_by_entity(reports, members, key.1, &mut sets);
        indexes.insert(*key, index);
    }

    // Step 2: coarse and publication-dated reports join a compatible fine cluster.
    let mut unplaced: BTreeMap<(&str, String), Vec<usize>> = BTreeMap::new();
    for &i in &floating {
        let r = reports[i];
        let Some((first, last)) = window(r) else { continue };
        let report_keys = keys(r);
        let kind = r.event.kind.as_str();
        let candidates: Vec<usize> = indexes
            .range((kind, first)..=(kind, last))
            .flat_map(|(_, index)| {
                let shared = report_keys.iter().filter_map(|k| index.by_entity.get(k).copied());
                // A report naming no entity joins any cluster of its coarse interval, or, dated
                // by publication only, of its publication day.
                let anonymous = report_keys.is_empty()
                    && (r.event.time_source != TimeSource::Published || index.day == last);
                let any = index.largest.filter(|_| anonymous);
                shared.chain(any).collect::<Vec<_>>()
            })
            .collect();
        match largest_root(&mut sets, candidates.into_iter()) {
            Some(root) => sets.union(i, root),
            None => {
                let value = r.event.value.as_ref().map(|v| v.to_string()).unwrap_or_default();
                unplaced.entry((kind, value)).or_default().push(i);
            }
        }
    }
    for ((_, _), members) in &unplaced {
        join_by_entity(reports, members, NaiveDate::MIN, &mut sets);
    }

    let mut by_first: BTreeMap<usize, Vec<&'r Report>> = BTreeMap::new();
    for (i, report) in reports.iter().enumerate() {
        let root = sets.find(i);
        by_first.entry(sets.first[root]).or_default().push(report);
    }
    by_first.into_values().collect()
}

/// What step 2 looks up in a fine group: a member naming each entity, and the largest cluster.
struct GroupIndex<'r> {
    day: NaiveDate,
    by_entity: HashMap<&'r EntityId, usize>,
    largest: Option<usize>,
}

/// Joins the members of one group that share an entity; members naming none join the largest
/// cluster (or each other).
fn join_by_entity<'r>(
    reports: &[&'r Report],
    members: &[usize],
    day: NaiveDate,
    sets: &mut UnionFind,
) -> GroupIndex<'r> {
    let mut by_entity: HashMap<&'r EntityId, usize> = HashMap::new();
    let mut anonymous = Vec::new();
    for &i in members {
        let keys = keys(reports[i]);
        if keys.is_empty() {
            anonymous.push(i);
        }
        for key in keys {
            match by_entity.get(key) {
                Some(&j) => sets.union(i, j),
                None => {
                    by_entity.insert(key, i);
                }
            }
        }
    }
    let named = by_entity.values().copied().collect::<Vec<_>>();
    let largest = largest_root(sets, named.into_iter()).or(anonymous.first().copied());
    if let Some(target) = largest {
        for &i in &anonymous {
            sets.union(i, target);
        }
    }
    GroupIndex { day, by_entity, largest: largest.map(|l| sets.find(l)) }
}

/// The day of a report dated to a day or finer from its own text.
fn fine_day(r: &Report) -> Option<NaiveDate> {
    let interval = r.event.interval?;
    let own = !matches!(r.event.time_source, crate::events::TimeSource::Published);
    (own && interval.granularity <= Granularity::Day).then(|| interval.start.date())
}

/// The days a floating report may fall on (inclusive).
fn window(r: &Report) -> Option<(NaiveDate, NaiveDate)> {
    let interval = r.event.interval?;
    if r.event.time_source == TimeSource::Published {
        let day = interval.start.date();
        return Some((day.checked_sub_days(Days::new(PUBLISHED_WINDOW_DAYS)).unwrap_or(day), day));
    }
    let last = interval.end.date().pred_opt().unwrap_or(interval.start.date());
    Some((interval.start.date(), last.max(interval.start.date())))
}

/// The entities that can tie two reports together: participants and place.
fn keys(r: &Report) -> Vec<&EntityId> {
    let mut keys: Vec<&EntityId> = r.event.participants.iter().map(|p| &p.entity).collect();
    keys.extend(r.event.place.as_ref());
    keys
}

/// The root of the largest set among `members` (ties: the earliest member).
fn largest_root(sets: &mut UnionFind, members: impl Iterator<Item = usize>) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for i in members {
        let root = sets.find(i);
        let size = sets.size[root];
        if best.is_none_or(|(s, r)| size > s || (size == s && sets.first[root] < sets.first[r])) {
            best = Some((size, root));
        }
    }
    best.map(|(_, root)| root)
}

/// The value most members agree on, among those dated by their own text (ties: the finer,
/// then the earlier), with its interval.
pub(super) fn consensus(members: &[&Report]) -> (TimexValue, Interval) {
    let own: Vec<&&Report> =
        members.iter().filter(|r| r.event.time_source != TimeSource::Published).collect();
    let pool: Vec<&&Report> = if own.is_empty() { members.iter().collect() } else { own };
    let mut counts: BTreeMap<String, (usize, &Report)> = BTreeMap::new();
    for r in pool {
        if let Some(v) = &r.event.value {
            counts.entry(v.to_string()).or_insert((0, r)).0 += 1;
        }
    }
    let best = counts.values().max_by(|(ca, a), (cb, b)| {
        let (ia, ib) = (a.event.interval, b.event.interval);
        ca.cmp(cb)
            .then_with(|| ib.map(|i| i.granularity).cmp(&ia.map(|i| i.granularity)))
            .then_with(|| ib.map(|i| i.start).cmp(&ia.map(|i| i.start)))
    });
    let report = best.map_or(members[0], |(_, r)| *r);
    let value = report.event.value.clone().unwrap_or(TimexValue::PresentRef);
    let interval = report.event.interval.unwrap_or(Interval {
        start: chrono::NaiveDateTime::MIN,
        end: chrono::NaiveDateTime::MIN,
        granularity: Granularity::Day,
    });
    (value, interval)
}

/// Disjoint sets with sizes and each set's earliest member.
struct UnionFind {
    parent: Vec<usize>,
    size: Vec<usize>,
    first: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind { parent: (0..n).collect(), size: vec![1; n], first: (0..n).collect() }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (mut a, mut b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        if self.size[a] < self.size[b] {
            std::mem::swap(&mut a, &mut b);
        }
        self.parent[b] = a;
        self.size[a] += self.size[b];
        self.first[a] = self.first[a].min(self.first[b]);
    }
}
