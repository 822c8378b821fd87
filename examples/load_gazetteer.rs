//! Times building an extractor from your own gazetteer files, and extracting with it.
//!
//! ```sh
//! cargo run --release --example load_gazetteer -- my_names.tsv [more.tsv…]
//! ```
//!
//! Prints the build time, the number of names, the compiled size, the peak resident memory of
//! the process, and the extraction speed over the two seed documents repeated to ~1 MB. The
//! bundled gazetteers are replaced by the given files; the cue words and rules stay.

use annals::{Document, Extractor};
use std::time::Instant;

const SEEDS: [&str; 2] = [
    include_str!("../data/corpus/seed/000_3ec0d8211e1830f8.txt"),
    include_str!("../data/corpus/seed/003_68db71b173ece9cb.txt"),
];

/// Peak resident set size in MB, from /proc (Linux); None elsewhere.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() -> Result<(), annals::Error> {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: load_gazetteer FILE.tsv [FILE.tsv…]");
        std::process::exit(2);
    }
    let mut builder = Extractor::builder();
    builder.without_bundled_gazetteers();
    for file in &files {
        builder.gazetteer_file(file);
    }
    let started = Instant::now();
    let extractor = builder.build()?;
    let build = started.elapsed().as_secs_f64();
    println!(
        "built {} names ({} entities) in {build:.2} s; compiled size {:.0} MB; peak RSS {} MB",
        extractor.gazetteer_names(),
        extractor.gazetteer_entities(),
        extractor.memory_usage() as f64 / 1e6,
        peak_rss_mb().map_or("?".to_string(), |m| format!("{m:.0}"))
    );
    let docs: Vec<Document> = (0..500).map(|i| Document::new(i.to_string(), SEEDS[i % 2])).collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let started = Instant::now();
    let mentions: usize = docs.iter().map(|d| extractor.extract(d).entities.len()).sum();
    let secs = started.elapsed().as_secs_f64();
    println!(
        "extracted {mentions} mentions from {:.2} MB in {secs:.2} s: {:.1} MB/s",
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs
    );
    Ok(())
}
