//! The event vocabulary: kinds (`data/events/kinds.tsv`), triggers
//! (`data/events/triggers.tsv`) and the function words the rules read
//! (`data/events/cues.tsv`), parsed once into lookup tables keyed by a phrase's first word.

use super::{EventKind, Role};
use crate::data::{LineReader, Source, fields};
use crate::entities::{EntityKind, RuleId};
use crate::error::Error;
use crate::time::lexicon::Fnv;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// The bundled event files, in load order (kinds first: triggers refer to them).
pub(crate) const BUNDLED_EVENT_FILES: [&str; 3] =
    ["data/events/kinds.tsv", "data/events/triggers.tsv", "data/events/cues.tsv"];

/// Which inflection of a trigger matched: it decides tense, voice and status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Form {
    /// A verb's base form ("strike"): present, or planned after "to"/"will".
    Base,
    /// Third person singular ("strikes"): present.
    Third,
    /// Simple past ("struck").
    Past,
    /// Past participle ("struck"): past, and passive after a form of "be".
    Participle,
    /// Past form that is both simple past and participle ("killed").
    PastOrParticiple,
    /// Gerund ("striking"): nominal after a determiner or before "of".
    Gerund,
    /// A noun, singular or plural.
    Noun,
}

impl Form {
    pub(crate) fn is_verb(self) -> bool {
        self != Form::Noun
    }

    pub(crate) fn can_be_participle(self) -> bool {
        matches!(self, Form::Participle | Form::PastOrParticiple)
    }
}

/// One line of the trigger file.
#[derive(Clone, Debug)]
pub(crate) struct TriggerEntry {
    pub(crate) kind: EventKind,
    /// The role of the grammatical subject (or a noun's possessor, modifier or "by" phrase).
    pub(crate) subject: Option<Role>,
    /// The role of the object (or a noun's "of/on/against/with" complement).
    pub(crate) object: Option<Role>,
    /// A mark on a verb's first form: what the verb needs around it to tell an event.
    pub(crate) mark: Option<Mark>,
    pub(crate) rule: RuleId,
}

/// A mark written before a verb's first form in triggers.tsv.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mark {
    /// `^storm`: the base form is a verb only right after "to", a modal or a negation
    /// ("attempted to storm"), elsewhere mostly another word (the weather).
    AfterTo,
    /// `@leave`: an event only when its subject or object is a `force` word ("the troops to
    /// leave", "expel the troops").
    Force,
    /// `%eliminate`: an event only when a person is its object, or its subject in the
    /// passive ("eliminate Qassem Soleimani", not "eliminate the threat").
    Person,
    /// `&speak`: an event only when a `partner` preposition ("with", "to") and a name follow
    /// ("spoke with Heiko Maas", not "spoke at a rally", "spoke to reporters").
    Partner,
    /// `!fire`: an event only when it fires a `weapon` word (its object, or its subject in the
    /// passive), or an `aim` preposition or the end of the clause follows ("fired missiles",
    /// "rockets were fired", "fired on protesters"; not "fired its coach").
    Weapon,
    /// `~bring down`: an event only when its patient retypes it (a `retype:` line of the cues
    /// file: "brought down the plane" is a downing; not "brought down the government").
    Retyped,
}

impl Mark {
    /// Each mark: its character, the form it may stand on, and an example.
    const ALL: [(char, Mark, &'static str, &'static str); 6] = [
        ('^', Mark::AfterTo, "base form", "^storm"),
        ('@', Mark::Force, "first form", "@leave"),
        ('%', Mark::Person, "first form", "%eliminate"),
        ('&', Mark::Partner, "first form", "&speak"),
        ('!', Mark::Weapon, "first form", "!fire"),
        ('~', Mark::Retyped, "first form", "~bring down"),
    ];
}

/// A kind with its label and summary template.
#[derive(Clone, Debug)]
pub(crate) struct KindEntry {
    pub(crate) kind: EventKind,
    pub(crate) label: String,
    /// How many days apart reports sharing a participant in an identity role may be dated
    /// and still tell one event.
    pub(crate) span_days: u32,
    /// The roles whose shared participant makes two reports one event across days.
    pub(crate) identity: Vec<Role>,
    pub(crate) summary: String,
    /// The kinds of entity a role may hold, where the kind restricts it (a death's victim is
    /// a person: "11 Ukrainians were among the dead" names no victim by the country).
    pub(crate) roles: Vec<(Role, Vec<EntityKind>)>,
    /// Kinds whose mentions may tell an event of this kind, with the role they must share
    /// with it on its day (a crowd storming an embassy is reported as "an attack on the
    /// embassy": `attack:target` on the protest line).
    pub(crate) told_as: Vec<(EventKind, Role)>,
}

