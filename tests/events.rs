//! The events stage: status, roles, place and time of single sentences, and the bundled
//! vocabulary's guarantees.

use annals::events::{Event, Role, Status, TimeSource};
use annals::{Document, Extractor};
use chrono::NaiveDate;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| Extractor::new().expect("bundled data"));

fn events(text: &str) -> Vec<Event> {
    let doc = Document::new("t", text).published(NaiveDate::from_ymd_opt(2020, 1, 4).unwrap());
    EXTRACTOR.extract(&doc).events
}

fn event<'a>(events: &'a [Event], trigger: &str) -> &'a Event {
    events
        .iter()
        .find(|e| e.trigger.text == trigger)
        .unwrap_or_else(|| panic!("no event `{trigger}` in {events:#?}"))
}

fn role(e: &Event, role: Role) -> Vec<&str> {
    e.with_role(role).map(|id| id.as_str()).collect()
}

#[test]
fn status_follows_negation_modality_and_intention() {
    let cases = [
        ("No Americans were killed in the attack.", "killed", Status::Negated),
        ("Iran did not attack the base.", "attack", Status::Negated),
        // An object that says none negates the verb; "no fewer than" is a number.
        ("Missiles hit the base, killing no one.", "killing", Status::Negated),
        ("The attack killed no fewer than 20 people.", "killed", Status::Asserted),
        ("Iran could strike US bases.", "strike", Status::Hypothetical),
        ("If Iran attacks, the US will respond.", "attacks", Status::Hypothetical),
        ("The strike aimed to deter future attacks on US forces.", "attacks", Status::Hypothetical),
        ("Iran vowed to retaliate.", "retaliate", Status::Planned),
        ("Iran vowed to retaliate.", "vowed", Status::Asserted),
        // A vote decides what it votes for; it does not do it.
        ("Parliament voted to expel the US troops.", "expel", Status::Planned),
        ("Parliament voted to expel the US troops.", "voted", Status::Asserted),
        // A noun or adjective of intention or permission before "to": what follows is not told.
        ("Trump doubled down on threats to target Iranian cultural sites.", "target", Status::Planned),
        ("The decision to withdraw the troops was made on Monday.", "withdraw", Status::Planned),
        ("They are allowed to kill our people.", "kill", Status::Planned),
        ("Officials warned of attacks on US forces.", "attacks", Status::Planned),
        // Past the noun's determiner, modifiers and quote marks; not past another event.
        ("Trump warned of a “major retaliation” against Iran.", "retaliation", Status::Planned),
        // A verb joined by "and" to an infinitive shares its "to".
        ("They are allowed to use roadside bombs and blow up our people.", "blow up", Status::Planned),
        ("Iran fired missiles and killed five soldiers.", "killed", Status::Asserted),
        ("Khamenei vows revenge for Soleimani killing.", "killing", Status::Asserted),
        // Past the object of the word of intention.
        ("Iraq's parliament called for US and other foreign troops to leave.", "leave", Status::Planned),
        // A directive verb governs it too, but not a noun after it.
        (
            "Abdul Mahdi called on parliament to end the presence of foreign troops.",
            "end the presence",
            Status::Planned,
        ),
        ("Trump ordered the strike on Soleimani.", "strike", Status::Asserted),
        // An obligation is not yet done.
        ("The government must end the presence of foreign troops.", "end the presence", Status::Planned),
        // A verb of waiting after the noun: the event is still to come.
        ("Khamenei said a harsh retaliation is waiting for the US.", "retaliation", Status::Planned),
        ("He tweeted that revenge awaits the criminals.", "revenge", Status::Planned),
        ("The Pentagon will deploy 3,000 more troops.", "deploy", Status::Planned),
        ("Khamenei vowed harsh revenge.", "revenge", Status::Planned),
        ("Trump threatened sanctions against Iraq.", "sanctions", Status::Planned),
        ("Trump threatens Iraq with sanctions.", "sanctions", Status::Planned),
        ("Thousands took to the streets to mourn the general.", "mourn", Status::Asserted),
        ("A US drone strike killed Qasem Soleimani.", "killed", Status::Asserted),
        // A noun trigger right after "to" is a verb there: the intention before governs it.
        ("Trump urged his supporters to descend on Washington to protest.", "protest", Status::Planned),
        ("Iran responded to protests on Monday.", "protests", Status::Asserted),
        // Its own time after the publication day (4 January 2020): still to come.
        ("Iraq is looking toward the 2021 elections.", "elections", Status::Planned),
        ("Iraq is looking toward elections in March.", "elections", Status::Planned),
        ("Iraq held elections in 2018.", "elections", Status::Asserted),
        // Failing or being unable to do it says it was not done; an option or being safe
        // enough to do it says it may be.
        ("They were unable to evacuate the wounded.", "evacuate", Status::Negated),
        ("Congress set a deadline to impose sanctions.", "impose sanctions", Status::Planned),
        ("Options to evacuate the remaining nationals were limited.", "evacuate", Status::Hypothetical),
        ("It is not safe enough for the government to evacuate citizens.", "evacuate", Status::Hypothetical),
    ];
    for (text, trigger, status) in cases {
        assert_eq!(event(&events(text), trigger).status, status, "{text}");
    }
}

#[test]
fn roles_follow_voice() {
    let found = events("A US drone strike killed Qasem Soleimani near Baghdad airport.");
    assert_eq!(role(event(&found, "killed"), Role::Agent), ["united-states"]); // through "US drone strike"
    assert_eq!(role(event(&found, "killed"), Role::Victim), ["qasem-soleimani"]);
    assert_eq!(role(event(&found, "drone strike"), Role::Agent), ["united-states"]);

    let found = events("Qasem Soleimani, the head of the Quds Force, was killed by the United States.");
    let killed = event(&found, "killed");
    assert_eq!(role(killed, Role::Victim), ["qasem-soleimani"]);
    assert_eq!(role(killed, Role::Agent), ["united-states"]);

    let found = events("Iran fired missiles at Ain al-Asad air base in Iraq.");
    assert_eq!(role(event(&found, "fired"), Role::Agent), ["iran"]);
    let found = events("Thousands joined an anti-US protest in Tehran.");
    let protest = event(&found, "protest");
    assert_eq!(role(protest, Role::Target), ["united-states"]);
    assert_eq!(protest.place.as_ref().map(|p| p.as_str()), Some("tehran"));

    // A noun's phrases end at its clause's verb: Kataib Hezbollah is no target here.
    let found = events("Officials said the rocket attack on the base is the work of Kataib Hezbollah.");
    assert!(role(event(&found, "rocket attack"), Role::Target).is_empty());

    // "if" opens another clause: its subject is no target of the verb before it.
    let found = events("Trump threatened to target Iranian cultural sites if Tehran retaliates.");
    assert!(event(&found, "target").participants.iter().all(|p| p.entity.as_str() != "tehran"));
}

#[test]
fn time_comes_from_the_clause_else_the_publication_date() {
    // Published Saturday 4 January 2020.
    let found = events("Soleimani was killed in Baghdad on Friday.");
    let killed = event(&found, "killed");
    assert_eq!(killed.value.as_ref().map(|v| v.to_string()).as_deref(), Some("2020-01-03"));
    assert_eq!(killed.time_source, TimeSource::Clause);

    let found = events("Soleimani was killed in Baghdad.");
    let killed = event(&found, "killed");
    assert_eq!(killed.time_source, TimeSource::Published);
    assert_eq!(killed.value.as_ref().map(|v| v.to_string()).as_deref(), Some("2020-01-04"));

    // A time after "since" or "until" bounds a span; it is no day of the event.
    let found = events("The militia has carried out 24 attacks on US bases since December 20.");
    assert_ne!(day(&found, "attacks").as_deref(), Some("2019-12-20"));
    // An event in a clause "since" opens came before the story, on a day it does not say.
    let found = events("Tensions have grown since Trump imposed crippling sanctions on Iran.");
    assert_eq!(dated(&found, "sanctions"), (None, TimeSource::None));

    // A past perfect happened before the story, on a day it does not say; after a reporting
    // verb it is the report's simple past moved back ("said he had spoken").
    let found = events("Iran had denied the claims.");
    assert_eq!(dated(&found, "denied"), (None, TimeSource::None));
    let found = events("Pompeo said he had denied the claims.");
    assert_eq!(dated(&found, "denied"), (Some("2020-01-04".into()), TimeSource::Published));

    // An adverb of earlier time puts the verb before the story's day, on no day it says.
    let found = events("Iraq has previously confirmed its condemnation of the strikes.");
    let confirmed = event(&found, "confirmed");
    assert_eq!((confirmed.time_source, confirmed.value.as_ref()), (TimeSource::None, None));
    let found = events("He dismissed Iran's initial claim of a mechanical failure.");
    assert_eq!(event(&found, "claim").time_source, TimeSource::None);

    // The time next to "said" dates the report, not the attack.
    let found = events("Iraq said on Saturday that the strike on 3 January killed seven people.");
    let strike = event(&found, "strike");
    assert_eq!(strike.value.as_ref().map(|v| v.to_string()).as_deref(), Some("2020-01-03"));

    // A time of a clause that "which" or "that" opens dates that clause's event only.
    let found = events(
        "A militia leader has warned the US of a strong response to the latest provocation, which \
         was carried out on Wednesday evening.",
    );
    assert_eq!(dated(&found, "warned"), (Some("2020-01-04".into()), TimeSource::Published));

    // Planned events get no date unless the text gives one after them.
    let found = events("Iran vowed to retaliate.");
    assert_eq!(event(&found, "retaliate").value, None);
    let found =
        events("Trump on Friday threatened to retaliate. The troops will withdraw on 10 January 2020.");
    assert_eq!(event(&found, "retaliate").value, None);
    assert_eq!(
        event(&found, "withdraw").value.as_ref().map(|v| v.to_string()).as_deref(),
        Some("2020-01-10")
    );

    // A time before a noun is that noun's: the stampede is not dated by last Friday.
    let found = events(
        "Dozens died in a stampede at the funeral of Soleimani, killed in last Friday's US airstrike.",
    );
    assert_eq!(
        event(&found, "airstrike").value.as_ref().map(|v| v.to_string()).as_deref(),
        Some("2020-01-03")
    );
    assert_ne!(
        event(&found, "stampede").value.as_ref().map(|v| v.to_string()).as_deref(),
        Some("2020-01-03")
    );
}

