//! TimeML files, as TempEval-3 uses them: read the gold, write a system's output, split the
//! corpus into a development part and a held-out part.
//!
//! The reader reproduces the team's `te3_to_plain.py` and `te3_eval.py` (in
//! `../shared/tempeval/`) exactly, so that figures computed here equal theirs:
//!
//! - line breaks are read as Python reads text files: `\r\n` and a lone `\r` become `\n`;
//! - the plain text is the content of the first `<TEXT>…</TEXT>`, with every tag, comment and
//!   processing instruction removed, CDATA kept as written and character references decoded
//!   (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&#…;`, `&#x…;`; any other named reference
//!   is an error, as TimeML is XML; `te3_eval.py` would also take the HTML 4 names);
//! - the gold time expressions are the `TIMEX3` elements inside TEXT that cover at least one
//!   character, sorted by position. Their spans are byte offsets into that plain text; the
//!   Python tools count chars ([`Span::chars`] converts).
//! - the document creation time is the first `TIMEX3` in `<DCT>`, else the first one outside
//!   TEXT with `functionInDocument="CREATION_TIME"`. Only its date is kept: a time of day
//!   (`1998-02-13T14:26:00`) is dropped.
//!
//! A malformed file is an error that names the file and the line.
//!
//! # Example
//!
//! ```
//! use annals::timeml::{parse_timeml, write_timeml};
//! let xml = r#"<TimeML><DOCID>X1</DOCID>
//! <DCT><TIMEX3 tid="t0" type="DATE" value="2020-01-03" functionInDocument="CREATION_TIME">20200103</TIMEX3></DCT>
//! <TEXT>Talks ended <TIMEX3 tid="t1" type="DATE" value="2020-01-02">Thursday</TIMEX3> &amp; resume <TIMEX3 tid="t2" type="DATE" value="2020-01" mod="END">late this month</TIMEX3>.</TEXT>
//! </TimeML>"#;
//! let doc = parse_timeml("X1.tml", xml)?;
//! assert_eq!(doc.text, "Talks ended Thursday & resume late this month.");
//! assert_eq!(doc.timexes[0].span.text(&doc.text), "Thursday");
//! assert_eq!(doc.timexes[1].modifier.as_deref(), Some("END"));
//! // Writing and reading back gives the same text and tags.
//! let again = parse_timeml("X1.tml", &write_timeml(&doc.docid, doc.dct, &doc.text, &doc.timexes))?;
//! assert_eq!((again.text, again.timexes, again.dct), (doc.text, doc.timexes, doc.dct));
//! # Ok::<(), annals::Error>(())
//! ```

use crate::error::Error;
use crate::span::Span;
use chrono::NaiveDate;
use regex::{Captures, Regex};
use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::Path;
use std::sync::LazyLock;

/// One `TIMEX3` annotation: a gold one read from a file, or one a system produced.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TimexTag {
    /// Byte offsets into the document's plain text.
    pub span: Span,
    /// The TimeML `type`: `DATE`, `TIME`, `DURATION` or `SET` (as written in the file).
    pub kind: String,
    /// The TimeML `value`, e.g. `1998-01-08`, `P1W`, `PRESENT_REF`.
    pub value: String,
    /// The TimeML `mod` (`START`, `APPROX`…), if any; an empty `mod` counts as none.
    pub modifier: Option<String>,
}

impl From<&crate::time::TimeExpr> for TimexTag {
    /// A system annotation from the time stage, for scoring or writing TimeML.
    fn from(t: &crate::time::TimeExpr) -> TimexTag {
        TimexTag {
            span: t.span,
            kind: t.kind.to_string(),
            value: t.value.to_string(),
            modifier: t.modifier.map(|m| m.to_string()),
        }
    }
}

/// One TimeML file: its plain text, creation date and gold time expressions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimemlDocument {
    /// The file name, e.g. `ABC19980108.1830.0711.tml`; it decides the [`split`].
    pub name: String,
    /// The `<DOCID>` content, trimmed (empty if the file has none).
    pub docid: String,
    /// The date of the document creation time, which relative expressions resolve against.
    pub dct: NaiveDate,
    /// The plain text of `<TEXT>`, exactly as `te3_to_plain.py export` writes it.
    pub text: String,
    /// The `TIMEX3` elements inside TEXT, sorted by span.
    pub timexes: Vec<TimexTag>,
}

