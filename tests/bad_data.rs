//! Every kind of malformed data line gives an `Error` naming the file and the line, for every
//! kind of data file a user can load (DESIGN.md principle 1). One case per line type; each
//! case is a whole file whose only bad line is the one named.

use annals::{Extractor, ExtractorBuilder};

/// Which loader a case goes through.
#[derive(Clone, Copy, Debug)]
enum Loader {
    Gazetteer,
    NameCues,
    FirstNames,
    Text,
    Time,
    Events,
}

fn load(loader: Loader, name: &str, text: &str) -> Result<Extractor, annals::Error> {
    let mut b: ExtractorBuilder = Extractor::builder();
    match loader {
        Loader::Gazetteer => b.gazetteer_str(name, text),
        Loader::NameCues => b.cue_str(name, text),
        Loader::FirstNames => b.first_names_str(name, text),
        Loader::Text => b.text_vocabulary_str(name, text),
        Loader::Time => b.time_vocabulary_str(name, text),
        Loader::Events => b.event_vocabulary_str(name, text),
    };
    b.build()
}

/// (loader, file name, file text, the whole expected message).
const CASES: &[(Loader, &str, &str, &str)] = &[
    // Gazetteers: kind, id, name, aliases.
    // (The aliases column may be left out.)
    (
        Loader::Gazetteer,
        "g.tsv",
        "# ok\nperson\tjane-roe\tJane Roe\nperson\tjohn-roe\n",
        "g.tsv:3: expected 4 tab-separated fields (kind, id, name, aliases), found 2",
    ),
    (
        Loader::Gazetteer,
        "g.tsv",
        "person\tjane-roe\tJane Roe\tRoe\t\textra\n",
        "g.tsv:1: expected 4 tab-separated fields (kind, id, name, aliases), found 6",
    ),
    (
        Loader::Gazetteer,
        "g.tsv",
        "person\tjane-roe\tJane Roe\tRoe||J. Roe\n",
        "g.tsv:1: empty alias (two `|` in a row, or one at an end)",
    ),
    (
        Loader::Gazetteer,
        "g.tsv",
        "person\tjane-roe\tJane Roe\tRoe|\n",
        "g.tsv:1: empty alias (two `|` in a row, or one at an end)",
    ),
    (
        Loader::Gazetteer,
        "g.tsv",
        "\nvessel\tflying-dutchman\tFlying Dutchman\t\n",
        "g.tsv:2: unknown kind `vessel` (expected person, place or organisation)",
    ),
    (
        Loader::Gazetteer,
        "g.tsv",
        "person\tjane-roe\tJane Roe\t\nplace\tjane-roe\tJane Roe\t\n",
        "g.tsv:2: id `jane-roe` is a place here but a person at g.tsv:1",
    ),
    (
        // Against a bundled entry too.
        Loader::Gazetteer,
        "g.tsv",
        "person\tiran\tIran\t\n",
        "g.tsv:1: id `iran` is a person here but a place at data/gazetteer/countries.tsv:",
    ),
    (
        Loader::Gazetteer,
        "g.tsv",
        "person\t\tJane Roe\t\n",
        "g.tsv:1: bad id ``: ids are lower-case ASCII letters, digits and `-`",
    ),
    (Loader::Gazetteer, "g.tsv", "person\tjane-roe\t\tRoe\n", "g.tsv:1: empty name"),
    // Name cues: class, phrase.
    (Loader::NameCues, "cues.tsv", "title\n", "cues.tsv:1: expected 2 tab-separated fields, found 1"),
    (Loader::NameCues, "cues.tsv", "colour\tred\n", "cues.tsv:1: unknown cue class `colour`"),
    (
        Loader::NameCues,
        "cues.tsv",
        "title\t President\n",
        "cues.tsv:1: field 2 has leading or trailing spaces",
    ),
    // First names: one word per line.
    (
        Loader::FirstNames,
        "names.txt",
        "Jane\nMary Ann\n",
        "names.txt:2: a first name is one word, found `Mary Ann`",
    ),
    (Loader::FirstNames, "names.txt", "Jane\tJ\n", "names.txt:1: expected 1 tab-separated field, found 2"),
    // Text vocabulary: abbreviations, header keys, credit words.
    (
        Loader::Text,
        "abbreviations.tsv",
        "Gen.\n",
        "abbreviations.tsv:1: expected 2 tab-separated fields, found 1",
    ),
    (
        Loader::Text,
        "abbreviations.tsv",
        "Gen\ttitle\n",
        "abbreviations.tsv:1: abbreviation `Gen` must end with a period",
    ),
    (Loader::Text, "abbreviations.tsv", ".\ttitle\n", "abbreviations.tsv:1: empty abbreviation"),
    (
        Loader::Text,
        "abbreviations.tsv",
        "Gen.\trank\n",
        "abbreviations.tsv:1: unknown abbreviation kind `rank` (expected title, calendar or other)",
    ),
    (
        Loader::Text,
        "headers.tsv",
        "date\tword\n",
        "headers.tsv:1: unknown value shape `word` (expected token or line)",
    ),
    (Loader::Text, "credits.txt", "AFP\tEPA\n", "credits.txt:1: expected 1 tab-separated field, found 2"),
    // Time vocabulary: class, value, forms.
    (Loader::Time, "time.tsv", "month\t1\n", "time.tsv:1: expected 3 tab-separated fields, found 2"),
    (Loader::Time, "time.tsv", "epoch\t1\tera\n", "time.tsv:1: unknown class \"epoch\""),
    (
        Loader::Time,
        "time.tsv",
        "month\t13\ttredecember\n",
        "time.tsv:1: bad value \"13\" for class \"month\"",
    ),
    (
        Loader::Time,
        "time.tsv",
        "holiday-nth\t11-4-4+40\tlate friday\n",
        "time.tsv:1: bad value \"11-4-4+40\" for class \"holiday-nth\"",
    ),
    (
        Loader::Time,
        "time.tsv",
        "month\t1\tjanvier||jan\n",
        "time.tsv:1: form \"\" must be non-empty, trimmed and lower case",
    ),
    (
        Loader::Time,
        "time.tsv",
        "month\t1\tJanvier\n",
        "time.tsv:1: form \"Janvier\" must be non-empty, trimmed and lower case",
    ),
    (
        Loader::Time,
        "time.tsv",
        "needs-context\tmonth\tjanvier\n",
        "time.tsv:1: \"janvier\" is not a month form of any file: nothing to restrict",
    ),
    // Event kinds: kind, label, span, identity roles, summary template.
    (
        Loader::Events,
        "kinds.tsv",
        "siege\tsiege\t3\n",
        "kinds.tsv:1: expected 5 tab-separated fields, found 3",
    ),
    (
        Loader::Events,
        "kinds.tsv",
        "siege\tsiege\tthree\t-\t{agent} siege\n",
        "kinds.tsv:1: span `three` must be a number of days",
    ),
    (
        Loader::Events,
        "kinds.tsv",
        "siege\tsiege\t3\tcrowd\t{agent} siege\n",
        "kinds.tsv:1: unknown identity role `crowd`",
    ),
    (
        Loader::Events,
        "kinds.tsv",
        "Siege\tsiege\t3\t-\t{agent} siege\n",
        "kinds.tsv:1: kind `Siege` must be lower-case letters and hyphens",
    ),
    (
        Loader::Events,
        "kinds.tsv",
        "siege\tsiege\t3\t-\t{crowd} siege\n",
        "kinds.tsv:1: unknown placeholder `{crowd}` in the summary",
    ),
    (
        Loader::Events,
        "kinds.tsv",
        "siege\tsiege\t0\t-\t{agent} siege\t-\triot:target\n",
        "kinds.tsv:1: unknown event kind `riot` told as (expected one of ",
    ),
    // Event triggers: kind, part of speech, subject role, object role, forms.
    (
        Loader::Events,
        "more.tsv",
        "attack\tverb\tagent\ttarget\n",
        "more.tsv:1: expected 5 tab-separated fields, found 4",
    ),
    (
        Loader::Events,
        "more.tsv",
        "deployment\tnoun\tagent\t-\t@march|marches\n",
        "more.tsv:1: only a verb's first form may be marked `@` (`@leave`)",
    ),
    (
        Loader::Events,
        "more.tsv",
        "death	verb	agent	victim	remove|%removes|removed|removed|removing
",
        "more.tsv:1: only a verb's first form may be marked `%` (`%eliminate`)",
    ),
    (
        Loader::Events,
        "more.tsv",
        "meeting\tnoun\tagent\tparticipant\t&talk|talks\n",
        "more.tsv:1: only a verb's first form may be marked `&` (`&speak`)",
    ),
    (
        Loader::Events,
        "more.tsv",
        "attack\tverb\tagent\t-\tshell|!shells|shelled|shelled|shelling\n",
        "more.tsv:1: only a verb's first form may be marked `!` (`!fire`)",
    ),
    (
        Loader::Events,
        "more.tsv",
        "deployment\tverb\tagent\t-\t@!deploy|deploys|deployed|deployed|deploying\n",
        "more.tsv:1: a form may carry one mark only",
    ),
    (
        Loader::Events,
        "more.tsv",
        "picnic\tnoun\t-\t-\tpicnic|picnics\n",
        "more.tsv:1: unknown event kind `picnic` (expected one of attack, ",
    ),
    (
        Loader::Events,
        "more.tsv",
        "attack\tadverb\t-\t-\tfast\n",
        "more.tsv:1: unknown part of speech `adverb` (expected verb or noun)",
    ),
    (
        Loader::Events,
        "more.tsv",
        "attack\tnoun\tcrowd\t-\tsortie|sorties\n",
        "more.tsv:1: unknown role `crowd` (expected agent, target, victim, speaker, participant or -)",
    ),
    (
        Loader::Events,
        "more.tsv",
        "attack\tverb\tagent\ttarget\tbomb|bombs|bombed\n",
        "more.tsv:1: a verb needs 5 `|`-separated forms (base|3rd person|past|participle|gerund), found 3",
    ),
    (
        Loader::Events,
        "more.tsv",
        "attack\tnoun\t-\t-\tsortie||sorties\n",
        "more.tsv:1: a noun needs 2 `|`-separated forms (singular|plural), found 3",
    ),
    // Event cues: class, forms.
    (Loader::Events, "cues.tsv", "negation\n", "cues.tsv:1: expected 2 tab-separated fields, found 1"),
    (Loader::Events, "cues.tsv", "doubt\tmaybe\n", "cues.tsv:1: unknown cue class `doubt` (expected one of "),
    (
        Loader::Events,
        "cues.tsv",
        "retype:attack>sinking\tship\n",
        "cues.tsv:1: unknown event kind `sinking` in `retype:attack>sinking` (expected one of ",
    ),
    (
        Loader::Events,
        "cues.tsv",
        "retype-agent:->attack\tstorm\n",
        "cues.tsv:1: unknown event kind `-` in `retype-agent:->attack` (expected one of ",
    ),
    (
        Loader::Events,
        "cues.tsv",
        "retype-modifier:meeting>party\ttrading\n",
        "cues.tsv:1: unknown event kind `party` in `retype-modifier:meeting>party` (expected one of ",
    ),
    (
        Loader::Events,
        "cues.tsv",
        "retype:attack\tship\n",
        "cues.tsv:1: `retype:attack` must name two kinds as FROM>TO",
    ),
    (
        Loader::Events,
        "cues.tsv",
        "retype:attack>crash\tcargo ship\n",
        "cues.tsv:1: a retype word is one word, found `cargo ship`",
    ),
    (
        Loader::Events,
        "cues.tsv",
        "retype-agent:protest\tmourners\n",
        "cues.tsv:1: `retype-agent:protest` must name two kinds as FROM>TO",
    ),
    (
        Loader::Events,
        "cues.tsv",
        "anaphor:attack|sinking\tincident\n",
        "cues.tsv:1: unknown event kind `sinking` in `anaphor:` (expected one of ",
    ),
    (
        Loader::Events,
        "cues.tsv",
        "anaphor:attack\tincident|the move\n",
        "cues.tsv:1: an anaphor is one word, found `the move`",
    ),
    (Loader::Events, "cues.tsv", "negation\tnot||never\n", "cues.tsv:1: empty form between `|`"),
    (
        Loader::Events,
        "extra-triggers.tsv",
        "protest\tnoun\tagent\t-\t^siege|sieges\n",
        "extra-triggers.tsv:1: only a verb's base form may be marked `^` (`^storm`)",
    ),
];

