//! TimeML reading, writing and TempEval-3 Task A scoring against the TBAQ-cleaned data.
//!
//! The data is read in place from `../shared/tempeval/tbaq` (beside the checkout); it is never
//! copied into this repository. Where it is absent, the tests that need it print a note and
//! pass. The figures hard-coded below are counts only, computed by the team's `te3_eval.py`.

use annals::Span;
use annals::score::{TimexDifference, TimexScores};
use annals::timeml::{Split, TimemlDocument, TimexTag, parse_timeml, read_timeml_dir, split, write_timeml};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The documents of one TBAQ corpus (`TimeBank` or `AQUAINT`), or `None` with a note.
fn corpus(name: &str) -> Option<Vec<TimemlDocument>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/tempeval/tbaq").join(name);
    if !dir.is_dir() {
        eprintln!("note: {} is absent; skipping", dir.display());
        return None;
    }
    Some(read_timeml_dir(&dir).expect("the TBAQ files parse"))
}

fn score(docs: &[TimemlDocument], system: impl Fn(&TimemlDocument) -> Vec<TimexTag>) -> TimexScores {
    let mut scores = TimexScores::default();
    for doc in docs {
        scores.add(&system(doc), &doc.timexes, &doc.text);
    }
    scores
}

#[test]
fn gold_against_itself_scores_100() {
    for name in ["TimeBank", "AQUAINT"] {
        let Some(docs) = corpus(name) else { return };
        let scores = score(&docs, |d| d.timexes.clone());
        eprintln!("{name}\n{scores}");
        for f1 in [scores.strict.f1(), scores.relaxed.f1(), scores.value_f1(), scores.type_f1()] {
            assert_eq!(f1, 1.0, "{name}");
        }
        assert_eq!((scores.value_accuracy(), scores.type_accuracy()), (1.0, 1.0));
    }
}

#[test]
fn counts_match_the_readme() {
    // README.md of ../shared/tempeval: docs, TIMEX3 in TEXT, DATE, DURATION, TIME, SET.
    for (name, docs_n, timexes, date, duration, time, set) in
        [("TimeBank", 183, 1243, 1016, 189, 22, 16), ("AQUAINT", 73, 579, 489, 68, 8, 14)]
    {
        let Some(docs) = corpus(name) else { return };
        assert_eq!(docs.len(), docs_n, "{name}");
        let mut kinds = BTreeMap::new();
        for t in docs.iter().flat_map(|d| &d.timexes) {
            *kinds.entry(t.kind.as_str()).or_insert(0) += 1;
        }
        assert_eq!(kinds.values().sum::<usize>(), timexes, "{name}");
        let want = BTreeMap::from([("DATE", date), ("DURATION", duration), ("TIME", time), ("SET", set)]);
        assert_eq!(kinds, want, "{name}");
        // Every gold span lies on char boundaries and covers something.
        for d in &docs {
            assert!(d.timexes.iter().all(|t| !t.span.is_empty() && !t.span.text(&d.text).is_empty()));
            assert!(d.name.ends_with(".tml"));
        }
    }
}

#[test]
fn held_out_part_is_54_files() {
    for (name, held_out) in [("TimeBank", 39), ("AQUAINT", 15)] {
        let Some(docs) = corpus(name) else { return };
        let n = docs.iter().filter(|d| split(&d.name) == Split::HeldOut).count();
        assert_eq!(n, held_out, "{name}");
    }
}

