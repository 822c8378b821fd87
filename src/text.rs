//! The text stage: sentences and tokens as byte spans into the original text.
//!
//! Input: the document's `&str` and the [`TextLexicon`] (abbreviations, metadata header keys,
//! photo-credit words, all from `data/text/`). Output: a [`Segmentation`], a list of
//! [`Token`]s and a list of [`Sentence`]s that point into the text. Nothing is copied.
//!
//! News text is not clean prose, so the tokenizer knows about:
//!
//! | form | example | result |
//! |---|---|---|
//! | abbreviations, initials | `U.S.`, `Gen.`, `Jan.`, `Donald J. Trump` | one word token with its period; no sentence break after a title |
//! | possessives | `Iran's`, `Iran’s` | `Iran` + `'s` |
//! | internal hyphens, apostrophes | `al-Muhandis`, `Kata'ib` | one token |
//! | handles, tags, URLs | `@SecPompeo`, `#Iran`, `https://…` | one token of their own kind |
//! | ellipses | `...`, `…` | one punctuation token |
//! | metadata header lines | ` date 2020-01-03 The US…` | a [`SentenceKind::Header`] sentence |
//! | photo credits | `… 2020. EFE/EPA/ABEDIN TAHERKENAREH` | a [`SentenceKind::Credit`] sentence |
//!
//! Sentences never overlap, are in order, and every token lies in at most one sentence.
//! Segmentation is linear in the length of the text and never fails.

use crate::data::{self, LineReader};
use crate::error::Error;
use crate::span::Span;
use std::collections::HashMap;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TokenKind {
    /// Letters (and digits) with their internal hyphens, apostrophes and abbreviation dots.
    Word,
    /// Digits, possibly with internal `.`, `,`, `:`, `-` or `/` (`2020-01-03`, `8:30`, `1,000`).
    Number,
    /// A possessive ending: `'s`, `’s`, `'S`.
    Possessive,
    /// A social-media handle with its `@`.
    Handle,
    /// A hashtag with its `#`.
    Hashtag,
    /// A URL.
    Url,
    /// Punctuation, an ellipsis, a symbol or an emoji: one token per character (or per ellipsis).
    Punct,
}

/// A token: a span and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
    /// For words ending in a period that belongs to them: which kind of abbreviation.
    pub abbreviation: Option<Abbreviation>,
}

/// The kinds of abbreviation, which decide whether their period may end a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Abbreviation {
    /// A title or form of address before a name (`Gen.`, `Mr.`, `Lt.`): never ends a sentence.
    Title,
    /// A month or weekday (`Jan.`, `Fri.`): ends a sentence only before a capitalised word.
    Calendar,
    /// An initial (`J.`): never ends a sentence.
    Initial,
    /// Anything else (`U.S.`, `Inc.`, `etc.`): ends a sentence only before a line break.
    Other,
}

/// What kind of text a sentence is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum SentenceKind {
    /// Ordinary prose (or a headline).
    Text,
    /// A metadata line at the top of the document (`date 2020-01-03`).
    Header,
    /// A photo or agency credit (`EFE/EPA/ABEDIN TAHERKENAREH`).
    Credit,
}

/// A sentence: its span, kind and the range of its tokens in [`Segmentation::tokens`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// From the first to the last token of the sentence.
    pub span: Span,
    /// Prose, header or credit.
    pub kind: SentenceKind,
    /// Indexes into [`Segmentation::tokens`].
    pub tokens: std::ops::Range<usize>,
}

/// The text stage's output.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Segmentation {
    /// Every token, in order.
    pub tokens: Vec<Token>,
    /// Every sentence, in order; together they hold every token.
    pub sentences: Vec<Sentence>,
    /// Metadata header fields found at the top: (key, value) spans.
    pub header: Vec<(Span, Span)>,
}

/// The vocabularies the text stage needs, from `data/text/`.
#[derive(Clone, Debug, Default)]
pub struct TextLexicon {
    /// Lower-cased abbreviation without its final period → kind.
    abbreviations: HashMap<String, Abbreviation>,
    /// Lower-cased metadata header keys (`date`, `title`…) and whether the value is one token.
    header_keys: HashMap<String, bool>,
    /// Upper-cased words that start a credit line (`EFE`, `AFP`, `FILE`…).
    credit_words: HashMap<String, ()>,
}