impl KindEntry {
    /// Whether the kind happens at a place, as its summary's `{place}` says: a place it is
    /// done to is then where it happened ("struck Gaza"); a statement or a threat about a
    /// country ("accused Israel") did not happen there.
    pub(crate) fn located(&self) -> bool {
        self.summary.contains("{place}")
    }

    /// Whether an entity of `kind` may take `role` in this kind of event.
    pub(crate) fn allows(&self, role: Role, kind: EntityKind) -> bool {
        self.roles.iter().filter(|(r, _)| *r == role).all(|(_, kinds)| kinds.contains(&kind))
    }
}

/// The classes of function words in `data/events/cues.tsv`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Cue {
    Negation,
    Hypothetical,
    Future,
    Infinitive,
    Intention,
    PassiveAuxiliary,
    AgentPreposition,
    ObjectPreposition,
    PlacePreposition,
    Reporting,
    ClauseBoundary,
    Determiner,
    AgainstPrefix,
    PastPerfect,
    NotEvent,
    Within,
    Relative,
    Support,
    /// A word that puts an event a duration after another time ("a day after they stormed").
    After,
    /// A word that puts an event a duration before another time ("two days before the vote").
    Before,
    /// A definite determiner ("the", "this", "its"): its noun is a known event.
    Definite,
    /// Any preposition: before a definite noun, a known event out of the clause's modality
    /// ("if Iran strikes back for the killing").
    Preposition,
    /// A word that joins names in a list ("and"): they share a role.
    Conjunction,
    /// A place preposition of direction ("to", "from"): where someone went or came from.
    Direction,
    /// A preposition before a duration over which an event stretches or recurs ("over the
    /// past two decades", "for years").
    Throughout,
    /// A preposition that makes the time after it a bound of a span, not a day of the event
    /// ("attacks on shipping since November 19", "will stay until Friday").
    Bound,
    /// A verb after an event noun that says the event is still to come ("revenge awaits").
    Ahead,
    /// A word of some `retype:FROM>TO` line (see [`Retype`]).
    Patient,
    /// A verb that tells someone to do something ("called on", "ordered", "asked"): the
    /// infinitive after its object is planned ("called on parliament to end …"); unlike an
    /// `intention` word, it does not make a noun after it planned ("ordered the strike").
    Directive,
    /// A word that puts the trigger right after it before the story's day, on a day the
    /// sentence does not say ("we have previously confirmed", "Iran's initial claim").
    Earlier,
    /// A noun of some `anaphor:` line (see [`Anaphor`]).
    Anaphor,
    /// A word for armed forces ("troops", "marines"): the subject or object a verb marked `@`
    /// needs.
    Force,
    /// A pronoun that may stand for a noun told just before ("it was struck by a missile").
    Pronoun,
    /// A personal pronoun that is a subject ("we", "they"): a noun trigger right after it is
    /// a verb ("we call on").
    SubjectPronoun,
    /// A weapon, or an armed action ("missiles", "rockets", "drones", "a strike"): what a verb
    /// marked `!` must fire or launch.
    Weapon,
    /// A preposition of aim after a verb marked `!` ("fired at", "fired on the crowd").
    Aim,
    /// A preposition that introduces whom a verb marked `&` is done with ("spoke with").
    Partner,
    /// A possessive determiner ("its", "their"): its noun belongs to someone told before.
    Possessive,
    /// A preposition that introduces what a passive verb was done with ("hit with
    /// sanctions"): its noun retypes the verb as a doer after "by" does.
    Instrument,
    /// A word opening a time that reaches the publication day ("earlier this month"): the
    /// event it dates happened before that day.
    EarlierTime,
    /// A word that, as a verb's object, says nothing was done ("killing no one", "injured
    /// nobody").
    NegativeObject,
    /// A common noun for a place ("city", "province"): a name after it and "of" is that
    /// place ("in the western city of Nara"), not a noun trigger's object.
    PlaceNoun,
    /// A statement verb that makes a decision known ("announced", "declared", "unveiled"): a
    /// noun of a kind that does not happen once ("sanctions", "a deployment") as its object
    /// takes effect as it is said, on the statement's day.
    Announcing,
}