#[test]
fn every_malformed_line_names_its_file_and_line() {
    let mut failures = Vec::new();
    for (loader, name, text, expected) in CASES {
        match load(*loader, name, text) {
            Ok(_) => failures.push(format!("{loader:?} {name} {text:?}: loaded, expected `{expected}`")),
            Err(e) => {
                let message = e.to_string();
                if !e.is_data() || !message.starts_with(expected) {
                    failures.push(format!(
                        "{loader:?} {name} {text:?}:\n   got `{message}`\n  want `{expected}…`"
                    ));
                }
                let line: usize = expected.split(':').nth(1).and_then(|n| n.parse().ok()).unwrap_or(0);
                if e.location() != Some((*name, line)) {
                    failures.push(format!("{name}: location {:?}, expected line {line}", e.location()));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_file_that_cannot_be_read_is_an_io_error_naming_it() {
    let missing = std::path::Path::new("no/such/dir/triggers.tsv");
    for build in [
        Extractor::builder().gazetteer_file(missing).build(),
        Extractor::builder().cue_file(missing).build(),
        Extractor::builder().first_names_file(missing).build(),
        Extractor::builder().text_vocabulary_file(missing).build(),
        Extractor::builder().time_vocabulary_file(missing).build(),
        Extractor::builder().event_vocabulary_file(missing).build(),
    ] {
        let e = build.expect_err("no such file");
        assert!(e.is_io() && e.to_string().starts_with("no/such/dir/triggers.tsv: "), "{e}");
    }
}

#[test]
fn a_data_file_that_is_not_utf8_is_an_error_naming_it() {
    let path = std::env::temp_dir().join(format!("annals-bad-data-{}.tsv", std::process::id()));
    std::fs::write(&path, b"person\tjane-roe\tJane R\xf6e\t\n").expect("temp file");
    let e = Extractor::builder().gazetteer_file(&path).build().expect_err("not UTF-8");
    assert!(e.to_string().starts_with(&path.display().to_string()), "{e}");
    std::fs::remove_file(&path).ok();
}

/// The pattern rules are code over cue words (`data/names/cues.tsv`); no data file holds a
/// regular expression, so "a bad regex in a pattern rule" cannot occur: a cue phrase is
/// literal text, and one that looks like a regex is matched literally.
#[test]
fn cue_phrases_are_literal_not_regexes() -> Result<(), annals::Error> {
    let extractor = Extractor::builder().cue_str("cues.tsv", "title\tChief (of\ntitle\t[a-z\n").build()?;
    let doc = annals::Document::new("t", "Chief (of Jane Roe) and [a-z spoke.");
    let _ = extractor.extract(&doc);
    Ok(())
}