impl TextLexicon {
    /// The files of `data/text/`, bundled.
    pub(crate) const BUNDLED_FILES: &'static [&'static str] =
        &["data/text/abbreviations.tsv", "data/text/headers.tsv", "data/text/credits.txt"];

    /// Parses abbreviation, header and credit files; which is which is told by the file name
    /// (`headers…`, `credits…`, anything else is an abbreviation file), as for the event
    /// vocabulary, so a user's extra files follow the same convention.
    pub(crate) fn from_sources(sources: &[data::Source]) -> Result<TextLexicon, Error> {
        let mut lex = TextLexicon::default();
        for source in sources {
            match data::file_stem(source.name()) {
                "headers" => lex.parse_headers(source)?,
                "credits" => lex.parse_credits(source)?,
                _ => lex.parse_abbreviations(source)?,
            }
        }
        Ok(lex)
    }

    fn parse_abbreviations(&mut self, abbreviations: &data::Source) -> Result<(), Error> {
        for (n, fields) in LineReader::new(abbreviations) {
            let [abbr, kind] = data::fields::<2>(abbreviations, n, &fields)?;
            let kind = match kind {
                "title" => Abbreviation::Title,
                "calendar" => Abbreviation::Calendar,
                "other" => Abbreviation::Other,
                _ => {
                    return Err(abbreviations.error(
                        n,
                        format!("unknown abbreviation kind `{kind}` (expected title, calendar or other)"),
                    ));
                }
            };
            let Some(stem) = abbr.strip_suffix('.') else {
                return Err(abbreviations.error(n, format!("abbreviation `{abbr}` must end with a period")));
            };
            if stem.is_empty() {
                return Err(abbreviations.error(n, "empty abbreviation"));
            }
            self.abbreviations.insert(stem.to_lowercase(), kind);
        }
        Ok(())
    }

    fn parse_headers(&mut self, headers: &data::Source) -> Result<(), Error> {
        for (n, fields) in LineReader::new(headers) {
            let [key, value] = data::fields::<2>(headers, n, &fields)?;
            let one_token = match value {
                "token" => true,
                "line" => false,
                _ => {
                    return Err(
                        headers.error(n, format!("unknown value shape `{value}` (expected token or line)"))
                    );
                }
            };
            self.header_keys.insert(key.to_lowercase(), one_token);
        }
        Ok(())
    }

    fn parse_credits(&mut self, credits: &data::Source) -> Result<(), Error> {
        for (n, fields) in LineReader::new(credits) {
            let [word] = data::fields::<1>(credits, n, &fields)?;
            self.credit_words.insert(word.to_uppercase(), ());
        }
        Ok(())
    }

    /// True for a word that opens or fills a credit line (`EFE`, `FILE`, `HANDOUT`).
    pub(crate) fn is_credit_word(&self, word: &str) -> bool {
        self.credit_words.contains_key(&word.to_uppercase())
    }

    fn abbreviation(&self, word: &str, buf: &mut String) -> Option<Abbreviation> {
        buf.clear();
        buf.extend(word.chars().flat_map(char::to_lowercase));
        self.abbreviations.get(buf.as_str()).copied()
    }
}

