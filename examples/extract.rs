//! Extracts entities from text files, directories and JSON Lines, and writes the JSON contract
//! of `DESIGN.md` to stdout.
//!
//! ```sh
//! cargo run --release --example extract -- data/corpus/seed                 # a directory of .txt
//! cargo run --release --example extract -- a.txt b.txt --format jsonl       # one document per line
//! cargo run --release --example extract -- docs.jsonl                       # {"id","text","published"}
//! echo '{"id":"x","text":"Pompeo spoke."}' | cargo run --release --example extract -- -
//! ```
//!
//! A bad input (unreadable file, invalid UTF-8, malformed JSON line, bad `published` date) is
//! reported on stderr with its file and line; everything else is still processed, and the exit
//! status is 1 at the end if anything was skipped.

use annals::{Document, Extraction, Extractor};
use clap::{Parser, ValueEnum};
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

#[derive(Parser)]
#[command(about = "Find people, places and organisations in news text; write JSON.")]
struct Args {
    /// Inputs: .txt files, directories (their .txt and .jsonl files, sorted), .jsonl files, or
    /// `-` for JSON Lines on stdin.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Extra gazetteer files (kind, id, name, aliases; see data/README.md).
    #[arg(long)]
    gazetteer: Vec<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// One JSON object: {"version", "documents", "entities"}.
    Json,
    /// One JSON object per document and line.
    Jsonl,
}

/// The JSON contract of DESIGN.md, fields in its order.
#[derive(serde::Serialize)]
struct Output<'a> {
    version: u32,
    documents: &'a [Extraction],
    entities: Vec<annals::Entity>,
}

/// One line of JSON Lines input.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct InputLine {
    id: String,
    text: String,
    #[serde(default)]
    published: Option<String>,
}

/// Counts what was read and what was skipped, and shows progress on a terminal.
struct Run {
    done: usize,
    skipped: usize,
    progress: bool,
}

impl Run {
    fn skip(&mut self, place: &str, message: impl std::fmt::Display) {
        self.skipped += 1;
        if self.progress {
            eprint!("\r\x1b[K");
        }
        eprintln!("{place}: {message}");
    }

    fn tick(&mut self) {
        self.done += 1;
        if self.progress && self.done % 100 == 0 {
            eprint!("\r{} documents", self.done);
        }
    }
}

fn parse_line(line: &str) -> Result<Document, String> {
    let input: InputLine = serde_json::from_str(line).map_err(|e| format!("malformed JSON: {e}"))?;
    let mut doc = Document::new(input.id, input.text);
    if let Some(date) = input.published {
        let date = chrono::NaiveDate::parse_from_str(&date, "%Y-%m-%d")
            .map_err(|_| format!("`published` must be a date like 2020-01-03, found `{date}`"))?;
        doc = doc.published(date);
    }
    Ok(doc)
}

fn read_jsonl(name: &str, reader: impl BufRead, run: &mut Run, emit: &mut impl FnMut(Document)) {
    for (i, line) in reader.split(b'\n').enumerate() {
        let place = format!("{name}:{}", i + 1);
        let line = match line {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(line) => line,
                Err(_) => {
                    run.skip(&place, "not valid UTF-8");
                    continue;
                }
            },
            Err(e) => {
                run.skip(&place, e);
                break;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        match parse_line(&line) {
            Ok(doc) => {
                emit(doc);
                run.tick();
            }
            Err(message) => run.skip(&place, message),
        }
    }
}

fn read_path(path: &Path, run: &mut Run, emit: &mut impl FnMut(Document)) {
    let name = path.display().to_string();
    if name == "-" {
        read_jsonl("<stdin>", std::io::stdin().lock(), run, emit);
    } else if path.is_dir() {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(dir) => dir.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => return run.skip(&name, e),
        };
        entries.retain(|p| p.extension().is_some_and(|x| x == "txt" || x == "jsonl"));
        entries.sort();
        for entry in entries {
            read_path(&entry, run, emit);
        }
    } else if path.extension().is_some_and(|x| x == "jsonl") {
        match std::fs::File::open(path) {
            Ok(file) => read_jsonl(&name, std::io::BufReader::new(file), run, emit),
            Err(e) => run.skip(&name, e),
        }
    } else {
        match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => {
                    let id = path.file_stem().map_or(name.clone(), |s| s.to_string_lossy().into_owned());
                    emit(Document::new(id, text));
                    run.tick();
                }
                Err(e) => run.skip(
                    &name,
                    format!("not valid UTF-8 (first bad byte at offset {})", e.utf8_error().valid_up_to()),
                ),
            },
            Err(e) => run.skip(&name, e),
        }
    }
}

fn main() -> std::process::ExitCode {
    let args = Args::parse();
    let mut builder = Extractor::builder();
    for path in &args.gazetteer {
        builder.gazetteer_file(path);
    }
    let extractor = match builder.build() {
        Ok(extractor) => extractor,
        Err(e) => {
            eprintln!("error: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    let mut run = Run { done: 0, skipped: 0, progress: std::io::stderr().is_terminal() };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut extractions: Vec<Extraction> = Vec::new();
    let mut write_error = None;
    for input in &args.inputs {
        let mut emit = |doc: Document| {
            let extraction = extractor.extract(&doc);
            match args.format {
                Format::Jsonl => {
                    if let Err(e) = serde_json::to_writer(&mut out, &extraction)
                        .map_err(std::io::Error::from)
                        .and_then(|()| out.write_all(b"\n"))
                    {
                        write_error.get_or_insert(e);
                    }
                }
                Format::Json => extractions.push(extraction),
            }
        };
        read_path(input, &mut run, &mut emit);
    }
    if let Format::Json = args.format {
        let entities = annals::entities::registry(&extractions);
        let output = Output { version: 1, documents: &extractions, entities };
        if let Err(e) = serde_json::to_writer_pretty(&mut out, &output)
            .map_err(std::io::Error::from)
            .and_then(|()| out.write_all(b"\n"))
        {
            write_error.get_or_insert(e);
        }
    }
    if let Err(e) = out.flush() {
        write_error.get_or_insert(e);
    }
    if run.progress {
        eprint!("\r\x1b[K");
    }
    if let Some(e) = write_error {
        eprintln!("error: writing the output: {e}");
        return std::process::ExitCode::from(2);
    }
    if run.skipped > 0 {
        eprintln!("{} input(s) skipped (see above)", run.skipped);
        return std::process::ExitCode::from(1);
    }
    std::process::ExitCode::SUCCESS
}
