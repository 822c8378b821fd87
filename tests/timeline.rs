//! The timeline: merging is associative and commutative (byte-identical output for any order
//! and grouping), duplicate reports cluster, nothing is dropped.

use annals::events::TimeSource;
use annals::{Document, Extractor, Timeline};
use chrono::NaiveDate;
use proptest::prelude::*;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| Extractor::new().expect("bundled data"));

fn date(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 1, d).unwrap()
}

fn december(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2019, 12, d).unwrap()
}

/// Documents that report overlapping events in different words, on different days.
fn documents() -> Vec<Document> {
    let seed = |name: &str, text: &str| Document::new(name, text);
    vec![
        seed("000", include_str!("../data/corpus/seed/000_3ec0d8211e1830f8.txt")),
        seed("003", include_str!("../data/corpus/seed/003_68db71b173ece9cb.txt")),
        Document::new("a", "A US drone strike killed Qasem Soleimani at Baghdad airport on Friday.").published(date(3)),
        Document::new("b", "Qassem Soleimani was killed in a US air strike in Baghdad on Friday. Iran vowed revenge.")
            .published(date(4)),
        Document::new("c", "Iran fired missiles at Ain al-Asad air base in Iraq on Wednesday. No Americans were killed.")
            .published(date(8)),
        Document::new("d", "Iranian missiles struck Ain al-Asad air base on 8 January. Trump announced new sanctions on Iran.")
            .published(date(9)),
        Document::new("e", "Mourners packed the streets of Tehran for the funeral of Soleimani on Monday.").published(date(7)),
        Document::new("f", "Hundreds of thousands attended the funeral of Qasem Soleimani in Tehran.").published(date(6)),
    ]
}

static TIMELINES: LazyLock<Vec<Timeline>> =
    LazyLock::new(|| documents().iter().map(|d| EXTRACTOR.timeline(d, &EXTRACTOR.extract(d))).collect());

fn json(t: &Timeline) -> String {
    serde_json::to_string(&(t, t.entries())).expect("serialisable")
}

static BASELINE: LazyLock<String> = LazyLock::new(|| json(&Timeline::merge_all(TIMELINES.iter().cloned())));

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any order and any grouping of merges, with repeats, gives byte-identical output.
    #[test]
    fn merge_is_order_free(keys in prop::collection::vec(any::<u32>(), 8), cuts in prop::collection::vec(any::<bool>(), 8), repeat in 0usize..8) {
        let mut order: Vec<usize> = (0..TIMELINES.len()).collect();
        order.sort_by_key(|&i| (keys[i], i));
        order.push(order[repeat % order.len()]); // merging a document twice changes nothing
        let mut groups: Vec<Timeline> = Vec::new();
        let mut current = Timeline::default();
        for (n, &i) in order.iter().enumerate() {
            current = current.merge(TIMELINES[i].clone());
            if cuts[n % cuts.len()] {
                groups.push(std::mem::take(&mut current));
            }
        }
        groups.push(current);
        groups.reverse();
        let merged = groups.into_iter().reduce(|a, b| b.merge(a)).unwrap_or_default();
        prop_assert_eq!(json(&merged), BASELINE.as_str());
    }
}

#[test]
fn duplicate_reports_cluster_and_every_report_is_kept() {
    let merged = Timeline::merge_all(TIMELINES.iter().cloned());
    let entries = merged.entries();
    let asserted_dated = merged
        .reports()
        .iter()
        .filter(|r| r.event.status == annals::events::Status::Asserted && r.event.interval.is_some())
        .count();
    assert_eq!(entries.iter().map(|e| e.sources.len()).sum::<usize>(), asserted_dated, "no report dropped");

    let on = |day: &str, kind: &str| {
        entries.iter().filter(|e| e.value.to_string().starts_with(day) && e.kind == kind).collect::<Vec<_>>()
    };
    let killings = on("2020-01-03", "death");
    assert_eq!(killings.len(), 1, "one killing of Soleimani: {killings:#?}");
    let documents: std::collections::BTreeSet<&str> =
        killings[0].sources.iter().map(|s| s.document.as_str()).collect();
    assert!(documents.is_superset(&["000", "003", "a", "b"].into()), "{documents:?}");
    assert_eq!(on("2020-01-08", "attack").len(), 1, "the missile strikes, told twice");
    // "No Americans were killed" is negated: not on the timeline.
    assert!(on("2020-01-08", "death").is_empty());
    // Chronological.
    assert!(entries.windows(2).all(|w| w[0].interval.start <= w[1].interval.start));
}

