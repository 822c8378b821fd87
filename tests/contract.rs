//! The JSON contract of DESIGN.md: field names and shapes that scripts depend on.

use annals::{Document, Extractor};

#[test]
fn extraction_serialises_to_the_contract_shape() {
    let text = " date 2020-01-03 US Secretary of State Mike Pompeo spoke with Qāsem’s aides in Baghdad.";
    let extraction = Extractor::new().expect("bundled data").extract(&Document::new("003", text));
    let json = serde_json::to_value(&extraction).expect("serialisable");
    assert_eq!(json["id"], "003");
    assert_eq!(json["published"], "2020-01-03");
    assert_eq!(json["published_source"], "header");
    let entities = json["entities"].as_array().expect("entities array");
    let pompeo = entities.iter().find(|e| e["text"] == "Mike Pompeo").expect("Pompeo found");
    for key in ["start", "end", "char_start", "char_end", "text", "kind", "entity", "rule"] {
        assert!(pompeo.get(key).is_some(), "mention lacks `{key}`");
    }
    assert_eq!(pompeo["kind"], "person");
    assert_eq!(pompeo["entity"], "mike-pompeo");
    // Byte and char offsets differ after a multi-byte char.
    let baghdad = entities.iter().find(|e| e["text"] == "Baghdad").expect("Baghdad found");
    let start = baghdad["start"].as_u64().expect("number") as usize;
    let char_start = baghdad["char_start"].as_u64().expect("number") as usize;
    assert_eq!(&text[start..start + 7], "Baghdad");
    assert_eq!(text.chars().skip(char_start).take(7).collect::<String>(), "Baghdad");
    assert!(start > char_start);
    // Round trip.
    let back: annals::Extraction = serde_json::from_value(json).expect("deserialisable");
    assert_eq!(back.entities, extraction.entities);
}
