//! The time stage against hand-written regression files: `time_negatives.txt` (lines in which
//! no time expression may be found) and `time_positives.tsv` (every expression of each line,
//! with its extent, type, value and mod), then focused checks of intervals, spans and values.

use annals::time::{Granularity, Mode, TimeExpr, TimeTagger, TimexValue};
use chrono::NaiveDate;
use std::sync::LazyLock;

static TAGGER: LazyLock<TimeTagger> = LazyLock::new(|| TimeTagger::new().expect("bundled data builds"));

const NEGATIVES: &str = include_str!("time_negatives.txt");
const POSITIVES: &str = include_str!("time_positives.tsv");

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap_or_else(|e| panic!("bad date {s:?}: {e}"))
}

/// One expression as the positives file writes it: `extent=TYPE=VALUE[=MOD]`.
fn render(t: &TimeExpr) -> String {
    let mut s = format!("{}={}={}", t.text, t.kind, t.value);
    if let Some(m) = t.modifier {
        s.push('=');
        s.push_str(&m.to_string());
    }
    s
}

fn render_all(times: &[TimeExpr]) -> String {
    times.iter().map(render).collect::<Vec<_>>().join(" | ")
}

/// The lines of a regression file that hold a case, with their 1-based line numbers.
fn cases(file: &str) -> impl Iterator<Item = (usize, &str)> {
    file.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.trim_end_matches('\r')))
        .filter(|(_, line)| !line.trim().is_empty() && !line.starts_with('#'))
}

struct Positive<'f> {
    line: usize,
    published: NaiveDate,
    text: &'f str,
    expected: &'f str,
}

fn positives() -> Vec<Positive<'static>> {
    cases(POSITIVES)
        .map(|(line, row)| {
            let fields: Vec<&str> = row.split('\t').collect();
            let [published, text, expected] = fields[..] else {
                panic!("time_positives.tsv:{line}: expected 3 tab-separated fields, got {}", fields.len())
            };
            Positive { line, published: date(published), text, expected }
        })
        .collect()
}

#[test]
fn no_time_in_negatives() {
    let published = Some(date("2020-01-03"));
    let mut offending = Vec::new();
    let mut n = 0;
    for (line, text) in cases(NEGATIVES) {
        n += 1;
        let times = TAGGER.tag(text.strip_prefix("KNOWN: ").unwrap_or(text), published, Mode::News);
        if let Some(known) = text.strip_prefix("KNOWN: ") {
            assert!(!times.is_empty(), "time_negatives.txt:{line}: {known:?} is fixed: drop its KNOWN: mark");
            continue;
        }
        if !times.is_empty() {
            let found: Vec<String> = times.iter().map(|t| format!("{} [{}]", render(t), t.rule)).collect();
            offending.push(format!("time_negatives.txt:{line}: {text}\n    found: {}", found.join(" | ")));
        }
    }
    assert!(n >= 80, "time_negatives.txt holds {n} cases");
    if !offending.is_empty() {
        eprintln!("{} of {n} negative lines yield time expressions:", offending.len());
        for o in &offending {
            eprintln!("{o}");
        }
        panic!("{} of {n} negative lines yield time expressions (listed above)", offending.len());
    }
}

#[test]
fn positives_file_is_well_formed() {
    for p in positives() {
        assert!(!p.expected.is_empty(), "time_positives.tsv:{}: no expected expression", p.line);
        for item in p.expected.split(" | ") {
            let parts: Vec<&str> = item.split('=').collect();
            assert!(
                (3..=4).contains(&parts.len()),
                "time_positives.tsv:{}: {item:?} is not extent=TYPE=VALUE[=MOD]",
                p.line
            );
            assert!(
                p.text.contains(parts[0]),
                "time_positives.tsv:{}: extent {:?} not in the text",
                p.line,
                parts[0]
            );
            assert!(
                ["DATE", "TIME", "DURATION", "SET"].contains(&parts[1]),
                "time_positives.tsv:{}: bad type {:?}",
                p.line,
                parts[1]
            );
            let value: TimexValue = parts[2]
                .parse()
                .unwrap_or_else(|e| panic!("time_positives.tsv:{}: bad value {:?}: {e}", p.line, parts[2]));
            assert_eq!(
                value.to_string(),
                parts[2],
                "time_positives.tsv:{}: value does not round trip",
                p.line
            );
            if let Some(m) = parts.get(3) {
                m.parse::<annals::time::TimexMod>()
                    .unwrap_or_else(|e| panic!("time_positives.tsv:{}: bad mod {m:?}: {e}", p.line));
            }
        }
    }
}

#[test]
fn positives_are_found_with_their_values() {
    let all = positives();
    assert!(all.len() >= 80, "time_positives.tsv holds {} cases", all.len());
    let mut mismatches = Vec::new();
    for p in &all {
        let times = TAGGER.tag(p.text, Some(p.published), Mode::News);
        let got = render_all(&times);
        if got != p.expected {
            let rules: Vec<String> = times.iter().map(|t| t.rule.to_string()).collect();
            mismatches.push(format!(
                "time_positives.tsv:{} ({}): {}\n    expected: {}\n    got:      {}   [{}]",
                p.line,
                p.published,
                p.text,
                p.expected,
                got,
                rules.join(", ")
            ));
        }
    }
    if !mismatches.is_empty() {
        eprintln!("{} of {} positive lines differ:", mismatches.len(), all.len());
        for m in &mismatches {
            eprintln!("{m}");
        }
        panic!("{} of {} positive lines differ (listed above)", mismatches.len(), all.len());
    }
}

