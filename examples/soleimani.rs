//! The main job: what annals finds in the Soleimani seed corpus.
//!
//! ```sh
//! cargo run --release --example soleimani
//! ```
//!
//! At this stage of the pipeline it prints, for each seed document, its publication date
//! (given, or inferred and from where), every time expression with its TIMEX3 value and
//! interval, and every entity found, grouped by canonical entity, with each mention's byte
//! offsets and the gazetteer line or rule that made it. Events and the merged timeline come
//! with the next stage.

use annals::{Document, Extractor};

/// The seed documents, embedded so that the example runs with no files.
const SEEDS: &[(&str, &str)] = &[
    ("000_3ec0d8211e1830f8", include_str!("../data/corpus/seed/000_3ec0d8211e1830f8.txt")),
    ("003_68db71b173ece9cb", include_str!("../data/corpus/seed/003_68db71b173ece9cb.txt")),
];

fn main() -> Result<(), annals::Error> {
    let started = std::time::Instant::now();
    let extractor = Extractor::new()?;
    println!(
        "annals: {} gazetteer names for {} entities, built in {:.0} ms\n",
        extractor.gazetteer_names(),
        extractor.gazetteer_entities(),
        started.elapsed().as_secs_f64() * 1e3
    );
    for (id, text) in SEEDS {
        let extraction = extractor.extract(&Document::new(*id, *text));
        let published = match (extraction.published, extraction.published_source) {
            (Some(date), Some(source)) => format!("published {date} (from the {source:?})").to_lowercase(),
            _ => "no publication date in the text".to_string(),
        };
        println!("== {id}: {} bytes, {} sentences, {published}", text.len(), extraction.sentences.len());
        println!("\n   {} time expressions\n", extraction.times.len());
        for t in &extraction.times {
            let interval = t
                .interval
                .map_or(String::from("-"), |i| format!("[{}, {}) {:?}", i.start, i.end, i.granularity));
            println!(
                "    {:>5}..{:<5} {:<24} {:<8} {:<16} {:<10} {interval}",
                t.span.start,
                t.span.end,
                format!("`{}`", t.text),
                t.kind,
                t.value,
                format!("{:?}", t.anchor).to_lowercase(),
            );
        }
        println!("\n   {} mentions of {} entities\n", extraction.entities.len(), extraction.registry.len());
        for entity in &extraction.registry {
            let mentions: Vec<_> = extraction.mentions_of(entity.entity.as_str()).collect();
            println!("{} [{} · {}] ×{}", entity.name, entity.kind, entity.entity, mentions.len());
            for m in mentions {
                println!(
                    "    {:>5}..{:<5} {:<40} {}",
                    m.span.start,
                    m.span.end,
                    format!("`{}`", m.text),
                    m.rule
                );
            }
        }
        println!();
    }
    Ok(())
}
