//! The main job: the timeline of the Soleimani crisis, from the bundled corpus.
//!
//! ```sh
//! cargo run --release --example soleimani                      # the timeline as text
//! cargo run --release --example soleimani -- --html crisis.html # and as one HTML page
//! cargo run --release --example soleimani -- my/texts/ --html out.html   # your own .txt files
//! ```
//!
//! With no inputs it reads the corpus embedded in the binary: the two seed documents and the
//! crisis texts of `data/corpus/crisis/` (27 Dec 2019 – 11 Jan 2020), each with its publication
//! date from `SOURCES.tsv` (the seed documents carry or imply their own). It extracts every
//! document, merges their events into one timeline, and prints each entry — date, kind,
//! summary — with every sentence that reports it (document id and byte offsets).

use annals::timeline::render;
use annals::{Document, Extractor, Timeline};
use clap::Parser;
use std::io::Write;
use std::path::PathBuf;

#[derive(Parser)]
#[command(about = "The timeline of the Soleimani crisis (or of your own .txt files), traced to its sources.")]
struct Args {
    /// .txt files or directories of them, instead of the embedded corpus.
    inputs: Vec<PathBuf>,
    /// Also write the timeline as one self-contained HTML page.
    #[arg(long, value_name = "FILE")]
    html: Option<PathBuf>,
    /// The page's title.
    #[arg(long, default_value = "The Soleimani crisis, 27 December 2019 – 11 January 2020")]
    title: String,
}

macro_rules! corpus {
    ($($dir:literal / $stem:literal,)*) => {
        &[$(($dir, $stem, include_str!(concat!("../data/corpus/", $dir, "/", $stem, ".txt")))),*]
    };
}

/// The embedded corpus: (directory, stem, text). `tests/corpus.rs` checks that it lists every
/// text of `data/corpus/seed` and `data/corpus/crisis`.
const CORPUS: &[(&str, &str, &str)] = corpus![
    "seed" / "000_3ec0d8211e1830f8",
    "seed" / "003_68db71b173ece9cb",
    "crisis" / "101_k1_rocket_attack_kirkuk",
    "crisis" / "102_us_strikes_kataib_hezbollah",
    "crisis" / "103_iraq_condemns_us_strikes",
    "crisis" / "104_embassy_storming_baghdad",
    "crisis" / "105_marines_reinforce_embassy",
    "crisis" / "106_paratroopers_deploy_fort_bragg",
    "crisis" / "107_militias_withdraw_from_embassy",
    "crisis" / "108_esper_preemptive_action",
    "crisis" / "109_dod_rationale_soleimani_strike",
    "crisis" / "110_state_dept_urges_leave_iraq",
    "crisis" / "111_state_dept_alert_khamenei_warns",
    "crisis" / "112_khamenei_vows_revenge",
    "crisis" / "113_baghdad_funeral_procession",
    "crisis" / "114_soleimani_body_returned_ahvaz",
    "crisis" / "115_iraq_parliament_foreign_troops",
    "crisis" / "116_iran_drops_nuclear_deal_limits",
    "crisis" / "117_trump_threatens_iraq_sanctions",
    "crisis" / "118_trump_warns_major_retaliation",
    "crisis" / "119_tehran_funeral_khamenei_prays",
    "crisis" / "120_kerman_stampede_funeral",
    "crisis" / "121_kerman_stampede_burial_cancelled",
    "crisis" / "122_iran_launches_missiles_npr",
    "crisis" / "123_iran_missiles_hit_iraqi_bases",
    "crisis" / "124_missiles_hit_ain_al_assad_erbil",
    "crisis" / "125_trump_address_standing_down",
    "crisis" / "126_trump_announces_sanctions_no_strike",
    "crisis" / "127_ukrainian_airliner_crash_tehran",
    "crisis" / "128_us_officials_missile_downed_jet",
    "crisis" / "129_state_dept_sanctions_fact_sheet",
    "crisis" / "130_new_sanctions_officials_metals",
    "crisis" / "131_iran_admits_shooting_down_jet",
    "crisis" / "132_iran_admits_mistake_ap",
];

/// Publication dates of the crisis texts (file, url, source, licence, published, retrieved_via).
const SOURCES: &str = include_str!("../data/corpus/crisis/SOURCES.tsv");

fn embedded() -> Vec<Document> {
    CORPUS
        .iter()
        .map(|(_, stem, text)| {
            let published = SOURCES
                .lines()
                .filter(|l| !l.starts_with('#'))
                .map(|l| l.split('\t').collect::<Vec<_>>())
                .find(|f| f.first().and_then(|f| f.strip_suffix(".txt")) == Some(*stem))
                .and_then(|f| f.get(4).and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()));
            let doc = Document::new(*stem, *text);
            match published {
                Some(date) => doc.published(date),
                None => doc,
            }
        })
        .collect()
}

/// The .txt files of the inputs (directories read in name order).
fn read(inputs: &[PathBuf]) -> Result<Vec<Document>, String> {
    let mut docs = Vec::new();
    for input in inputs {
        let mut paths = if input.is_dir() {
            let dir = std::fs::read_dir(input).map_err(|e| format!("{}: {e}", input.display()))?;
            dir.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect()
        } else {
            vec![input.clone()]
        };
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let id = path
                .file_stem()
                .map_or_else(|| path.display().to_string(), |s| s.to_string_lossy().into_owned());
            docs.push(Document::new(id, text));
        }
    }
    Ok(docs)
}

fn main() -> std::process::ExitCode {
    let args = Args::parse();
    let started = std::time::Instant::now();
    let docs = if args.inputs.is_empty() {
        embedded()
    } else {
        match read(&args.inputs) {
            Ok(docs) => docs,
            Err(message) => {
                eprintln!("error: {message}");
                return std::process::ExitCode::from(2);
            }
        }
    };
    let extractor = match Extractor::new() {
        Ok(extractor) => extractor,
        Err(e) => {
            eprintln!("error: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    let extractions: Vec<_> = docs.iter().map(|d| extractor.extract(d)).collect();
    let timeline = Timeline::merge_all(docs.iter().zip(&extractions).map(|(d, x)| extractor.timeline(d, x)));
    let entries = timeline.entries();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let events: usize = extractions.iter().map(|x| x.events.len()).sum();
    let placed: usize = entries.iter().map(|e| e.sources.len()).sum();
    let summary = format!(
        "{} documents ({} KB): {} event mentions, {} of them asserted and dated, merged into {} timeline entries, in {:.0} ms",
        docs.len(),
        bytes / 1024,
        events,
        placed,
        entries.len(),
        started.elapsed().as_secs_f64() * 1e3
    );
    // Written, not printed: a closed pipe (`| head`) ends the output quietly, not in a panic.
    let mut out = std::io::stdout().lock();
    let written = write!(out, "{}\n\n{}\n{summary}\n", args.title, render::text(&timeline, &entries))
        .and_then(|()| out.flush());
    match written {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: writing the output: {e}");
            return std::process::ExitCode::from(2);
        }
    }
    if let Some(path) = &args.html {
        if let Err(e) = std::fs::write(path, render::html(&timeline, &entries, &args.title)) {
            eprintln!("error: {}: {e}", path.display());
            return std::process::ExitCode::from(2);
        }
        eprintln!("wrote {}", path.display());
    }
    std::process::ExitCode::SUCCESS
}
