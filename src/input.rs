//! Reading documents: JSON Lines (the input format of the JSON contract) and text files.
//!
//! Input from outside is where bad data arrives, so every reader here turns a document it
//! cannot use into an [`Error`] that names the file and line and says what is wrong, and goes
//! on with the next one: a caller reports each error, counts them, and never gets a silently
//! shorter output. Memory is bounded too: a line or file longer than the limit
//! ([`DEFAULT_MAX_BYTES`], or [`JsonLines::max_bytes`]) is skipped without being held.
//!
//! # Example
//!
//! ```
//! use annals::input::JsonLines;
//! let input = concat!(
//!     r#"{"id": "a", "text": "Pompeo spoke on Friday.", "published": "2020-01-03"}"#, "\n",
//!     r#"{"text": "no id"}"#, "\n",
//!     r#"{"id": "c", "text": "Esper spoke.", "published": "3 Jan 2020"}"#, "\n",
//! );
//! let mut read = JsonLines::new("docs.jsonl", input.as_bytes());
//! assert_eq!(read.next().unwrap()?.id, "a");
//! let err = read.next().unwrap().unwrap_err();
//! assert_eq!(err.to_string(), "docs.jsonl:2: missing field `id` (column 17)");
//! let err = read.next().unwrap().unwrap_err();
//! assert!(err.to_string().starts_with("docs.jsonl:3: `published` must be a date"));
//! assert!(read.next().is_none());
//! # Ok::<(), annals::Error>(())
//! ```

use crate::Document;
use crate::error::Error;
use crate::time::Mode;
use chrono::NaiveDate;
use std::io::{BufRead, ErrorKind, Read};
use std::path::Path;

/// The longest document the readers accept, in bytes (a JSON line or a text file): 64 MiB.
///
/// Extraction is linear, so the limit is about memory and about catching a wrong input (a
/// binary file, a whole dump on one line), not about time.
pub const DEFAULT_MAX_BYTES: usize = 64 << 20;

/// One JSON line of input, as DESIGN.md gives it.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonDocument {
    id: String,
    text: String,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    mode: Option<String>,
}

/// Parses one JSON line, `{"id": …, "text": …, "published": "2020-01-03", "mode": "news"}`
/// (`published` and `mode` optional; `default_mode` applies when `mode` is absent), into a
/// document.
///
/// `published` is a date (`2020-01-03`) or an RFC 3339 timestamp, whose local date is
/// taken (`2020-01-03T22:15:00-05:00` → 3 January).
///
/// # Errors
///
/// A message saying what is wrong: malformed JSON (with its column), a missing or unknown
/// field, an empty `id` or `text`, a `published` that is not a date, an unknown `mode`.
pub fn parse_json_line(line: &str, default_mode: Mode) -> Result<Document, String> {
    if !line.trim_start().starts_with('{') {
        return Err(r#"not a JSON object: a line is {"id": …, "text": …, "published": …}"#.into());
    }
    let input: JsonDocument = serde_json::from_str(line).map_err(|e| json_message(&e))?;
    if input.id.trim().is_empty() {
        return Err("`id` is empty".into());
    }
    if input.text.is_empty() {
        return Err(format!("`text` of `{}` is empty: nothing to extract", input.id));
    }
    let mode = match input.mode {
        Some(mode) => mode.parse::<Mode>().map_err(|e| e.to_string())?,
        None => default_mode,
    };
    let mut doc = Document::new(input.id, input.text).mode(mode);
    if let Some(date) = input.published {
        doc = doc.published(parse_published(&date)?);
    }
    Ok(doc)
}

/// A publication date: `2020-01-03`, or an RFC 3339 timestamp's local date.
fn parse_published(date: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .ok()
        .or_else(|| chrono::DateTime::parse_from_rfc3339(date).ok().map(|t| t.date_naive()))
        .ok_or_else(|| {
            format!("`published` must be a date like 2020-01-03 (or an RFC 3339 time), found `{date}`")
        })
}

/// serde_json's message without its "at line 1", which would mislead on a line of a file.
fn json_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let message = full.split(" at line ").next().unwrap_or(&full);
    let message = match e.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
            format!("malformed JSON: {message}")
        }
        serde_json::error::Category::Data | serde_json::error::Category::Io => message.to_string(),
    };
    if e.column() > 0 { format!("{message} (column {})", e.column()) } else { message }
}

