//! The timeline written out for people and tools: plain text, Markdown, TimelineJS3 JSON and
//! one self-contained HTML page (no network, no script, readable on a phone).
//!
//! ```
//! use annals::{Document, Extractor, Timeline, timeline::render};
//! let extractor = Extractor::new()?;
//! let doc = Document::new("a", "Iran fired missiles at Ain al-Asad air base on 8 January 2020.");
//! let timeline = extractor.timeline(&doc, &extractor.extract(&doc));
//! let entries = timeline.entries();
//! let text = render::text(&timeline, &entries);
//! assert!(text.starts_with("2020-01-08  attack"));
//! assert!(render::html(&timeline, &entries, "Crisis").contains("<!DOCTYPE html>"));
//! # Ok::<(), annals::Error>(())
//! ```

use super::{Entry, Timeline};
use crate::time::Granularity;
use std::fmt::Write;

/// One block per entry: date, kind and summary, then each source sentence with its document
/// and offsets.
pub fn text(timeline: &Timeline, entries: &[Entry]) -> String {
    let mut out = String::new();
    for e in entries {
        let _ = writeln!(
            out,
            "{:<10}  {} — {}  ({} report{}, {} document{})",
            e.value.to_string(),
            e.kind,
            e.summary,
            e.sources.len(),
            plural(e.sources.len()),
            e.documents,
            plural(e.documents)
        );
        let _ = timeline;
        for s in sentences(e) {
            let _ = writeln!(out, "    [{} {}..{}] {}", s.document, s.start, s.end, one_line(&s.text));
        }
    }
    out
}

/// A Markdown document: a heading per date, a bullet per entry, its sources quoted below it.
pub fn markdown(timeline: &Timeline, entries: &[Entry], title: &str) -> String {
    let mut out = format!("# {}\n", escape_markdown(title));
    let mut last_date = String::new();
    for e in entries {
        let date = heading_key(e);
        if date != last_date {
            let _ = write!(out, "\n## {} ({date})\n\n", human_date(e));
            last_date = date;
        }
        let _ = writeln!(
            out,
            "- **{}** ({}): {}{} — {} document{}",
            escape_markdown(timeline.label(&e.kind)),
            e.kind,
            escape_markdown(&e.summary),
            time_of_day(e),
            e.documents,
            plural(e.documents)
        );
        for s in sentences(e) {
            let _ = writeln!(
                out,
                "  - `{}` {}..{}: {}",
                s.document,
                s.start,
                s.end,
                escape_markdown(&one_line(&s.text))
            );
        }
    }
    out
}

/// TimelineJS3 JSON: one slide per entry (`unique_id`, `group` = the kind's label, dates to
/// the entry's granularity, the sources in `text`).
pub fn timelinejs(timeline: &Timeline, entries: &[Entry], title: &str) -> String {
    let mut out = String::from("{\n  \"title\": {\"text\": {\"headline\": ");
    out.push_str(&json_string(title));
    out.push_str("}},\n  \"events\": [");
    for (i, e) in entries.iter().enumerate() {
        out.push_str(if i == 0 { "\n    {" } else { ",\n    {" });
        let _ = write!(out, "\"unique_id\": {}, ", json_string(&unique_id(e, i)));
        let _ = write!(out, "\"group\": {}, ", json_string(timeline.label(&e.kind)));
        let _ = write!(out, "\"start_date\": {}, ", tl_date(e.interval.start, e.interval.granularity));
        if e.interval.granularity > Granularity::Day {
            let last = e.interval.end - chrono::Duration::seconds(1);
            let _ = write!(out, "\"end_date\": {}, ", tl_date(last, e.interval.granularity));
        }
        let mut body = String::from("<ul>");
        for s in sentences(e) {
            let _ = write!(
                body,
                "<li><b>{}</b>: {}</li>",
                escape_html(&s.document),
                escape_html(&one_line(&s.text))
            );
        }
        body.push_str("</ul>");
        let _ = write!(
            out,
            "\"text\": {{\"headline\": {}, \"text\": {}}}}}",
            json_string(&e.summary),
            json_string(&body)
        );
    }
    out.push_str("\n  ]\n}\n");
    out
}

