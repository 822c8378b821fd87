//! Inferring a document's publication date when neither the caller nor a header gives it.
//!
//! In order of trust: a dateline ("BAGHDAD, Jan 3 (Reuters) -", an ALL-CAPS place and a comma
//! before the first sentence's date), the latest date of a photo caption (a sentence that a
//! credit line follows), then the latest full date anywhere in the text. A dateline without a
//! year takes the latest year the text mentions explicitly.

use super::{Anchor, TimeExpr, TimexValue, Within, Year};
use crate::document::PublishedSource;
use crate::text::{Sentence, SentenceKind};
use chrono::NaiveDate;

/// The inferred date and where it came from. `times` were tagged with no publication date.
pub(crate) fn infer(
    text: &str,
    sentences: &[Sentence],
    times: &[TimeExpr],
) -> Option<(NaiveDate, PublishedSource)> {
    let explicit_day = |t: &TimeExpr| match &t.value {
        TimexValue::Calendar(c) if t.anchor == Anchor::Explicit && c.time.is_none() => c.as_date(),
        _ => None,
    };
    if let Some(date) = dateline(text, sentences, times) {
        return Some((date, PublishedSource::Dateline));
    }
    let caption =
        sentences.windows(2).filter(|w| w[0].kind == SentenceKind::Text && w[1].kind == SentenceKind::Credit);
    let caption_date = caption
        .flat_map(|w| times.iter().filter(move |t| w[0].span.contains(t.span)).filter_map(explicit_day))
        .max();
    if let Some(date) = caption_date {
        return Some((date, PublishedSource::Caption));
    }
    times.iter().filter_map(explicit_day).max().map(|d| (d, PublishedSource::Latest))
}

fn dateline(text: &str, sentences: &[Sentence], times: &[TimeExpr]) -> Option<NaiveDate> {
    let first = sentences.iter().find(|s| s.kind == SentenceKind::Text)?;
    let time = times.iter().find(|t| first.span.contains(t.span))?;
    let before = text.get(first.span.start..time.span.start)?.trim_end();
    let place = before.strip_suffix(',')?.trim();
    let is_place = !place.is_empty()
        && place.len() <= 60
        && place.chars().all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '’' | '-' | ','))
        && place.chars().any(char::is_alphabetic);
    if !is_place {
        return None;
    }
    let TimexValue::Calendar(c) = &time.value else { return None };
    match (c.year, c.within) {
        (Year::Year(_), _) => c.as_date(),
        (Year::Unknown, Some(Within::Day { month: Some(m), day: Some(d) })) => {
            let year = times
                .iter()
                .filter(|t| t.anchor == Anchor::Explicit)
                .filter_map(|t| match &t.value {
                    TimexValue::Calendar(c) => match c.year {
                        Year::Year(y) => Some(y),
                        _ => None,
                    },
                    _ => None,
                })
                .max()?;
            NaiveDate::from_ymd_opt(year, m.into(), d.into())
        }
        _ => None,
    }
}
