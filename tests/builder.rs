//! The builder: user data files extend or replace the bundled ones, and errors say where.

use annals::{Document, EntityKind, Extractor};

fn found(extractor: &Extractor, text: &str) -> Vec<(String, String, String)> {
    extractor
        .extract(&Document::new("t", text))
        .entities
        .into_iter()
        .map(|m| (m.text, m.entity.to_string(), m.rule.to_string()))
        .collect()
}

#[test]
fn a_user_gazetteer_extends_the_bundled_ones() -> Result<(), annals::Error> {
    let extractor = Extractor::builder()
        .gazetteer_str("newsroom.tsv", "# ours\nperson\tjane-roe\tJane Roe\tRoe\nplace\tiran\tIran\tIRI\n")
        .build()?;
    let got = found(&extractor, "Roe met IRI officials in Tehran.");
    assert_eq!(got[0], ("Roe".into(), "jane-roe".into(), "gazetteer:newsroom.tsv:2".into()));
    // Same id, same kind: the user's alias joins the bundled entry.
    assert_eq!(got[1], ("IRI".into(), "iran".into(), "gazetteer:newsroom.tsv:3".into()));
    assert_eq!(got[2].1, "tehran");
    Ok(())
}

#[test]
fn a_user_gazetteer_can_replace_the_bundled_ones() -> Result<(), annals::Error> {
    let extractor = Extractor::builder()
        .without_bundled_gazetteers()
        .gazetteer_str("only.tsv", "place\tgotham\tGotham\t\n")
        .build()?;
    let got = found(&extractor, "Gotham is not Tehran.");
    assert_eq!(got, [("Gotham".into(), "gotham".into(), "gazetteer:only.tsv:1".into())]);
    Ok(())
}

#[test]
fn a_bad_user_file_names_its_path_and_line() {
    let dir = std::env::temp_dir().join(format!("annals-builder-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("bad.tsv");
    std::fs::write(&path, "# header\nperson\tjane-roe\tJane Roe\t\nplace\tjane-roe\tJane Roe\t\n")
        .expect("write");
    let err = Extractor::builder().gazetteer_file(&path).build().expect_err("conflicting kinds");
    assert_eq!(
        err.to_string(),
        format!("{p}:3: id `jane-roe` is a place here but a person at {p}:2", p = path.display())
    );
    let missing = dir.join("missing.tsv");
    let err = Extractor::builder().gazetteer_file(&missing).build().expect_err("no such file");
    assert!(err.is_io() && err.to_string().starts_with(&missing.display().to_string()));
    let err = Extractor::builder().cue_str("cues.tsv", "colour\tred\n").build().expect_err("bad class");
    assert_eq!(err.to_string(), "cues.tsv:1: unknown cue class `colour`");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn all_candidates_keeps_overlapping_mentions() -> Result<(), annals::Error> {
    let text = "the Baghdad International Airport";
    let default = found(&Extractor::new()?, text);
    assert_eq!(default.len(), 1);
    let all = Extractor::builder().all_candidates(true).build()?;
    let got = found(&all, text);
    assert!(got.iter().any(|m| m.0 == "Baghdad International Airport"));
    assert!(got.iter().any(|m| m.0 == "Baghdad"), "{got:?}");
    Ok(())
}

#[test]
fn rules_can_be_disabled_by_prefix() -> Result<(), annals::Error> {
    let text = "Civil defence spokesman Jonathan Hoffman said.";
    let on = Extractor::new()?.extract(&Document::new("t", text));
    assert!(on.entities.iter().any(|m| m.text == "Jonathan Hoffman" && m.kind == EntityKind::Person));
    let off = Extractor::builder().disable_rules("pattern:").build()?.extract(&Document::new("t", text));
    assert!(off.entities.iter().all(|m| !m.rule.as_str().starts_with("pattern:")));
    Ok(())
}

#[test]
fn the_extractor_is_shared_across_threads() -> Result<(), annals::Error> {
    let extractor = Extractor::new()?;
    let texts = ["Qasem Soleimani was killed.", "Pompeo spoke with Heiko Maas.", "Protesters in Baghdad."];
    let handles: Vec<_> = texts
        .iter()
        .map(|t| {
            let extractor = extractor.clone();
            let doc = Document::new("t", *t);
            std::thread::spawn(move || extractor.extract(&doc).entities.len())
        })
        .collect();
    let counts: Vec<usize> = handles.into_iter().map(|h| h.join().expect("no panic")).collect();
    assert_eq!(counts, [1, 2, 1]);
    Ok(())
}
