//! Properties that must hold for any input text (DESIGN.md principles 3, 7 and 8).

mod invariants;

use annals::{Document, Extractor, text};
use proptest::prelude::*;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| Extractor::new().expect("bundled data builds"));

/// Text that looks like news often enough to exercise the rules: words from the seeds,
/// names, punctuation, credits, handles, multi-byte chars and arbitrary chars.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Qasem Soleimani".to_string()),
        Just("U.S.".to_string()),
        Just("Gen.".to_string()),
        Just("Iran’s".to_string()),
        Just("IRGC".to_string()),
        Just("(IRGC)".to_string()),
        Just("EFE/EPA/ABEDIN TAHERKENAREH".to_string()),
        Just("@SecPompeo".to_string()),
        Just("al-Muhandis".to_string()),
        Just(" date 2020-01-03".to_string()),
        Just("Wong Pik-wan".to_string()),
        Just("…".to_string()),
        Just("\n\n".to_string()),
        Just("🇮🇷".to_string()),
        Just("Friday".to_string()),
        Just("3 January 2020".to_string()),
        Just("Jan. 3".to_string()),
        Just("8:30 p.m.".to_string()),
        Just("two days later".to_string()),
        Just("last week".to_string()),
        Just("the 1990s".to_string()),
        Just("'90s".to_string()),
        Just("more than".to_string()),
        Just("New Year's".to_string()),
        "[0-9]{1,5}",
        "[A-Z][a-z]{0,8}",
        "[a-z]{1,8}",
        "[.,;:!?'’\"“”()/\\- ]{1,3}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|parts| parts.join(" "))
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let doc = Document::new("p", text);
    invariants::check_extraction(&EXTRACTOR, &doc).map_err(TestCaseError::fail)?;
    let seg = text::segment(text, Extractor::bundled_text_lexicon());
    let mut next = 0;
    for s in &seg.sentences {
        prop_assert_eq!(s.tokens.start, next, "sentences must tile the tokens");
        next = s.tokens.end;
    }
    prop_assert_eq!(next, seg.tokens.len());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_string_gives_valid_deterministic_spans(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn newsish_text_gives_valid_deterministic_spans(text in newsish()) {
        check(&text)?;
    }

    /// Any texts, merged in any order or grouping, give the same timeline, and every dated
    /// report lands in exactly one entry.
    #[test]
    fn newsish_documents_merge_order_free(texts in prop::collection::vec(newsish(), 1..5), days in prop::collection::vec(1u32..28, 5)) {
        let docs: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let doc = Document::new(format!("d{i}"), t.as_str());
                match chrono::NaiveDate::from_ymd_opt(2020, 1, days[i]) {
                    Some(day) if i % 2 == 0 => doc.published(day),
                    _ => doc,
                }
            })
            .collect();
        invariants::check_merge(&EXTRACTOR, &docs).map_err(TestCaseError::fail)?;
    }

    /// Any bytes as JSON Lines: one document or one error per line that is not blank.
    #[test]
    fn any_bytes_as_json_lines_lose_no_line(bytes in prop::collection::vec(any::<u8>(), 0..400), lines in prop::collection::vec("[{}\"a-z:, ]{0,40}", 0..6)) {
        invariants::check_json_lines(&bytes).map_err(TestCaseError::fail)?;
        invariants::check_json_lines(lines.join("\n").as_bytes()).map_err(TestCaseError::fail)?;
    }
}

/// Pathological shapes from the reliability issue, at a size that runs fast in debug builds.
#[test]
fn pathological_inputs_do_not_panic() {
    let cases = [
        "x".repeat(100_000),
        "1".repeat(100_000),
        "Capital ".repeat(10_000),
        "(\"".repeat(10_000),
        "U.S. ".repeat(10_000),
        "EFE/".repeat(10_000),
        "@a ".repeat(10_000),
        "al-".repeat(10_000),
        "Iran's ".repeat(10_000),
        "Ministry of ".repeat(5_000),
        "3 January 2020, ".repeat(5_000),
        "the next day after ".repeat(5_000),
        "8:30 ".repeat(10_000),
        "'".repeat(100_000),
    ];
    for text in &cases {
        check(text).expect("properties hold");
        // No rule makes a name out of a whole run of capitals.
        for m in EXTRACTOR.extract(&Document::new("p", text.as_str())).entities {
            assert!(
                m.text.split_whitespace().count() <= 12,
                "a {}-word mention",
                m.text.split_whitespace().count()
            );
        }
    }
}