#[test]
fn an_empty_timeline_is_the_identity() {
    let one = TIMELINES[2].clone();
    assert_eq!(json(&one.clone().merge(Timeline::default())), json(&one));
    assert!(Timeline::default().entries().is_empty());
}

#[test]
fn a_report_dated_by_publication_reaches_back_only_through_an_identifying_participant() {
    let docs = [
        Document::new("a", "A US drone strike killed Qasem Soleimani on Friday. The Pentagon said in a statement on Friday that he was planning attacks.")
            .published(date(4)),
        // Dated only by publication, a week later.
        Document::new("b", "Iran mourned the killing of Qasem Soleimani. The Pentagon issued a statement.")
            .published(date(10)),
    ];
    let timeline = merged(&docs);
    let entries = timeline.entries();
    let kind_days = |kind: &str| -> Vec<(String, Vec<&str>)> {
        entries
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| (e.value.to_string(), e.sources.iter().map(|s| s.document.as_str()).collect()))
            .collect()
    };
    // The killing's victim identifies it: b's mention joins a's killing of the 3rd.
    assert_eq!(kind_days("death"), [("2020-01-03".to_string(), vec!["a", "b"])]);
    // A speaker speaks every day: b's statement stays on its own day.
    assert_eq!(
        kind_days("statement"),
        [("2020-01-03".to_string(), vec!["a"]), ("2020-01-10".to_string(), vec!["b"])]
    );
}

#[test]
fn a_shared_participant_counts_on_the_same_side_only() {
    let docs = [
        Document::new("a", "US air strikes hit Iran on Sunday.").published(date(1)),
        // Dated only by publication: Iran is the doer here and the US the target, the other
        // way round from the strike above.
        Document::new("b", "Iran attacked US bases.").published(date(8)),
    ];
    let timeline = merged(&docs);
    let mut b_days: Vec<String> = timeline
        .entries()
        .iter()
        .filter(|e| e.sources.iter().any(|s| s.document == "b"))
        .map(|e| e.value.to_string())
        .collect();
    b_days.sort();
    assert!(b_days.contains(&"2020-01-08".to_string()), "Iran's attack is not the US strike: {b_days:?}");
}

#[test]
fn a_report_dated_by_publication_finds_an_earlier_event_by_its_words() {
    let docs = [
        Document::new(
            "a",
            "A Ukrainian airliner crashed near Tehran on Wednesday, killing all 176 people on board.",
        )
        .published(date(8)),
        Document::new(
            "b",
            "Protesters marched in Tehran on Wednesday. Iran said that the missile strikes on US \
             bases were a slap in the face. The Pentagon said that the missiles hit the bases.",
        )
        .published(date(8)),
        // Dated only by publication, three days later: its words tell the crash, not a new
        // one; the protest it tells is another.
        Document::new(
            "c",
            "Iran admitted that a missile downed the Ukrainian airliner. Students protested in Tehran.",
        )
        .published(date(11)),
    ];
    let timeline = merged(&docs);
    let entries = timeline.entries();
    assert_eq!(days_of(&entries, "c", "crash"), ["2020-01-08"]);
    assert_eq!(days_of(&entries, "c", "protest"), ["2020-01-11"]);
}

