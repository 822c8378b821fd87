//! Documents in, extractions out.

use crate::entities::{Entity, Mention};
use crate::events::Event;
use crate::span::Span;
use crate::text::SentenceKind;
use crate::time::{Mode, TimeExpr};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One news text to extract from.
///
/// # Example
///
/// ```
/// use annals::Document;
/// let doc = Document::new("003", "The Pentagon said Qasem Soleimani was killed.")
///     .published(chrono::NaiveDate::from_ymd_opt(2020, 1, 3).unwrap());
/// assert_eq!(doc.id, "003");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// The caller's id for the document (a file name, a URL, a database key).
    pub id: String,
    /// The text, exactly as published: every offset points into it.
    pub text: String,
    /// The publication date, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
    /// How relative times are anchored: news (to the publication date, the default) or
    /// narrative (to the last date mentioned).
    #[serde(default, skip_serializing_if = "is_news")]
    pub mode: Mode,
}

fn is_news(mode: &Mode) -> bool {
    *mode == Mode::News
}

impl Document {
    /// A document with no publication date.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document { id: id.into(), text: text.into(), published: None, mode: Mode::News }
    }

    /// Sets the publication date.
    pub fn published(mut self, date: NaiveDate) -> Document {
        self.published = Some(date);
        self
    }

    /// Sets the anchoring mode.
    pub fn mode(mut self, mode: Mode) -> Document {
        self.mode = mode;
        self
    }
}

/// Where a document's publication date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum PublishedSource {
    /// Given by the caller in [`Document::published`].
    Document,
    /// Read from a metadata header line (` date 2020-01-03`).
    Header,
    /// Read from a dateline ("BAGHDAD, Jan 3 (Reuters) -"); a dateline without a year takes
    /// the latest year the text mentions.
    Dateline,
    /// The latest date in a photo caption (a sentence followed by a photo credit).
    Caption,
    /// The latest full date the text mentions.
    Latest,
}

/// A sentence of the extraction: its span and kind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SentenceSpan {
    /// UTF-8 byte offsets into the text.
    #[serde(flatten)]
    pub span: Span,
    /// Prose, header or credit.
    pub kind: SentenceKind,
}

/// What annals found in one document. Serialises to the `documents[]` element of the JSON
/// contract in `DESIGN.md`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Extraction {
    /// The document's id.
    pub id: String,
    /// The publication date: the document's own, else inferred.
    pub published: Option<NaiveDate>,
    /// Where `published` came from.
    pub published_source: Option<PublishedSource>,
    /// The sentences, in order.
    pub sentences: Vec<SentenceSpan>,
    /// Every entity mention, in order of position.
    pub entities: Vec<Mention>,
    /// Definite references by title that name an entity ("the president" after "U.S. President
    /// Donald Trump", rule `resolve:title`), in order of position. They are no names, so they
    /// are not among `entities`; the events stage reads them as participants.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Mention>,
    /// How relative times were anchored.
    pub mode: Mode,
    /// Every time expression, in order of position.
    pub times: Vec<TimeExpr>,
    /// Every event mention, in order of position (all statuses: only asserted ones go on a
    /// timeline as having happened).
    #[serde(default)]
    pub events: Vec<Event>,
    /// The entities mentioned, in order of first mention, with the forms this document uses.
    /// Not serialised per document: the JSON contract's top-level `entities` merges them
    /// across documents ([`crate::entities::registry`]), so it is empty after deserialising.
    #[serde(skip)]
    pub registry: Vec<Entity>,
}

impl Extraction {
    /// The mentions of one entity.
    ///
    /// # Example
    ///
    /// ```
    /// let extractor = annals::Extractor::new()?;
    /// let doc = annals::Document::new("x", "Qassem Soleimani was killed. Soleimani led the Quds Force.");
    /// let extraction = extractor.extract(&doc);
    /// assert_eq!(extraction.mentions_of("qasem-soleimani").count(), 2);
    /// # Ok::<(), annals::Error>(())
    /// ```
    pub fn mentions_of<'a>(&'a self, entity: &'a str) -> impl Iterator<Item = &'a Mention> + 'a {
        self.entities.iter().filter(move |m| m.entity == entity)
    }
}
