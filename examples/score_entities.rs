//! Scores the entity stage against the gold of the seed corpus and the dev set.
//!
//! ```sh
//! cargo run --release --example score_entities             # both sets, tables only
//! cargo run --release --example score_entities -- --diff   # also every difference
//! cargo run --release --example score_entities -- DIR…     # any directory of NAME.txt + NAME.gold.tsv
//! ```

use annals::Extractor;
use annals::score::{EntityScores, read_gold_dir};
use std::path::PathBuf;

fn main() -> Result<(), annals::Error> {
    let mut diff = false;
    let mut dirs = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--diff" => diff = true,
            _ => dirs.push(PathBuf::from(arg)),
        }
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    if dirs.is_empty() {
        dirs = vec![root.join("data/corpus/seed"), root.join("data/corpus/dev")];
    }
    let extractor = Extractor::new()?;
    for dir in dirs {
        let docs = read_gold_dir(&dir)?;
        let mut scores = EntityScores::default();
        for doc in &docs {
            let extraction = extractor.extract(&doc.document);
            let diffs = scores.add(&extraction.entities, &doc.gold);
            if diff {
                for d in diffs {
                    println!("{} {d}", doc.document.id);
                }
            }
        }
        let shown = dir.strip_prefix(&root).unwrap_or(&dir);
        println!(
            "\n{} ({} documents, {} gold mentions)\n",
            shown.display(),
            scores.documents,
            scores.exact.tp + scores.exact.fn_
        );
        print!("{scores}");
    }
    Ok(())
}