/// A deterministic perturbation of the gold: over the corpus's timexes in order (k = 1, 2…),
/// drop every 5th; move the start of every 7th one char right (if it has two chars or more);
/// change the value of every 3rd and the type of every 11th; for every 13th add a second
/// system timex one char longer at the end (it competes with the first); for every 17th with a
/// successor in the document add one covering both; and in every 10th document add a timex on
/// the first word.
fn perturb(docs: &[TimemlDocument]) -> Vec<Vec<TimexTag>> {
    let mut k = 0;
    let mut out = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let text = &doc.text;
        let next_char = |byte: usize| text[byte..].chars().next().map_or(byte, |c| byte + c.len_utf8());
        let mut system = Vec::new();
        for (i, gold) in doc.timexes.iter().enumerate() {
            k += 1;
            if k % 13 == 0 && gold.span.end < text.len() {
                let span = Span::new(gold.span.start, next_char(gold.span.end));
                system.push(TimexTag { span, ..gold.clone() });
            }
            if k % 17 == 0 && i + 1 < doc.timexes.len() {
                let span = Span::new(gold.span.start, doc.timexes[i + 1].span.end);
                system.push(TimexTag { span, ..gold.clone() });
            }
            if k % 5 == 0 {
                continue;
            }
            let mut tag = gold.clone();
            if k % 7 == 0 && gold.span.text(text).chars().count() >= 2 {
                tag.span.start = next_char(tag.span.start);
            }
            if k % 3 == 0 {
                tag.value.push_str("-X");
            }
            if k % 11 == 0 {
                tag.kind = if tag.kind == "DATE" { "TIME".into() } else { "DATE".into() };
            }
            system.push(tag);
        }
        if d % 10 == 0 {
            let start = text.find(char::is_alphanumeric).unwrap_or(0);
            let end = text[start..].find(|c: char| !c.is_alphanumeric()).map_or(text.len(), |e| start + e);
            system.push(TimexTag {
                span: Span::new(start, end),
                kind: "DATE".into(),
                value: "XXXX".into(),
                modifier: None,
            });
        }
        out.push(system);
    }
    out
}

/// Writes the perturbed system as te3_eval.py `--spans` JSON lines (char offsets).
fn dump_spans(docs: &[TimemlDocument], systems: &[Vec<TimexTag>], path: &std::path::Path) {
    let mut lines = String::new();
    for (doc, system) in docs.iter().zip(systems) {
        let timexes: Vec<_> = system
            .iter()
            .map(|t| {
                let chars = t.span.chars(&doc.text);
                serde_json::json!({"start": chars.start, "end": chars.end, "type": t.kind, "value": t.value})
            })
            .collect();
        let id = doc.name.strip_suffix(".tml").unwrap_or(&doc.name);
        lines.push_str(&serde_json::json!({"id": id, "timexes": timexes}).to_string());
        lines.push('\n');
    }
    std::fs::write(path, lines).expect("writable dump path");
}

/// Expected figures for the perturbation, produced once by running
/// `ANNALS_TE3_DUMP=/tmp cargo test --test tempeval perturbed` (which writes
/// `/tmp/te3_perturbed_<corpus>.jsonl`), then from the crate root
/// `python3 ../shared/tempeval/te3_eval.py ../shared/tempeval/tbaq/<corpus> --spans /tmp/te3_perturbed_<corpus>.jsonl --json`
/// (strict/relaxed matches, gold, system, value and type `equal`) and the same command without
/// `--json` (the table) and with `--errors` (the tallies of each error kind).
struct Expected {
    gold: usize,
    system: usize,
    strict: usize,
    relaxed: usize,
    value: usize,
    kind: usize,
    /// missed, spurious, extent, value, type (te3_eval.py's `extent+value` counts once in each).
    errors: [usize; 5],
    table: &'static str,
}

const TIMEBANK: Expected = Expected {
    gold: 1243,
    system: 1166,
    strict: 853,
    relaxed: 1038,
    value: 695,
    kind: 942,
    errors: [205, 128, 185, 343, 96],
    table: concat!(
        "TempEval-3 Task A (TIMEX3) over 183 documents: 1243 gold, 1166 system\n",
        "                 P       R      F1\n",
        "  strict     73.16   68.62   70.82   (853 matches)\n",
        "  relaxed    89.02   83.51   86.18   (1038 matches)\n",
        "  value      59.61   55.91   57.70   (accuracy 66.96 on 1038 relaxed matches)\n",
        "  type       80.79   75.78   78.21   (accuracy 90.75 on 1038 relaxed matches)\n",
    ),
};