/// Reads JSON Lines: one document per line; blank lines are skipped.
///
/// Each item is a document or the [`Error`] for one line (`name:line: message`); the
/// iterator goes on after a bad line and stops after an I/O error, which it yields first.
/// A line longer than the limit is read past, not held, and reported.
pub struct JsonLines<R> {
    name: String,
    reader: R,
    mode: Mode,
    max_bytes: usize,
    line: usize,
    buf: Vec<u8>,
    failed: bool,
}

impl<R: BufRead> JsonLines<R> {
    /// Reads `reader`; `name` (a path, `<stdin>`) is what errors call it.
    pub fn new(name: &str, reader: R) -> JsonLines<R> {
        JsonLines {
            name: name.to_string(),
            reader,
            mode: Mode::News,
            max_bytes: DEFAULT_MAX_BYTES,
            line: 0,
            buf: Vec::new(),
            failed: false,
        }
    }

    /// The mode of documents whose line does not say (news by default).
    pub fn mode(mut self, mode: Mode) -> JsonLines<R> {
        self.mode = mode;
        self
    }

    /// The longest line accepted, in bytes ([`DEFAULT_MAX_BYTES`] by default).
    pub fn max_bytes(mut self, max_bytes: usize) -> JsonLines<R> {
        self.max_bytes = max_bytes;
        self
    }

    /// The 1-based number of the last line read (0 before the first).
    pub fn line(&self) -> usize {
        self.line
    }

    /// Reads the next line into `buf` (without its `\n`), holding at most `max_bytes` of it.
    /// `Ok(None)` at the end; `Ok(Some(false))` when the line was longer than the limit.
    fn read_line(&mut self) -> std::io::Result<Option<bool>> {
        self.buf.clear();
        let mut fits = true;
        let mut any = false;
        loop {
            let available = match self.reader.fill_buf() {
                Ok(bytes) => bytes,
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                return Ok(any.then_some(fits));
            }
            any = true;
            let newline = available.iter().position(|&b| b == b'\n');
            let chunk = &available[..newline.unwrap_or(available.len())];
            if fits && self.buf.len() + chunk.len() <= self.max_bytes {
                self.buf.extend_from_slice(chunk);
            } else {
                fits = false;
                self.buf.clear();
            }
            let used = newline.map_or(available.len(), |i| i + 1);
            self.reader.consume(used);
            if newline.is_some() {
                return Ok(Some(fits));
            }
        }
    }
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Result<Document, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.failed {
            let fits = match self.read_line() {
                Ok(Some(fits)) => fits,
                Ok(None) => return None,
                Err(e) => {
                    self.failed = true;
                    let message = format!("cannot read on: {e}");
                    return Some(Err(Error::input(&self.name, Some(self.line + 1), message)));
                }
            };
            self.line += 1;
            let error = |message: String| Some(Err(Error::input(&self.name, Some(self.line), message)));
            if !fits {
                return error(format!("longer than the limit of {} bytes; skipped unread", self.max_bytes));
            }
            let bytes = self.buf.strip_suffix(b"\r").unwrap_or(&self.buf);
            let line = match std::str::from_utf8(bytes) {
                Ok(line) => line,
                Err(e) => {
                    return error(format!(
                        "not valid UTF-8 (first bad byte at column {})",
                        e.valid_up_to() + 1
                    ));
                }
            };
            if line.trim().is_empty() {
                continue;
            }
            return Some(
                parse_json_line(line, self.mode).map_err(|m| Error::input(&self.name, Some(self.line), m)),
            );
        }
        None
    }
}

/// Reads a text file as one document, its id the file name without extension.
///
/// # Errors
///
/// An I/O error naming the path, or an input error for a file that is larger than
/// `max_bytes`, not UTF-8 (with the offset of the first bad byte) or empty.
pub fn read_text_file(path: &Path, mode: Mode, max_bytes: usize) -> Result<Document, Error> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut bytes = Vec::new();
    // One byte past the limit tells an over-long file without reading all of it.
    let limit = u64::try_from(max_bytes).unwrap_or(u64::MAX).saturating_add(1);
    file.take(limit).read_to_end(&mut bytes).map_err(|e| Error::io(path, e))?;
    if bytes.len() > max_bytes {
        return Err(Error::input(
            &name,
            None,
            format!("larger than the limit of {max_bytes} bytes; skipped"),
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        Error::input(&name, None, format!("not valid UTF-8 (first bad byte at offset {offset})"))
    })?;
    if text.is_empty() {
        return Err(Error::input(&name, None, "empty file: nothing to extract"));
    }
    let id = path.file_stem().map_or_else(|| name.clone(), |s| s.to_string_lossy().into_owned());
    Ok(Document::new(id, text).mode(mode))
}