impl Cue {
    fn parse(class: &str) -> Option<Cue> {
        Some(match class {
            "negation" => Cue::Negation,
            "hypothetical" => Cue::Hypothetical,
            "future" => Cue::Future,
            "infinitive" => Cue::Infinitive,
            "intention" => Cue::Intention,
            "passive-auxiliary" => Cue::PassiveAuxiliary,
            "agent-preposition" => Cue::AgentPreposition,
            "object-preposition" => Cue::ObjectPreposition,
            "place-preposition" => Cue::PlacePreposition,
            "reporting" => Cue::Reporting,
            "clause-boundary" => Cue::ClauseBoundary,
            "determiner" => Cue::Determiner,
            "against-prefix" => Cue::AgainstPrefix,
            "past-perfect" => Cue::PastPerfect,
            "not-event" => Cue::NotEvent,
            "within" => Cue::Within,
            "relative" => Cue::Relative,
            "support" => Cue::Support,
            "after" => Cue::After,
            "before" => Cue::Before,
            "definite" => Cue::Definite,
            "preposition" => Cue::Preposition,
            "conjunction" => Cue::Conjunction,
            "direction" => Cue::Direction,
            "throughout" => Cue::Throughout,
            "bound" => Cue::Bound,
            "ahead" => Cue::Ahead,
            "pronoun" => Cue::Pronoun,
            "force" => Cue::Force,
            "earlier" => Cue::Earlier,
            "directive" => Cue::Directive,
            "subject-pronoun" => Cue::SubjectPronoun,
            "weapon" => Cue::Weapon,
            "aim" => Cue::Aim,
            "partner" => Cue::Partner,
            "possessive" => Cue::Possessive,
            "instrument" => Cue::Instrument,
            "earlier-time" => Cue::EarlierTime,
            "negative-object" => Cue::NegativeObject,
            "place-noun" => Cue::PlaceNoun,
            "announcing" => Cue::Announcing,
            _ => return None,
        })
    }

    const CLASSES: &str = "negation, hypothetical, future, infinitive, intention, passive-auxiliary, \
                           agent-preposition, object-preposition, place-preposition, reporting, \
                           clause-boundary, determiner, against-prefix, past-perfect, not-event, \
                           within, relative, support, after, before, definite, preposition, \
                           conjunction, direction, throughout, bound, ahead, pronoun, force, \
                           directive, earlier, subject-pronoun, weapon, aim, partner, possessive, \
                           instrument, earlier-time, negative-object, place-noun, announcing, \
                           retype:FROM>TO, retype-agent:FROM>TO, retype-modifier:FROM>TO, \
                           anaphor:KIND|KIND";
}

/// A `retype:FROM>TO` line of the cues file (or `retype-agent:`, `retype-modifier:`, see
/// [`RetypeBy`]): a trigger of kind FROM whose patient (the subject of a passive, the object
/// of an active verb), doer or compound modifier is one of `words` tells an event of kind TO
/// ("the plane was hit" is a shoot-down, not an attack), or no event when TO is `-`.
#[derive(Clone, Debug)]
pub(crate) struct Retype {
    pub(crate) from: EventKind,
    /// `None` (written `-`): no event ("an earthquake struck" is no attack).
    pub(crate) to: Option<EventKind>,
    /// Single words, lower case.
    pub(crate) words: Vec<Box<str>>,
    /// Where the words stand.
    pub(crate) position: RetypeBy,
}

/// Which word of a `retype` line retypes a trigger.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RetypeBy {
    /// A verb's patient (`retype:`): "the plane was hit".
    Patient,
    /// A verb's doer (`retype-agent:`): "mourners marched" is a funeral procession.
    Agent,
    /// The word right before a noun, which makes a compound with it (`retype-modifier:`): a
    /// "trading session" is no meeting, a "bank statement" no statement.
    Modifier,
}

impl RetypeBy {
    fn class(self) -> &'static str {
        match self {
            RetypeBy::Patient => "retype",
            RetypeBy::Agent => "retype-agent",
            RetypeBy::Modifier => "retype-modifier",
        }
    }
}

/// An `anaphor:KIND|KIND` line of the cues file: nouns that, after a definite determiner or
/// a possessive, name an event the text told just before ("the incident", "these actions",
/// "Trump's move"), of one of `kinds`.
#[derive(Clone, Debug)]
pub(crate) struct Anaphor {
    pub(crate) kinds: Vec<EventKind>,
    /// For each of `kinds`, the trigger entry (in `EventLexicon::triggers`) the noun takes:
    /// that kind's noun roles, this line's rule.
    pub(crate) entries: Vec<u32>,
    /// Where the line is: the file's name and the line's number.
    file: String,
    line: usize,
}