#[test]
fn friday_morning_is_six_to_noon_that_day() {
    let times = TAGGER.tag("The drone struck on Friday morning.", Some(date("2020-01-03")), Mode::News);
    let t = times.iter().find(|t| t.text == "Friday morning").expect("\"Friday morning\" is found");
    let interval = t.interval.expect("\"Friday morning\" has an interval");
    assert_eq!(interval.start, date("2020-01-03").and_hms_opt(6, 0, 0).unwrap());
    assert_eq!(interval.end, date("2020-01-03").and_hms_opt(12, 0, 0).unwrap());
    assert_eq!(interval.granularity, Granularity::PartOfDay);
}

/// A holiday's name is a proper noun: in lower case a phrase such as "election day" is the day
/// of whichever election the text tells of, not the US holiday of calendar.tsv.
#[test]
fn lower_case_holiday_phrases_are_not_the_holiday() {
    let published = Some(date("2024-07-10"));
    let text = "Voters in Britain went to the polls on election day, and counting began at once.";
    let times = TAGGER.tag(text, published, Mode::News);
    assert!(times.iter().all(|t| !t.rule.to_string().starts_with("date:holiday")), "{}", render_all(&times));
    let times = TAGGER.tag("Americans went to the polls on Election Day.", published, Mode::News);
    assert_eq!(render_all(&times), "Election Day=DATE=2023-11-07");
}

/// "last" after a possessive is "final": "his last Christmas" is no "last Christmas".
#[test]
fn last_after_a_possessive_is_final_not_deictic() {
    let times = TAGGER.tag("It was his last Christmas at home.", Some(date("2000-02-10")), Mode::News);
    assert!(times.iter().all(|t| !t.text.contains("last")), "{}", render_all(&times));
}

#[test]
fn spans_lie_on_char_boundaries_in_non_ascii_text() {
    let texts = [
        "Le 3 janvier — “on Friday” ☃ 2020",
        "«Friday» – 3 January 2020 — “last week” … 8:30 p.m. ☃ yesterday",
        "Iran’s strike on Tuesday’s convoy — 🇮🇷 — came two days later.",
    ];
    for text in texts {
        let times = TAGGER.tag(text, Some(date("2020-01-03")), Mode::News);
        assert!(
            times.iter().any(|t| t.text.contains("Friday") || t.text.contains("Tuesday")),
            "{text}: {times:?}"
        );
        for t in &times {
            let (start, end) = (t.span.start, t.span.end);
            assert!(start < end && end <= text.len(), "{text}: {t:?}");
            assert!(text.is_char_boundary(start) && text.is_char_boundary(end), "{text}: {t:?}");
            assert_eq!(&text[start..end], t.text, "{text}");
            assert_eq!(t.char_start, text[..start].chars().count(), "{text}: {t:?}");
            assert_eq!(t.char_end, text[..end].chars().count(), "{text}: {t:?}");
        }
    }
}

#[test]
fn values_round_trip_and_intervals_match() {
    let mut texts: Vec<(NaiveDate, &str)> = positives().iter().map(|p| (p.published, p.text)).collect();
    let published = date("2020-01-03");
    texts.extend(cases(NEGATIVES).map(|(_, text)| (published, text)));
    let mut checked = 0;
    for (published, text) in texts {
        for with in [Some(published), None] {
            for mode in [Mode::News, Mode::Narrative] {
                for t in TAGGER.tag(text, with, mode) {
                    let printed = t.value.to_string();
                    let parsed: TimexValue =
                        printed.parse().unwrap_or_else(|e| panic!("{text}: {printed:?} does not parse: {e}"));
                    assert_eq!(parsed, t.value, "{text}: {printed:?}");
                    assert_eq!(t.interval, t.value.interval(), "{text}: {printed:?}");
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 100, "only {checked} expressions checked");
}

#[test]
fn narrative_mode_counts_from_the_last_date_mentioned() {
    let text = "Napoleon was born on 15 August 1769. Two years later, in March, the family moved. \
                The next day it rained; that year was hard. Yesterday was his birthday.";
    let published = Some(date("2020-01-03"));
    let narrative = render_all(&TAGGER.tag(text, published, Mode::Narrative));
    assert_eq!(
        narrative,
        "15 August 1769=DATE=1769-08-15 | Two years later=DATE=1771 | March=DATE=1771-03 | \
         The next day=DATE=1771-03-02 | that year=DATE=1771 | Yesterday=DATE=1771-03-01"
    );
    // In news mode, "yesterday" and a bare month count from the publication date instead.
    let news = TAGGER.tag(text, published, Mode::News);
    let yesterday = news.iter().find(|t| t.text == "Yesterday").expect("found in news mode");
    assert_eq!(yesterday.value.to_string(), "2020-01-02");
    assert_eq!(yesterday.anchor, annals::time::Anchor::Published);
}

#[test]
fn without_a_publication_date_relative_values_have_unknown_parts() {
    let times = TAGGER.tag("He left on Friday, a week after Christmas.", None, Mode::News);
    assert_eq!(
        render_all(&times),
        "Friday=DATE=XXXX-WXX-5 | a week=DURATION=P1W | Christmas=DATE=XXXX-12-25"
    );
    assert!(times.iter().all(|t| t.kind == annals::time::TimexType::Duration || t.interval.is_none()));
    assert_eq!(times[0].anchor, annals::time::Anchor::Missing);
}