#[test]
fn events_are_explained_and_in_order() {
    let found = events("Protesters stormed the US embassy. Iran vowed revenge. Trump announced sanctions.");
    assert!(found.windows(2).all(|w| w[0].trigger.span.start < w[1].trigger.span.start));
    for e in &found {
        assert!(e.rule.as_str().starts_with("trigger:data/events/triggers.tsv:"), "{}", e.rule);
        assert!(e.sentence.contains(e.trigger.span));
        assert!(e.confidence > 0.0 && e.confidence <= 1.0);
    }
}

#[test]
fn headers_and_credits_hold_no_events() {
    let doc = Document::new("t", " date 2020-01-03\nEFE/EPA/ABEDIN TAHERKENAREH\n");
    assert!(EXTRACTOR.extract(&doc).events.is_empty());
}

#[test]
fn users_extend_the_trigger_lexicon() {
    let extractor = Extractor::builder()
        .event_vocabulary_str("mine.tsv", "attack\tnoun\tagent\ttarget\tsortie|sorties\n")
        .build()
        .unwrap();
    let found = extractor.extract(&Document::new("t", "The jets flew a sortie over Mosul."));
    assert_eq!(found.events.len(), 1);
    assert_eq!(found.events[0].rule.as_str(), "trigger:mine.tsv:1");
    let err = Extractor::builder()
        .event_vocabulary_str("mine.tsv", "# c\nbombardment\tnoun\tagent\ttarget\tsortie|sorties\n")
        .build()
        .unwrap_err();
    assert_eq!(err.location(), Some(("mine.tsv", 2)));
}

#[test]
fn a_reduced_relative_clause_is_passive() {
    let found =
        events("Mourners gathered for Qasem Soleimani, the Quds Force commander, killed in a US strike.");
    let killed = event(&found, "killed");
    assert_eq!(role(killed, Role::Victim), ["qasem-soleimani"]);
    assert!(role(killed, Role::Agent).iter().all(|a| *a != "qasem-soleimani"));
}

#[test]
fn no_trigger_inside_a_name() {
    let found = events("Downing Street said the Popular Mobilization Forces held a funeral.");
    let triggers: Vec<&str> = found.iter().map(|e| e.trigger.text.as_str()).collect();
    assert_eq!(triggers, ["funeral"]);
}

#[test]
fn a_name_before_the_to_of_an_infinitive_is_its_doer() {
    let found = events("The mutiny prompted Vladimir Putin to denounce the mercenaries.");
    assert_eq!(role(event(&found, "denounce"), Role::Speaker), ["vladimir-putin"]);
    // After a preposition, the name is a destination.
    let found = events("Troops were sent to Iraq to protest the law.");
    assert!(role(event(&found, "protest"), Role::Agent).is_empty());
}

#[test]
fn no_trigger_inside_a_time_expression() {
    // "march" the noun is a protest; "March" the month, inside a time, is none.
    let found = events("Putin called the march a mutiny. Thousands marched again in March.");
    let triggers: Vec<&str> = found.iter().map(|e| e.trigger.text.as_str()).collect();
    assert_eq!(triggers, ["march", "mutiny", "marched"]);
    assert!(found.iter().all(|e| e.kind.as_str() == "protest"));
}

#[test]
fn a_statement_after_said_takes_the_speaker_of_said() {
    let found = events("The Pentagon said in a statement that the strike was defensive.");
    assert_eq!(role(event(&found, "statement"), Role::Speaker), ["pentagon"]);
    let found = events("The strike was defensive, said Mark Esper in a statement.");
    assert_eq!(role(event(&found, "statement"), Role::Speaker), ["mark-esper"]);
}

#[test]
fn a_verb_form_after_a_determiner_is_another_noun() {
    let found = events("Militiamen set several fires and the hit was felt.");
    assert!(found.iter().all(|e| e.trigger.text != "fires" && e.trigger.text != "hit"), "{found:#?}");
}

#[test]
fn a_base_form_right_after_to_is_an_infinitive_and_a_rally_with_an_object_gathers_no_crowd() {
    // "to rally" is the verb, not the noun after the preposition "to"; its object
    // ("condemnation", "support") makes it no protest (`retype:protest>-`).
    let found = events("The United States is taking steps to rally international condemnation of Iran.");
    assert!(found.iter().all(|e| e.trigger.text != "rally"), "{found:#?}");
    let found = events("Leaders rallied support for Iraq.");
    assert!(found.iter().all(|e| e.trigger.text != "rallied"), "{found:#?}");
    // A singular noun trigger used as a verb before its object is no event ("call a snap
    // election"); with a determiner before it, or before a relative "that", it is the noun.
    let found =
        events("The opposition seized the chance to call the vote. He may resign or call a snap election.");
    assert!(found.iter().all(|e| e.trigger.text != "call"), "{found:#?}");
    let found = events(
        "Trump made a call to the minister. Iraq rejects any unilateral military action that hurts it.",
    );
    assert_eq!(event(&found, "call").kind, "meeting");
    assert!(found.iter().any(|e| e.trigger.text == "military action"), "{found:#?}");
    // Crowds that rally are still a protest; one planned is a planned verb.
    let found = events("Thousands rallied in Baghdad. Supporters plan to rally outside the embassy.");
    assert_eq!(event(&found, "rallied").kind, "protest");
    assert_eq!(event(&found, "rally").status, Status::Planned);
}

#[test]
fn an_s_form_after_a_determiner_and_a_modifier_with_no_object_is_a_plural_noun() {
    // "the new sanctions at …", "those economic sanctions that …": nouns, so "at" tells where
    // and the relative clause's future makes them planned.
    let found = events("Pompeo and Mnuchin announced the new sanctions at the White House.");
    let sanctions = event(&found, "sanctions");
    assert!(sanctions.participants.iter().all(|p| p.role != Role::Target), "{sanctions:#?}");
    let found = events("Those economic sanctions that will come in the days ahead are severe.");
    assert_eq!(event(&found, "sanctions").status, Status::Planned);
}

#[test]
fn a_base_form_marked_for_the_infinitive_is_a_verb_only_after_to_a_modal_or_not() {
    // "^storm" in triggers.tsv: "to storm" is a protest, "a storm" the weather.
    let found = events("Protesters attempted to storm the US embassy.");
    assert_eq!(event(&found, "storm").kind, "protest");
    assert_eq!(event(&found, "storm").status, Status::Asserted);
    let found = events("Crowds did not storm the palace.");
    assert_eq!(event(&found, "storm").status, Status::Negated);
    let found = events("A storm flooded the capital and the storm drains overflowed.");
    assert!(found.iter().all(|e| e.trigger.text != "storm"), "{found:#?}");
    // "^march": "will march" is a protest, "from January to March" the month.
    let found = events("Thousands will march in Tehran.");
    assert_eq!(event(&found, "march").kind, "protest");
    let found = events("Prices rose from January to March.");
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn a_purpose_infinitive_of_the_kind_of_a_trigger_before_it_tells_that_event_again() {
    let found = events("Iran fired missiles at two US bases in Iraq to avenge the killing of its general.");
    assert!(found.iter().all(|e| e.trigger.text != "avenge"), "{found:#?}");
    let found = events("Khamenei appointed Esmail Qaani to replace him.");
    assert_eq!(found.iter().filter(|e| e.kind == "appointment").count(), 1, "{found:#?}");
    // Of another kind, it is another event.
    let found = events("Iran vowed to retaliate.");
    assert_eq!(event(&found, "retaliate").kind, "attack");
}

#[test]
fn set_phrases_tell_no_event() {
    let found =
        events("Two officials, speaking on condition of anonymity, said crowds chanted Death to America.");
    let kinds: Vec<&str> = found.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, ["protest"]); // "chanted"; neither the meeting nor the death
}

#[test]
fn a_place_before_a_noun_is_not_the_object() {
    let found = events("A rocket attack killed a US contractor at the K-1 base in Kirkuk.");
    assert!(
        role(event(&found, "killed"), Role::Victim).is_empty(),
        "the contractor is the victim, not the US"
    );
}

fn day(found: &[Event], trigger: &str) -> Option<String> {
    event(found, trigger).value.as_ref().map(|v| v.to_string())
}

/// An event's day and how it was chosen.
fn dated(found: &[Event], trigger: &str) -> (Option<String>, TimeSource) {
    (day(found, trigger), event(found, trigger).time_source)
}

