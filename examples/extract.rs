//! Extracts entities, time expressions and events from text files, directories and JSON Lines,
//! merges their events into one timeline, and writes the JSON contract of `DESIGN.md` to stdout
//! (or the timeline as Markdown, text, TimelineJS3 JSON or one HTML page, or TimeML files to a
//! directory).
//!
//! ```sh
//! cargo run --release --example extract -- data/corpus/seed                 # a directory of .txt
//! cargo run --release --example extract -- a.txt b.txt --format jsonl       # one document per line
//! cargo run --release --example extract -- docs.jsonl                       # {"id","text","published","mode"}
//! cargo run --release --example extract -- history.txt --mode narrative     # anchor to the last date
//! cargo run --release --example extract -- docs.jsonl --format timeml --out tml/   # ID.tml per document
//! cargo run --release --example extract -- data/corpus/crisis --format html > crisis.html   # the timeline page
//! cargo run --release --example extract -- data/corpus/crisis --format markdown            # or text, timelinejs
//! echo '{"id":"x","text":"Pompeo spoke."}' | cargo run --release --example extract -- -
//! ```
//!
//! `mode` on a JSON line (`news` or `narrative`) wins over `--mode` for that document.
//!
//! A bad input (unreadable file, invalid UTF-8, malformed JSON line, missing or empty `id` or
//! `text`, bad `published` date, a document over `--max-bytes`, an id already read) is reported
//! on stderr with its file and line; everything else is still processed, and at the end the
//! number skipped is printed and the exit status is 1.

use annals::input::{self, JsonLines};
use annals::time::Mode;
use annals::timeline::render;
use annals::timeml::{TimexTag, write_timeml};
use annals::{Document, Extraction, Extractor, Timeline};
use clap::{Parser, ValueEnum};
use std::collections::HashMap;
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

#[derive(Parser)]
#[command(
    about = "Find people, places, organisations, times and events in news text; write JSON or a timeline."
)]
struct Args {
    /// Inputs: .txt files, directories (their .txt and .jsonl files, sorted; a `SOURCES.tsv`
    /// with a `published` column dates their text files), .jsonl files, or `-` for JSON Lines
    /// on stdin.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Extra gazetteer files (kind, id, name, aliases; see data/README.md).
    #[arg(long)]
    gazetteer: Vec<PathBuf>,
    /// How relative times are anchored when a document does not say: news (publication
    /// date) or narrative (the last date mentioned).
    #[arg(long, value_enum, default_value_t = RunMode::News)]
    mode: RunMode,
    /// The title of the timeline (markdown, timelinejs, html).
    #[arg(long, default_value = "Timeline")]
    title: String,
    /// The largest document accepted, in bytes (a JSON line or a text file); larger ones are
    /// reported and skipped.
    #[arg(long, default_value_t = input::DEFAULT_MAX_BYTES)]
    max_bytes: usize,
    /// The directory `--format timeml` writes its files to.
    #[arg(long, required_if_eq("format", "timeml"))]
    out: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum RunMode {
    News,
    Narrative,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// One JSON object: {"version", "documents", "entities", "timeline"}.
    Json,
    /// One JSON object per document and line.
    Jsonl,
    /// One TimeML file per document (`ID.tml` in `--out`), for the TempEval-3 toolkit.
    Timeml,
    /// The merged timeline as Markdown.
    Markdown,
    /// The merged timeline as plain text.
    Text,
    /// The merged timeline as TimelineJS3 JSON.
    Timelinejs,
    /// The merged timeline as one self-contained HTML page.
    Html,
}

/// The JSON contract of DESIGN.md, fields in its order.
#[derive(serde::Serialize)]
struct Output<'a> {
    version: u32,
    documents: &'a [Extraction],
    entities: Vec<annals::Entity>,
    timeline: Vec<annals::timeline::Entry>,
}

/// Counts what was read and what was skipped, and shows progress on a terminal.
struct Run {
    mode: Mode,
    max_bytes: usize,
    done: usize,
    skipped: usize,
    progress: bool,
    /// Where each document id was first read: a second document with the same id would make
    /// the timeline's sources ambiguous, so it is skipped and reported.
    ids: HashMap<String, String>,
}

impl Run {
    fn skip(&mut self, error: impl std::fmt::Display) {
        self.skipped += 1;
        if self.progress {
            eprint!("\r\x1b[K");
        }
        eprintln!("{error}");
    }

    fn accept(&mut self, place: String, doc: Document, emit: &mut impl FnMut(Document)) {
        if let Some(first) = self.ids.get(&doc.id) {
            return self.skip(format!("{place}: id `{}` already read at {first}", doc.id));
        }
        self.ids.insert(doc.id.clone(), place);
        emit(doc);
        self.done += 1;
        if self.progress && self.done % 100 == 0 {
            eprint!("\r{} documents", self.done);
        }
    }
}

fn read_jsonl(name: &str, reader: impl BufRead, run: &mut Run, emit: &mut impl FnMut(Document)) {
    let mut lines = JsonLines::new(name, reader).mode(run.mode).max_bytes(run.max_bytes);
    while let Some(read) = lines.next() {
        match read {
            Ok(doc) => run.accept(format!("{name}:{}", lines.line()), doc, emit),
            Err(e) => run.skip(e),
        }
    }
}

