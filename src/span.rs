//! Byte spans into the caller's text.
//!
//! Nothing in annals copies or rewrites the input: every token, sentence, mention and time
//! carries a [`Span`], a half-open range of UTF-8 byte offsets into the original `&str`.
//! Byte offsets are the canonical form; [`Span::chars`] gives the Unicode-scalar offsets that
//! Python and JavaScript consumers index by.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A half-open range `start..end` of byte offsets into a text.
///
/// Spans made by annals always lie on char boundaries of the text they came from.
///
/// # Example
///
/// ```
/// use annals::Span;
/// let text = "Iran’s elite Quds Force";
/// let span = Span::new(15, 25);
/// assert_eq!(span.text(text), "Quds Force");
/// // The curly apostrophe is 3 bytes but one char.
/// assert_eq!(span.chars(text), 13..23);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (clamped so that `start <= end`).
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end: end.max(start) }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True if the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The byte range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The text the span covers, or `""` if it does not lie inside `text` on char boundaries.
    ///
    /// # Example
    ///
    /// ```
    /// let text = "the Pentagon said";
    /// assert_eq!(annals::Span::new(4, 12).text(text), "Pentagon");
    /// assert_eq!(annals::Span::new(4, 99).text(text), "");
    /// ```
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.range()).unwrap_or("")
    }

    /// The span in Unicode scalar values (chars) instead of bytes.
    ///
    /// Costs a pass over `text[..end]`; to convert many spans of one text, use
    /// [`CharOffsets`].
    pub fn chars(&self, text: &str) -> Range<usize> {
        let start = char_count(text, self.start);
        start..start + char_count(&text[floor(text, self.start)..], self.len())
    }

    /// True if the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True if `other` lies inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(range: Range<usize>) -> Span {
        Span::new(range.start, range.end)
    }
}

fn floor(text: &str, mut byte: usize) -> usize {
    byte = byte.min(text.len());
    while !text.is_char_boundary(byte) {
        byte -= 1;
    }
    byte
}

fn char_count(text: &str, bytes: usize) -> usize {
    text[..floor(text, bytes)].chars().count()
}

/// Converts many byte offsets of one text to char offsets in one forward pass.
///
/// Offsets must be asked for in non-decreasing order for linear cost; an offset behind the
/// last one asked restarts the count from the beginning (still correct, just slower).
///
/// # Example
///
/// ```
/// use annals::span::CharOffsets;
/// let text = "Qāsem Soleimani — Iran’s general";
/// let mut offsets = CharOffsets::new(text);
/// assert_eq!(offsets.char_at(7), 6); // 'S' of Soleimani; 'ā' takes two bytes
/// assert_eq!(offsets.char_at(text.len()), text.chars().count());
/// ```
#[derive(Debug)]
pub struct CharOffsets<'t> {
    text: &'t str,
    byte: usize,
    chars: usize,
}

impl<'t> CharOffsets<'t> {
    /// Starts at the beginning of `text`.
    pub fn new(text: &'t str) -> CharOffsets<'t> {
        CharOffsets { text, byte: 0, chars: 0 }
    }

    /// The number of chars before byte offset `byte` (rounded down to a char boundary).
    pub fn char_at(&mut self, byte: usize) -> usize {
        let byte = floor(self.text, byte);
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_on_multibyte_text() {
        let text = "Qāsem — Iran’s 🇮🇷 Soleimani";
        let start = text.find("Soleimani").unwrap();
        let span = Span::new(start, start + "Soleimani".len());
        assert_eq!(span.text(text), "Soleimani");
        let want = text[..start].chars().count();
        assert_eq!(span.chars(text), want..want + 9);
        let mut offsets = CharOffsets::new(text);
        assert_eq!(offsets.char_at(start), want);
        assert_eq!(offsets.char_at(2), 1); // inside 'ā' rounds down
    }

    #[test]
    fn out_of_range_spans_give_empty_text() {
        assert_eq!(Span::new(3, 1), Span::new(3, 3));
        assert_eq!(Span::new(0, 2).text("ā"), "ā");
        assert_eq!(Span::new(0, 1).text("ā"), "");
        assert_eq!(Span::new(5, 9).chars("abc"), 3..3);
    }

    #[test]
    fn overlap_and_containment() {
        let a = Span::new(0, 5);
        assert!(a.overlaps(Span::new(4, 8)));
        assert!(!a.overlaps(Span::new(5, 8)));
        assert!(a.contains(Span::new(1, 5)));
        assert!(!a.contains(Span::new(1, 6)));
    }
}