#[test]
fn an_event_takes_the_day_of_the_event_it_is_part_of() {
    // Published Saturday 4 January 2020: "Friday" is 3 January.
    let found = events("Qasem Soleimani was killed in Friday's US airstrike.");
    assert_eq!(dated(&found, "killed"), (Some("2020-01-03".into()), TimeSource::Linked));
    let found = events("Trump defended the Friday drone strike that killed Soleimani.");
    assert_eq!(dated(&found, "killed"), (Some("2020-01-03".into()), TimeSource::Linked));
    // A result participle after a comma: the deaths of the downing.
    let found = events(
        "Officials said Thursday that an Iranian missile downed a Ukrainian jetliner late Tuesday, \
         killing all 176 people on board.",
    );
    assert_eq!(dated(&found, "killing"), (Some("2019-12-31".into()), TimeSource::Linked));
    // With no comma, and from a month: "crashed in October … killing" are October's; a later
    // killing neither dates them nor is a link ("in revenge for killing"): it came before
    // Monday's attack, so it takes the day before, the latest it may be.
    let found = events(
        "In October a jet crashed into the sea minutes after takeoff killing all 189 people on board. \
         Gunmen attacked a convoy on Monday in revenge for killing their leader.",
    );
    let killings: Vec<(Option<String>, TimeSource)> = found
        .iter()
        .filter(|e| e.trigger.text == "killing")
        .map(|e| (e.value.as_ref().map(|v| v.to_string()), e.time_source))
        .collect();
    assert_eq!(dated(&found, "crashed"), (Some("2019-10".into()), TimeSource::Clause));
    assert_eq!(
        killings,
        [(Some("2019-10".into()), TimeSource::Linked), (Some("2019-12-29".into()), TimeSource::Before)]
    );
    // Past a verb's object too.
    let found = events("US forces killed Qasem Soleimani in Friday's drone strike.");
    assert_eq!(dated(&found, "killed"), (Some("2020-01-03".into()), TimeSource::Linked));
    // A relative clause after the places of a noun's phrase tells of the noun's event, and the
    // place is not its doer.
    let found = events(
        "Iran vowed revenge for a Friday strike on a convoy near Baghdad airport, Iraq, which killed \
         Qasem Soleimani.",
    );
    assert_eq!(dated(&found, "killed"), (Some("2020-01-03".into()), TimeSource::Linked));
    assert!(role(event(&found, "killed"), Role::Agent).is_empty());
    // Not after a name that is no place: the group fired.
    let found = events("US jets struck Kataib Hezbollah, which fired rockets at Kirkuk.");
    assert_eq!(role(event(&found, "fired"), Role::Agent), ["kataib-hezbollah"]);
}

#[test]
fn a_reduced_relative_clause_takes_no_time_from_before_it() {
    // The mourners marched on 4 January; the men they mourned were killed earlier.
    let found = events(
        "Thousands marched in Baghdad on Jan. 4 to mourn Qassem Soleimani and Abu Mahdi al-Muhandis, killed \
         in a U.S. airstrike near the airport.",
    );
    assert_eq!(dated(&found, "marched"), (Some("2020-01-04".into()), TimeSource::Clause));
    for trigger in ["killed", "airstrike"] {
        let source = event(&found, trigger).time_source;
        assert!(!matches!(source, TimeSource::Clause | TimeSource::Sentence), "{trigger}: {source:?}");
    }
    // A time inside the relative clause is still its own, and no trigger's before it.
    let found = events(
        "Crowds mourned Qassem Soleimani on Saturday, killed in a U.S. airstrike on Friday near the airport.",
    );
    assert_eq!(day(&found, "killed").as_deref(), Some("2020-01-03"));
    let found = events(
        "The vote came as mourners gathered to receive the body of Qassem Soleimani, killed in a U.S. \
         airstrike on Friday.",
    );
    assert_eq!(day(&found, "killed").as_deref(), Some("2020-01-03"));
    assert_ne!(day(&found, "vote").as_deref(), Some("2020-01-03"));
}

#[test]
fn the_title_a_person_was_introduced_with_names_them() {
    let found = events(
        "U.S. President Donald Trump spoke on Sunday. The president also threatened sanctions against Iraq.",
    );
    assert_eq!(role(event(&found, "threatened"), Role::Speaker), ["donald-trump"]);
    // Not a title two people took, nor one followed by "of" or a name.
    let found = events(
        "Iraqi President Barham Salih called U.S. President Donald Trump. The president threatened sanctions.",
    );
    assert!(role(event(&found, "threatened"), Role::Speaker).is_empty());
    let found =
        events("U.S. President Donald Trump spoke on Sunday. The president of Iran threatened sanctions.");
    assert!(role(event(&found, "threatened"), Role::Speaker).is_empty());
    // Such a reference is no name: it is not among the entity mentions.
    let extraction = EXTRACTOR.extract(&annals::Document::new(
        "t",
        "U.S. President Donald Trump spoke. The president threatened Iraq.",
    ));
    assert!(extraction.entities.iter().all(|m| m.text != "president"));
}

#[test]
fn a_reporting_word_inside_a_name_dates_no_report() {
    // "States" of "the United States" is not "states" (says).
    let found = events("The air raids were launched by the United States on Sunday.");
    assert_eq!(day(&found, "launched").as_deref(), Some("2019-12-29"));
}

#[test]
fn a_time_before_a_function_word_modifies_no_noun() {
    let found = events("Crowds rallied on Tuesday to protest.");
    assert_eq!(dated(&found, "rallied"), (Some("2019-12-31".into()), TimeSource::Clause));
}

#[test]
fn a_bare_plural_tells_of_occurrences() {
    // "US airstrikes" are the strikes told before; "mourners" marched on the day reported.
    let found = events("US strikes hit five sites on Sunday. Iraq condemned US airstrikes.");
    assert_eq!(dated(&found, "airstrikes"), (Some("2019-12-29".into()), TimeSource::Coreference));
    let found = events("Mourners marched through the city.");
    assert_eq!(dated(&found, "Mourners"), (Some("2020-01-04".into()), TimeSource::Published));
}

#[test]
fn a_week_in_another_clause_dates_nothing_else() {
    let found =
        events("Iran fired missiles at US bases after the death of Soleimani, who was killed this week.");
    assert_eq!(event(&found, "fired").time_source, TimeSource::Published);
    assert_eq!(day(&found, "fired").as_deref(), Some("2020-01-04"));
}

#[test]
fn a_mention_refers_forward_only_a_few_sentences() {
    let far = events(
        "The airstrike shocked the region. Iran vowed revenge. Iraq condemned Washington. Trump \
         threatened Iran. Protesters marched. The Pentagon deployed troops. Pompeo spoke with Raab. \
         A US airstrike hit the convoy on Friday.",
    );
    assert_eq!(far[0].trigger.text, "airstrike");
    assert_eq!(far[0].time_source, TimeSource::Published);
    let near = events(
        "The airstrike shocked the region. Iran vowed revenge. A US airstrike hit the convoy on Friday.",
    );
    assert_eq!(near[0].trigger.text, "airstrike");
    assert_eq!(near[0].time_source, TimeSource::Coreference);
}

#[test]
fn a_negated_event_is_dated_as_an_asserted_one() {
    // "did not open fire" tells of the day reported, as "opened fire" would.
    let found = events("US troops on the rooftops did not open fire.");
    assert_eq!(event(&found, "open fire").status, Status::Negated);
    assert_eq!(dated(&found, "open fire"), (Some("2020-01-04".into()), TimeSource::Published));
}

#[test]
fn set_phrases_with_a_trigger_word_tell_no_event() {
    for text in [
        "The strikes came in retaliation for rocket fire.",
        "Protesters were setting fire to the gate.",
        "Two Apache attack helicopters flew over the compound.",
        "The president, speaking to reporters, defended the decision.",
        "Iran was at the highest level of alert.",
        "He was long seen as a threat by US officials.",
        "The airliner could have been mistaken for a threat.",
        "Crowds waited outside, killing time before the procession.",
        "Air raid sirens sounded as Israelis stayed near bomb shelters.",
        "A carrier strike group sailed into the Gulf.",
        "US troops came under fire near the base.",
        "The destroyer responded to a distress call from a tanker.",
        // A noun trigger after a subject pronoun is a verb: no phone call here.
        "We call on the Government of Iraq to protect our personnel.",
    ] {
        let found = events(text);
        assert!(
            found.iter().all(|e| ![
                "retaliation",
                "fire",
                "attack",
                "speaking",
                "alert",
                "threat",
                "killing",
                "call",
                "Air raid",
                "bomb",
                "strike",
                "came"
            ]
            .contains(&e.trigger.text.as_str())),
            "{text}: {found:#?}"
        );
    }
}

#[test]
fn revenge_is_an_attack_to_come() {
    let found = events("Iranian officials have vowed to exact a “vigorous revenge” on the US.");
    assert_eq!(event(&found, "revenge").kind.as_str(), "attack");
    assert_eq!(event(&found, "revenge").status, Status::Planned);
    assert_eq!(event(&found, "vowed").kind.as_str(), "threat");
}

#[test]
fn a_verb_that_restates_an_event_noun_is_no_other_event() {
    // A support verb before its noun, a verb of the noun's kind right after it.
    let found = events("Iran launched a ballistic missile attack on US bases.");
    assert!(found.iter().all(|e| e.trigger.text != "launched"), "{found:#?}");
    assert_eq!(event(&found, "ballistic missile attack").kind.as_str(), "attack");
    // The noun takes the subject of the support verb, and the object of a verb after it.
    assert_eq!(role(event(&found, "ballistic missile attack"), Role::Agent), ["iran"]);
    let found = events("US air strikes hit Kataib Hezbollah bases on Sunday.");
    assert!(found.iter().all(|e| e.trigger.text != "hit"), "{found:#?}");
    assert_eq!(role(event(&found, "air strikes"), Role::Target), ["kataib-hezbollah"]);
    for text in [
        "The strikes targeted weapon depots in Iraq.",
        "The unrest followed air raids launched by the United States.",
        "Protesters were angry at airstrikes that targeted the group.",
    ] {
        let found = events(text);
        assert!(found.iter().all(|e| e.trigger.text != "targeted" && e.trigger.text != "launched"), "{text}");
    }
    // Not a support verb, not a noun: both are events.
    let found = events("Iran fired missiles at US bases.");
    assert_eq!(event(&found, "fired").kind.as_str(), "attack");
}