/// A phrase of one or more words, keyed in a table by its first word.
#[derive(Clone, Debug)]
pub(crate) struct Phrase<T> {
    /// The words after the first, lower case.
    pub(crate) rest: Box<[Box<str>]>,
    pub(crate) payload: T,
}

/// Phrases by their first word; each list is sorted longest first, so the first phrase that
/// matches is the longest.
#[derive(Clone, Debug)]
pub(crate) struct PhraseTable<T> {
    by_first: HashMap<Box<str>, Vec<Phrase<T>>, BuildHasherDefault<Fnv>>,
}

impl<T> Default for PhraseTable<T> {
    fn default() -> Self {
        PhraseTable { by_first: HashMap::default() }
    }
}

impl<T> PhraseTable<T> {
    fn insert(&mut self, phrase: &str, payload: T) {
        let mut words = phrase.split_whitespace().map(|w| w.to_ascii_lowercase().into_boxed_str());
        let Some(first) = words.next() else { return };
        let list = self.by_first.entry(first).or_default();
        list.push(Phrase { rest: words.collect(), payload });
        list.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
    }

    /// The phrases starting with `word` (already lower case), longest first.
    pub(crate) fn starting_with(&self, word: &str) -> &[Phrase<T>] {
        self.by_first.get(word).map_or(&[], Vec::as_slice)
    }
}

/// Everything the events stage knows.
#[derive(Clone, Debug, Default)]
pub(crate) struct EventLexicon {
    pub(crate) kinds: Vec<KindEntry>,
    pub(crate) triggers: Vec<TriggerEntry>,
    /// Surface forms → (index into `triggers`, form).
    pub(crate) forms: PhraseTable<(u32, Form)>,
    /// Function words → their classes (a word may have several).
    pub(crate) cues: PhraseTable<Cue>,
    /// Kinds that a patient changes (`retype:FROM>TO` lines).
    pub(crate) retypes: Vec<Retype>,
    /// `anaphor:` lines, and their nouns (single words, lower case) → index into `anaphors`
    /// (a noun on two lines takes the first).
    pub(crate) anaphors: Vec<Anaphor>,
    pub(crate) anaphor_words: PhraseTable<u32>,
}

impl EventLexicon {
    /// Parses kind, trigger and cue files; which is which is told by the file name
    /// (`kinds`, `cues`, anything else is a trigger file), so a user's extra files follow the
    /// same convention.
    pub(crate) fn from_sources(sources: &[Source]) -> Result<EventLexicon, Error> {
        let mut lex = EventLexicon::default();
        fn stem(s: &Source) -> &str {
            crate::data::file_stem(s.name())
        }
        for source in sources.iter().filter(|s| stem(s) == "kinds") {
            lex.parse_kinds(source)?;
        }
        for source in sources.iter().filter(|s| stem(s) == "cues") {
            lex.parse_cues(source)?;
        }
        for source in sources.iter().filter(|s| stem(s) != "kinds" && stem(s) != "cues") {
            lex.parse_triggers(source)?;
        }
        lex.anaphor_entries()?;
        Ok(lex)
    }

    /// One trigger entry per kind of each `anaphor:` line: the roles of the kind's first noun
    /// trigger ("the attack of X on Y"), else agent and target.
    fn anaphor_entries(&mut self) -> Result<(), Error> {
        let nouns: std::collections::BTreeSet<u32> = self
            .forms
            .by_first
            .values()
            .flatten()
            .filter(|p| p.payload.1 == Form::Noun)
            .map(|p| p.payload.0)
            .collect();
        for a in 0..self.anaphors.len() {
            let mut entries = Vec::new();
            let (file, line) = (self.anaphors[a].file.clone(), self.anaphors[a].line);
            for kind in self.anaphors[a].kinds.clone() {
                let noun = nouns.iter().map(|&i| &self.triggers[i as usize]).find(|t| t.kind == kind);
                let (subject, object) =
                    noun.map_or((Some(Role::Agent), Some(Role::Target)), |t| (t.subject, t.object));
                entries.push(
                    u32::try_from(self.triggers.len())
                        .map_err(|_| Error::data(&file, line, "too many triggers"))?,
                );
                self.triggers.push(TriggerEntry {
                    kind,
                    subject,
                    object,
                    mark: None,
                    rule: RuleId::from(format!("anaphor:{file}:{line}")),
                });
            }
            self.anaphors[a].entries = entries;
        }
        Ok(())
    }