/// Splits `text` into tokens and sentences.
///
/// # Example
///
/// ```
/// use annals::text::{segment, SentenceKind};
/// let text = " date 2020-01-03 The U.S. remains committed. Gen. Soleimani was killed.";
/// let seg = segment(text, annals::Extractor::bundled_text_lexicon());
/// let sentences: Vec<_> = seg.sentences.iter().map(|s| (s.kind, s.span.text(text))).collect();
/// assert_eq!(sentences, [
///     (SentenceKind::Header, "date 2020-01-03"),
///     (SentenceKind::Text, "The U.S. remains committed."),
///     (SentenceKind::Text, "Gen. Soleimani was killed."),
/// ]);
/// ```
pub fn segment(text: &str, lex: &TextLexicon) -> Segmentation {
    let mut seg = Segmentation {
        // News text averages five to six bytes a token: one allocation, no regrowth.
        tokens: Vec::with_capacity(text.len() / 5 + 1),
        ..Segmentation::default()
    };
    tokenize(text, lex, &mut seg.tokens);
    split_sentences(text, lex, &mut seg);
    seg
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// Tokenizes into `out` (cleared first).
pub(crate) fn tokenize(text: &str, lex: &TextLexicon, out: &mut Vec<Token>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut buf = String::new();
    let mut i = 0;
    while i < text.len() {
        let Some(c) = char_at(text, i) else { break };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let prev_alnum = char_before(text, i).is_some_and(char::is_alphanumeric);
        // URLs.
        if !prev_alnum
            && (starts_with_ci(&bytes[i..], b"http://")
                || starts_with_ci(&bytes[i..], b"https://")
                || starts_with_ci(&bytes[i..], b"www."))
        {
            let mut end = i;
            for (j, ch) in text[i..].char_indices() {
                if ch.is_whitespace() || matches!(ch, '<' | '>' | '"' | '“' | '”') {
                    break;
                }
                end = i + j + ch.len_utf8();
            }
            while end > i
                && matches!(bytes[end - 1], b'.' | b',' | b';' | b':' | b'!' | b'?' | b')' | b'\'' | b']')
            {
                end -= 1;
            }
            if end > i + 4 {
                out.push(Token { span: Span::new(i, end), kind: TokenKind::Url, abbreviation: None });
                i = end;
                continue;
            }
        }
        // Handles and hashtags.
        if (c == '@' || c == '#') && !prev_alnum {
            let end =
                i + 1 + text[i + 1..].bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_').count();
            if end > i + 1 {
                let kind = if c == '@' { TokenKind::Handle } else { TokenKind::Hashtag };
                out.push(Token { span: Span::new(i, end), kind, abbreviation: None });
                i = end;
                continue;
            }
        }
        // Possessive ending after a word: 's / ’s followed by a non-letter.
        if is_apostrophe(c) && prev_alnum {
            let after = i + c.len_utf8();
            if matches!(bytes.get(after), Some(b's' | b'S'))
                && !char_at(text, after + 1).is_some_and(char::is_alphanumeric)
            {
                out.push(Token {
                    span: Span::new(i, after + 1),
                    kind: TokenKind::Possessive,
                    abbreviation: None,
                });
                i = after + 1;
                continue;
            }
        }
        if c.is_alphanumeric() {
            let end = word_end(text, i);
            let word = &text[i..end];
            let numeric = word.chars().all(|ch| !ch.is_alphabetic());
            let mut token = Token {
                span: Span::new(i, end),
                kind: if numeric { TokenKind::Number } else { TokenKind::Word },
                abbreviation: None,
            };
            if !numeric && bytes.get(end) == Some(&b'.') {
                let kind = if word.contains('.') {
                    Some(Abbreviation::Other) // U.S → U.S.
                } else if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
                    Some(Abbreviation::Initial)
                } else {
                    lex.abbreviation(word, &mut buf)
                };
                if let Some(kind) = kind {
                    token.span.end += 1;
                    token.abbreviation = Some(kind);
                }
            }
            i = token.span.end;
            out.push(token);
            continue;
        }
        // Ellipses.
        if bytes[i..].starts_with(b"...") {
            let end = i + bytes[i..].iter().take_while(|b| **b == b'.').count();
            out.push(Token { span: Span::new(i, end), kind: TokenKind::Punct, abbreviation: None });
            i = end;
            continue;
        }
        // Anything else: one char (an emoji, a quote, a dash, a stray surrogate-free symbol).
        let end = i + c.len_utf8();
        out.push(Token { span: Span::new(i, end), kind: TokenKind::Punct, abbreviation: None });
        i = end;
    }
}

fn starts_with_ci(hay: &[u8], needle: &[u8]) -> bool {
    hay.len() >= needle.len() && hay[..needle.len()].eq_ignore_ascii_case(needle)
}

