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
    // Times: TIMEX3 type, value, interval, anchor and rule.
    let times = json["times"].as_array().expect("times array");
    assert_eq!(json["mode"], "news");
    let text2 = "BAGHDAD, Jan 3 (Reuters) - The strike on Friday followed last week's siege. It was 2020.";
    let inferred = Extractor::new().expect("bundled data").extract(&Document::new("x", text2));
    let inferred_json = serde_json::to_value(&inferred).expect("serialisable");
    assert_eq!(inferred_json["published"], "2020-01-03");
    assert_eq!(inferred_json["published_source"], "dateline");
    let friday = &inferred_json["times"][1];
    assert_eq!(friday["text"], "Friday");
    assert_eq!(friday["type"], "DATE");
    assert_eq!(friday["value"], "2020-01-03");
    assert_eq!(friday["anchor"], "published");
    assert_eq!(friday["interval"]["start"], "2020-01-03T00:00:00");
    assert_eq!(friday["interval"]["end"], "2020-01-04T00:00:00");
    assert_eq!(friday["interval"]["granularity"], "day");
    assert!(friday["rule"].as_str().is_some_and(|r| r.starts_with("date:")));
    for key in
        ["start", "end", "char_start", "char_end", "text", "type", "value", "interval", "anchor", "rule"]
    {
        assert!(friday.get(key).is_some(), "time lacks `{key}`");
    }
    assert!(friday.get("mod").is_none(), "`mod` is left out when TIMEX3 has none");
    assert_eq!(inferred_json["times"][2]["text"], "last week");
    assert_eq!(inferred_json["times"][2]["value"], "2019-W52");
    assert_eq!(times[0]["text"], "2020-01-03", "the header date is a date too");
    // Round trip.
    let back: annals::Extraction = serde_json::from_value(json).expect("deserialisable");
    assert_eq!(back.entities, extraction.entities);
    let back: annals::Extraction = serde_json::from_value(inferred_json).expect("deserialisable");
    assert_eq!(back.times, inferred.times);
}

#[test]
fn publication_date_is_inferred_from_caption_then_latest_date() {
    let extractor = Extractor::new().expect("bundled data");
    // A photo caption (the sentence before a credit line) wins over a later date in the prose.
    let caption = "Mourners in Tehran, Iran, 06 January 2020. EFE/EPA/ABEDIN TAHERKENAREH\n\n\
                   The funeral was held on Monday. Talks are set for 20 January 2020.";
    let extraction = extractor.extract(&Document::new("caption", caption));
    assert_eq!(extraction.published.map(|d| d.to_string()).as_deref(), Some("2020-01-06"));
    assert_eq!(extraction.published_source, Some(annals::PublishedSource::Caption));
    let monday = extraction.times.iter().find(|t| t.text == "Monday").expect("Monday found");
    assert_eq!(monday.value.to_string(), "2020-01-06");
    // Without dateline or caption, the latest full date.
    let prose = "The siege began on 31 December 2019 and ended on 1 January 2020. It lasted two days.";
    let extraction = extractor.extract(&Document::new("prose", prose));
    assert_eq!(extraction.published.map(|d| d.to_string()).as_deref(), Some("2020-01-01"));
    assert_eq!(extraction.published_source, Some(annals::PublishedSource::Latest));
    // A given date is never overridden.
    let given =
        Document::new("given", prose).published(chrono::NaiveDate::from_ymd_opt(2020, 2, 1).expect("date"));
    let extraction = extractor.extract(&given);
    assert_eq!(extraction.published_source, Some(annals::PublishedSource::Document));
    // Nothing to go on: no date, and relative values stay unknown.
    let extraction = extractor.extract(&Document::new("none", "They met on Friday."));
    assert_eq!((extraction.published, extraction.published_source), (None, None));
    assert_eq!(extraction.times[0].value.to_string(), "XXXX-WXX-5");
}

#[test]
fn events_and_timeline_serialise_to_the_contract_shape() {
    let extractor = Extractor::new().expect("bundled data");
    let doc =
        Document::new("003", "A US drone strike killed Qasem Soleimani near Baghdad airport on Friday.")
            .published(chrono::NaiveDate::from_ymd_opt(2020, 1, 4).expect("date"));
    let extraction = extractor.extract(&doc);
    let json = serde_json::to_value(&extraction).expect("serialisable");
    let killed = json["events"].as_array().expect("events array").iter().find(|e| e["kind"] == "death");
    let killed = killed.expect("the killing");
    for key in [
        "kind",
        "trigger",
        "status",
        "value",
        "interval",
        "time_source",
        "sentence",
        "participants",
        "place",
        "confidence",
        "rule",
    ] {
        assert!(killed.get(key).is_some(), "event lacks `{key}`");
    }
    assert_eq!(killed["trigger"]["text"], "killed");
    for key in ["start", "end", "char_start", "char_end"] {
        assert!(killed["trigger"].get(key).is_some(), "trigger lacks `{key}`");
    }
    assert_eq!(killed["status"], "asserted");
    assert_eq!(killed["value"], "2020-01-03");
    assert_eq!(killed["time_source"], "clause");
    assert!(killed["sentence"].get("start").is_some() && killed["sentence"].get("end").is_some());
    let agent = &killed["participants"][0];
    assert_eq!((agent["role"].as_str(), agent["entity"].as_str()), (Some("agent"), Some("united-states")));
    let victim = &killed["participants"][1];
    assert_eq!(
        (victim["role"].as_str(), victim["entity"].as_str()),
        (Some("victim"), Some("qasem-soleimani"))
    );

    let timeline = extractor.timeline(&doc, &extraction);
    let entries = serde_json::to_value(timeline.entries()).expect("serialisable");
    let entry = &entries[0];
    for key in ["value", "interval", "kind", "summary", "participants", "places", "documents", "sources"] {
        assert!(entry.get(key).is_some(), "timeline entry lacks `{key}`");
    }
    let source = &entry["sources"][0];
    for key in ["document", "start", "end", "trigger", "text"] {
        assert!(source.get(key).is_some(), "source lacks `{key}`");
    }
    assert_eq!(source["document"], "003");
}