#[test]
fn an_attack_on_an_aircraft_is_a_shoot_down() {
    for (text, trigger) in [
        ("The plane was hit by a surface-to-air missile near Tehran.", "hit"),
        ("Footage appeared to show the plane being hit by a fast-moving object.", "hit"),
        ("Officials denied that the airliner had been struck by a missile.", "struck"),
        ("A missile struck the airliner minutes after take-off.", "struck"),
        // A pronoun stands for the aircraft named just before it.
        ("Iran downed a Ukrainian passenger jet after denying claims it was struck by a missile.", "struck"),
        ("The plane turned back. Officials said it was hit by mistake.", "hit"),
        // After "was", a word that is also a noun is the participle, whatever follows ("due
        // to" is no modal here).
        ("The plane turned back before it was hit due to human error.", "hit"),
        // "~bring down" tells an event only when its patient retypes it.
        ("A missile brought down the plane minutes after take-off.", "brought down"),
        ("The jet was brought down by a missile.", "brought down"),
        // "~go down" takes no object: its subject is the aircraft.
        ("The twin-engine plane went down shortly after takeoff.", "went down"),
    ] {
        assert_eq!(event(&events(text), trigger).kind.as_str(), "crash", "{text}");
    }
    assert_eq!(event(&events("Missiles hit the air base."), "hit").kind.as_str(), "attack");
    // Drones fired or launched are weapons, not aircraft hit: a verb whose object is no one's
    // has no patient.
    for (text, trigger) in [
        ("Over 200 missiles and drones were fired from Iran towards Israel.", "fired"),
        ("Iran launched dozens of drones at Israel.", "launched"),
    ] {
        assert_eq!(event(&events(text), trigger).kind.as_str(), "attack", "{text}");
    }
    // An -s form after a past verb and a modifier is its object, a noun of no event.
    let found = events("Israel attacked military targets in Iran.");
    let triggers: Vec<&str> = found.iter().map(|e| e.trigger.text.as_str()).collect();
    assert_eq!(triggers, ["attacked"]);
    let found = events("Israel attacked targets in Iran.");
    let triggers: Vec<&str> = found.iter().map(|e| e.trigger.text.as_str()).collect();
    assert_eq!(triggers, ["attacked"]);
    let found = events("He claimed Israel strikes civilians.");
    assert!(found.iter().any(|e| e.trigger.text == "strikes"), "{found:#?}");
    let found = events("The protests brought down the government on Monday.");
    assert!(found.iter().all(|e| e.trigger.text != "brought down"), "{found:#?}");
    let found = events("Oil prices went down on Monday and the team went down 2-1.");
    assert!(found.iter().all(|e| e.trigger.text != "went down"), "{found:#?}");
    // Not when no aircraft comes before the pronoun.
    let found = events("The base came under fire. Officials said it was hit by rockets.");
    assert_eq!(event(&found, "hit").kind.as_str(), "attack");
}

#[test]
fn denying_a_claim_does_not_negate_the_claim() {
    let found = events("Iran initially denied Western claims that a missile downed the jet.");
    assert_eq!(event(&found, "claims").status, Status::Asserted);
    assert_eq!(event(&events("Iran denied the attack."), "attack").status, Status::Negated);
}

#[test]
fn a_word_between_a_determiner_and_a_base_form_makes_it_a_noun() {
    // "a hostile target": no verb reading, and "target" has no noun of an event.
    let found = events("The jet was mistaken for a “hostile target” by air defences.");
    assert!(found.iter().all(|e| e.trigger.text != "target"), "{found:#?}");
    // "the Iranian attack" and "militia strikes killed" read as the nouns they are.
    let noun = event(&events("The attack came on Tuesday."), "attack").rule.clone();
    assert_eq!(event(&events("The Iranian attack came on Tuesday."), "attack").rule, noun);
    let noun = event(&events("The strikes killed two."), "strikes").rule.clone();
    assert_eq!(event(&events("Militia strikes killed two."), "strikes").rule, noun);
    // A plural subject keeps its verb: "the two sides clash".
    let verb = event(&events("They clash often."), "clash").rule.clone();
    assert_eq!(event(&events("The two sides clash often."), "clash").rule, verb);
}

#[test]
fn warning_citizens_is_an_advisory() {
    let found = events("The French government warned citizens in Iran to stay away from gatherings.");
    assert_eq!(found[0].kind.as_str(), "advisory");
    // Urging, calling on, advising, ordering or asking citizens is an advisory; closing or
    // shutting airspace or an embassy too. Not of other objects, nor read as a noun.
    let found = events("Several countries called on their citizens to avoid the region.");
    assert_eq!(event(&found, "called on").kind.as_str(), "advisory");
    let found = events("The aviation authority said it was closing the country's airspace to all flights.");
    assert_eq!(event(&found, "closing").kind.as_str(), "advisory");
    // Suspending or halting flights, services or operations is one too, not talks.
    let found = events("All public consular operations are suspended until further notice.");
    assert_eq!(event(&found, "suspended").kind.as_str(), "advisory");
    // Its rule is its own line, not another advisory's.
    let evacuated = event(&events("Britain evacuated its citizens."), "evacuated").rule.clone();
    assert_ne!(event(&found, "suspended").rule, evacuated);
    let found = events("Emirates halted all flights to Baghdad.");
    assert_eq!(event(&found, "halted").kind.as_str(), "advisory");
    for text in [
        "The talks were suspended on Monday.",
        "Iraq's parliament called on foreign troops to leave.",
        "By ordering the airstrike, Trump took Washington into uncharted territory.",
        "The store closed on Monday.",
    ] {
        assert!(events(text).iter().all(|e| e.kind.as_str() != "advisory"), "{text}");
    }
    // An infinitive after the advisory's object is still to come; one of its own kind tells
    // the advisory again.
    let found = events("The UK urged its citizens to evacuate the city.");
    assert_eq!(found.len(), 1);
    assert_eq!(event(&found, "urged").kind.as_str(), "advisory");
    let found = events("Iran called on all its citizens to protest.");
    assert_eq!(event(&found, "called on").kind.as_str(), "advisory");
    assert_eq!(event(&found, "protest").status, Status::Planned);
    // An airlift of people is an evacuation; of forces, a deployment; of goods, neither.
    let found = events("US forces airlifted fewer than 100 people from the embassy on Sunday.");
    assert_eq!(event(&found, "airlifted").kind.as_str(), "advisory");
    let found = events("The Pentagon airlifted 3,000 troops to Kuwait.");
    assert_eq!(event(&found, "airlifted").kind.as_str(), "deployment");
    assert!(events("The army airlifted food and medicine to the flooded villages.").is_empty());
}

#[test]
fn a_name_inside_a_hyphenated_modifier_takes_no_part() {
    // A militia Iran backs is not Iran.
    let found =
        events("Iran-backed militias attacked the embassy. US strikes targeted an Iran-backed group.");
    assert!(role(event(&found, "attacked"), Role::Agent).is_empty());
    assert!(role(event(&found, "strikes"), Role::Target).is_empty());
    assert_eq!(role(event(&found, "strikes"), Role::Agent), ["united-states"]);
}

#[test]
fn a_time_between_a_determiner_and_a_noun_is_that_nouns() {
    // "the 2015 deal" dates the deal, not the statement about it.
    let found = events("A statement on state TV said Iran would no longer respect the 2015 deal.");
    assert_eq!(dated(&found, "statement"), (Some("2020-01-04".into()), TimeSource::Published));
}

#[test]
fn the_object_of_a_statement_takes_no_time_of_the_statements_clause() {
    // Published Saturday 4 January 2020: Iraq condemned on Thursday a strike of another day.
    let found = events("Iraq condemned the US strike on Thursday.");
    assert_eq!(dated(&found, "condemned"), (Some("2020-01-02".into()), TimeSource::Clause));
    assert_eq!(dated(&found, "strike"), (Some("2020-01-04".into()), TimeSource::Published));
    // So is the complement of a statement noun.
    let found = events("Iraq issued a condemnation of the US strike on Thursday.");
    assert_eq!(dated(&found, "condemnation"), (Some("2020-01-02".into()), TimeSource::Clause));
    assert_eq!(dated(&found, "strike"), (Some("2020-01-04".into()), TimeSource::Published));
    // A time of its own still dates it.
    let found = events("Iraq condemned Sunday's strike on Thursday.");
    assert_eq!(dated(&found, "strike"), (Some("2019-12-29".into()), TimeSource::Clause));
    // A support verb is no statement: its clause's time is the event's.
    let found = events("US forces carried out the strike on Thursday.");
    assert_eq!(dated(&found, "strike"), (Some("2020-01-02".into()), TimeSource::Clause));
    // A decision made known takes effect as it is said; an event that happens once was told
    // after it happened.
    let found = events("The Treasury announced sanctions on Thursday against two officers.");
    assert_eq!(dated(&found, "sanctions"), (Some("2020-01-02".into()), TimeSource::Clause));
    let found = events("Iran announced the death of Soleimani on Thursday.");
    assert_ne!(dated(&found, "death").1, TimeSource::Clause);
}

#[test]
fn a_possessive_time_tells_of_its_noun_phrase_and_a_link_stays_in_one_phrase() {
    // Published Saturday 4 January 2020. A possessive time tells of the noun phrase after it,
    // however long, not of the verb.
    let found =
        events("Kishida condemned the shooting during the campaign for Sunday's upper house election.");
    assert_eq!(dated(&found, "condemned"), (Some("2020-01-04".into()), TimeSource::Published));
    assert_eq!(dated(&found, "election"), (Some("2019-12-29".into()), TimeSource::Clause));
    // A noun after "at" is told in the noun after it only within one phrase: "ahead of" opens
    // another.
    let found = events("Abe gave a speech at an event ahead of Sunday's elections.");
    assert_eq!(event(&found, "speech").linked, None);
}

#[test]
fn a_reported_event_keeps_its_time_and_a_datelines_date_dates_nothing() {
    // Published Saturday 4 January 2020.
    let found = events("At least 26 people were reported killed on Thursday.");
    assert_eq!(dated(&found, "killed"), (Some("2020-01-02".into()), TimeSource::Clause));
    let found = events("Officials reported on Thursday that 26 people were killed.");
    assert_eq!(dated(&found, "killed"), (Some("2020-01-04".into()), TimeSource::Published));
    // An event that is the passive subject of the report: the report's time is its own.
    let found = events("Blasts were reported in Baghdad early Thursday.");
    assert_eq!(dated(&found, "Blasts"), (Some("2020-01-02".into()), TimeSource::Clause));
    // The dateline's date is the day the story was filed: the publication date, not a time
    // of the first sentence's events.
    let found = events("BAGHDAD, Jan 3 (Reuters) - Crowds marched against the strikes, officials said.");
    assert_eq!(event(&found, "marched").time_source, TimeSource::Published);
}