/// The end of the word starting at `start`: alphanumerics joined by internal hyphens and
/// apostrophes (not a possessive `'s`), dots between initials (`U.S`) or digits (`3.5`), and
/// `,` `:` `/` between digits (`1,000`, `8:30`, `1/3`).
fn word_end(text: &str, start: usize) -> usize {
    let mut end = start;
    let mut last: Option<char> = None;
    let mut run_len = 0usize; // chars in the current alphanumeric run
    let mut chars = text[start..].char_indices().peekable();
    while let Some((j, c)) = chars.next() {
        if c.is_alphanumeric() || is_mark(c) {
            end = start + j + c.len_utf8();
            run_len += 1;
            last = Some(c);
            continue;
        }
        let next = chars.peek().map(|&(_, n)| n);
        let Some(prev) = last else { break };
        let Some(next) = next else { break };
        let joins = match c {
            '-' | '‐' | '‑' => next.is_alphanumeric(),
            '\'' | '’' => {
                // Kata'ib joins; Iran's is a possessive.
                next.is_alphabetic() && {
                    let after = text[start + j + c.len_utf8()..].chars().nth(1);
                    !matches!(next, 's' | 'S') || after.is_some_and(char::is_alphanumeric)
                }
            }
            '.' => {
                (run_len == 1 && prev.is_alphabetic() && next.is_alphabetic() && {
                    // U.S / U.K: the next run is one letter too.
                    let after = text[start + j + 1..].chars().nth(1);
                    !after.is_some_and(char::is_alphanumeric) || after == Some('.')
                }) || (prev.is_ascii_digit() && next.is_ascii_digit())
            }
            ',' | ':' | '/' => prev.is_ascii_digit() && next.is_ascii_digit(),
            _ => false,
        };
        if !joins {
            break;
        }
        run_len = 0;
    }
    end
}

/// Combining marks stay inside words (`é` written as `e` + U+0301).
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn is_terminator(text: &str, tok: &Token) -> bool {
    tok.kind == TokenKind::Punct
        && matches!(tok.span.text(text), "." | "!" | "?" | "…" | "..." | "...." | "。")
}

fn is_closer(s: &str) -> bool {
    matches!(s, "\"" | "”" | "'" | "’" | ")" | "]" | "»")
}

fn is_opener(s: &str) -> bool {
    matches!(s, "\"" | "“" | "'" | "‘" | "(" | "[" | "«" | "—" | "-")
}

/// Counts the line breaks in `gap` (whitespace between two tokens).
fn line_breaks(gap: &str) -> usize {
    gap.bytes().filter(|b| *b == b'\n').count() + gap.matches('\u{2029}').count()
}

fn split_sentences(text: &str, lex: &TextLexicon, seg: &mut Segmentation) {
    let tokens = &seg.tokens;
    let mut first = header_tokens(text, lex, tokens, &mut seg.header, &mut seg.sentences);
    let mut t = first;
    while t < tokens.len() {
        let tok = &tokens[t];
        let next = tokens.get(t + 1);
        let mut end_here = false;
        if let Some(next) = next {
            let gap = &text[tok.span.end..next.span.start];
            let breaks = line_breaks(gap);
            if breaks >= 2 {
                end_here = true;
            } else if breaks == 1 {
                // A single line break ends a sentence unless the next line continues it in
                // lower case (wrapped text).
                end_here = !next.span.text(text).starts_with(|c: char| c.is_lowercase());
            }
        }
        // "…on Fri. The next day": a month or weekday abbreviation ends a sentence when a
        // capitalised word, not a number, follows.
        if !end_here && tok.abbreviation == Some(Abbreviation::Calendar) {
            end_here = next.is_some_and(|n| {
                n.span.start > tok.span.end
                    && n.kind == TokenKind::Word
                    && n.span.text(text).starts_with(char::is_uppercase)
            });
        }
        if !end_here && is_terminator(text, tok) {
            // Absorb closing quotes and brackets: `…immediately.”`
            let mut last = t;
            while tokens
                .get(last + 1)
                .is_some_and(|n| n.span.start == tokens[last].span.end && is_closer(n.span.text(text)))
            {
                last += 1;
            }
            let boundary = match tokens.get(last + 1) {
                None => true,
                Some(n) => {
                    let spaced = n.span.start > tokens[last].span.end;
                    let s = n.span.text(text);
                    spaced
                        && (s.starts_with(|c: char| c.is_uppercase() || c.is_numeric())
                            || is_opener(s)
                            || matches!(n.kind, TokenKind::Handle | TokenKind::Hashtag))
                }
            };
            if boundary {
                t = last;
                end_here = true;
            }
        }
        if end_here || t + 1 == tokens.len() {
            push_sentence(text, lex, tokens, first..t + 1, &mut seg.sentences);
            first = t + 1;
        }
        t += 1;
    }
    if first < tokens.len() {
        push_sentence(text, lex, tokens, first..tokens.len(), &mut seg.sentences);
    }
}