/// The publication dates a directory's `SOURCES.tsv` gives its files, if it has one: a header
/// line `# file<TAB>…<TAB>published<TAB>…` names the columns (`file` first), then one row per
/// file (`101_x.txt<TAB>…<TAB>2020-01-03<TAB>…`). Other columns (URL, publisher, licence) are
/// free. A directory without the file gives no dates; a file that cannot be read is an error.
///
/// # Errors
///
/// A data error naming the line: no `published` column, a row too short, a date that is not
/// `YYYY-MM-DD`.
pub fn read_sources(dir: &Path) -> Result<Vec<(String, NaiveDate)>, Error> {
    let path = dir.join("SOURCES.tsv");
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        // Present but unreadable (not UTF-8, no permission): an error, not silently no dates.
        Err(e) => return Err(Error::io(&path, e)),
    };
    let name = path.display().to_string();
    let (number, header) = text.lines().enumerate().find(|(_, l)| l.starts_with("# file")).unwrap_or((0, ""));
    let column = header.trim_start_matches("# ").split('\t').position(|c| c == "published");
    let Some(column) = column else {
        return Err(Error::data(&name, number + 1, "no `published` column in a `# file` header"));
    };
    let source = crate::data::Source::from_str(name, text);
    let mut out = Vec::new();
    for (line, row) in crate::data::LineReader::new(&source) {
        let (Some(file), Some(date)) = (row.first(), row.get(column)) else {
            return Err(source.error(line, "too few fields"));
        };
        let date = NaiveDate::parse_from_str(date, "%Y-%m-%d")
            .map_err(|_| source.error(line, format!("`{date}` is not a date like 2020-01-03")))?;
        out.push((file.to_string(), date));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &[u8], max_bytes: usize) -> Vec<Result<String, String>> {
        JsonLines::new("in.jsonl", input)
            .max_bytes(max_bytes)
            .map(|r| r.map(|d| d.id).map_err(|e| e.to_string()))
            .collect()
    }

    #[test]
    fn every_bad_line_is_reported_and_the_rest_read() {
        let input = concat!(
            "{\"id\": \"a\", \"text\": \"x\"}\n",
            "\n",
            "{\"id\": \"b\", \"text\": \"x\"\n",
            "{\"text\": \"x\"}\n",
            "{\"id\": \"\", \"text\": \"x\"}\n",
            "{\"id\": \"e\", \"text\": \"\"}\n",
            "{\"id\": \"f\", \"text\": \"x\", \"published\": \"yesterday\"}\n",
            "{\"id\": \"g\", \"text\": \"x\", \"mode\": \"poetry\"}\n",
            "{\"id\": \"h\", \"text\": \"x\", \"publised\": \"2020-01-03\"}\n",
            "[1, 2]\n",
            "{\"id\": \"k\", \"text\": \"x\", \"published\": \"2020-01-03T23:30:00-05:00\"}\r\n",
            "{\"id\": 7, \"text\": \"x\"}",
        );
        let got = read(input.as_bytes(), DEFAULT_MAX_BYTES);
        let expected: Vec<Result<&str, &str>> = vec![
            Ok("a"),
            Err("in.jsonl:3: malformed JSON: EOF while parsing an object (column 23)"),
            Err("in.jsonl:4: missing field `id` (column 13)"),
            Err("in.jsonl:5: `id` is empty"),
            Err("in.jsonl:6: `text` of `e` is empty: nothing to extract"),
            Err(
                "in.jsonl:7: `published` must be a date like 2020-01-03 (or an RFC 3339 time), found `yesterday`",
            ),
            Err("in.jsonl:8: unknown mode \"poetry\": expected news or narrative"),
            Err(
                "in.jsonl:9: unknown field `publised`, expected one of `id`, `text`, `published`, `mode` (column 35)",
            ),
            Err(r#"in.jsonl:10: not a JSON object: a line is {"id": …, "text": …, "published": …}"#),
            Ok("k"),
            Err("in.jsonl:12: invalid type: integer `7`, expected a string (column 8)"),
        ];
        let expected: Vec<Result<String, String>> =
            expected.into_iter().map(|r| r.map(String::from).map_err(String::from)).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn an_rfc3339_publication_time_gives_its_local_date() -> Result<(), Error> {
        let line = r#"{"id": "k", "text": "x", "published": "2020-01-03T23:30:00-05:00"}"#;
        let doc =
            JsonLines::new("in", line.as_bytes()).next().ok_or_else(|| Error::argument("no line"))??;
        assert_eq!(doc.published, NaiveDate::from_ymd_opt(2020, 1, 3));
        Ok(())
    }

    #[test]
    fn invalid_utf8_and_overlong_lines_are_skipped_not_held() {
        let mut input = b"{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\", \"text\": \"\xff\"}\n".to_vec();
        input.extend(std::iter::repeat_n(b'x', 5000));
        input.extend(b"\n{\"id\": \"c\", \"text\": \"x\"}");
        let got = read(&input, 100);
        assert_eq!(got[0], Ok("a".into()));
        assert_eq!(got[1], Err("in.jsonl:2: not valid UTF-8 (first bad byte at column 22)".into()));
        assert_eq!(got[2], Err("in.jsonl:3: longer than the limit of 100 bytes; skipped unread".into()));
        assert_eq!(got[3], Ok("c".into()));
        assert_eq!(got.len(), 4);
    }

    #[test]
    fn a_read_error_is_reported_once_and_ends_the_stream() {
        struct Broken;
        impl Read for Broken {
            fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
                Err(std::io::Error::other("disk on fire"))
            }
        }
        let got: Vec<_> = JsonLines::new("in", std::io::BufReader::new(Broken)).collect();
        assert_eq!(got.len(), 1);
        assert!(got[0].as_ref().is_err_and(|e| e.to_string() == "in:1: cannot read on: disk on fire"));
    }

    #[test]
    fn text_files_report_bad_bytes_size_and_emptiness() -> Result<(), Error> {
        let dir = std::env::temp_dir().join(format!("annals-input-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        let write = |name: &str, bytes: &[u8]| {
            let path = dir.join(name);
            std::fs::write(&path, bytes).map(|()| path)
        };
        let good = write("good.txt", "Esper spoke.".as_bytes()).map_err(|e| Error::io(&dir, e))?;
        let bad = write("bad.txt", b"Esper \xc3 spoke.").map_err(|e| Error::io(&dir, e))?;
        let empty = write("empty.txt", b"").map_err(|e| Error::io(&dir, e))?;
        assert_eq!(read_text_file(&good, Mode::News, 100)?.id, "good");
        let message =
            |path: &Path, max| read_text_file(path, Mode::News, max).map(|_| ()).unwrap_err().to_string();
        assert_eq!(
            message(&bad, 100),
            format!("{}: not valid UTF-8 (first bad byte at offset 6)", bad.display())
        );
        assert_eq!(message(&empty, 100), format!("{}: empty file: nothing to extract", empty.display()));
        assert_eq!(
            message(&good, 5),
            format!("{}: larger than the limit of 5 bytes; skipped", good.display())
        );
        assert!(read_text_file(&dir.join("missing.txt"), Mode::News, 5).is_err_and(|e| e.is_io()));
        std::fs::remove_dir_all(&dir).ok();
        Ok(())
    }

    #[test]
    fn sources_give_publication_dates_by_file() -> Result<(), Error> {
        let crisis = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/corpus/crisis");
        let dates = read_sources(&crisis)?;
        assert_eq!(dates.len(), 32);
        let day = |d| NaiveDate::from_ymd_opt(2020, 1, d);
        assert!(dates.iter().any(|(f, d)| f.starts_with("109_") && Some(*d) == day(3)), "{dates:?}");
        assert!(read_sources(Path::new("no/such/dir"))?.is_empty());
        // A SOURCES.tsv that is there but unreadable is an error, not silently no dates.
        let dir = std::env::temp_dir().join(format!("annals-sources-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        let sources = dir.join("SOURCES.tsv");
        std::fs::write(&sources, b"# file\tpublished\na.txt\t2020-01-0\xff\n")
            .map_err(|e| Error::io(&dir, e))?;
        assert!(read_sources(&dir).is_err_and(|e| e.is_io()));
        std::fs::remove_dir_all(&dir).ok();
        Ok(())
    }
}