const AQUAINT: Expected = Expected {
    gold: 579,
    system: 546,
    strict: 398,
    relaxed: 483,
    value: 323,
    kind: 442,
    errors: [96, 63, 85, 160, 41],
    table: concat!(
        "TempEval-3 Task A (TIMEX3) over 73 documents: 579 gold, 546 system\n",
        "                 P       R      F1\n",
        "  strict     72.89   68.74   70.76   (398 matches)\n",
        "  relaxed    88.46   83.42   85.87   (483 matches)\n",
        "  value      59.16   55.79   57.42   (accuracy 66.87 on 483 relaxed matches)\n",
        "  type       80.95   76.34   78.58   (accuracy 91.51 on 483 relaxed matches)\n",
    ),
};

#[test]
fn perturbed_timebank_scores_as_te3_eval_does() {
    perturbed_system_scores_as_te3_eval_does("TimeBank", TIMEBANK);
}

#[test]
fn perturbed_aquaint_scores_as_te3_eval_does() {
    perturbed_system_scores_as_te3_eval_does("AQUAINT", AQUAINT);
}

fn perturbed_system_scores_as_te3_eval_does(name: &str, want: Expected) {
    {
        let Some(docs) = corpus(name) else { return };
        let systems = perturb(&docs);
        if let Some(dir) = std::env::var_os("ANNALS_TE3_DUMP") {
            dump_spans(&docs, &systems, &PathBuf::from(dir).join(format!("te3_perturbed_{name}.jsonl")));
        }
        let mut scores = TimexScores::default();
        let mut errors = [0; 5];
        for (doc, system) in docs.iter().zip(&systems) {
            for diff in scores.add(system, &doc.timexes, &doc.text) {
                errors[match diff {
                    TimexDifference::Missed { .. } => 0,
                    TimexDifference::Spurious { .. } => 1,
                    TimexDifference::Extent(_) => 2,
                    TimexDifference::Value(_) => 3,
                    TimexDifference::Type(_) => 4,
                }] += 1;
            }
        }
        eprintln!("{name}\n{scores}");
        let s = &scores;
        assert_eq!(s.strict.tp + s.strict.fn_, want.gold, "{name} gold");
        assert_eq!(s.strict.tp + s.strict.fp, want.system, "{name} system");
        assert_eq!(s.relaxed.tp + s.relaxed.fn_, want.gold, "{name} gold");
        assert_eq!(s.relaxed.tp + s.relaxed.fp, want.system, "{name} system");
        assert_eq!(
            (s.strict.tp, s.relaxed.tp, s.value_matches, s.type_matches),
            (want.strict, want.relaxed, want.value, want.kind),
            "{name}: strict, relaxed, value, type matches"
        );
        assert_eq!(errors, want.errors, "{name}: missed, spurious, extent, value, type");
        assert_eq!(scores.to_string(), want.table, "{name}");
    }
}

#[test]
fn written_timeml_reads_back() {
    for name in ["TimeBank", "AQUAINT"] {
        let Some(docs) = corpus(name) else { return };
        let mut scores = TimexScores::default();
        for doc in &docs {
            let xml = write_timeml(&doc.docid, doc.dct, &doc.text, &doc.timexes);
            let back = parse_timeml(&doc.name, &xml).expect("written TimeML parses");
            assert_eq!(back.text, doc.text, "{}", doc.name);
            assert_eq!(back.timexes, doc.timexes, "{}", doc.name);
            assert_eq!((&back.docid, back.dct), (&doc.docid, doc.dct), "{}", doc.name);
            scores.add(&back.timexes, &doc.timexes, &doc.text);
        }
        assert_eq!(scores.value_f1(), 1.0);
    }
}

#[test]
fn written_timeml_reads_back_with_markup_characters() {
    let text = "\r\nOn <Friday> & \"the\" 3rd\r— Qāsem's 🇮🇷 week]]>\n";
    let find = |s: &str| {
        let start = text.find(s).unwrap();
        Span::new(start, start + s.len())
    };
    let tag = |s: &str, kind: &str, value: &str, modifier: Option<&str>| TimexTag {
        span: find(s),
        kind: kind.into(),
        value: value.into(),
        modifier: modifier.map(Into::into),
    };
    let tags = vec![
        tag("<Friday> &", "DATE", "2020-01-03", None),
        tag("3rd\r—", "DATE", "<&\"'>", Some("APPROX")),
        tag("week]]>", "DURATION", "P1W", Some("END")),
    ];
    let dct = chrono::NaiveDate::from_ymd_opt(2020, 1, 4).unwrap();
    let xml = write_timeml("<doc & 1>", dct, text, &tags);
    let back = parse_timeml("x.tml", &xml).expect("parses");
    assert_eq!(back.text, text);
    assert_eq!(back.timexes, tags);
    assert_eq!((back.docid.as_str(), back.dct), ("<doc & 1>", dct));
    assert_eq!(back.name, "x.tml");
}