    pub(crate) fn kind(&self, kind: &EventKind) -> Option<&KindEntry> {
        self.kinds.iter().find(|k| &k.kind == kind)
    }

    fn parse_kinds(&mut self, source: &Source) -> Result<(), Error> {
        let mut pending: Vec<(usize, EventKind)> = Vec::new();
        for (line, row) in LineReader::new(source) {
            // The sixth and seventh fields, the role restrictions and the kinds an event is
            // told as, may be left out.
            let (five, roles, told) = match row.len() {
                7 => (&row[..5], row[5], row[6]),
                6 => (&row[..5], row[5], "-"),
                n if n > 7 => {
                    return Err(
                        source.error(line, format!("expected 5 to 7 tab-separated fields, found {n}"))
                    );
                }
                _ => (&row[..], "-", "-"),
            };
            let [kind, label, span, identity, summary] = fields::<5>(source, line, five)?;
            let roles = parse_roles(roles).map_err(|m| source.error(line, m))?;
            let told_as = parse_told_as(told).map_err(|m| source.error(line, m))?;
            pending.extend(told_as.iter().map(|(k, _)| (line, k.clone())));
            let span_days = span
                .parse::<u32>()
                .map_err(|_| source.error(line, format!("span `{span}` must be a number of days")))?;
            let identity = if identity == "-" {
                Vec::new()
            } else {
                identity
                    .split('|')
                    .map(|r| {
                        r.parse::<Role>()
                            .map_err(|_| source.error(line, format!("unknown identity role `{r}`")))
                    })
                    .collect::<Result<Vec<Role>, Error>>()?
            };
            if !kind.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
                return Err(
                    source.error(line, format!("kind `{kind}` must be lower-case letters and hyphens"))
                );
            }
            check_template(summary).map_err(|m| source.error(line, m))?;
            let entry = KindEntry {
                kind: EventKind::from(kind),
                label: label.to_string(),
                span_days,
                identity,
                summary: summary.to_string(),
                roles,
                told_as,
            };
            match self.kinds.iter_mut().find(|k| k.kind == kind) {
                Some(existing) => *existing = entry,
                None => self.kinds.push(entry),
            }
        }
        // A kind told as another must be one of this file's or an earlier kinds file's.
        for (line, told) in pending {
            if self.kind(&told).is_none() {
                let known: Vec<&str> = self.kinds.iter().map(|k| k.kind.as_str()).collect();
                return Err(source.error(
                    line,
                    format!("unknown event kind `{told}` told as (expected one of {})", known.join(", ")),
                ));
            }
        }
        Ok(())
    }

    fn parse_cues(&mut self, source: &Source) -> Result<(), Error> {
        for (line, row) in LineReader::new(source) {
            let [class, forms] = fields::<2>(source, line, &row)?;
            if let Some(kinds) = class.strip_prefix("anaphor:") {
                let anaphor =
                    self.parse_anaphor(kinds, forms, source, line).map_err(|m| source.error(line, m))?;
                let index =
                    u32::try_from(self.anaphors.len()).map_err(|_| source.error(line, "too many lines"))?;
                for word in forms.split('|') {
                    self.anaphor_words.insert(word, index);
                    self.cues.insert(word, Cue::Anaphor);
                }
                self.anaphors.push(anaphor);
                continue;
            }
            let retype_kinds =
                [RetypeBy::Patient, RetypeBy::Agent, RetypeBy::Modifier].into_iter().find_map(|by| {
                    class.strip_prefix(by.class()).and_then(|c| c.strip_prefix(':')).map(|k| (k, by))
                });
            if let Some((kinds, position)) = retype_kinds {
                let retype = self.parse_retype(kinds, forms, position).map_err(|m| source.error(line, m))?;
                for word in &retype.words {
                    self.cues.insert(word, Cue::Patient);
                }
                self.retypes.push(retype);
                continue;
            }
            let cue = Cue::parse(class).ok_or_else(|| {
                source.error(line, format!("unknown cue class `{class}` (expected one of {})", Cue::CLASSES))
            })?;
            for form in forms.split('|') {
                if form.trim().is_empty() {
                    return Err(source.error(line, "empty form between `|`"));
                }
                self.cues.insert(form, cue);
            }
        }
        Ok(())
    }

    /// An `anaphor:KIND|KIND` line: known kinds and single words.
    fn parse_anaphor(
        &self,
        kinds: &str,
        words: &str,
        source: &Source,
        line: usize,
    ) -> Result<Anaphor, String> {
        let kinds = kinds
            .split('|')
            .map(|kind| {
                self.kind(&EventKind::from(kind)).map(|k| k.kind.clone()).ok_or_else(|| {
                    let known: Vec<&str> = self.kinds.iter().map(|k| k.kind.as_str()).collect();
                    format!(
                        "unknown event kind `{kind}` in `anaphor:` (expected one of {})",
                        known.join(", ")
                    )
                })
            })
            .collect::<Result<Vec<EventKind>, String>>()?;
        if let Some(w) = words.split('|').find(|w| w.trim().is_empty() || w.contains(char::is_whitespace)) {
            return Err(format!("an anaphor is one word, found `{w}`"));
        }
        Ok(Anaphor { kinds, entries: Vec::new(), file: source.name().to_string(), line })
    }

    /// A `retype:FROM>TO` line: two known kinds and single words.
    fn parse_retype(&self, kinds: &str, words: &str, position: RetypeBy) -> Result<Retype, String> {
        let class = position.class();
        let known = |kind: &str| {
            self.kinds.iter().find(|k| k.kind == kind).map(|k| k.kind.clone()).ok_or_else(|| {
                let known: Vec<&str> = self.kinds.iter().map(|k| k.kind.as_str()).collect();
                format!(
                    "unknown event kind `{kind}` in `{class}:{kinds}` (expected one of {})",
                    known.join(", ")
                )
            })
        };
        let (from, to) = kinds
            .split_once('>')
            .ok_or_else(|| format!("`{class}:{kinds}` must name two kinds as FROM>TO"))?;
        let (from, to) = (known(from)?, if to == "-" { None } else { Some(known(to)?) });
        let words = words
            .split('|')
            .map(|w| {
                let w = w.trim();
                if w.is_empty() || w.contains(char::is_whitespace) {
                    Err(format!("a retype word is one word, found `{w}`"))
                } else {
                    Ok(w.to_ascii_lowercase().into_boxed_str())
                }
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(Retype { from, to, words, position })
    }

    fn parse_triggers(&mut self, source: &Source) -> Result<(), Error> {
        for (line, row) in LineReader::new(source) {
            let [kind, pos, subject, object, forms] = fields::<5>(source, line, &row)?;
            let Some(kind) = self.kinds.iter().find(|k| k.kind == kind).map(|k| k.kind.clone()) else {
                let known: Vec<&str> = self.kinds.iter().map(|k| k.kind.as_str()).collect();
                return Err(source.error(
                    line,
                    format!("unknown event kind `{kind}` (expected one of {})", known.join(", ")),
                ));
            };
            let role = |field: &str| -> Result<Option<Role>, Error> {
                if field == "-" {
                    return Ok(None);
                }
                field.parse::<Role>().map(Some).map_err(|_| {
                    source.error(
                        line,
                        format!("unknown role `{field}` (expected agent, target, victim, speaker, participant or -)"),
                    )
                })
            };
            let (subject, object) = (role(subject)?, role(object)?);
            let slots: Vec<&str> = forms.split('|').collect();
            let shapes: &[Form] = match pos {
                "verb" => &[Form::Base, Form::Third, Form::Past, Form::Participle, Form::Gerund],
                "noun" => &[Form::Noun, Form::Noun],
                _ => {
                    return Err(
                        source.error(line, format!("unknown part of speech `{pos}` (expected verb or noun)"))
                    );
                }
            };
            if slots.len() != shapes.len() {
                return Err(source.error(
                    line,
                    format!(
                        "a {pos} needs {} `|`-separated forms ({}), found {}",
                        shapes.len(),
                        if pos == "verb" {
                            "base|3rd person|past|participle|gerund"
                        } else {
                            "singular|plural"
                        },
                        slots.len()
                    ),
                ));
            }
            if slots.iter().any(|s| s.trim().is_empty()) {
                return Err(source.error(line, "empty form (write `-` for a form not in use)"));
            }
            // A mark on a verb's first form (`Mark`), at most one.
            let mut mark = None;
            for (c, m, form, example) in Mark::ALL {
                let marked = slots[0].starts_with(c);
                let misplaced = (marked && pos != "verb")
                    || slots[1..].iter().any(|s| s.starts_with(c))
                    || slots[0].strip_prefix(c) == Some("");
                if misplaced {
                    return Err(
                        source.error(line, format!("only a verb's {form} may be marked `{c}` (`{example}`)"))
                    );
                }
                if marked {
                    mark = Some(m);
                }
            }
            let marks: Vec<char> = Mark::ALL.iter().map(|(c, ..)| *c).collect();
            if slots[0].chars().take_while(|c| marks.contains(c)).count() > 1 {
                return Err(source.error(line, "a form may carry one mark only"));
            }
            let slots: Vec<&str> = slots.iter().map(|s| s.trim_start_matches(marks.as_slice())).collect();
            self.triggers.push(TriggerEntry {
                kind,
                subject,
                object,
                mark,
                rule: RuleId::from(format!("trigger:{}:{line}", source.name())),
            });
            let index = u32::try_from(self.triggers.len() - 1)
                .map_err(|_| source.error(line, "too many triggers"))?;
            for (i, (slot, shape)) in slots.iter().zip(shapes).enumerate() {
                // A past form equal to the participle ("killed") is either; context decides.
                let form = match (*shape, pos == "verb" && slots[2] == slots[3]) {
                    (Form::Past, true) => Form::PastOrParticiple,
                    (Form::Participle, true) => continue,
                    (shape, _) => shape,
                };
                if *slot != "-" && !(form == Form::Noun && i == 1 && slots[0] == *slot) {
                    self.forms.insert(slot, (index, form));
                    if form == Form::Gerund {
                        // "killings", "bombings": a gerund's plural is a noun.
                        self.forms.insert(&format!("{slot}s"), (index, Form::Noun));
                    }
                }
            }
        }
        Ok(())
    }
}

/// The seventh field of kinds.tsv: `kind:role` pairs joined by `|`, or `-`.
fn parse_told_as(field: &str) -> Result<Vec<(EventKind, Role)>, String> {
    if field == "-" {
        return Ok(Vec::new());
    }
    field
        .split('|')
        .map(|pair| {
            let (kind, role) =
                pair.split_once(':').ok_or_else(|| format!("`{pair}` must be kind:role (attack:target)"))?;
            let role = role.parse::<Role>().map_err(|_| format!("unknown role `{role}` in `{pair}`"))?;
            Ok((EventKind::from(kind), role))
        })
        .collect()
}

/// `role:kind,kind|role:kind` (or `-`): the kinds of entity each listed role may hold.
fn parse_roles(field: &str) -> Result<Vec<(Role, Vec<EntityKind>)>, String> {
    if field == "-" {
        return Ok(Vec::new());
    }
    field
        .split('|')
        .map(|restriction| {
            let (role, kinds) = restriction
                .split_once(':')
                .ok_or_else(|| format!("role restriction `{restriction}` must be role:kind"))?;
            let role = role.parse::<Role>().map_err(|()| format!("unknown role `{role}`"))?;
            let kinds = kinds
                .split(',')
                .map(|k| k.parse::<EntityKind>().map_err(|()| format!("unknown entity kind `{k}`")))
                .collect::<Result<Vec<_>, _>>()?;
            Ok((role, kinds))
        })
        .collect()
}

/// Checks a summary template: balanced brackets and known placeholders.
fn check_template(template: &str) -> Result<(), String> {
    let mut depth = 0i32;
    let mut rest = template;
    while let Some(i) = rest.find(['[', ']', '{']) {
        match rest.as_bytes()[i] {
            b'[' => depth += 1,
            b']' => depth -= 1,
            _ => {
                let close = rest[i..].find('}').ok_or("unclosed `{` in the summary")?;
                for name in rest[i + 1..i + close].split('|') {
                    if name != "place" && name.parse::<Role>().is_err() {
                        return Err(format!("unknown placeholder `{{{name}}}` in the summary"));
                    }
                }
            }
        }
        if !(0..=1).contains(&depth) {
            return Err("brackets in the summary must be balanced and not nested".to_string());
        }
        rest = &rest[i + 1..];
    }
    if depth != 0 {
        return Err("unclosed `[` in the summary".to_string());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon(kinds: &str, triggers: &str, cues: &str) -> Result<EventLexicon, Error> {
        EventLexicon::from_sources(&[
            Source::from_str("kinds.tsv", kinds),
            Source::from_str("triggers.tsv", triggers),
            Source::from_str("cues.tsv", cues),
        ])
    }

    const KINDS: &str = "attack\tattack\t1\tagent|target\t[{agent} ]attack[ on {target}]\n";

    #[test]
    fn bundled_files_parse() {
        let sources: Vec<Source> = BUNDLED_EVENT_FILES.iter().map(|p| crate::data::bundled(p)).collect();
        let lex = EventLexicon::from_sources(&sources).unwrap();
        assert!(lex.kinds.len() >= 13);
        assert!(!lex.triggers.is_empty());
    }

    #[test]
    fn verb_forms_and_past_participles() {
        let lex = lexicon(KINDS, "attack\tverb\tagent\ttarget\tstrike|strikes|struck|struck|striking\n", "")
            .unwrap();
        let forms: Vec<Form> = lex.forms.starting_with("struck").iter().map(|p| p.payload.1).collect();
        assert_eq!(forms, [Form::PastOrParticiple]);
        assert_eq!(lex.forms.starting_with("striking")[0].payload.1, Form::Gerund);
        assert_eq!(lex.triggers[0].rule.as_str(), "trigger:triggers.tsv:1");
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        let cases = [
            (
                KINDS,
                "# c\nattack\tverb\tagent\ttarget\tstrike|strikes\n",
                "",
                "triggers.tsv:2: a verb needs 5",
            ),
            (
                KINDS,
                "bombing\tnoun\tagent\ttarget\tbomb|bombs\n",
                "",
                "triggers.tsv:1: unknown event kind `bombing`",
            ),
            (KINDS, "attack\tnoun\tboss\ttarget\tbomb|bombs\n", "", "triggers.tsv:1: unknown role `boss`"),
            (
                KINDS,
                "attack\tadverb\tagent\ttarget\tbomb|bombs\n",
                "",
                "triggers.tsv:1: unknown part of speech",
            ),
            (KINDS, "attack\tnoun\tagent\ttarget\tbomb|\n", "", "triggers.tsv:1: empty form"),
            (
                KINDS,
                "attack\tnoun\tagent\tbomb|bombs\n",
                "",
                "triggers.tsv:1: expected 5 tab-separated fields",
            ),
            (KINDS, "", "maybe\tif\n", "cues.tsv:1: unknown cue class `maybe`"),
            (KINDS, "", "negation\tnot||never\n", "cues.tsv:1: empty form"),
            ("Attack\tattack\t0\t-\tattack\n", "", "", "kinds.tsv:1: kind `Attack` must be lower-case"),
            ("attack\tattack\t0\t-\t[{boss} ]attack\n", "", "", "kinds.tsv:1: unknown placeholder `{boss}`"),
            ("attack\tattack\t0\t-\t[{agent} attack\n", "", "", "kinds.tsv:1: unclosed `[`"),
            (
                "attack\tattack\tsoon\t-\tattack\n",
                "",
                "",
                "kinds.tsv:1: span `soon` must be a number of days",
            ),
            ("attack\tattack\t1\tboss\tattack\n", "", "", "kinds.tsv:1: unknown identity role `boss`"),
            ("attack\tattack\tattack\n", "", "", "kinds.tsv:1: expected 5 tab-separated fields"),
            ("death\tdeath\t1\t-\tdeath\tvictim\n", "", "", "kinds.tsv:1: role restriction `victim` must be"),
            ("death\tdeath\t1\t-\tdeath\tboss:person\n", "", "", "kinds.tsv:1: unknown role `boss`"),
            (
                "death\tdeath\t1\t-\tdeath\tvictim:animal\n",
                "",
                "",
                "kinds.tsv:1: unknown entity kind `animal`",
            ),
            (
                "death\tdeath\t1\t-\tdeath\t-\t-\tx\n",
                "",
                "",
                "kinds.tsv:1: expected 5 to 7 tab-separated fields",
            ),
            ("death\tdeath\t1\t-\tdeath\t-\tattack\n", "", "", "kinds.tsv:1: `attack` must be kind:role"),
            ("death\tdeath\t1\t-\tdeath\t-\tattack:boss\n", "", "", "kinds.tsv:1: unknown role `boss`"),
            (
                "death\tdeath\t1\t-\tdeath\t-\tattack:target\n",
                "",
                "",
                "kinds.tsv:1: unknown event kind `attack` told as",
            ),
        ];
        for (kinds, triggers, cues, expected) in cases {
            let err = lexicon(kinds, triggers, cues).unwrap_err().to_string();
            assert!(err.starts_with(expected), "{err:?} should start with {expected:?}");
        }
    }
}