/// Which part of the TempEval-3 training data a file belongs to.
///
/// Rules are written while looking at the [`Development`](Split::Development) part only. The
/// [`HeldOut`](Split::HeldOut) part is never read while writing rules (no errors listed, no
/// texts browsed); it is only scored, so that its figure estimates how the rules do on unseen
/// news.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Split {
    /// Read freely while writing rules.
    Development,
    /// Scored only; never read while writing rules.
    HeldOut,
}

/// The part a file belongs to, from its name alone (e.g. `ABC19980108.1830.0711.tml`, no
/// directory), so that the split is stable whatever else changes.
///
/// A file is held out iff the 64-bit FNV-1a hash of its name's UTF-8 bytes is divisible by 4.
/// On TBAQ-cleaned that holds out 54 of the 256 files: 39 of TimeBank, 15 of AQUAINT.
///
/// # Example
///
/// ```
/// use annals::timeml::{Split, split};
/// assert_eq!(split("ABC19980108.1830.0711.tml"), split("ABC19980108.1830.0711.tml"));
/// assert!(matches!(split("x.tml"), Split::Development | Split::HeldOut));
/// ```
pub fn split(file_name: &str) -> Split {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in file_name.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    if hash % 4 == 0 { Split::HeldOut } else { Split::Development }
}

// The patterns of te3_eval.py, so that both read a file the same way.
static TEXT_RE: LazyLock<Regex> = LazyLock::new(|| regex(r"(?s)<TEXT(?:\s[^>]*)?>(.*?)</TEXT\s*>"));
static DCT_RE: LazyLock<Regex> = LazyLock::new(|| regex(r"(?s)<DCT(?:\s[^>]*)?>(.*?)</DCT\s*>"));
static DOCID_RE: LazyLock<Regex> = LazyLock::new(|| regex(r"(?s)<DOCID(?:\s[^>]*)?>(.*?)</DOCID\s*>"));
static TIMEX_RE: LazyLock<Regex> = LazyLock::new(|| regex(r"(?s)<TIMEX3\b([^>]*)>(.*?)</TIMEX3\s*>"));
static ANY_TAG_RE: LazyLock<Regex> = LazyLock::new(|| regex(r"<[^>]*>"));
static ATTR_RE: LazyLock<Regex> = LazyLock::new(|| regex(r#"([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')"#));
static ENTITY_RE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"&(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);"));
// te3_eval.py's TAG_RE writes the declaration branch `<!(?!--|\[CDATA\[)[^>]*>`; the regex crate
// has no look-ahead, so a `decl` match that starts like a comment or CDATA is rejected after.
static TAG_RE: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"(?s)(?P<comment><!--.*?-->)|(?P<pi><\?.*?\?>)|(?P<cdata><!\[CDATA\[.*?\]\]>)|(?P<decl><![^>]*>)",
        r#"|<(?P<close>/?)(?P<name>[A-Za-z_][\w.:-]*)(?P<attrs>(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(?P<empty>/?)>"#,
    ))
});

fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).expect("a valid built-in pattern")
}

/// The 1-based line of byte `offset` in `text`.
/// A TimeML source with Python's universal newlines (te3_eval.py never sees a `\r`), and
/// where its lone `\r`s were: they became `\n` in the text, but a line number names a line
/// of the file as every other data file counts them, by `\n` alone.
struct Normalised<'a> {
    text: Cow<'a, str>,
    /// Offsets, in `text`, of the `\n`s that were lone `\r`s; ascending.
    lone_cr: Vec<usize>,
}

impl Normalised<'_> {
    fn new(xml: &str) -> Normalised<'_> {
        if !xml.contains('\r') {
            return Normalised { text: Cow::Borrowed(xml), lone_cr: Vec::new() };
        }
        let mut text = String::with_capacity(xml.len());
        let mut lone_cr = Vec::new();
        let mut rest = xml;
        while let Some(i) = rest.find('\r') {
            text.push_str(&rest[..i]);
            // A `\r\n` keeps its `\n` (copied with the next piece); a lone `\r` becomes one.
            if !rest[i + 1..].starts_with('\n') {
                lone_cr.push(text.len());
                text.push('\n');
            }
            rest = &rest[i + 1..];
        }
        text.push_str(rest);
        Normalised { text: Cow::Owned(text), lone_cr }
    }

    /// The 1-based line of the file that holds `offset` of the text.
    fn line_at(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        let breaks = self.text.as_bytes()[..offset].iter().filter(|&&b| b == b'\n').count();
        breaks - self.lone_cr.partition_point(|&p| p < offset) + 1
    }
}