#[test]
fn earlier_this_month_ends_before_the_publication_day() {
    // Published Saturday 4 January 2020: "earlier this month" is 1–3 January, so Saturday's
    // strike does not date the missiles fired then.
    let found = events("Drones struck a base on Saturday. Missiles were fired at a base earlier this month.");
    assert_eq!(dated(&found, "struck"), (Some("2020-01-04".into()), TimeSource::Clause));
    assert_eq!(dated(&found, "fired"), (Some("2020-01".into()), TimeSource::Clause));
}

#[test]
fn an_event_after_which_another_happened_takes_no_day_of_it_or_later() {
    // Published Saturday 4 January 2020. The raid came before Tuesday's siege: not Tuesday,
    // not Friday's strike by coreference, not the publication day, but the latest day it may
    // be, Monday, from which a timeline reaches back.
    let found = events(
        "A US drone strike killed Soleimani on Friday. Protesters besieged the embassy on Tuesday after a US \
         air raid on an Iraqi militia.",
    );
    assert_eq!(dated(&found, "besieged"), (Some("2019-12-31".into()), TimeSource::Clause));
    assert_eq!(dated(&found, "air raid"), (Some("2019-12-30".into()), TimeSource::Before));
    // So does a cause phrase in the same clause: its time is the outer event's.
    let found = events("Protesters stormed the embassy on Tuesday in response to US airstrikes on Sunday.");
    assert_eq!(dated(&found, "airstrikes"), (Some("2019-12-29".into()), TimeSource::Clause));
    let found = events("Protesters stormed the embassy on Tuesday in response to US airstrikes.");
    assert_eq!(dated(&found, "stormed"), (Some("2019-12-31".into()), TimeSource::Clause));
    assert_eq!(dated(&found, "airstrikes"), (Some("2019-12-30".into()), TimeSource::Before));
    // Nor is an event one with the event it answers: "fired" is not Tuesday's attack, and
    // "the strike" is Friday's missile strike, whose head word it shares, not the nearer
    // attack.
    let found = events(
        "A US missile strike hit an air base in Syria on Friday. The US fired 59 cruise missiles in response \
         to a chemical attack on Tuesday. Russia was informed of the strike beforehand.",
    );
    assert_eq!(dated(&found, "attack"), (Some("2019-12-31".into()), TimeSource::Clause));
    assert_ne!(day(&found, "fired").as_deref(), Some("2019-12-31"));
    assert_eq!(dated(&found, "strike"), (Some("2020-01-03".into()), TimeSource::Coreference));
    // An "after" in a clause of its own hangs on no event of the outer one.
    let found =
        events("Trump said in remarks on Thursday that Iran was standing down after retaliatory attacks.");
    assert_eq!(dated(&found, "retaliatory attacks"), (Some("2020-01-04".into()), TimeSource::Published));
    // A time right after an "after" phrase's event is that event's, not the verb's before it.
    let found =
        events("Khamenei announced three days of mourning following the death of Soleimani on Thursday.");
    assert_eq!(dated(&found, "death"), (Some("2020-01-02".into()), TimeSource::Clause));
    assert_eq!(dated(&found, "announced"), (Some("2020-01-04".into()), TimeSource::Published));
}

#[test]
fn a_time_after_the_participle_of_another_noun_is_that_participles() {
    // Published Saturday 4 January 2020: the arrest was on Thursday, the death is not dated.
    let found = events("The dead woman was related to the man arrested on Thursday.");
    assert_eq!(dated(&found, "dead"), (Some("2020-01-04".into()), TimeSource::Published));
    // The event's own verb, or an auxiliary before the participle, keeps the time.
    let found = events("The attack occurred on Thursday.");
    assert_eq!(dated(&found, "attack"), (Some("2020-01-02".into()), TimeSource::Clause));
}

#[test]
fn a_participle_that_describes_a_noun_takes_no_date_of_its_clause() {
    // Published Saturday 4 January 2020. The mourners gathered on Tuesday; the general was
    // slain before, on a day the clause does not give.
    let found = events("Mourners gathered on Tuesday at the grave of slain commander Qassem Soleimani.");
    assert_eq!(dated(&found, "Mourners"), (Some("2019-12-31".into()), TimeSource::Clause));
    assert_eq!(dated(&found, "slain"), (Some("2020-01-04".into()), TimeSource::Published));
    assert_eq!(role(event(&found, "slain"), Role::Victim), ["qasem-soleimani"]);
    // A participle before its object is a verb of its clause.
    let found = events("The strike killed Soleimani on Friday.");
    assert_eq!(dated(&found, "killed"), (Some("2020-01-03".into()), TimeSource::Clause));
}

#[test]
fn a_role_holds_only_the_kinds_of_entity_the_kind_allows() {
    // data/events/kinds.tsv: a death's victim is a person, not the nation of the dead.
    let found = events("At least 63 Canadians and 11 Ukrainians were among the dead.");
    assert!(event(&found, "dead").participants.is_empty(), "{found:#?}");
    let found = events("Qasem Soleimani was killed on Friday.");
    assert_eq!(role(event(&found, "killed"), Role::Victim), ["qasem-soleimani"]);
}

#[test]
fn a_name_after_an_event_noun_that_opens_the_clause_is_not_the_subject() {
    // The stampede killed them, not the man whose funeral it was.
    let found = events(
        "A stampede during the funeral procession for commander Qasem Soleimani killed 56 people on Tuesday.",
    );
    assert!(event(&found, "killed").participants.iter().all(|p| p.role != Role::Agent), "{found:#?}");
    let found = events("The United States killed Qasem Soleimani on Friday.");
    assert_eq!(role(event(&found, "killed"), Role::Agent), ["united-states"]);
}

#[test]
fn what_a_support_verb_takes_is_a_noun_and_its_status_follows_the_verb() {
    // "launch attacks", "impose new sanctions": the object of a support verb is a noun, planned
    // after a word of intention or a headline's "to", with the verb's subject.
    let found = events("Iran vowed to impose new sanctions on the US.");
    let sanctions = event(&found, "sanctions");
    assert_eq!((sanctions.status, role(sanctions, Role::Agent)), (Status::Planned, vec!["iran"]));
    let found = events("US to launch attacks on Iran.");
    assert_eq!(event(&found, "attacks").status, Status::Planned);
    let found = events("The US launched strikes on Sunday.");
    assert_eq!(event(&found, "strikes").status, Status::Asserted);
}

#[test]
fn a_future_relative_clause_plans_its_noun_and_a_cancelled_event_is_negated() {
    let found = events("The sanctions that will come in the days ahead are tough.");
    assert_eq!(event(&found, "sanctions").status, Status::Planned);
    let found = events("President Zelenskiy canceled a visit to Oman.");
    assert_eq!(event(&found, "visit").status, Status::Negated);
}

#[test]
fn a_past_perfect_takes_a_day_only_from_another_mention() {
    // Published Saturday 4 January 2020. "had crashed" happened before the story's day: not
    // on the publication date, but on the day the text gives the crash elsewhere.
    let found = events("Iran had vowed revenge.");
    assert_eq!(dated(&found, "vowed"), (None, TimeSource::None));
    let found = events(
        "A Ukrainian airliner crashed near Tehran on Wednesday. Officials said the airliner had crashed \
         after a fire.",
    );
    let crashes: Vec<_> = found.iter().filter(|e| e.trigger.text == "crashed").collect();
    assert_eq!(crashes.len(), 2);
    assert_eq!(crashes[1].value.as_ref().map(|v| v.to_string()).as_deref(), Some("2020-01-01"));
    assert_eq!(crashes[1].time_source, TimeSource::Coreference);
}

#[test]
fn in_a_title_case_headline_a_title_starts_a_name_only_before_a_first_name() {
    // Every word is capitalised: "Vows Revenge" after the title "Ayatollah" is no person (no
    // first name starts it), and its words are events.
    let doc = Document::new("t", "Iran's Ayatollah Vows Revenge for Soleimani Killing")
        .published(NaiveDate::from_ymd_opt(2020, 1, 3).unwrap());
    let x = EXTRACTOR.extract(&doc);
    let names: Vec<&str> = x.entities.iter().map(|m| m.entity.as_str()).collect();
    assert_eq!(names, ["iran", "qasem-soleimani"]);
    assert_eq!(event(&x.events, "Vows").kind, "threat");
    assert_eq!(event(&x.events, "Revenge").status, Status::Planned);
    // In a sentence of ordinary case the title still introduces a name.
    let doc = Document::new("t", "Iran's Ayatollah Ahmad Khatami vowed revenge.");
    let x = EXTRACTOR.extract(&doc);
    assert!(x.entities.iter().any(|m| m.text == "Ahmad Khatami"), "{:?}", x.entities);
}

#[test]
fn a_person_before_a_killing_noun_is_the_one_killed() {
    // No "of" phrase: the person is the victim; with one, the name before is the doer.
    let found = events("Soleimani's assassination shocked Iran.");
    assert_eq!(role(event(&found, "assassination"), Role::Victim), ["qasem-soleimani"]);
    let found = events("The US killing of Soleimani was condemned.");
    let killing = event(&found, "killing");
    assert_eq!(
        (role(killing, Role::Agent), role(killing, Role::Victim)),
        (vec!["united-states"], vec!["qasem-soleimani"])
    );
}

#[test]
fn a_participle_clause_after_a_comma_has_the_subject_of_the_clause_before() {
    // The missiles killed the contractor, not Kirkuk; Iran, before "shot down", killed 176.
    let found = events("Missiles strike Kirkuk airbase, killing a US contractor.");
    assert!(role(event(&found, "killing"), Role::Agent).is_empty(), "{found:#?}");
    let found = events("Iran shot down a Ukrainian jet, killing all 176 people on board.");
    assert_eq!(role(event(&found, "killing"), Role::Agent), ["iran"]);
}