#[test]
fn a_report_dated_coarsely_joins_the_event_of_its_words_not_the_largest() {
    let docs = [
        Document::new(
            "a",
            "56 people died in a stampede in Kerman on Tuesday. Mourners were crushed to death in \
             Kerman on Tuesday. The stampede killed dozens on Tuesday.",
        )
        .published(date(7)),
        Document::new(
            "b",
            "A Ukrainian jetliner crashed near Tehran on Wednesday, killing all 176 people aboard.",
        )
        .published(date(8)),
        // "Earlier this week" is a week: of its deaths, the airliner's words are its own, though
        // the stampede's entry is larger.
        Document::new(
            "c",
            "Iran said its forces shot down the Ukrainian jetliner that crashed earlier this week, \
             killing all 176 people aboard.",
        )
        .published(date(11)),
    ];
    let entries = merged(&docs).entries();
    assert_eq!(days_of(&entries, "c", "death"), ["2020-01-08"]);
    assert_eq!(days_of(&entries, "a", "death"), ["2020-01-07"]);
}

/// The days of the entries of `kind` that `document` reports.
fn days_of(entries: &[annals::timeline::Entry], document: &str, kind: &str) -> Vec<String> {
    entries
        .iter()
        .filter(|e| e.kind == kind && e.sources.iter().any(|s| s.document == document))
        .map(|e| e.value.to_string())
        .collect()
}

#[test]
fn an_identifying_participant_days_later_takes_only_the_reports_that_name_it() {
    let docs = [
        Document::new("a", "A US drone strike killed Qasem Soleimani on Friday.").published(date(4)),
        // Four days later, another death of the day, and one report of that day naming the
        // victim of the earlier one.
        Document::new(
            "b",
            "56 people died in a stampede in Kerman on Tuesday. Soleimani's death was mourned in \
             Kerman on Tuesday.",
        )
        .published(date(7)),
    ];
    let timeline = merged(&docs);
    let deaths: Vec<(String, Vec<&str>)> = timeline
        .entries()
        .iter()
        .filter(|e| e.kind == "death")
        .map(|e| {
            (
                e.value.to_string(),
                e.sources.iter().map(|s| s.trigger.text(docs_text(&docs, &s.document))).collect(),
            )
        })
        .collect();
    assert_eq!(
        deaths,
        [
            ("2020-01-03".to_string(), vec!["killed", "death"]),
            ("2020-01-07".to_string(), vec!["died", "stampede"])
        ]
    );
}

/// One timeline of the documents, each extracted and merged.
fn merged(docs: &[Document]) -> Timeline {
    Timeline::merge_all(docs.iter().map(|d| EXTRACTOR.timeline(d, &EXTRACTOR.extract(d))))
}

fn docs_text<'d>(docs: &'d [Document], id: &str) -> &'d str {
    docs.iter().find(|d| d.id == id).map_or("", |d| d.text.as_str())
}

#[test]
fn an_event_told_on_two_adjacent_days_in_the_same_words_is_one() {
    let docs = [
        // Wednesday 8 January in Tehran is late Tuesday in Washington.
        Document::new("a", "A passenger airliner crashed after take-off from Tehran on Wednesday.")
            .published(date(8)),
        Document::new("b", "The passenger airliner crashed after take-off from Tehran late Tuesday.")
            .published(date(8)),
        Document::new("c", "Rescuers reached the passenger airliner that crashed near Tehran on Wednesday.")
            .published(date(8)),
        // Another crash, a day later, in other words: another event.
        Document::new("d", "A military helicopter crashed into a hillside in Alaska on Thursday.")
            .published(date(10)),
    ];
    let timeline = merged(&docs);
    let entries = timeline.entries();
    let crashes: Vec<(String, Vec<&str>)> = entries
        .iter()
        .filter(|e| e.kind == "crash")
        .map(|e| (e.value.to_string(), e.sources.iter().map(|s| s.document.as_str()).collect()))
        .collect();
    assert_eq!(
        crashes,
        [("2020-01-08".to_string(), vec!["a", "b", "c"]), ("2020-01-09".to_string(), vec!["d"])]
    );
}

