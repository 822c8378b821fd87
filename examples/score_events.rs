//! Event and timeline quality on the bundled corpus: event P/R/F1 (trigger + kind, and + date)
//! against the gold of `data/corpus/{seed,crisis}/*.events.tsv`, and the merged timeline against
//! the reference `data/corpus/crisis/timeline.tsv` (Date-F1, entry P/R/F1, duplicate rate).
//!
//! ```sh
//! cargo run --release --example score_events             # the tables
//! cargo run --release --example score_events -- --errors # and every difference (development part)
//! cargo run --release --example score_events -- --timeline-errors # same, once dated by the timeline
//! ```
//!
//! Events are scored on two parts, split by file name as TBAQ is (`annals::timeml::split`):
//! a development part, whose differences `--errors` prints, and a held-out part, only scored.
//! The timeline is scored whole: its reference spans the corpus.

use annals::score::{EventScores, TimelineScores, parse_reference_timeline, read_event_gold_dir};
use annals::timeml::{Split, split};
use annals::{Extractor, Timeline};
use std::path::Path;

fn main() -> Result<(), annals::Error> {
    let errors = std::env::args().any(|a| a == "--errors");
    let timeline_errors = std::env::args().any(|a| a == "--timeline-errors");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/corpus");
    let extractor = Extractor::new()?;
    let mut development = EventScores::default();
    let mut held_out = EventScores::default();
    let mut all = EventScores::default();
    let mut documents = Vec::new();
    for dir in ["seed", "crisis"] {
        for gold in read_event_gold_dir(&root.join(dir))? {
            let extraction = extractor.extract(&gold.document);
            all.add(&extraction.events, &gold.gold);
            let part = split(&gold.document.id);
            let scores = if part == Split::HeldOut { &mut held_out } else { &mut development };
            let differences = scores.add(&extraction.events, &gold.gold);
            if errors && part == Split::Development && !differences.is_empty() {
                println!("== {dir}/{}", gold.document.id);
                for d in &differences {
                    println!("  {d}");
                }
            }
            documents.push((gold, extraction));
        }
    }
    let timeline = Timeline::merge_all(documents.iter().map(|(g, x)| extractor.timeline(&g.document, x)));
    let entries = timeline.entries();
    let mut across = [EventScores::default(), EventScores::default(), EventScores::default()];
    for (gold, extraction) in &documents {
        let mut events = extraction.events.clone();
        timeline.date_events(&entries, &gold.document.id, &mut events);
        let part = if split(&gold.document.id) == Split::HeldOut { 1 } else { 0 };
        let differences = across[part].add(&events, &gold.gold);
        if timeline_errors && part == 0 && !differences.is_empty() {
            println!("== {}", gold.document.id);
            for d in &differences {
                println!("  {d}");
            }
        }
        across[2].add(&events, &gold.gold);
    }
    for (name, scores, dated) in [
        ("development", &development, &across[0]),
        ("held-out", &held_out, &across[1]),
        ("all", &all, &across[2]),
    ] {
        println!("Events, {name}: {} documents (data/corpus/EVENTS.md)\n", scores.documents);
        println!("{scores}");
        let c = dated.dated;
        println!(
            "dated by the merged timeline (Timeline::date_events): P {:.3} R {:.3} F1 **{:.3}**\n",
            c.precision(),
            c.recall(),
            c.f1()
        );
    }

    let reference_path = root.join("crisis/timeline.tsv");
    let reference_text =
        std::fs::read_to_string(&reference_path).map_err(|e| annals::Error::io(&reference_path, e))?;
    let reference = parse_reference_timeline(&reference_path.display().to_string(), &reference_text)?;
    let timeline_scores = TimelineScores::score(&entries, &reference);
    println!(
        "Timeline: {} entries against {} reference events (data/corpus/crisis/timeline.tsv)\n",
        entries.len(),
        reference.len()
    );
    println!("{timeline_scores}");
    Ok(())
}