/// Recognises metadata header lines at the top of the document (`date 2020-01-03`,
/// `Title: …`), pushes them as header sentences and returns the index of the first token
/// after them.
fn header_tokens(
    text: &str,
    lex: &TextLexicon,
    tokens: &[Token],
    header: &mut Vec<(Span, Span)>,
    sentences: &mut Vec<Sentence>,
) -> usize {
    let mut t = 0;
    let mut buf = String::new();
    while let Some(key) = tokens.get(t) {
        if key.kind != TokenKind::Word {
            break;
        }
        buf.clear();
        buf.push_str(&key.span.text(text).to_lowercase());
        let Some(&one_token) = lex.header_keys.get(buf.as_str()) else { break };
        // Only at the start of a line (or the text).
        if !text[..key.span.start].chars().rev().take_while(|c| *c != '\n').all(char::is_whitespace) {
            break;
        }
        let mut v = t + 1;
        let colon = tokens.get(v).is_some_and(|c| c.span.text(text) == ":");
        if colon {
            v += 1;
        } else if !one_token {
            // `Source close to…` is prose; `Source: AP` is a header.
            break;
        }
        let Some(first_value) = tokens.get(v) else { break };
        if line_breaks(&text[key.span.end..first_value.span.start]) > 0 {
            break;
        }
        let mut last = v;
        if one_token {
            if first_value.kind != TokenKind::Number {
                break;
            }
        } else {
            while tokens
                .get(last + 1)
                .is_some_and(|n| line_breaks(&text[tokens[last].span.end..n.span.start]) == 0)
            {
                last += 1;
            }
        }
        header.push((key.span, Span::new(first_value.span.start, tokens[last].span.end)));
        sentences.push(Sentence {
            span: Span::new(key.span.start, tokens[last].span.end),
            kind: SentenceKind::Header,
            tokens: t..last + 1,
        });
        t = last + 1;
    }
    t
}

/// Pushes the sentence made of `range`, split in two if it ends with a photo credit.
fn push_sentence(
    text: &str,
    lex: &TextLexicon,
    tokens: &[Token],
    range: std::ops::Range<usize>,
    out: &mut Vec<Sentence>,
) {
    if range.is_empty() {
        return;
    }
    let credit_start = credit_start(text, lex, tokens, range.clone());
    let mut push = |r: std::ops::Range<usize>, kind| {
        if !r.is_empty() {
            out.push(Sentence {
                span: Span::new(tokens[r.start].span.start, tokens[r.end - 1].span.end),
                kind,
                tokens: r,
            });
        }
    };
    match credit_start {
        Some(c) => {
            push(range.start..c, SentenceKind::Text);
            push(c..range.end, SentenceKind::Credit);
        }
        None => push(range, SentenceKind::Text),
    }
}