/// One self-contained HTML page: no network, no script; entries by date, sources folded
/// under each.
pub fn html(timeline: &Timeline, entries: &[Entry], title: &str) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n<p class=\"meta\">{} event{} from {} report{}.</p>\n",
        escape_html(title),
        STYLE,
        escape_html(title),
        entries.len(),
        plural(entries.len()),
        entries.iter().map(|e| e.sources.len()).sum::<usize>(),
        plural(entries.iter().map(|e| e.sources.len()).sum::<usize>()),
    );
    let mut last_date = String::new();
    for e in entries {
        let date = heading_key(e);
        if date != last_date {
            if !last_date.is_empty() {
                out.push_str("</ol>\n</section>\n");
            }
            let _ = write!(
                out,
                "<section>\n<h2><time datetime=\"{}\">{}</time></h2>\n<ol>\n",
                escape_html(&date),
                escape_html(&human_date(e))
            );
            last_date = date;
        }
        let _ = write!(
            out,
            "<li class=\"entry\"><span class=\"kind k-{}\">{}</span> {}{}\n<details><summary>{} report{}, {} document{}</summary>\n<ul>\n",
            escape_html(e.kind.as_str()),
            escape_html(timeline.label(&e.kind)),
            escape_html(&e.summary),
            escape_html(&time_of_day(e)),
            e.sources.len(),
            plural(e.sources.len()),
            e.documents,
            plural(e.documents)
        );
        for s in sentences(e) {
            let sentence = &s.text;
            let (a, b) = (s.trigger.start.saturating_sub(s.start), s.trigger.end.saturating_sub(s.start));
            let whole = sentence.len() == s.end.saturating_sub(s.start); // not an excerpt
            let marked = match (sentence.get(..a).filter(|_| whole), sentence.get(a..b), sentence.get(b..)) {
                (Some(x), Some(y), Some(z)) => {
                    format!("{}<mark>{}</mark>{}", escape_html(x), escape_html(y), escape_html(z))
                }
                _ => escape_html(sentence),
            };
            let _ = writeln!(
                out,
                "<li><q>{}</q> <cite>{} · {}..{}</cite></li>",
                marked,
                escape_html(&s.document),
                s.start,
                s.end
            );
        }
        out.push_str("</ul>\n</details>\n</li>\n");
    }
    if !last_date.is_empty() {
        out.push_str("</ol>\n</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

const STYLE: &str = "body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1d1d1f;background:#fafafa}
main{max-width:46rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.5rem 0}
h2{font-size:1.1rem;margin:1.5rem 0 .25rem;border-bottom:1px solid #ddd;position:sticky;top:0;background:#fafafa}
ol,ul{padding-left:1.1rem}
.entry{margin:.5rem 0}
.kind{display:inline-block;font-size:.75rem;text-transform:uppercase;letter-spacing:.03em;padding:0 .4rem;border-radius:.3rem;background:#e4e4e7}
.k-attack,.k-death,.k-crash{background:#fde2e1}
.k-protest,.k-funeral{background:#fef3c7}
.k-statement,.k-threat,.k-meeting{background:#e0e7ff}
details{font-size:.9rem;color:#444}
summary{cursor:pointer}
q{quotes:none}
mark{background:#fff3a3}
cite{display:block;font-size:.8rem;color:#777;font-style:normal}
.meta{color:#666}
@media (prefers-color-scheme:dark){body,h2{background:#111;color:#eee}details{color:#ccc}.kind{background:#333}mark{background:#665c00;color:#fff}}
";

/// What entries are grouped under: their day (times of day share it), else their value.
fn heading_key(e: &Entry) -> String {
    if e.interval.granularity <= Granularity::Day {
        e.interval.start.date().to_string()
    } else {
        e.value.to_string()
    }
}

/// The heading's date for people: "Friday 3 January 2020", "January 2020", "2019"; other
/// values (weeks, seasons) as TIMEX3 writes them.
fn human_date(e: &Entry) -> String {
    let start = e.interval.start;
    match e.interval.granularity {
        g if g <= Granularity::Day => start.format("%A %-d %B %Y").to_string(),
        Granularity::Month => start.format("%B %Y").to_string(),
        Granularity::Year => start.format("%Y").to_string(),
        _ => e.value.to_string(),
    }
}

/// A time of day finer than the heading's day, for the entry's line ("2020-01-03TMO").
fn time_of_day(e: &Entry) -> String {
    if e.interval.granularity < Granularity::Day { format!(" ({})", e.value) } else { String::new() }
}

/// An entry's sources, each sentence once (two triggers of one sentence are one source to a
/// reader).
fn sentences(e: &Entry) -> impl Iterator<Item = &super::Source> {
    e.sources
        .iter()
        .enumerate()
        .filter(move |(i, s)| {
            *i == 0 || e.sources[i - 1].document != s.document || e.sources[i - 1].start != s.start
        })
        .map(|(_, s)| s)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The text on one line: runs of whitespace become one space.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn unique_id(e: &Entry, i: usize) -> String {
    let raw = format!("{}-{}-{}", e.value, e.kind, i + 1);
    raw.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect()
}

fn tl_date(at: chrono::NaiveDateTime, granularity: Granularity) -> String {
    use chrono::{Datelike, Timelike};
    let mut out = format!("{{\"year\": {}", at.year());
    if granularity <= Granularity::Month {
        let _ = write!(out, ", \"month\": {}", at.month());
    }
    if granularity <= Granularity::Week {
        let _ = write!(out, ", \"day\": {}", at.day());
    }
    if granularity < Granularity::Day {
        let _ = write!(out, ", \"hour\": {}, \"minute\": {}", at.hour(), at.minute());
    }
    out.push('}');
    out
}

/// A JSON string literal.
pub(crate) fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text made safe inside HTML elements and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(escape_html("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
        assert_eq!(json_string("a\"b\\\n\u{1}"), "\"a\\\"b\\\\\\n\\u0001\"");
        assert_eq!(escape_markdown("*x* [y]"), "\\*x\\* \\[y\\]");
    }
}
