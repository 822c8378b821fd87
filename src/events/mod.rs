//! The events stage: dated events from a trigger lexicon and rules.
//!
//! A trigger ("struck", "air strike", "funeral") from `data/events/triggers.tsv` starts an
//! event of its kind. Rules around it, reading the function words of `data/events/cues.tsv`,
//! decide its status (asserted, planned, hypothetical or negated), its voice, its
//! participants by role (the entity mentions in the subject, object, `by` and `of/on/against`
//! positions), its place (a place after `in/at/near…`) and its time: the time expression that
//! governs its clause, else the day of a same-kind event the document dates itself, else the
//! publication date for an asserted event (not for a past perfect). Every
//! event says how its time was chosen and which trigger line made it.
//!
//! ```
//! use annals::{Document, Extractor, events::Status};
//! let extractor = Extractor::new()?;
//! let doc = Document::new("x", "A US drone strike killed Qasem Soleimani near Baghdad airport on Friday. \
//!     Iran vowed to retaliate.")
//!     .published(chrono::NaiveDate::from_ymd_opt(2020, 1, 4).unwrap());
//! let extraction = extractor.extract(&doc);
//! let found: Vec<_> = extraction.events.iter()
//!     .map(|e| (e.trigger.text.as_str(), e.kind.as_str(), e.status, e.value.as_ref().map(|v| v.to_string())))
//!     .collect();
//! assert_eq!(found[0], ("drone strike", "attack", Status::Asserted, Some("2020-01-03".to_string())));
//! assert_eq!(found[1].0, "killed");
//! assert_eq!(found.last().unwrap().2, Status::Planned); // "to retaliate"
//! # Ok::<(), annals::Error>(())
//! ```

mod dating;
pub(crate) mod lexicon;
mod rules;

use crate::entities::{EntityId, RuleId};
use crate::span::Span;
use crate::time::{Interval, TimexValue};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

pub(crate) use rules::{Input, find};

crate::entities::string_id!(
    /// The kind of an event: one of the kinds of `data/events/kinds.tsv` (`attack`, `death`,
    /// `funeral`, `protest`, `statement`, `threat`, `meeting`, `advisory`, `deployment`,
    /// `appointment`, `vote`, `crash`, `sanction` in the bundled taxonomy).
    EventKind
);

/// What a participant does in an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Role {
    /// Who does it (the striker, the protesters, the government that votes).
    Agent,
    /// What or whom it is aimed at (the base attacked, the country sanctioned).
    Target,
    /// Who dies or suffers it.
    Victim,
    /// Who says it (statements, warnings).
    Speaker,
    /// Anyone else taking part (the other side of a call, the appointee).
    Participant,
}

impl Role {
    /// The role's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Agent => "agent",
            Role::Target => "target",
            Role::Victim => "victim",
            Role::Speaker => "speaker",
            Role::Participant => "participant",
        }
    }

    /// Whether two roles put their entity on the same side of an event: the doer (agent,
    /// speaker) or the one it is done to (target, victim); a mere participant is on either.
    /// The US as the agent of one strike and the target of another does not make them one.
    pub fn same_side(self, other: Role) -> bool {
        let doer = |r: Role| matches!(r, Role::Agent | Role::Speaker);
        self == Role::Participant || other == Role::Participant || doer(self) == doer(other)
    }
}

