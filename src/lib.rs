//! # annals
//!
//! Find people, places, organisations, time expressions and dated events in English news text
//! with gazetteers and pattern rules — no statistical model — merge what many documents say
//! into one chronological [`Timeline`], and trace every result to the data line or rule that
//! made it.
//!
//! ```
//! use annals::{Document, Extractor};
//!
//! let extractor = Extractor::new()?; // bundled gazetteers and rules; build once, share
//! let doc = Document::new(
//!     "003",
//!     "US Secretary of State Mike Pompeo said Washington is committed to de-escalation.",
//! );
//! for m in extractor.extract(&doc).entities {
//!     println!("{:>3}..{:<3} {:<12} {:<16} {}", m.span.start, m.span.end, m.kind, m.entity, m.rule);
//! }
//! # Ok::<(), annals::Error>(())
//! ```
//!
//! The pipeline (see `DESIGN.md`): [`text`] cuts sentences and tokens as byte spans;
//! the entity stage matches gazetteers and pattern rules; [`resolve`] links surnames,
//! acronyms and handles within the document; [`time`] finds time expressions, normalises them
//! as TIMEX3 values with their intervals and infers a missing publication date; [`events`]
//! finds dated events with their status, participants and place; [`timeline`] merges the
//! events of many documents, in any order, into entries traced to their sentences and writes
//! them as text, Markdown, TimelineJS or HTML. The [`score`] module measures all of it against
//! gold annotations ([`timeml`] reads and writes TimeML).
//!
//! ## Untrusted input
//!
//! Any `&str` — empty, huge, binary junk, no spaces, right-to-left scripts, emoji — gives a
//! result, never a panic, in time linear in its length. Only building an [`Extractor`] and
//! reading files can fail, with an [`Error`] that says where.
#![deny(missing_docs)]

pub mod data;
mod document;
pub mod entities;
mod error;
pub mod events;
mod extractor;
pub mod input;
pub mod resolve;
pub mod score;
pub mod span;
pub mod text;
pub mod time;
pub mod timeline;
pub mod timeml;

pub use document::{Document, Extraction, PublishedSource, SentenceSpan};
pub use entities::{Entity, EntityId, EntityKind, Mention, RuleId};
pub use error::Error;
pub use extractor::{Extractor, ExtractorBuilder};
pub use span::Span;
pub use timeline::Timeline;

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