#[test]
fn a_duration_before_after_or_before_moves_the_event_from_the_other_time() {
    // Published Saturday 4 January 2020.
    let found = events(
        "The militia withdrew from the embassy on Wednesday, a day after its supporters stormed the \
         compound.",
    );
    assert_eq!(dated(&found, "withdrew").0.as_deref(), Some("2020-01-01"));
    assert_eq!(dated(&found, "stormed"), (Some("2019-12-31".into()), TimeSource::Offset));
    let found = events("Parliament met on Sunday, two weeks before the vote on the budget.");
    assert_eq!(dated(&found, "vote"), (Some("2020-01-12".into()), TimeSource::Offset));
    // Hours later is most likely the same day.
    let found = events("The crash came on Wednesday, hours after Iran launched missiles.");
    assert_eq!(dated(&found, "launched"), (Some("2020-01-01".into()), TimeSource::Offset));
    // "days after": some day before Wednesday, not Wednesday.
    let found = events("The protesters left on Wednesday, days after they stormed the embassy.");
    assert_ne!(dated(&found, "stormed").0.as_deref(), Some("2020-01-01"));
    // With no other time in the sentence, the event told before the duration counts, if its
    // own text gives its day; a guess (the publication date) moved is no better.
    let found = events("The crash came hours after Iran launched missiles.");
    assert_ne!(dated(&found, "launched").1, TimeSource::Offset);
    let found =
        events("Parliament met on Sunday. The vote came two days after a US airstrike killed Soleimani.");
    assert_ne!(dated(&found, "airstrike").1, TimeSource::Offset);
    let found = events(
        "US drones struck a convoy at Baghdad airport on Friday. The strike came two days after \
         protesters stormed the US embassy.",
    );
    assert_eq!(dated(&found, "stormed"), (Some("2020-01-01".into()), TimeSource::Offset));
    // Nor to a day no TIMEX3 value writes.
    let found = events(
        "US drones struck a convoy on Friday. The strike came 6000 years after protesters stormed the \
         embassy.",
    );
    assert_ne!(dated(&found, "stormed").1, TimeSource::Offset);
    // A day before year 0 has no TIMEX3 value: no date at all.
    let found = events("Parliament met on Sunday, 6000 years after the vote on the budget.");
    assert_eq!(dated(&found, "vote"), (None, TimeSource::None));
}

#[test]
fn an_event_over_a_month_or_more_has_no_one_day() {
    // Published Saturday 4 January 2020.
    let found = events(
        "Soleimani, responsible for the deaths of hundreds of US troops over the past two decades, \
         led the Quds Force.",
    );
    assert_eq!(dated(&found, "deaths"), (None, TimeSource::Spread));
    let found = events("Militias have attacked US bases for years.");
    assert_eq!(dated(&found, "attacked"), (None, TimeSource::Spread));
    // A shorter stretch, or a duration that only measures ("in decades"), keeps the day.
    let found = events("Protesters besieged the embassy for two days.");
    assert_eq!(dated(&found, "besieged").1, TimeSource::Published);
    let found = events("It was the first attack on US forces in decades.");
    assert_eq!(dated(&found, "attack").1, TimeSource::Published);
    // A time of the clause still dates the event.
    let found = events("On Friday, after months of attacks, a US drone strike killed Soleimani.");
    assert_eq!(dated(&found, "drone strike").0.as_deref(), Some("2020-01-03"));
}

#[test]
fn a_known_event_after_a_preposition_keeps_out_of_its_clauses_modality() {
    // "the killing", "the downing": events the text takes as known, not what "if" or "would"
    // make uncertain.
    let found = events(
        "Trump on Sunday warned of retaliation if Iran strikes back for the killing of its commander.",
    );
    assert_eq!(event(&found, "strikes").status, Status::Hypothetical);
    assert_eq!(event(&found, "killing").status, Status::Asserted);
    // It came before Sunday's warning: that time, of another clause, is not its own.
    assert_ne!(dated(&found, "killing").1, TimeSource::Sentence);
    let found = events("It was not clear how the US would react to the downing of the airliner.");
    assert_eq!(event(&found, "downing").status, Status::Asserted);
    // Without a definite determiner, or with a cue inside its own noun phrase, the modality holds.
    let found = events("Iran could retaliate with strikes.");
    assert_eq!(event(&found, "strikes").status, Status::Hypothetical);
    let found = events("Iran could retaliate over the planned strikes.");
    assert_eq!(event(&found, "strikes").status, Status::Planned);
}

#[test]
fn a_mention_of_a_kind_that_recurs_takes_another_ones_day_only_if_they_share_someone() {
    // Published Saturday 4 January 2020. Statements are many a day: an unattributed one is not
    // Friday's denial; Iran's own is.
    let found = events(
        "Iran denied the reports on Friday. A military statement blamed human error. Iran repeated its denial.",
    );
    assert_eq!(dated(&found, "denied"), (Some("2020-01-03".into()), TimeSource::Clause));
    assert_eq!(dated(&found, "statement"), (Some("2020-01-04".into()), TimeSource::Published));
    assert_eq!(dated(&found, "denial"), (Some("2020-01-03".into()), TimeSource::Coreference));
    // A verb tells a new statement: the same speaker alone does not make it Friday's.
    let found = events("Ali Khamenei announced three days of mourning on Friday. Ali Khamenei also tweeted.");
    assert_eq!(dated(&found, "announced"), (Some("2020-01-03".into()), TimeSource::Clause));
    assert_eq!(dated(&found, "tweeted"), (Some("2020-01-04".into()), TimeSource::Published));
    // An attack happens once: "the strikes" with no one named are Sunday's.
    let found = events("US strikes hit Kataib Hezbollah on Sunday. The strikes destroyed weapons depots.");
    assert_eq!(dated(&found, "strikes").1, TimeSource::Clause);
    let later: Vec<&Event> = found.iter().filter(|e| e.trigger.text == "strikes").collect();
    assert_eq!(later.last().map(|e| e.time_source), Some(TimeSource::Coreference));
    // A definite noun that names no one points back to the event told before it.
    let found = events(
        "Lawmakers held a no-confidence vote on Thursday. The assembly approved the motion by 181 votes.",
    );
    assert_eq!(dated(&found, "motion"), (Some("2020-01-02".into()), TimeSource::Coreference));
    let found = events("Parliament will hold a vote on Thursday. A motion was approved.");
    assert_eq!(dated(&found, "motion").1, TimeSource::Published);
}

#[test]
fn participants_past_modifiers_relative_pronouns_and_lists() {
    // A name after a place noun and "of" in a place phrase is where, not whom; as the
    // object itself it is the target.
    let found = events("Iraq condemned the shooting in the western city of Karbala.");
    let shooting = event(&found, "shooting");
    assert!(shooting.participants.is_empty(), "{shooting:#?}");
    assert_eq!(shooting.place.as_ref().map(|p| p.as_str()), Some("karbala"));
    let found = events("Gunmen attacked the town of Karbala. Iran condemned strikes on the city of Erbil.");
    assert_eq!(role(event(&found, "attacked"), Role::Target), ["karbala"]);
    assert_eq!(role(event(&found, "strikes"), Role::Target), ["erbil"]);
    // The subject of another verb is no doer of a noun after that verb.
    assert!(role(event(&found, "strikes"), Role::Agent).is_empty());
    // An object preposition may stand before a few modifiers of the name.
    let found = events("Iran fired missiles after the death of key Iranian major-general Qassem Soleimani.");
    assert_eq!(role(event(&found, "death"), Role::Victim), ["qasem-soleimani"]);
    // A relative pronoun's antecedent is the subject of its verb.
    let found =
        events("The body of Abu Mahdi al-Muhandis, who was killed in the strike, was flown to Ahvaz.");
    assert_eq!(role(event(&found, "killed"), Role::Victim), ["abu-mahdi-al-muhandis"]);
    // Names joined by "and" share a role, past their modifiers.
    let found = events("A US strike killed Qassem Soleimani and Iraqi militia leader Abu Mahdi al-Muhandis.");
    assert_eq!(role(event(&found, "killed"), Role::Victim), ["qasem-soleimani", "abu-mahdi-al-muhandis"]);
    let found = events("US strikes on Iraq, Syria and Lebanon were reported.");
    assert_eq!(role(event(&found, "strikes"), Role::Target), ["iraq", "syria", "lebanon"]);
    // A name of another kind ends the list.
    let found = events("A US strike killed Qassem Soleimani and Iraq condemned it.");
    assert_eq!(role(event(&found, "killed"), Role::Victim), ["qasem-soleimani"]);
    // A name before a preposition does not modify the noun after it.
    let found = events("Trump threatened Iraq with sanctions.");
    assert!(
        event(&found, "sanctions").participants.iter().all(|p| p.entity != "iraq" || p.role != Role::Agent)
    );
    // A name that owns a noun after a comma is an apposition, not the list's next name.
    let found = events("Khamenei appointed Esmail Qaani, Soleimani's deputy, as head of the Quds Force.");
    assert_eq!(role(event(&found, "appointed"), Role::Participant), ["esmail-qaani"]);
    // A name before a reporting verb, or before a determiner when it is no possessive, does
    // not modify the noun after them; a possessor does.
    let found =
        events("Mike Pompeo said the attacks would not stop the evacuation. Iran denied the strikes.");
    assert!(role(event(&found, "attacks"), Role::Agent).is_empty());
    assert!(role(event(&found, "strikes"), Role::Agent).is_empty());
    let found = events("Iran's latest missile attack failed.");
    assert_eq!(role(event(&found, "missile attack"), Role::Agent), ["iran"]);
    // A preposition before a possessor opens the noun's phrase: the possessor is still the
    // doer, and no place.
    let found = events("Iraq was angry at Iran's latest attack.");
    let attack = event(&found, "attack");
    assert_eq!(role(attack, Role::Agent), ["iran"]);
    assert_eq!(attack.place, None);
    // A verb joined by "and" to a verb before it shares that verb's subject, not the object
    // between them.
    let found = events("Iran accused Israel of being behind the attack and vowed revenge.");
    assert_eq!(role(event(&found, "vowed"), Role::Speaker), ["iran"]);
    let found = events("Iran attacked Iraq and killed five soldiers.");
    assert_eq!(role(event(&found, "killed"), Role::Agent), ["iran"]);
    // A subject pronoun nearer the verb is its subject: the name before it is none.
    let found = events("It was Iran's attack, and he intends to march.");
    assert!(role(event(&found, "march"), Role::Agent).is_empty(), "{found:#?}");
    // A preposition governs a name past its title: "loyal to President Donald Trump" is no
    // subject of "stormed".
    let found = events("A mob loyal to President Donald Trump stormed the building.");
    assert!(role(event(&found, "stormed"), Role::Agent).is_empty());
    // A dateline's place is where the story was filed, in no event.
    let found = events(
        "BAGHDAD, Jan 3 (Reuters) - Pompeo said on Friday that the strikes, accusing Iran, were justified.",
    );
    assert!(found.iter().all(|e| e.participants.iter().all(|p| p.entity != "baghdad")), "{found:#?}");
    // A participle right after a determiner stands for those it tells of: no doer.
    let found = events("Lloyd Austin expressed condolences for those killed.");
    assert!(role(event(&found, "killed"), Role::Agent).is_empty());
    // So does one past an adverb, which describes the noun after it: neither the doer nor
    // the day of its clause are its own.
    let found =
        events("Sri Lanka's parliament ousted the controversially appointed government on Wednesday.");
    let appointed = event(&found, "appointed");
    assert!(role(appointed, Role::Agent).is_empty());
    assert_ne!(appointed.time_source, TimeSource::Clause);
}