#[test]
fn a_text_keeps_its_own_day_for_an_event_the_timeline_dates_otherwise() {
    // Written in Washington: the crash was late Tuesday there, Wednesday in Tehran. The
    // headline's crash is too far ahead of the dated sentence to take its day in the text.
    let washington = "Passenger airliner crash near Tehran\n\nThe president spoke to reporters. \
        The minister spoke to reporters. The senator spoke to reporters. The governor spoke to \
        reporters. The mayor spoke to reporters. The envoy spoke to reporters. The passenger \
        airliner crashed after take-off from Tehran late Tuesday.";
    let docs = [
        Document::new("a", "A passenger airliner crashed after take-off from Tehran on Wednesday.")
            .published(date(8)),
        Document::new("b", washington).published(date(8)),
        Document::new("c", "Rescuers reached the passenger airliner that crashed near Tehran on Wednesday.")
            .published(date(8)),
    ];
    let timeline = merged(&docs);
    let entries = timeline.entries();
    let own = EXTRACTOR.extract(&docs[1]).events;
    assert_eq!(day_of(&own, "crash").as_deref(), Some("2020-01-08"), "dated by publication in its text");
    let events = redated(&timeline, &entries, &docs[1]);
    assert_eq!(day_of(&events, "crash").as_deref(), Some("2020-01-07"), "the text's own day for the crash");
    // The other texts' mentions keep the timeline's day.
    let events = redated(&timeline, &entries, &docs[0]);
    assert!(events.iter().all(|e| e.value.as_ref().is_none_or(|v| v.to_string() == "2020-01-08")));
}

/// A document's events dated through the merged timeline (`Timeline::date_events`).
fn redated(
    timeline: &Timeline,
    entries: &[annals::timeline::Entry],
    doc: &Document,
) -> Vec<annals::events::Event> {
    let mut events = EXTRACTOR.extract(doc).events;
    timeline.date_events(entries, &doc.id, &mut events);
    events
}

/// The day of the first event with `trigger`, if it has one.
fn day_of(events: &[annals::events::Event], trigger: &str) -> Option<String> {
    events.iter().find(|e| e.trigger.text == trigger).and_then(|e| e.value.as_ref()).map(|v| v.to_string())
}

#[test]
fn a_text_in_another_time_zone_keeps_its_day_for_related_events_of_that_day() {
    let docs = [
        Document::new("a", "A US drone strike killed Qasem Soleimani at Baghdad airport on Friday.")
            .published(date(4)),
        Document::new("b", "Qasem Soleimani was killed in a US air strike in Baghdad on Friday.")
            .published(date(4)),
        // Written in Washington: the death was Thursday there; the strike is not dated in words.
        Document::new(
            "w",
            "Qasem Soleimani was killed on Thursday, the Pentagon said.\n\nThe US air strike on Qasem \
             Soleimani drew condemnation.",
        )
        .published(date(3)),
    ];
    let timeline = merged(&docs);
    let entries = timeline.entries();
    let events = redated(&timeline, &entries, &docs[2]);
    assert_eq!(day_of(&events, "air strike").as_deref(), Some("2020-01-02"), "{entries:#?}");
    // The Baghdad texts keep Friday.
    let events = redated(&timeline, &entries, &docs[1]);
    assert_eq!(day_of(&events, "air strike").as_deref(), Some("2020-01-03"));
}

#[test]
fn a_report_with_no_event_of_its_own_day_needs_fewer_words_to_find_an_earlier_one() {
    let docs = [
        Document::new(
            "a",
            "A Ukrainian airliner crashed near Tehran on Wednesday, killing all 176 people on board.",
        )
        .published(date(8)),
        Document::new("b", "A cargo plane crashed near Nairobi on Monday, killing its two pilots.")
            .published(date(6)),
        // No report dates a crash on the 11th: a few of the words of the Tehran crash are enough.
        Document::new("c", "Iran admits it shot down the Ukrainian jetliner near Tehran by mistake.")
            .published(date(11)),
        // Nor on the 12th, but this crash shares almost no words with the earlier ones: its own.
        Document::new("d", "A fishing trawler crashed into the harbour wall at Gdansk.").published(date(12)),
    ];
    let timeline = merged(&docs);
    let entries = timeline.entries();
    assert_eq!(days_of(&entries, "b", "crash"), ["2020-01-06"]);
    assert_eq!(days_of(&entries, "c", "crash"), ["2020-01-08"]);
    assert_eq!(days_of(&entries, "d", "crash"), ["2020-01-12"]);
}

