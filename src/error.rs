//! One error type for the whole crate.
//!
//! Only building an [`Extractor`](crate::Extractor) and reading files or input documents can
//! fail; extraction itself never does. Every error says where: a data-file error names the file and the line
//! (`data/gazetteer/story.tsv:17: expected 4 tab-separated fields, found 3`), an I/O error
//! names the path.

use std::fmt;
use std::path::{Path, PathBuf};

/// An error from loading data, reading a file or parsing an argument.
///
/// The error is one pointer wide; inspect it with the `is_*` predicates and
/// [`Error::location`] rather than by matching on variants, so that new kinds of error can be
/// added without breaking callers.
///
/// # Example
///
/// ```
/// let err = annals::Extractor::builder()
///     .gazetteer_str("mine.tsv", "person\tqasem-soleimani\tQasem Soleimani\n\
///                                 nobody\tx\tX\t\n")
///     .build()
///     .unwrap_err();
/// assert!(err.is_data());
/// assert_eq!(err.location(), Some(("mine.tsv", 2)));
/// assert_eq!(
///     err.to_string(),
///     "mine.tsv:2: unknown kind `nobody` (expected person, place or organisation)"
/// );
/// ```
#[derive(Debug)]
pub struct Error {
    inner: Box<ErrorKind>,
}

#[derive(Debug, thiserror::Error)]
enum ErrorKind {
    #[error("{file}:{line}: {message}")]
    Data { file: String, line: usize, message: String },
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Argument(String),
    #[error("{file}{}: {message}", line.map(|n| format!(":{n}")).unwrap_or_default())]
    Input { file: String, line: Option<usize>, message: String },
}

impl Error {
    /// A malformed line in a data file.
    #[cold]
    pub(crate) fn data(file: &str, line: usize, message: impl Into<String>) -> Error {
        Error { inner: Box::new(ErrorKind::Data { file: file.to_string(), line, message: message.into() }) }
    }

    /// A failure to read or write `path`.
    #[cold]
    pub fn io(path: &Path, source: std::io::Error) -> Error {
        Error { inner: Box::new(ErrorKind::Io { path: path.to_path_buf(), source }) }
    }

    /// A bad argument, such as a date that does not parse.
    #[cold]
    pub fn argument(message: impl Into<String>) -> Error {
        Error { inner: Box::new(ErrorKind::Argument(message.into())) }
    }

    /// A document that cannot be read: a malformed JSON line, a file that is not UTF-8…
    #[cold]
    pub(crate) fn input(file: &str, line: Option<usize>, message: impl Into<String>) -> Error {
        Error { inner: Box::new(ErrorKind::Input { file: file.to_string(), line, message: message.into() }) }
    }

    /// True for a malformed data file (gazetteer, cue list…).
    pub fn is_data(&self) -> bool {
        matches!(*self.inner, ErrorKind::Data { .. })
    }

    /// True for a failure to read or write a file.
    pub fn is_io(&self) -> bool {
        matches!(*self.inner, ErrorKind::Io { .. })
    }

    /// True for an input document that cannot be used (see [`crate::input`]).
    pub fn is_input(&self) -> bool {
        matches!(*self.inner, ErrorKind::Input { .. })
    }

    /// True for a bad argument.
    pub fn is_argument(&self) -> bool {
        matches!(*self.inner, ErrorKind::Argument(_))
    }

    /// The file and 1-based line a data error, or an input error on a line, points at.
    pub fn location(&self) -> Option<(&str, usize)> {
        match &*self.inner {
            ErrorKind::Data { file, line, .. } => Some((file, *line)),
            ErrorKind::Input { file, line: Some(line), .. } => Some((file, *line)),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.fmt(f)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&*self.inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_error_names_file_and_line() {
        let err = Error::data("data/gazetteer/story.tsv", 17, "expected 4 fields");
        assert_eq!(err.to_string(), "data/gazetteer/story.tsv:17: expected 4 fields");
        assert!(err.is_data() && !err.is_io());
        assert_eq!(err.location(), Some(("data/gazetteer/story.tsv", 17)));
    }

    #[test]
    fn io_error_names_path_and_keeps_source() {
        let source = std::io::Error::new(std::io::ErrorKind::NotFound, "not found");
        let err = Error::io(Path::new("gaz/people.tsv"), source);
        assert_eq!(err.to_string(), "gaz/people.tsv: not found");
        assert!(std::error::Error::source(&err).is_some());
    }
}