#[test]
fn a_relative_clause_with_no_event_of_its_own_dates_the_noun_before_it() {
    // Published Saturday 4 January 2020 (the helper's default).
    let found = events("Five people were killed in bombings that rocked the capital on Monday.");
    assert_eq!(dated(&found, "bombings"), (Some("2019-12-30".into()), TimeSource::Clause));
    assert_eq!(day(&found, "killed").as_deref(), Some("2019-12-30"));
    // Not one of a noun of saying: what follows its "that" is what was said.
    let found = events("Iran issued a statement that it was ready on Monday.");
    assert_ne!(dated(&found, "statement").1, TimeSource::Clause);
    // A "that" right after a noun is a relative pronoun, not a determiner before a participle
    // that describes a noun: the verb after it takes its clause's time.
    let found = events("A strike that killed Soleimani on Friday angered Iran.");
    assert_eq!(dated(&found, "killed"), (Some("2020-01-03".into()), TimeSource::Clause));
}

#[test]
fn a_place_of_direction_or_of_a_report_is_not_the_events() {
    let place = |found: &[Event], trigger: &str| event(found, trigger).place.as_ref().map(|p| p.to_string());
    // Right after its trigger, "to" tells where the event went.
    let found = events("The Pentagon deployed troops to Kuwait.");
    assert_eq!(place(&found, "deployed").as_deref(), Some("kuwait"));
    // After another verb, it does not: the plane crashed near Tehran, it was flying to Kyiv.
    let found = events("The plane crashed near Tehran and was flying to Kyiv.");
    assert_eq!(place(&found, "crashed").as_deref(), Some("tehran"));
    let found = events("The crashed plane was a Boeing that flew to Kyiv.");
    assert_eq!(place(&found, "crashed"), None);
    // Where a report was made is not where its event happened.
    let found = events("“Iran killed an American contractor,” Trump tweeted from his estate in Florida.");
    assert_eq!(place(&found, "killed"), None);
    // A place an attack is done to is where it happened; one a statement is about is not.
    let found =
        events("Israel struck Gaza on Monday. Iran accused Israel of the attack and condemned Britain.");
    assert_eq!(place(&found, "struck").as_deref(), Some("gaza"));
    assert_eq!(place(&found, "accused"), None);
    assert_eq!(place(&found, "condemned"), None);
}

#[test]
fn a_definite_general_noun_names_the_nearest_event_of_its_kinds_told_before() {
    let kind_and_day = |text: &str, trigger: &str| {
        let found = events(text);
        let e = event(&found, trigger);
        (e.kind.as_str().to_string(), e.value.as_ref().map(|v| v.to_string()), e.rule.as_str().to_string())
    };
    // The incident is the strike, not the death it caused; it takes the strike's day.
    let (kind, day, rule) = kind_and_day(
        "A US drone strike killed Qasem Soleimani in Baghdad on Friday. The incident marks a serious escalation.",
        "incident",
    );
    assert_eq!((kind.as_str(), day.as_deref()), ("attack", Some("2020-01-03")));
    assert!(rule.starts_with("anaphor:") && rule.contains("cues.tsv:"), "{rule}");
    let (kind, _, _) = kind_and_day(
        "The Treasury imposed new sanctions on Iranian steel makers. As a result of these actions, exports fell.",
        "actions",
    );
    assert_eq!(kind, "sanction");
    // A plural's possessive: "the protesters' action".
    let (kind, _, _) = kind_and_day(
        "Protesters stormed the US Embassy on Tuesday. Trump condemned the protesters’ action.",
        "action",
    );
    assert_eq!(kind, "protest");
    let (kind, _, _) =
        kind_and_day("A Ukrainian airliner crashed near Tehran. The tragedy shocked Kyiv.", "tragedy");
    assert_eq!(kind, "crash");
    // It tells its antecedent's participants, not those of its own sentence.
    let found = events(
        "Iran shot down a Ukrainian airliner. President Rouhani said a probe into the tragedy found errors.",
    );
    let (downing, tragedy) = (event(&found, "shot down"), event(&found, "tragedy"));
    assert_eq!(tragedy.participants, downing.participants);
    assert!(tragedy.participants.iter().all(|p| p.entity.as_str() != "hassan-rouhani"), "{tragedy:#?}");
    // Not without a definite determiner or a possessive, not an owner, not with no event
    // told within three sentences before, not an event only planned.
    let none = [
        "US drones struck Kataib Hezbollah bases. Iraq called it a hostile action.",
        "US drones struck Kataib Hezbollah bases. The operation's commander spoke.",
        "The incident was reported.",
        "US drones struck Kataib Hezbollah bases. Iraq issued a statement. Iran issued a statement. Syria \
         issued a statement. The incident angered Baghdad.",
        "Iran vowed to attack US bases. The move worried Washington.",
        // An incident is something that went wrong, not a vote or an appointment.
        "Voters elected a new parliament on Sunday. The incident surprised observers.",
    ];
    for text in none {
        let found = events(text);
        let kinds: Vec<(&str, &str)> =
            found.iter().map(|e| (e.trigger.text.as_str(), e.kind.as_str())).collect();
        assert!(
            found
                .iter()
                .all(|e| !["action", "operation", "incident", "move"].contains(&e.trigger.text.as_str())),
            "{text}: {kinds:?}"
        );
    }
}

#[test]
fn approving_is_an_authorisation_and_a_vote_only_through_its_object() {
    let found = events("Their deployment was approved by Iraqi Security Forces.");
    assert!(found.iter().all(|e| e.kind != "vote"), "{found:#?}");
    let found = events("Iraq's parliament approved a resolution on Sunday.");
    assert_eq!(event(&found, "resolution").kind, "vote");
}

#[test]
fn a_verb_marked_for_a_person_is_a_killing_only_of_a_person() {
    let found = events("The United States eliminated Qassem Soleimani on Friday.");
    assert_eq!(role(event(&found, "eliminated"), Role::Victim), ["qasem-soleimani"]);
    let found = events("Qassem Soleimani was taken out by a drone.");
    assert_eq!(event(&found, "taken out").kind, "death");
    for text in ["The plan would eliminate the threat.", "They took out a loan in Baghdad."] {
        assert!(events(text).iter().all(|e| e.kind != "death"), "{text}");
    }
    // So are succeeding, replacing and installing an appointment only of a person.
    let found = events("Shehbaz Sharif succeeded Imran Khan as prime minister on Monday.");
    assert_eq!(event(&found, "succeeded").kind, "appointment");
    for text in [
        "The no-confidence motion succeeded early on Sunday.",
        "Workers installed new cameras.",
        "They replaced the battery.",
    ] {
        assert!(events(text).iter().all(|e| e.kind != "appointment"), "{text}");
    }
}

#[test]
fn pounding_gunning_down_blowing_oneself_up_and_executing_a_person() {
    assert_eq!(event(&events("Artillery pounded the city on Monday."), "pounded").kind, "attack");
    assert_eq!(event(&events("Gunmen gunned down two officers."), "gunned down").kind, "death");
    let found = events("A suicide bomber blew himself up at a checkpoint.");
    assert_eq!(event(&found, "blew himself up").kind, "attack");
    let found = events("The militants executed John Smith on Friday.");
    assert_eq!(event(&found, "executed").kind, "death");
    for text in ["Heavy rain pounded the coast.", "The company executed the plan."] {
        assert!(events(text).is_empty(), "{text}: {:#?}", events(text));
    }
}

#[test]
fn firing_or_launching_is_an_attack_only_with_a_weapon_or_an_aim() {
    for (text, trigger) in [
        ("Iran launched over a dozen ballistic missiles at airbases in Iraq.", "launched"),
        ("Iran's armed forces launched a wave of missiles at bases in Iraq.", "launched"),
        ("31 rockets were fired at the base.", "fired"),
        ("Missiles fired due to human error brought down the jet.", "fired"),
        ("Soldiers fired into the crowd on Friday.", "fired"),
        ("Troops fired on protesters.", "fired"),
    ] {
        assert_eq!(event(&events(text), trigger).kind, "attack", "{text}");
    }
    for text in
        ["The club fired its coach after a losing streak.", "Apple launched the new iPhone in September."]
    {
        assert!(events(text).is_empty(), "{text}: {:#?}", events(text));
    }
}