#[test]
fn reports_naming_an_identifying_participant_go_back_past_a_day_that_gave_its_own_away() {
    let docs = [
        Document::new("a", "A US drone strike killed Qasem Soleimani on Friday.").published(date(4)),
        // Two days on, one report names both men killed, another only al-Muhandis: the first
        // goes back to Friday, the second stays.
        Document::new(
            "b",
            "The deaths of Abu Mahdi al-Muhandis and Qasem Soleimani were mourned on Sunday. The death \
             of Abu Mahdi al-Muhandis was mourned on Sunday.",
        )
        .published(date(6)),
        // Two more days on, the stampede's dead and one report naming Soleimani: compared with
        // Friday's death, not with Sunday's, which no longer names him.
        Document::new(
            "c",
            "56 people died in a stampede in Kerman on Tuesday. Soleimani's death was mourned in \
             Kerman on Tuesday.",
        )
        .published(date(7)),
    ];
    let timeline = merged(&docs);
    let entries = timeline.entries();
    let stampede = entries.iter().find(|e| e.kind == "death" && e.value.to_string() == "2020-01-07");
    assert!(stampede.is_some_and(|e| !e.participants.iter().any(|p| p.as_str() == "qasem-soleimani")));
    let friday = entries.iter().find(|e| e.kind == "death" && e.value.to_string() == "2020-01-03");
    let documents: Vec<&str> =
        friday.map(|e| e.sources.iter().map(|s| s.document.as_str()).collect()).unwrap_or_default();
    assert!(documents.contains(&"c"), "{documents:?}");
}

#[test]
fn an_event_told_as_another_kind_on_its_day_joins_that_kinds_entry() {
    let docs = [
        Document::new("a", "Protesters stormed the US Embassy in Baghdad on Tuesday.").published(date(1)),
        // The same siege, told as an attack on the embassy; the document's attack naming no
        // target goes with it.
        Document::new(
            "b",
            "The attack on the US Embassy in Baghdad on Tuesday angered Trump. Iran will be held \
             responsible for the attack.",
        )
        .published(date(1)),
        // An attack of that day on someone else stays an attack.
        Document::new("c", "US forces attacked Kataib Hezbollah in Iraq on Tuesday.").published(date(1)),
    ];
    let timeline = merged(&docs);
    let entries = timeline.entries();
    let kinds: Vec<(&str, Vec<&str>)> = entries
        .iter()
        .map(|e| (e.kind.as_str(), e.sources.iter().map(|s| s.document.as_str()).collect()))
        .collect();
    assert!(kinds.contains(&("protest", vec!["a", "b", "b"])), "{kinds:?}");
    assert!(kinds.contains(&("attack", vec!["c"])), "{kinds:?}");
    // Read through the timeline, the attacks of b are the protest.
    let events = redated(&timeline, &entries, &docs[1]);
    let read: Vec<&str> = events.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(read, ["protest", "protest"], "{events:#?}");
    // c's attack keeps its kind.
    let events = redated(&timeline, &entries, &docs[2]);
    assert!(events.iter().all(|e| e.kind == "attack"));
}

#[test]
fn an_event_dated_through_a_link_goes_to_the_day_of_its_partners_entry() {
    let docs = [
        // Tehran: the airliner came down on Wednesday.
        Document::new("a", "Iranian missiles shot down a Ukraine International Airlines jet near Tehran on Wednesday.")
            .published(date(8)),
        Document::new("b", "A Ukraine International Airlines jet crashed near Tehran on Wednesday after take-off.")
            .published(date(8)),
        // Washington: late Tuesday; the deaths are told as its result.
        Document::new(
            "c",
            "Officials said Thursday that an Iranian missile downed a Ukraine International Airlines jet late \
             Tuesday, killing all 176 people on board.",
        )
        .published(date(9)),
        // Another death of Tuesday, which the airliner's dead must not join.
        Document::new("d", "A stampede at the funeral in Kerman killed 56 people on Tuesday.").published(date(8)),
    ];
    let timeline = merged(&docs);
    let entries = timeline.entries();
    let text = |e: &annals::timeline::Entry| {
        e.sources
            .iter()
            .map(|s| format!("{}:{}", s.document, s.trigger.text(docs_text(&docs, &s.document))))
            .collect::<Vec<_>>()
    };
    let killing = entries
        .iter()
        .find(|e| e.kind == "death" && text(e).contains(&"c:killing".to_string()))
        .expect("the killing is on the timeline");
    assert_eq!(killing.value.to_string(), "2020-01-08", "{:?}", text(killing));
    assert!(!text(killing).contains(&"d:stampede".to_string()), "{:?}", text(killing));
    // Its own text still reads it on Tuesday, in its own time zone.
    let events = redated(&timeline, &entries, &docs[2]);
    let killing = events.iter().find(|e| e.trigger.text == "killing").expect("killing");
    assert_eq!(killing.value.as_ref().map(|v| v.to_string()).as_deref(), Some("2020-01-07"));
}