/// Decodes one character reference body (between `&` and `;`).
fn unescape(body: &str) -> Option<char> {
    if let Some(hex) = body.strip_prefix("#x").or_else(|| body.strip_prefix("#X")) {
        u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
    } else if let Some(decimal) = body.strip_prefix('#') {
        decimal.parse::<u32>().ok().and_then(char::from_u32)
    } else {
        match body {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => None,
        }
    }
}

/// Decodes the references it knows and leaves any other as written (attribute values, DOCID).
fn decode_lenient(s: &str) -> Cow<'_, str> {
    ENTITY_RE.replace_all(s, |c: &Captures| match unescape(&c[1]) {
        Some(ch) => ch.to_string(),
        None => c[0].to_string(),
    })
}

/// The last value of attribute `key` in a tag's attribute text, decoded.
fn attribute(attrs: &str, key: &str) -> Option<String> {
    ATTR_RE
        .captures_iter(attrs)
        .filter(|c| &c[1] == key)
        .last()
        .map(|c| decode_lenient(c.get(2).or_else(|| c.get(3)).map_or("", |m| m.as_str())).into_owned())
}

/// `te3_eval.py`'s `strip_tags`: tags removed, references decoded, whitespace trimmed.
fn strip_tags(s: &str) -> String {
    decode_lenient(&ANY_TAG_RE.replace_all(s, "")).trim().to_string()
}

/// Reads one TimeML document held in memory; `name` is its file name (errors name it too).
///
/// # Errors
///
/// A data error naming `name` and the line of the problem: no `<TEXT>` element, a `<` that
/// starts no tag, a closing tag that does not close the innermost open element, an element
/// never closed, an unknown or invalid character reference in TEXT, no document creation time
/// (reported at the `<DCT>` line, or line 1 without one) or one whose value does not start with
/// a `YYYY-MM-DD` date.
pub fn parse_timeml(name: &str, xml: &str) -> Result<TimemlDocument, Error> {
    let normalised = Normalised::new(xml);
    let source = normalised.text.as_ref();
    let line_at = |offset: usize| normalised.line_at(offset);
    let error = |offset: usize, message: String| Error::data(name, line_at(offset), message);

    let Some(text_match) = TEXT_RE.captures(source) else {
        return Err(Error::data(name, 1, "no <TEXT> element"));
    };
    let (whole, inner) = (text_match.get(0).expect("group 0"), text_match.get(1).expect("group 1"));
    let (text, timexes) = parse_text(source, inner.start(), inner.end(), &error, &line_at)?;

    let docid = DOCID_RE.captures(source).map(|c| strip_tags(&c[1])).unwrap_or_default();

    // The DCT is looked for outside TEXT: first in <DCT>, then any CREATION_TIME timex.
    let header = format!("{}{}", &source[..whole.start()], &source[whole.end()..]);
    let in_source = |offset: usize| if offset < whole.start() { offset } else { offset + whole.len() };
    let dct_element = DCT_RE.captures(&header).map(|c| c.get(1).expect("group 1"));
    let mut regions = Vec::new();
    if let Some(m) = dct_element {
        regions.push((m.start(), m.as_str(), false));
    }
    regions.push((0, header.as_str(), true));
    let mut dct: Option<(String, usize)> = None;
    for (region_start, region, creation_time_only) in regions {
        for c in TIMEX_RE.captures_iter(region) {
            let attrs = &c[1];
            if creation_time_only
                && attribute(attrs, "functionInDocument").as_deref() != Some("CREATION_TIME")
            {
                continue;
            }
            let at = in_source(region_start + c.get(0).expect("group 0").start());
            dct = Some((attribute(attrs, "value").unwrap_or_default(), at));
            break;
        }
        if dct.as_ref().is_some_and(|(value, _)| !value.is_empty()) {
            break;
        }
    }
    let dct = match dct {
        Some((value, at)) if !value.is_empty() => {
            let date = value.get(..10).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            match date {
                Some(date) if value.len() == 10 || value[10..].starts_with('T') => date,
                _ => {
                    return Err(error(
                        at,
                        format!("the creation time `{value}` does not start with a date YYYY-MM-DD"),
                    ));
                }
            }
        }
        _ => {
            let line = dct_element.map_or(1, |m| line_at(in_source(m.start())));
            return Err(Error::data(
                name,
                line,
                "no document creation time (<DCT><TIMEX3 value=\"YYYY-MM-DD\" functionInDocument=\"CREATION_TIME\">)",
            ));
        }
    };
    Ok(TimemlDocument { name: name.to_string(), docid, dct, text, timexes })
}