#[test]
fn speaking_is_a_meeting_only_with_someone_named() {
    let found = events("Pompeo spoke with Britain's Foreign Secretary Dominic Raab on Friday.");
    assert_eq!(event(&found, "spoke").kind, "meeting");
    let found = events("Spoke with @HeikoMaas about the decision.");
    assert_eq!(event(&found, "Spoke").kind, "meeting");
    let found = events("Trump spoke by phone to Emmanuel Macron.");
    assert_eq!(event(&found, "spoke").kind, "meeting");
    // "by phone" says how: no second call.
    assert_eq!(found.len(), 1, "{found:#?}");
    for text in [
        "Putin spoke on television before dawn.",
        "Shortly after he spoke, explosions were heard.",
        "Biden spoke about the economy in Ohio.",
        "The president, speaking to reporters, defended the decision.",
        "Two officials, speaking on condition of anonymity, said so.",
    ] {
        assert!(events(text).iter().all(|e| e.kind != "meeting"), "{text}: {:#?}", events(text));
    }
}

#[test]
fn a_verb_of_motion_is_a_deployment_only_when_forces_move() {
    let found = events("Iraq's parliament called on American troops to leave the country.");
    assert_eq!(event(&found, "leave").kind, "deployment");
    let found = events("US forces left the base on Monday.");
    assert_eq!(event(&found, "left").kind, "deployment");
    let found = events("The Marines will not go to Kuwait.");
    assert_eq!(event(&found, "go").kind, "deployment");
    let found = events("More American troops are coming to the region.");
    assert_eq!(event(&found, "coming").kind, "deployment");
    // Or when forces are what it removes.
    let found = events("The government is under pressure to expel the 5,200 American troops in Iraq.");
    assert_eq!(event(&found, "expel").kind, "deployment");
    let found = events("Parliament urged the government to end foreign troop presence.");
    assert_eq!(event(&found, "end").kind, "deployment");
    for text in [
        "Trump left the room on Monday.",
        "The minister came from Kuwait.",
        "They will go to Kuwait.",
        "The minister arrived in Baghdad.",
        "Both sides want to end the war.",
    ] {
        assert!(events(text).is_empty(), "{text}: {:#?}", events(text));
    }
}

#[test]
fn appeals_and_charges_are_statements() {
    for (text, trigger) in [
        ("The demonstrators defied appeals delivered over loudspeakers.", "appeals"),
        ("The UN renewed its calls for restraint on Monday.", "calls for"),
        ("Trump responded on Tuesday, charging that Iran was behind the attack.", "charging that"),
        // Posts, also where the platform is a name the text stage finds.
        ("Trump wrote on Twitter that Iran would pay a heavy price.", "wrote on Twitter"),
        ("Khamenei posted on X that revenge awaits the criminals.", "posted on X"),
        ("Trump sent a series of Twitter posts threatening to hit 52 sites.", "Twitter posts"),
    ] {
        assert_eq!(event(&events(text), trigger).kind, "statement", "{text}");
    }
    // A name still holds no trigger of its own: "Downing Street".
    assert!(events("Boris Johnson left Downing Street on Friday.").is_empty());
    // A charge in court is no statement.
    assert!(events("He was charged with murder.").iter().all(|e| e.kind != "statement"));
}

#[test]
fn defensive_actions_fires_set_and_planes_slamming_into_fields() {
    for (text, trigger, kind) in [
        ("The Pentagon called it a defensive action to protect US personnel.", "defensive action", "attack"),
        ("Esper said the US was prepared to take preemptive action.", "preemptive action", "attack"),
        ("They will set ablaze the places that they like.", "set ablaze", "attack"),
        ("The plane slammed into a field shortly after take-off.", "slammed into", "crash"),
    ] {
        assert_eq!(event(&events(text), trigger).kind, kind, "{text}");
    }
}

#[test]
fn mourners_marching_are_a_funeral_procession() {
    let found = events("Thousands of mourners dressed in black marched through Ahvaz on Sunday.");
    assert_eq!(event(&found, "marched").kind, "funeral");
    let found = events("Protesters marched through Baghdad on Sunday.");
    assert_eq!(event(&found, "marched").kind, "protest");
}

#[test]
fn forces_of_nature_markets_and_figures_of_speech_attack_no_one_and_workers_strike_in_protest() {
    for text in [
        "Lightning struck the tower on Monday.",
        "A storm hit Florida on Wednesday.",
        // A pronoun doer stands for a force of nature told before it in its sentence.
        "The storm will strengthen as it targets the Carolinas later this week.",
        "The stock market crashed on Monday.",
        "A US destroyer shot down two ballistic missiles.",
        // Figures of speech: records and deals are hit and struck, bills killed, rumours shot
        // down; a film bombs, a pandemic hits.
        "Oil prices hit a record high on Monday.",
        "The two sides struck a deal on Friday.",
        "Sales hit $1 billion last year.",
        // Deadlines and demands are met without a meeting.
        "The company met the deadline on Friday.",
        "The government met the demands of the strikers.",
        "The Senate killed the bill.",
        "The company shot down rumors of a merger.",
        "The film bombed at the box office.",
        "The airline was hit hard by the pandemic.",
        "Stocks rallied on Friday.",
        "Trump withdrew from the 2015 nuclear deal.",
        "She withdrew from the race on Monday.",
        // Time passes, vehicles pass, students pass exams: no vote.
        "Disaster struck the capital on Tuesday.",
        "Trump unilaterally withdrew in 2018 from the Iran nuclear deal.",
        // Tear gas and software updates deployed are no forces.
        "Police deployed tear gas on Sunday.",
        "Google deployed the update on Monday.",
        "Riot police stood guard outside the parliament.",
        // Sports: a striker shoots wide; a bill, a deal or a career dies.
        "The striker shot wide in the second half.",
        "The bill died in committee on Monday.",
        "The deadline passed on Friday.",
        "A convoy passed the checkpoint.",
        "The students passed the exam.",
        // The doer is read past numbers and past a clause between commas.
        "A major aftershock measuring 7.5 in magnitude struck Turkey at 1:24 p.m.",
        "The storm, which had winds of 100 mph, hit Florida on Monday.",
    ] {
        assert!(events(text).is_empty(), "{text}: {:#?}", events(text));
    }
    // Their dead are still dead; an aircraft still crashes; other doers still attack.
    let found = events("A powerful earthquake killed more than 40,000 people in Turkey on Monday.");
    assert_eq!(event(&found, "killed").kind, "death");
    assert_eq!(event(&events("The plane crashed near Tehran."), "crashed").kind, "crash");
    assert_eq!(event(&events("Iran shot down a US drone."), "shot down").kind, "crash");
    let found = events("The jet, a Boeing 737 carrying 176 people, was hit by a missile.");
    assert_eq!(event(&found, "hit").kind, "crash");
    assert_eq!(event(&events("A wave of missiles struck the base."), "struck").kind, "attack");
    assert_eq!(event(&events("US troops withdrew from Syria."), "withdrew").kind, "deployment");
    assert_eq!(event(&events("Parliament passed a resolution on Sunday."), "passed").kind, "vote");
    // Politicians and critics who attack or clash make statements; the doer is their speaker.
    let found = events("Critics attacked the plan on Monday. Ministers clashed over the budget.");
    assert_eq!(event(&found, "attacked").kind, "statement");
    assert_eq!(event(&found, "clashed").kind, "statement");
    // What a passive verb was done with retypes it as its doer after "by" would.
    let found = events("The broker was hit with sanctions in January.");
    assert!(found.iter().all(|e| e.kind == "sanction"), "{found:#?}");
    let found = events("Trump spent weeks attacking the integrity of the election.");
    assert_eq!(event(&found, "attacking").kind, "statement");
    assert_eq!(event(&events("Protesters clashed with police on Monday."), "clashed").kind, "protest");
    // CAMEO files a strike or walkout under protest.
    let found = events("Auto workers went on strike on Monday after talks collapsed.");
    assert_eq!(event(&found, "went on strike").kind, "protest");
    assert_eq!(event(&events("Teachers struck for a third day."), "struck").kind, "protest");
    // A policy attacked is criticised; a crowd's attack in the passive is still a protest.
    assert_eq!(event(&events("The senator attacked the policy as reckless."), "attacked").kind, "statement");
    let found = events("The embassy was attacked by protesters on Tuesday.");
    assert_eq!(event(&found, "attacked").kind, "protest");
}

#[test]
fn a_noun_in_a_compound_may_name_no_event() {
    for text in [
        "Stocks fell in the trading session on Monday.",
        "He checked his bank statement.",
        "The market crash of 1987 was severe.",
        "The company issued a profit warning.",
        "He works at a funeral home in Ohio.",
        "The league sanctioned the event.",
        "Thousands gathered to meet the body of the general.",
    ] {
        assert!(events(text).is_empty(), "{text}: {:#?}", events(text));
    }
    let found = events("Parliament held an emergency session on Sunday. The plane crash killed 176.");
    assert_eq!(event(&found, "emergency session").kind, "meeting");
    assert_eq!(event(&found, "plane crash").kind, "crash");
    let found = events("The US sanctioned 17 companies on Friday.");
    assert_eq!(event(&found, "sanctioned").kind, "sanction");
}

#[test]
fn an_attack_by_a_crowd_is_a_protest_and_one_by_sanctions_a_sanction() {
    // CAMEO files a violent protest under protest: the crowd's storming of an embassy.
    let found = events("Militiamen and their supporters attacked the embassy compound Tuesday.");
    assert_eq!(event(&found, "attacked").kind, "protest");
    // Scuffles are a crowd's, never armed.
    let found = events("Scuffles broke out outside Congress. Protesters scuffled with police on Monday.");
    assert_eq!(event(&found, "Scuffles").kind, "protest");
    assert_eq!(event(&found, "scuffled").kind, "protest");
    let found = events("The new sanctions target 17 mining companies.");
    assert_eq!(event(&found, "target").kind, "sanction");
    // Other doers keep the attack.
    let found = events("Militants attacked the base on Tuesday.");
    assert_eq!(event(&found, "attacked").kind, "attack");
    // A doer's pronoun is not read as the crowd told before it: the soldiers opened fire.
    let found = events(
        "Protesters gathered outside the base. Soldiers stood on the walls, and they attacked the crowd.",
    );
    assert_eq!(event(&found, "attacked").kind, "attack");
}