#[test]
fn events_a_sentence_ties_together_that_no_text_dates_go_to_the_day_of_the_partners_entry() {
    let docs = [
        Document::new("a", "US air strikes hit Kataib Hezbollah bases in Iraq on Sunday.")
            .published(december(30)),
        Document::new("b", "The Pentagon said US air strikes hit five Kataib Hezbollah sites on Sunday.")
            .published(december(30)),
        // Two days on, neither the strikes nor the deaths are dated by the text: the strikes
        // find Sunday's entry by their words, and the deaths told as their result go with them.
        Document::new(
            "c",
            "Protesters were angry at US air strikes in western Iraq that killed 25 fighters.",
        )
        .published(date(1)),
    ];
    let timeline = merged(&docs);
    let entries = timeline.entries();
    let events = redated(&timeline, &entries, &docs[2]);
    assert_eq!(day_of(&events, "air strikes").as_deref(), Some("2019-12-29"), "{events:#?}");
    assert_eq!(day_of(&events, "killed").as_deref(), Some("2019-12-29"), "{events:#?}");
}

#[test]
fn an_event_put_before_a_day_reaches_back_to_the_event_other_texts_date() {
    let docs = [
        Document::new("a", "US air strikes hit Kataib Hezbollah bases in Iraq on Sunday.")
            .published(december(30)),
        // Before Tuesday, so dated Monday at the latest: the timeline finds Sunday's strikes.
        Document::new(
            "b",
            "Protesters stormed the US embassy in Baghdad on Tuesday in response to US air strikes on Kataib \
             Hezbollah.",
        )
        .published(december(31)),
        // A headline dated only by publication, and a week's report of the same killing.
        Document::new("c", "Rockets hit a base in Kirkuk, killing a US contractor.").published(december(27)),
        Document::new("d", "Militia rockets killed a US contractor in Kirkuk last week.").published(date(2)),
    ];
    let timeline = merged(&docs);
    let entries = timeline.entries();
    for (doc, trigger, day) in [(&docs[1], "air strikes", "2019-12-29"), (&docs[3], "killed", "2019-12-27")] {
        let events = redated(&timeline, &entries, doc);
        assert_eq!(day_of(&events, trigger).as_deref(), Some(day), "{events:#?}");
        let source = events.iter().find(|e| e.trigger.text == trigger).map(|e| e.time_source);
        assert_eq!(source, Some(TimeSource::Timeline), "{trigger}");
    }
}

#[test]
fn a_summary_names_a_place_once() {
    let docs = [
        Document::new("a", "Iraq's parliament voted in Baghdad on Sunday to expel US troops.")
            .published(date(6)),
        Document::new("b", "US forces attacked Kirkuk on Sunday.").published(date(6)),
    ];
    let timeline = merged(&docs);
    let summaries: Vec<String> = timeline.entries().iter().map(|e| e.summary.clone()).collect();
    assert!(summaries.iter().any(|s| s.ends_with("in Baghdad")), "{summaries:?}");
    // Kirkuk is the target: "at Kirkuk" would repeat it.
    let attack = summaries.iter().find(|s| s.contains("attack")).expect("an attack");
    assert_eq!(attack.matches("Kirkuk").count(), 1, "{summaries:?}");
}