fn read_path(path: &Path, run: &mut Run, emit: &mut impl FnMut(Document)) {
    read_path_dated(path, &[], run, emit);
}

/// Reads `path`; `dates` are the publication dates of its directory's `SOURCES.tsv`, by file
/// name, for text files.
fn read_path_dated(
    path: &Path,
    dates: &[(String, chrono::NaiveDate)],
    run: &mut Run,
    emit: &mut impl FnMut(Document),
) {
    let name = path.display().to_string();
    if name == "-" {
        read_jsonl("<stdin>", std::io::stdin().lock(), run, emit);
    } else if path.is_dir() {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(dir) => dir.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => return run.skip(annals::Error::io(path, e)),
        };
        entries.retain(|p| p.extension().is_some_and(|x| x == "txt" || x == "jsonl"));
        entries.sort();
        let dates = input::read_sources(path).unwrap_or_else(|e| {
            run.skip(format!("{e} (the directory's texts are read without its dates)"));
            Vec::new()
        });
        for entry in entries {
            read_path_dated(&entry, &dates, run, emit);
        }
    } else if path.extension().is_some_and(|x| x == "jsonl") {
        match std::fs::File::open(path) {
            Ok(file) => read_jsonl(&name, std::io::BufReader::new(file), run, emit),
            Err(e) => run.skip(annals::Error::io(path, e)),
        }
    } else {
        match input::read_text_file(path, run.mode, run.max_bytes) {
            Ok(mut doc) => {
                let file = path.file_name().map(|f| f.to_string_lossy());
                if let Some((_, date)) = dates.iter().find(|(f, _)| Some(f.as_str()) == file.as_deref()) {
                    doc.published = Some(*date);
                }
                run.accept(name, doc, emit)
            }
            Err(e) => run.skip(e),
        }
    }
}

/// Writes `ID.tml`: the text with its time expressions as TIMEX3, the publication date as DCT.
fn write_tml(dir: &Path, doc: &Document, extraction: &Extraction) -> Result<(), String> {
    let dct =
        extraction.published.ok_or("no publication date (given, header or inferred): TimeML needs a DCT")?;
    if doc.id.is_empty() || doc.id.contains(['/', '\\']) || doc.id.starts_with('.') {
        return Err("the id cannot be a file name".into());
    }
    let tags: Vec<TimexTag> = extraction.times.iter().map(TimexTag::from).collect();
    let path = dir.join(format!("{}.tml", doc.id));
    std::fs::write(&path, write_timeml(&doc.id, dct, &doc.text, &tags))
        .map_err(|e| format!("{}: {e}", path.display()))
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
    let mode = match args.mode {
        RunMode::News => Mode::News,
        RunMode::Narrative => Mode::Narrative,
    };
    if let Some(dir) = &args.out {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("error: {}: {e}", dir.display());
            return std::process::ExitCode::from(2);
        }
    }
    let mut run = Run {
        mode,
        max_bytes: args.max_bytes,
        done: 0,
        skipped: 0,
        progress: std::io::stderr().is_terminal(),
        ids: HashMap::new(),
    };
    let mut unwritten: Vec<String> = Vec::new();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut extractions: Vec<Extraction> = Vec::new();
    let mut timelines: Vec<Timeline> = Vec::new();
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
                Format::Json => {
                    timelines.push(extractor.timeline(&doc, &extraction));
                    extractions.push(extraction);
                }
                Format::Markdown | Format::Text | Format::Timelinejs | Format::Html => {
                    timelines.push(extractor.timeline(&doc, &extraction));
                }
                Format::Timeml => {
                    let dir = args.out.as_deref().unwrap_or(Path::new("."));
                    if let Err(message) = write_tml(dir, &doc, &extraction) {
                        unwritten.push(format!("{}: {message}", doc.id));
                    }
                }
            }
        };
        read_path(input, &mut run, &mut emit);
    }
    let timeline = Timeline::merge_all(timelines);
    let entries = timeline.entries();
    let rendered = match args.format {
        Format::Json => {
            let entities = annals::entities::registry(&extractions);
            let output = Output { version: 1, documents: &extractions, entities, timeline: entries };
            Some(serde_json::to_string_pretty(&output).map(|json| json + "\n").map_err(std::io::Error::from))
        }
        Format::Markdown => Some(Ok(render::markdown(&timeline, &entries, &args.title))),
        Format::Text => Some(Ok(render::text(&timeline, &entries))),
        Format::Timelinejs => Some(Ok(render::timelinejs(&timeline, &entries, &args.title))),
        Format::Html => Some(Ok(render::html(&timeline, &entries, &args.title))),
        Format::Jsonl | Format::Timeml => None,
    };
    if let Some(result) = rendered {
        if let Err(e) = result.and_then(|text| out.write_all(text.as_bytes())) {
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
    for message in &unwritten {
        eprintln!("{message}");
    }
    run.skipped += unwritten.len();
    if run.skipped > 0 {
        eprintln!("{} input(s) skipped (see above)", run.skipped);
        return std::process::ExitCode::from(1);
    }
    std::process::ExitCode::SUCCESS
}