impl FromStr for Role {
    type Err = ();
    fn from_str(s: &str) -> Result<Role, ()> {
        Ok(match s {
            "agent" => Role::Agent,
            "target" => Role::Target,
            "victim" => Role::Victim,
            "speaker" => Role::Speaker,
            "participant" => Role::Participant,
            _ => return Err(()),
        })
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether the text says the event happened. Only asserted events go on a timeline as
/// having happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Status {
    /// Reported as having happened or happening.
    Asserted,
    /// Vowed, planned, threatened or expected ("vowed to retaliate", "will withdraw").
    Planned,
    /// Possible or conditional ("could strike", "if Iran attacks").
    Hypothetical,
    /// Said not to have happened ("no one was killed", "did not attack").
    Negated,
}

/// How an event's time was chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum TimeSource {
    /// The time expression governing the trigger's clause.
    Clause,
    /// Another time expression of the same sentence.
    Sentence,
    /// No time in the sentence: the time of another mention of the same kind of event in the
    /// document that the text dates ("the strikes", after "US strikes on Sunday").
    Coreference,
    /// No time of its own clause: the day of an event the sentence ties it to ("killed in
    /// last Friday's airstrike", "the strike that killed him" when the text dates him killed).
    Linked,
    /// A duration from another time of the sentence: "a day after they stormed the embassy",
    /// in a sentence dated Wednesday, is Tuesday.
    Offset,
    /// Set by [`Timeline::date_events`](crate::Timeline::date_events): the date of the
    /// timeline entry the event was merged into, across documents.
    Timeline,
    /// No time in the sentence: the publication date, for a past or present event in news.
    Published,
    /// No time in the sentence: the last date the text mentioned (narrative mode).
    Narrative,
    /// No time of its own, and its text puts it before a day that the publication date is
    /// not before ("besieged the embassy on Tuesday after a US air raid", published Tuesday):
    /// the day before, the latest it may be. A timeline reaches back from it as from a
    /// publication date.
    Before,
    /// No day: a duration of a month or more in its clause says the event stretches or
    /// recurs over it ("the deaths of hundreds of troops over the past two decades", "have
    /// attacked US bases for years").
    Spread,
    /// No time could be given (planned events without a time, no publication date).
    None,
}

/// The words that triggered an event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Trigger {
    /// UTF-8 byte offsets into the text.
    #[serde(flatten)]
    pub span: Span,
    /// Offset of the first character, in Unicode scalar values.
    pub char_start: usize,
    /// Offset after the last character, in Unicode scalar values.
    pub char_end: usize,
    /// The trigger as written.
    pub text: String,
}

/// An entity taking part in an event.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Participant {
    /// What it does in the event.
    pub role: Role,
    /// The canonical entity.
    pub entity: EntityId,
    /// The mention's UTF-8 byte offsets.
    #[serde(flatten)]
    pub span: Span,
}

/// One event mention in a document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Event {
    /// Its kind.
    pub kind: EventKind,
    /// The trigger words.
    pub trigger: Trigger,
    /// Whether it happened.
    pub status: Status,
    /// When: a TIMEX3 value (`2020-01-03`, `2020-W01`), if one was found.
    pub value: Option<TimexValue>,
    /// The interval `value` denotes.
    pub interval: Option<Interval>,
    /// How the time was chosen.
    pub time_source: TimeSource,
    /// The time expression chosen, if the time came from the text.
    pub time: Option<Span>,
    /// The sentence holding the trigger.
    pub sentence: Span,
    /// The entities taking part, by role, in order of position.
    pub participants: Vec<Participant>,
    /// Where it happened: a place entity.
    pub place: Option<EntityId>,
    /// The trigger of the event of the same sentence whose day it took, when `time_source` is
    /// `Linked` ("killing all 176" after "downed a jetliner late Tuesday"), or that it is tied
    /// to when neither is dated but by a guess ("air strikes that killed 25", `Published`): a
    /// timeline dates the two together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub linked: Option<Span>,
    /// A heuristic score in (0, 1]: higher when the trigger is a verb and the event has its
    /// own time, participants and place.
    pub confidence: f32,
    /// The trigger line that made it: `trigger:data/events/triggers.tsv:12`.
    pub rule: RuleId,
}

impl Event {
    /// The entities with `role`.
    pub fn with_role(&self, role: Role) -> impl Iterator<Item = &EntityId> + '_ {
        self.participants.iter().filter(move |p| p.role == role).map(|p| &p.entity)
    }
}