#[test]
fn parse_errors_name_file_and_line() {
    let dct = "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2020-01-03\" functionInDocument=\"CREATION_TIME\">20200103</TIMEX3></DCT>";
    let unclosed = format!(
        "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>X</DOCID>\n{dct}\n<TEXT>\nTalks resume\n<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2020-01-06\">Monday.\n</TEXT>\n</TimeML>\n"
    );
    let err = parse_timeml("bad.tml", &unclosed).unwrap_err();
    assert!(err.is_data());
    assert_eq!(err.location(), Some(("bad.tml", 7)));
    assert_eq!(err.to_string(), "bad.tml:7: <TIMEX3> is never closed in TEXT");

    let no_dct = "<TimeML>\n<DOCID>X</DOCID>\n<TEXT>\nTalks resume Monday.\n</TEXT>\n</TimeML>\n";
    let err = parse_timeml("nodct.tml", no_dct).unwrap_err();
    assert_eq!(err.location(), Some(("nodct.tml", 1)));
    assert!(err.to_string().contains("no document creation time"), "{err}");

    let empty_dct = "<TimeML>\n<DOCID>X</DOCID>\n\n<DCT></DCT>\n<TEXT>a</TEXT>\n</TimeML>\n";
    let err = parse_timeml("emptydct.tml", empty_dct).unwrap_err();
    assert_eq!(err.location(), Some(("emptydct.tml", 4)));

    // A lone CR is a line break for the text (as Python reads it), but line numbers count `\n`
    // as every data file's do, so that the line named is the line a reader finds.
    let crossing = format!(
        "<TimeML>\r\n{dct}\r<TEXT>\r\n<EVENT eid=\"e1\">a <TIMEX3 tid=\"t1\">b</EVENT></TIMEX3></TEXT>"
    );
    let err = parse_timeml("cross.tml", &crossing).unwrap_err();
    assert_eq!(err.to_string(), "cross.tml:3: </EVENT> closes <TIMEX3>, opened on line 3, in TEXT");

    let dir = std::env::temp_dir().join(format!("annals-timeml-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("bad.tml"), &unclosed).unwrap();
    let err = read_timeml_dir(&dir).unwrap_err();
    let path = dir.join("bad.tml").display().to_string();
    assert_eq!(err.location(), Some((path.as_str(), 7)));
    std::fs::remove_dir_all(&dir).unwrap();
    let err = read_timeml_dir(&dir).unwrap_err();
    assert!(err.is_io());
}

/// The time stage on the development part of TBAQ (never the held-out part): floors just under
/// what `cargo run --release --example score_times` reports, so a regression fails here.
#[test]
fn time_stage_keeps_its_floors_on_the_development_part() {
    let tagger = annals::time::TimeTagger::new().expect("bundled vocabulary");
    let mut scores = TimexScores::default();
    for name in ["TimeBank", "AQUAINT"] {
        let Some(docs) = corpus(name) else { return };
        for doc in docs.iter().filter(|d| split(&d.name) == Split::Development) {
            let tags: Vec<TimexTag> = tagger
                .tag(&doc.text, Some(doc.dct), annals::time::Mode::News)
                .iter()
                .map(TimexTag::from)
                .collect();
            scores.add(&tags, &doc.timexes, &doc.text);
        }
    }
    eprintln!("{scores}");
    assert_eq!(scores.documents, 202);
    assert!(scores.relaxed.f1() >= 0.945, "relaxed F1 {:.4}", scores.relaxed.f1());
    assert!(scores.strict.f1() >= 0.880, "strict F1 {:.4}", scores.strict.f1());
    assert!(scores.value_f1() >= 0.811, "value F1 {:.4}", scores.value_f1());
    assert!(scores.type_f1() >= 0.900, "type F1 {:.4}", scores.type_f1());
}
