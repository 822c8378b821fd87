//! Event and timeline quality on the bundled corpus: event P/R/F1 (trigger + kind, and + date)
//! against the gold of `data/corpus/{seed,crisis}/*.events.tsv`, and the merged timeline against
//! the reference `data/corpus/crisis/timeline.tsv` (Date-F1, entry P/R/F1, duplicate rate).
//!
//! ```sh
//! cargo run --release --example score_events             # the tables
//! cargo run --release --example score_events -- --errors # and every difference
//! ```

use annals::score::{EventScores, TimelineScores, parse_reference_timeline, read_event_gold_dir};
use annals::{Extractor, Timeline};
use std::path::Path;

fn main() -> Result<(), annals::Error> {
    let errors = std::env::args().any(|a| a == "--errors");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/corpus");
    let extractor = Extractor::new()?;
    let mut scores = EventScores::default();
    let mut timelines = Vec::new();
    let mut gold_events = 0;
    for dir in ["seed", "crisis"] {
        for gold in read_event_gold_dir(&root.join(dir))? {
            let extraction = extractor.extract(&gold.document);
            let differences = scores.add(&extraction.events, &gold.gold);
            gold_events += gold.gold.len();
            if errors && !differences.is_empty() {
                println!("== {dir}/{}", gold.document.id);
                for d in &differences {
                    println!("  {d}");
                }
            }
            timelines.push(extractor.timeline(&gold.document, &extraction));
        }
    }
    println!(
        "Events: {} documents, {gold_events} gold event mentions (data/corpus/EVENTS.md)\n",
        scores.documents
    );
    println!("{scores}\n");

    let reference_path = root.join("crisis/timeline.tsv");
    let reference_text =
        std::fs::read_to_string(&reference_path).map_err(|e| annals::Error::io(&reference_path, e))?;
    let reference = parse_reference_timeline(&reference_path.display().to_string(), &reference_text)?;
    let timeline = Timeline::merge_all(timelines);
    let entries = timeline.entries();
    let timeline_scores = TimelineScores::score(&entries, &reference);
    println!(
        "Timeline: {} entries against {} reference events (data/corpus/crisis/timeline.tsv)\n",
        entries.len(),
        reference.len()
    );
    println!("{timeline_scores}");
    Ok(())
}
