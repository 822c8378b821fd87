//! Data files: the bundled defaults and the one line parser every file goes through.
//!
//! Every piece of domain knowledge is a UTF-8 text file under `data/` (see `data/README.md`
//! for the formats). The bundled files are embedded with `include_str!` and listed in
//! [`BUNDLED`], so the crate works with no files at run time and errors can name the file.
//! User files given to the builder go through exactly the same parser.

use crate::error::Error;
use std::borrow::Cow;
use std::path::Path;

/// A data file's name (as errors and rule ids show it) and its text.
#[derive(Clone, Debug)]
pub struct Source {
    name: Cow<'static, str>,
    text: Cow<'static, str>,
}

impl Source {
    /// A source held in memory, named `name` in errors and rule ids.
    pub fn from_str(name: impl Into<String>, text: impl Into<String>) -> Source {
        Source { name: Cow::Owned(name.into()), text: Cow::Owned(text.into()) }
    }

    /// Reads a file; its path is its name.
    ///
    /// # Errors
    ///
    /// An I/O error naming the path if the file cannot be read or is not UTF-8.
    pub fn from_path(path: &Path) -> Result<Source, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Ok(Source { name: Cow::Owned(path.display().to_string()), text: Cow::Owned(text) })
    }

    pub(crate) const fn bundled(name: &'static str, text: &'static str) -> Source {
        Source { name: Cow::Borrowed(name), text: Cow::Borrowed(text) }
    }

    /// The name errors and rule ids use.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The file's text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// An error at `line` of this file.
    #[cold]
    pub(crate) fn error(&self, line: usize, message: impl Into<String>) -> Error {
        Error::data(&self.name, line, message)
    }
}

macro_rules! bundled {
    ($($path:literal),* $(,)?) => {
        /// Every bundled data file, by its path under the crate root.
        pub const BUNDLED: &[(&str, &str)] = &[$(($path, include_str!(concat!("../", $path)))),*];
    };
}

bundled![
    "data/gazetteer/geonames.tsv",
    "data/gazetteer/countries.tsv",
    "data/gazetteer/world.tsv",
    "data/gazetteer/story.tsv",
    "data/names/cues.tsv",
    "data/names/first_names.txt",
    "data/text/abbreviations.tsv",
    "data/text/headers.tsv",
    "data/text/credits.txt",
    "data/time/calendar.tsv",
    "data/time/numbers.tsv",
    "data/time/units.tsv",
    "data/time/relative.tsv",
    "data/time/zones.tsv",
    "data/events/kinds.tsv",
    "data/events/triggers.tsv",
    "data/events/cues.tsv",
];

/// The bundled file at `path` (one of [`BUNDLED`]).
pub(crate) fn bundled(path: &'static str) -> Source {
    let text = BUNDLED.iter().find(|(p, _)| *p == path).map_or("", |(_, t)| *t);
    Source::bundled(path, text)
}

/// The bundled gazetteers, in priority order (a later file wins ties).
pub(crate) const BUNDLED_GAZETTEERS: &[&str] = &[
    "data/gazetteer/geonames.tsv",
    "data/gazetteer/countries.tsv",
    "data/gazetteer/world.tsv",
    "data/gazetteer/story.tsv",
];

/// A file name without its directory and extensions (`data/events/kinds.tsv` → `kinds`): what
/// tells a vocabulary file's role.
pub(crate) fn file_stem(name: &str) -> &str {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    file.split('.').next().unwrap_or(file)
}

/// Iterates over the data lines of a source: `(1-based line number, TAB-separated fields)`,
/// skipping blank lines and `#` comments and trimming a final `\r`.
pub(crate) struct LineReader<'a> {
    lines: std::iter::Enumerate<std::str::Lines<'a>>,
}

impl<'a> LineReader<'a> {
    pub(crate) fn new(source: &'a Source) -> LineReader<'a> {
        let text = source.text().strip_prefix('\u{feff}').unwrap_or(source.text());
        LineReader { lines: text.lines().enumerate() }
    }
}

impl<'a> Iterator for LineReader<'a> {
    type Item = (usize, Vec<&'a str>);

    fn next(&mut self) -> Option<Self::Item> {
        for (i, line) in self.lines.by_ref() {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            return Some((i + 1, line.split('\t').collect()));
        }
        None
    }
}

/// Checks that a line has exactly `N` fields, none of them empty or padded, and returns them.
pub(crate) fn fields<'a, const N: usize>(
    source: &Source,
    line: usize,
    fields: &[&'a str],
) -> Result<[&'a str; N], Error> {
    let array: [&'a str; N] = fields.try_into().map_err(|_| {
        source.error(
            line,
            format!(
                "expected {N} tab-separated field{}, found {}",
                if N == 1 { "" } else { "s" },
                fields.len()
            ),
        )
    })?;
    for (i, field) in array.iter().enumerate() {
        if field.trim().is_empty() {
            return Err(source.error(line, format!("field {} is empty", i + 1)));
        }
        if field.trim() != *field {
            return Err(source.error(line, format!("field {} has leading or trailing spaces", i + 1)));
        }
    }
    Ok(array)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_file_has_a_provenance_header() {
        for (path, text) in BUNDLED {
            assert!(text.starts_with('#'), "{path} must start with a # header (source, licence, format)");
            let header: String =
                text.lines().take_while(|l| l.starts_with('#')).collect::<Vec<_>>().join("\n").to_lowercase();
            assert!(
                header.contains("source") || header.contains("written by hand"),
                "{path}: the header must say where the data comes from"
            );
        }
    }

    #[test]
    fn line_reader_skips_comments_and_counts_lines() {
        let source = Source::from_str("x.tsv", "# header\n\na\tb\r\n  # indented comment\nc\n");
        let lines: Vec<_> = LineReader::new(&source).collect();
        assert_eq!(lines, vec![(3, vec!["a", "b"]), (5, vec!["c"])]);
    }

    #[test]
    fn field_errors_name_file_and_line() {
        let source = Source::from_str("x.tsv", "");
        let err = fields::<2>(&source, 7, &["a"]).unwrap_err();
        assert_eq!(err.to_string(), "x.tsv:7: expected 2 tab-separated fields, found 1");
        let err = fields::<2>(&source, 8, &["a", ""]).unwrap_err();
        assert_eq!(err.to_string(), "x.tsv:8: field 2 is empty");
        let err = fields::<1>(&source, 9, &[" a"]).unwrap_err();
        assert_eq!(err.to_string(), "x.tsv:9: field 1 has leading or trailing spaces");
    }
}