/// An element open in TEXT: name, byte offset in the plain text, attribute text, offset in the
/// source (for errors).
struct Open<'a> {
    name: &'a str,
    start: usize,
    attrs: &'a str,
    at: usize,
}

/// Turns the content of `<TEXT>`, `source[base..end]`, into plain text and timexes.
fn parse_text(
    source: &str,
    base: usize,
    end: usize,
    error: &dyn Fn(usize, String) -> Error,
    line_at: &dyn Fn(usize) -> usize,
) -> Result<(String, Vec<TimexTag>), Error> {
    let inner = &source[base..end];
    let mut plain = String::with_capacity(inner.len());
    let mut stack: Vec<Open<'_>> = Vec::new();
    let mut timexes = Vec::new();
    let mut pos = 0;
    let chunk = |plain: &mut String, from: usize, to: usize| -> Result<(), Error> {
        let chunk = &inner[from..to];
        if let Some(i) = chunk.find('<') {
            return Err(error(base + from + i, "malformed tag in TEXT (a `<` that starts no tag)".into()));
        }
        let mut last = 0;
        for c in ENTITY_RE.captures_iter(chunk) {
            let m = c.get(0).expect("group 0");
            plain.push_str(&chunk[last..m.start()]);
            match unescape(&c[1]) {
                Some(ch) => plain.push(ch),
                None => {
                    return Err(error(
                        base + from + m.start(),
                        format!("unknown or invalid character reference `{}` in TEXT", m.as_str()),
                    ));
                }
            }
            last = m.end();
        }
        plain.push_str(&chunk[last..]);
        Ok(())
    };
    for c in TAG_RE.captures_iter(inner) {
        let m = c.get(0).expect("group 0");
        chunk(&mut plain, pos, m.start())?;
        pos = m.end();
        if let Some(decl) = c.name("decl") {
            if decl.as_str().starts_with("<!--") || decl.as_str().starts_with("<![CDATA[") {
                return Err(error(base + m.start(), "unterminated comment or CDATA section in TEXT".into()));
            }
            continue;
        }
        if let Some(cdata) = c.name("cdata") {
            let s = cdata.as_str();
            plain.push_str(&s[9..s.len() - 3]);
            continue;
        }
        let Some(tag_name) = c.name("name") else {
            continue; // comment or processing instruction
        };
        let tag_name = tag_name.as_str();
        if !c["close"].is_empty() {
            match stack.pop() {
                Some(open) if open.name == tag_name => {
                    if tag_name == "TIMEX3" && plain.len() > open.start {
                        // te3_eval.py skips empty elements: they cannot be matched.
                        timexes.push(TimexTag {
                            span: Span::new(open.start, plain.len()),
                            kind: attribute(open.attrs, "type").unwrap_or_default(),
                            value: attribute(open.attrs, "value").unwrap_or_default(),
                            modifier: attribute(open.attrs, "mod").filter(|m| !m.is_empty()),
                        });
                    }
                }
                Some(open) => {
                    return Err(error(
                        base + m.start(),
                        format!(
                            "</{tag_name}> closes <{}>, opened on line {}, in TEXT",
                            open.name,
                            line_at(open.at)
                        ),
                    ));
                }
                None => {
                    return Err(error(
                        base + m.start(),
                        format!("</{tag_name}> closes no open element in TEXT"),
                    ));
                }
            }
        } else if c["empty"].is_empty() {
            let attrs = c.name("attrs").map_or("", |a| a.as_str());
            stack.push(Open { name: tag_name, start: plain.len(), attrs, at: base + m.start() });
        }
        // An empty element (`<SIGNAL/>`) covers no text and is skipped.
    }
    chunk(&mut plain, pos, inner.len())?;
    if let Some(open) = stack.pop() {
        return Err(error(open.at, format!("<{}> is never closed in TEXT", open.name)));
    }
    timexes.sort_by_key(|t| (t.span.start, t.span.end));
    Ok((plain, timexes))
}