/// A credit is a run of ALL-CAPS words, `/` and `-` at the end of a line, after a sentence
/// terminator (or alone), that contains a `/` or starts with a known credit word (`EFE`, `AFP`).
fn credit_start(
    text: &str,
    lex: &TextLexicon,
    tokens: &[Token],
    range: std::ops::Range<usize>,
) -> Option<usize> {
    let last = &tokens[range.end - 1];
    let at_line_end = text[last.span.end..].chars().take_while(|c| *c != '\n').all(char::is_whitespace);
    if !at_line_end {
        return None;
    }
    let mut start = range.end;
    let mut has_slash = false;
    while start > range.start {
        let tok = &tokens[start - 1];
        let s = tok.span.text(text);
        let caps_word = matches!(tok.kind, TokenKind::Word | TokenKind::Possessive)
            && s.chars().any(char::is_alphabetic)
            && !s.chars().any(char::is_lowercase);
        let sep = tok.kind == TokenKind::Punct && matches!(s, "/" | "-");
        if !(caps_word || sep) {
            break;
        }
        has_slash |= s == "/";
        start -= 1;
    }
    if start == range.end {
        return None;
    }
    // Skip leading separators.
    while start < range.end && tokens[start].kind == TokenKind::Punct {
        start += 1;
    }
    if start == range.end {
        return None;
    }
    let after_terminator = start == range.start || is_terminator(text, &tokens[start - 1]);
    let first_word = tokens[start].span.text(text);
    let known = first_word.split(['-', '/']).any(|part| lex.credit_words.contains_key(&part.to_uppercase()));
    (after_terminator && (has_slash || known)).then_some(start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extractor;

    fn lex() -> &'static TextLexicon {
        Extractor::bundled_text_lexicon()
    }

    fn words(text: &str) -> Vec<&str> {
        segment(text, lex()).tokens.iter().map(|t| t.span.text(text)).collect()
    }

    fn sentences(text: &str) -> Vec<(SentenceKind, &str)> {
        segment(text, lex()).sentences.iter().map(|s| (s.kind, s.span.text(text))).collect()
    }

    fn texts(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|(_, s)| s).collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            texts("Gen. Qasem Soleimani died. Lt. Gen. Smith spoke."),
            ["Gen. Qasem Soleimani died.", "Lt. Gen. Smith spoke."]
        );
        assert_eq!(
            texts("Mr. Pompeo said the U.S. remains committed."),
            ["Mr. Pompeo said the U.S. remains committed."]
        );
        assert_eq!(
            texts("It happened on Jan. 3 in Baghdad. Then more."),
            ["It happened on Jan. 3 in Baghdad.", "Then more."]
        );
        assert_eq!(words("the U.S. and U.K."), ["the", "U.S.", "and", "U.K."]);
    }

    #[test]
    fn calendar_abbreviations_end_a_sentence_only_before_a_capital() {
        assert_eq!(
            texts("It happened on Fri. The next day, more."),
            ["It happened on Fri.", "The next day, more."]
        );
        assert_eq!(texts("Talks on Jan. 3 ended."), ["Talks on Jan. 3 ended."]);
    }

    #[test]
    fn initials_stay_with_names() {
        assert_eq!(
            texts("Donald J. Trump spoke. Michael R. Pompeo listened."),
            ["Donald J. Trump spoke.", "Michael R. Pompeo listened."]
        );
        assert_eq!(words("Donald J. Trump"), ["Donald", "J.", "Trump"]);
    }

    #[test]
    fn possessives_and_internal_punctuation() {
        assert_eq!(
            words("Iran's Kata'ib al-Muhandis Iran’s"),
            ["Iran", "'s", "Kata'ib", "al-Muhandis", "Iran", "’s"]
        );
        assert_eq!(words("IRAQ'S SECURITY"), ["IRAQ", "'S", "SECURITY"]);
        assert_eq!(words("2020-01-03 8:30 1,000 3.5"), ["2020-01-03", "8:30", "1,000", "3.5"]);
        assert_eq!(words("Protesters' signs"), ["Protesters", "'", "signs"]);
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        let text = "The State Department said “depart Iraq immediately.” Pompeo spoke.";
        assert_eq!(texts(text), ["The State Department said “depart Iraq immediately.”", "Pompeo spoke."]);
        let text = "He said: \"We will respond.\" Then he left.";
        assert_eq!(texts(text), ["He said: \"We will respond.\"", "Then he left."]);
    }

    #[test]
    fn parentheses_are_tokens() {
        assert_eq!(words("Qasem Soleimani (R) during"), ["Qasem", "Soleimani", "(", "R", ")", "during"]);
        assert_eq!(texts("He left (see above.) Then"), ["He left (see above.)", "Then"]);
    }

    #[test]
    fn handles_tags_and_urls() {
        let text = "Spoke with @HeikoMaas about @realDonaldTrump's decision #Iran https://t.co/abc123.";
        let seg = segment(text, lex());
        let kinds: Vec<_> = seg.tokens.iter().map(|t| (t.kind, t.span.text(text))).collect();
        assert!(kinds.contains(&(TokenKind::Handle, "@HeikoMaas")));
        assert!(kinds.contains(&(TokenKind::Handle, "@realDonaldTrump")));
        assert!(kinds.contains(&(TokenKind::Possessive, "'s")));
        assert!(kinds.contains(&(TokenKind::Hashtag, "#Iran")));
        assert!(kinds.contains(&(TokenKind::Url, "https://t.co/abc123")));
        // An e-mail address is not a handle.
        assert!(!words("mail press@state.gov").contains(&"@state"));
    }

    #[test]
    fn ellipses() {
        assert_eq!(words("wait... what…"), ["wait", "...", "what", "…"]);
        assert_eq!(texts("He paused... Then he spoke."), ["He paused...", "Then he spoke."]);
    }

    #[test]
    fn photo_credits_are_their_own_sentences() {
        let text = "A burning vehicle near Baghdad International Airport, Iraq, 03 January 2020. EFE/EPA/IRAQ'S SECURITY MEDIA CELL HANDOUT\n\nNext caption.";
        assert_eq!(
            sentences(text),
            [
                (
                    SentenceKind::Text,
                    "A burning vehicle near Baghdad International Airport, Iraq, 03 January 2020."
                ),
                (SentenceKind::Credit, "EFE/EPA/IRAQ'S SECURITY MEDIA CELL HANDOUT"),
                (SentenceKind::Text, "Next caption."),
            ]
        );
        let text = "tensions between Washington and Tehran.EFE-EPA";
        assert_eq!(
            sentences(text),
            [
                (SentenceKind::Text, "tensions between Washington and Tehran."),
                (SentenceKind::Credit, "EFE-EPA")
            ]
        );
        // An ALL-CAPS headline is not a credit.
        assert_eq!(
            sentences("IRAN VOWS REVENGE\n\nText."),
            [(SentenceKind::Text, "IRAN VOWS REVENGE"), (SentenceKind::Text, "Text.")]
        );
    }

    #[test]
    fn metadata_header_lines() {
        let text = " date 2020-01-03 The US State Department is calling.";
        let seg = segment(text, lex());
        assert_eq!(seg.header.len(), 1);
        assert_eq!(seg.header[0].1.text(text), "2020-01-03");
        assert_eq!(
            sentences(text),
            [
                (SentenceKind::Header, "date 2020-01-03"),
                (SentenceKind::Text, "The US State Department is calling.")
            ]
        );
        // `date` in prose is not a header.
        assert_eq!(segment("We set a date 2020-01-03 for it.", lex()).header.len(), 0);
        let text = "Title: Iran vows revenge\nThe body.";
        assert_eq!(
            sentences(text),
            [(SentenceKind::Header, "Title: Iran vows revenge"), (SentenceKind::Text, "The body.")]
        );
    }

    #[test]
    fn paragraphs_and_lines() {
        assert_eq!(texts("Headline here\n\nBody starts. More"), ["Headline here", "Body starts.", "More"]);
        assert_eq!(texts("a wrapped\nline continues."), ["a wrapped\nline continues."]);
    }

    #[test]
    fn odd_input_never_panics_and_tiles() {
        for text in [
            "",
            " ",
            "\u{0}",
            "🇮🇷🇺🇸",
            "ééé'",
            "''''",
            "@",
            "#",
            "U.S",
            "...",
            "a.b.c.d.e.",
            "'s",
            "x's",
            "http://",
            "Ｕ.Ｓ.",
            "\u{202E}abc",
        ] {
            let seg = segment(text, lex());
            for tok in &seg.tokens {
                assert!(
                    text.is_char_boundary(tok.span.start)
                        && text.is_char_boundary(tok.span.end)
                        && tok.span.end <= text.len()
                );
            }
            let mut covered = 0;
            for s in &seg.sentences {
                assert_eq!(s.tokens.start, covered, "{text:?}");
                covered = s.tokens.end;
            }
            assert_eq!(covered, seg.tokens.len(), "{text:?}");
        }
    }
}
