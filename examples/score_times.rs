//! Scores the time stage on TimeML (TempEval-3 Task A): runs the tagger on each file's text
//! with its document creation time as the publication date, in news mode, and prints the TE3
//! table (strict, relaxed, value and type P/R/F1, micro-averaged).
//!
//! ```sh
//! cargo run --release --example score_times                    # TBAQ in ../shared/tempeval: development and held-out parts
//! cargo run --release --example score_times -- --errors        # also every difference, development part only
//! cargo run --release --example score_times -- --spans out.jsonl DIR   # also te3_eval.py's spans format
//! cargo run --release --example score_times -- --all DIR…      # any TimeML directories, unsplit
//! ```
//!
//! The held-out part (`annals::timeml::split`) is never read while writing rules: this example
//! refuses to print its differences.

use annals::score::TimexScores;
use annals::time::{Mode, TimeTagger};
use annals::timeml::{Split, TimemlDocument, TimexTag, read_timeml_dir, split};
use std::io::Write;
use std::path::PathBuf;

fn main() -> Result<(), annals::Error> {
    let mut errors = false;
    let mut unsplit = false;
    let mut spans: Option<PathBuf> = None;
    let mut dirs = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--errors" => errors = true,
            "--all" => unsplit = true,
            "--spans" => {
                spans = Some(
                    args.next()
                        .map(PathBuf::from)
                        .ok_or_else(|| annals::Error::argument("--spans needs a file"))?,
                )
            }
            _ => dirs.push(PathBuf::from(arg)),
        }
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    if dirs.is_empty() {
        let tbaq = root.join("../shared/tempeval/tbaq");
        dirs = vec![tbaq.join("TimeBank"), tbaq.join("AQUAINT")];
    }
    let tagger = TimeTagger::new()?;
    let mut docs: Vec<TimemlDocument> = Vec::new();
    for dir in &dirs {
        docs.extend(read_timeml_dir(dir)?);
    }
    let mut spans_out = match &spans {
        Some(path) => Some(std::io::BufWriter::new(
            std::fs::File::create(path).map_err(|e| annals::Error::io(path, e))?,
        )),
        None => None,
    };
    let parts: &[(&str, Option<Split>)] = if unsplit {
        &[("all", None)]
    } else {
        &[("development", Some(Split::Development)), ("held-out", Some(Split::HeldOut))]
    };
    for (label, part) in parts {
        let mut scores = TimexScores::default();
        for doc in docs.iter().filter(|d| part.is_none_or(|p| split(&d.name) == p)) {
            let times = tagger.tag(&doc.text, Some(doc.dct), Mode::News);
            let tags: Vec<TimexTag> = times.iter().map(TimexTag::from).collect();
            if let Some(out) = spans_out.as_mut() {
                let timexes: Vec<serde_json::Value> = times
                    .iter()
                    .map(|t| {
                        serde_json::json!({"start": t.char_start, "end": t.char_end, "type": t.kind, "value": t.value})
                    })
                    .collect();
                let id = doc.name.trim_end_matches(".tml");
                let line = serde_json::json!({"id": id, "timexes": timexes});
                writeln!(out, "{line}")
                    .map_err(|e| annals::Error::io(spans.as_deref().unwrap_or(&root), e))?;
            }
            let differences = scores.add(&tags, &doc.timexes, &doc.text);
            if errors && *part != Some(Split::HeldOut) {
                for d in differences {
                    println!("{} {d}", doc.name);
                }
            }
        }
        println!("\n{label}: {} documents\n", scores.documents);
        print!("{scores}");
    }
    Ok(())
}