/// Reads every `*.tml` file of `dir` (not those whose name starts with `.`), sorted by name.
///
/// Each document's `name` is its file name; errors name the full path.
///
/// # Errors
///
/// An I/O error naming the path if the directory or a file cannot be read (or a file is not
/// UTF-8) or the directory holds no `.tml` file; a data error naming file and line for a
/// malformed file.
pub fn read_timeml_dir(dir: &Path) -> Result<Vec<TimemlDocument>, Error> {
    let mut files: Vec<(String, std::path::PathBuf)> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            (name.ends_with(".tml") && !name.starts_with('.')).then(|| (name, e.path()))
        })
        .collect();
    if files.is_empty() {
        return Err(Error::io(dir, std::io::Error::new(std::io::ErrorKind::NotFound, "no .tml files")));
    }
    files.sort();
    files
        .into_iter()
        .map(|(name, path)| {
            let xml = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
            let mut doc = parse_timeml(&path.display().to_string(), &xml)?;
            doc.name = name;
            Ok(doc)
        })
        .collect()
}

/// Escapes text content; `\r` becomes a reference so that readers do not turn it into `\n`.
fn escape_text(out: &mut String, text: &str) {
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            _ => out.push(ch),
        }
    }
}

/// Escapes an attribute value (quoted with `"`).
fn escape_attribute(out: &mut String, value: &str) {
    for ch in value.chars() {
        match ch {
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            _ => escape_text(out, ch.encode_utf8(&mut [0; 4])),
        }
    }
}

/// Writes a TimeML 1.2.1 document holding `text` with `timexes` tagged, for scoring with
/// `te3_eval.py GOLD_DIR SYSTEM_DIR` (save it under the gold file's name) or any TimeML tool.
///
/// The header has `<DOCID>` and a `<DCT>` whose `TIMEX3` `t0` has
/// `functionInDocument="CREATION_TIME"`; each timex becomes
/// `<TIMEX3 tid="t1" type="…" value="…" mod="…">`, numbered in text order, `mod` only when
/// present. Text and attributes are XML-escaped; [`parse_timeml`] reads back the same text and
/// tags.
///
/// TimeML cannot express crossing tags, so, as `te3_to_plain.py inject` does, the timexes are
/// taken by start (the longer first at the same start) and any that overlaps one already kept
/// is skipped, nested ones included. Timexes whose span is empty, outside `text` or off its
/// char boundaries are skipped too.
pub fn write_timeml(docid: &str, dct: NaiveDate, text: &str, timexes: &[TimexTag]) -> String {
    let mut tags: Vec<&TimexTag> =
        timexes.iter().filter(|t| !t.span.is_empty() && text.get(t.span.range()).is_some()).collect();
    tags.sort_by_key(|t| (t.span.start, std::cmp::Reverse(t.span.end)));
    let mut out = String::with_capacity(text.len() + 400 + 80 * tags.len());
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:noNamespaceSchemaLocation=\"http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd\">\n\n<DOCID>",
    );
    escape_text(&mut out, docid);
    let dct = dct.format("%Y-%m-%d");
    let _ = write!(
        out,
        "</DOCID>\n\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{dct}\" temporalFunction=\"false\" \
         functionInDocument=\"CREATION_TIME\">{dct}</TIMEX3></DCT>\n\n<TEXT>"
    );
    let (mut done, mut tid) = (0, 0);
    for tag in tags {
        if tag.span.start < done {
            continue;
        }
        tid += 1;
        escape_text(&mut out, &text[done..tag.span.start]);
        let _ = write!(out, "<TIMEX3 tid=\"t{tid}\" type=\"");
        escape_attribute(&mut out, &tag.kind);
        out.push_str("\" value=\"");
        escape_attribute(&mut out, &tag.value);
        if let Some(modifier) = tag.modifier.as_deref().filter(|m| !m.is_empty()) {
            out.push_str("\" mod=\"");
            escape_attribute(&mut out, modifier);
        }
        out.push_str("\">");
        escape_text(&mut out, &text[tag.span.range()]);
        out.push_str("</TIMEX3>");
        done = tag.span.end;
    }
    escape_text(&mut out, &text[done..]);
    out.push_str("</TEXT>\n\n</TimeML>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "<TimeML>\n<DOCID>D</DOCID>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2020-01-03T10:00\" \
                        functionInDocument=\"CREATION_TIME\">x</TIMEX3></DCT>\n";

    #[test]
    fn error_lines_count_newlines_as_the_file_has_them() {
        // A lone `\r` is a newline for the text (as Python reads it) but not a line of the file.
        let xml =
            "<TimeML>\r<DCT><TIMEX3 value=\"2020-01-03\"/></DCT>\r\n<TEXT>a\rb\n</EVENT></TEXT></TimeML>";
        let err = parse_timeml("t.tml", xml).map(|_| ()).unwrap_err();
        assert_eq!(err.to_string(), "t.tml:3: </EVENT> closes no open element in TEXT");
    }

    #[test]
    fn reads_text_tags_and_references() {
        let xml = format!(
            "{HEAD}<TEXT>\n<!-- c --><EVENT eid=\"e1\">Qāsem</EVENT> left <TIMEX3 tid='t1' type=\"DATE\" \
             value=\"2020-01-02\" mod=\"\">Thursday</TIMEX3><SIGNAL/> &lt;a&#x41;&#66;&gt;\r\n<![CDATA[&<]]></TEXT>"
        );
        let doc = parse_timeml("d.tml", &xml).unwrap();
        assert_eq!(doc.text, "\nQāsem left Thursday <aAB>\n&<");
        assert_eq!(doc.dct, NaiveDate::from_ymd_opt(2020, 1, 3).unwrap());
        assert_eq!(doc.docid, "D");
        let t = &doc.timexes[0];
        assert_eq!(
            (t.span.text(&doc.text), t.kind.as_str(), t.value.as_str()),
            ("Thursday", "DATE", "2020-01-02")
        );
        assert_eq!(t.modifier, None);
    }

    #[test]
    fn errors_name_the_line() {
        let err = |xml: &str| parse_timeml("d.tml", xml).unwrap_err().to_string();
        assert_eq!(err("<DCT></DCT>"), "d.tml:1: no <TEXT> element");
        assert_eq!(
            err(&format!("{HEAD}<TEXT>a\n<TIMEX3 tid=\"t1\">b</EVENT></TEXT>")),
            "d.tml:5: </EVENT> closes <TIMEX3>, opened on line 5, in TEXT"
        );
        assert_eq!(
            err(&format!("{HEAD}<TEXT>a\n\nb &nbsp; c</TEXT>")),
            "d.tml:6: unknown or invalid character reference `&nbsp;` in TEXT"
        );
        assert_eq!(
            err(&format!("{HEAD}<TEXT>a < b</TEXT>")),
            "d.tml:4: malformed tag in TEXT (a `<` that starts no tag)"
        );
        assert_eq!(
            err(&format!("{HEAD}<TEXT>a <!-- b > c</TEXT>")),
            "d.tml:4: unterminated comment or CDATA section in TEXT"
        );
        let bad_dct = HEAD.replace("2020-01-03T10:00", "2020-13-03");
        assert_eq!(
            err(&format!("{bad_dct}<TEXT>a</TEXT>")),
            "d.tml:3: the creation time `2020-13-03` does not start with a date YYYY-MM-DD"
        );
    }

    #[test]
    fn writer_skips_overlaps_and_bad_spans_and_escapes() {
        let tag = |s, e, v: &str| TimexTag {
            span: Span::new(s, e),
            kind: "DATE".into(),
            value: v.into(),
            modifier: None,
        };
        let text = "a \"b\" & <c>\r\nd é";
        let tags = [
            tag(0, 5, "1"),
            tag(2, 3, "nested"),
            tag(4, 9, "crossing"),
            tag(16, 17, "off-boundary"),
            tag(9, 9, "empty"),
            tag(11, 13, "2\"&"),
        ];
        let xml = write_timeml("D&1", NaiveDate::from_ymd_opt(2020, 1, 3).unwrap(), text, &tags);
        assert!(
            xml.contains("<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2&quot;&amp;\">&#13;\n</TIMEX3>"),
            "{xml}"
        );
        let doc = parse_timeml("d.tml", &xml).unwrap();
        assert_eq!(doc.text, text);
        assert_eq!(doc.docid, "D&1");
        assert_eq!(doc.timexes, [tags[0].clone(), tags[5].clone()]);
    }

    #[test]
    fn split_is_fnv1a_of_the_name() {
        // FNV-1a 64 of "" is the offset basis, 0xcbf29ce484222325, which is 1 mod 4.
        assert_eq!(split(""), Split::Development);
        // "a": 0xaf63dc4c8601ec8c, divisible by 4.
        assert_eq!(split("a"), Split::HeldOut);
    }
}
