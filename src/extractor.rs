//! The [`Extractor`]: compiled resources, built once, shared freely, run per document.

use crate::data::{self, Source};
use crate::document::{Document, Extraction, PublishedSource, SentenceSpan};
use crate::entities::cues::Cues;
use crate::entities::gazetteer::{Gazetteer, ascii_lower_into};
use crate::entities::{self, Candidate, Entity, EntityId, Mention, display_name, patterns};
use crate::error::Error;
use crate::events::{self, lexicon::EventLexicon};
use crate::resolve;
use crate::span::{CharOffsets, Span};
use crate::text::{self, TextLexicon};
use crate::time::{self, TimeTagger};
use crate::timeline::{KindInfo, Report, Timeline};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, LazyLock};

/// Finds entities, time expressions and events in documents, and makes each document's
/// [`Timeline`] for merging.
///
/// Build it once with [`Extractor::builder`] (or [`Extractor::new`] for the bundled data);
/// it is immutable, `Send + Sync`, and cheap to clone (an `Arc` inside), so one extractor
/// serves every thread. [`Extractor::extract`] never fails and never panics: any `&str`
/// gives a result, in time linear in its length.
///
/// # Example
///
/// ```
/// use annals::{Document, EntityKind, Extractor};
/// let extractor = Extractor::new()?;
/// let doc = Document::new("000", "General Qasem Soleimani, the head of Iran's Islamic \
///     Revolutionary Guard Corps' elite Quds Force, was killed in a Friday morning Baghdad \
///     attack ordered by the United States president, the Pentagon said.");
/// let extraction = extractor.extract(&doc);
/// let found: Vec<_> = extraction.entities.iter().map(|m| (m.text.as_str(), m.kind)).collect();
/// assert_eq!(found[0], ("Qasem Soleimani", EntityKind::Person));
/// assert!(found.contains(&("Quds Force", EntityKind::Organisation)));
/// assert!(found.contains(&("Baghdad", EntityKind::Place)));
/// # Ok::<(), annals::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Extractor {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    lexicon: TextLexicon,
    gazetteer: Gazetteer,
    cues: Cues,
    times: Arc<TimeTagger>,
    events: Arc<EventLexicon>,
    /// The kinds' labels and summary templates, shared by every timeline this extractor makes.
    kinds: Arc<std::collections::BTreeMap<events::EventKind, KindInfo>>,
    disabled: Vec<String>,
    all_candidates: bool,
}

/// Where a data file comes from, recorded by the builder and read by `build`.
#[derive(Clone, Debug)]
enum Input {
    Bundled(&'static str),
    Inline(Source),
    File(PathBuf),
}

impl Input {
    fn load(&self) -> Result<Source, Error> {
        match self {
            Input::Bundled(path) => Ok(data::bundled(path)),
            Input::Inline(source) => Ok(source.clone()),
            Input::File(path) => Source::from_path(path),
        }
    }
}

/// Records the choices for an [`Extractor`]; [`ExtractorBuilder::build`] loads and compiles.
///
/// Every setter only records; `build` is the one step that reads files and can fail.
///
/// # Example
///
/// ```
/// use annals::{Document, Extractor};
/// let extractor = Extractor::builder()
///     .gazetteer_str("newsroom.tsv", "person\tjane-roe\tJane Roe\tRoe\n")
///     .build()?;
/// let doc = Document::new("x", "Roe said the Pentagon would respond.");
/// let ids: Vec<_> = extractor.extract(&doc).entities.iter().map(|m| m.entity.to_string()).collect();
/// assert_eq!(ids, ["jane-roe", "pentagon"]);
/// # Ok::<(), annals::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct ExtractorBuilder {
    gazetteers: Vec<Input>,
    cues: Vec<Input>,
    first_names: Vec<Input>,
    text_vocabulary: Vec<Input>,
    time_vocabulary: Vec<Input>,
    event_vocabulary: Vec<Input>,
    disabled: Vec<String>,
    all_candidates: bool,
}

impl Default for ExtractorBuilder {
    fn default() -> Self {
        ExtractorBuilder {
            gazetteers: data::BUNDLED_GAZETTEERS.iter().map(|p| Input::Bundled(p)).collect(),
            cues: vec![Input::Bundled("data/names/cues.tsv")],
            first_names: vec![Input::Bundled("data/names/first_names.txt")],
            text_vocabulary: TextLexicon::BUNDLED_FILES.iter().map(|p| Input::Bundled(p)).collect(),
            time_vocabulary: time::lexicon::BUNDLED_TIME_FILES.iter().map(|p| Input::Bundled(p)).collect(),
            event_vocabulary: events::lexicon::BUNDLED_EVENT_FILES
                .iter()
                .map(|p| Input::Bundled(p))
                .collect(),
            disabled: Vec::new(),
            all_candidates: false,
        }
    }
}

impl ExtractorBuilder {
    /// Adds a text-stage vocabulary file: abbreviations (the format of
    /// `data/text/abbreviations.tsv`), or, if the file is named `headers.*` or `credits.*`,
    /// metadata header keys or credit-line words. It extends the bundled vocabulary.
    pub fn text_vocabulary_file(&mut self, path: impl Into<PathBuf>) -> &mut Self {
        self.text_vocabulary.push(Input::File(path.into()));
        self
    }

    /// Adds a text-stage vocabulary held in memory; `name` decides its role as for
    /// [`Self::text_vocabulary_file`] and is what errors call it.
    pub fn text_vocabulary_str(&mut self, name: &str, text: &str) -> &mut Self {
        self.text_vocabulary.push(Input::Inline(Source::from_str(name, text)));
        self
    }

    /// Drops the bundled text-stage vocabulary (and any added so far).
    pub fn without_bundled_text_vocabulary(&mut self) -> &mut Self {
        self.text_vocabulary.clear();
        self
    }

    /// Adds a time vocabulary file (the format of `data/time/*.tsv`): more month names, units,
    /// cue words… It extends the bundled vocabulary.
    pub fn time_vocabulary_file(&mut self, path: impl Into<PathBuf>) -> &mut Self {
        self.time_vocabulary.push(Input::File(path.into()));
        self
    }

    /// Adds a time vocabulary held in memory; `name` is what errors call it.
    pub fn time_vocabulary_str(&mut self, name: &str, text: &str) -> &mut Self {
        self.time_vocabulary.push(Input::Inline(Source::from_str(name, text)));
        self
    }

    /// Drops the bundled time vocabulary (and any added so far): the tagger then knows only
    /// the words of the files added after.
    pub fn without_bundled_time_vocabulary(&mut self) -> &mut Self {
        self.time_vocabulary.clear();
        self
    }

    /// Adds an event vocabulary file: more triggers (the format of `data/events/triggers.tsv`),
    /// or, if the file is named `kinds.*` or `cues.*`, more kinds or function words. It
    /// extends the bundled vocabulary.
    pub fn event_vocabulary_file(&mut self, path: impl Into<PathBuf>) -> &mut Self {
        self.event_vocabulary.push(Input::File(path.into()));
        self
    }

    /// Adds an event vocabulary held in memory; `name` decides its role as for
    /// [`Self::event_vocabulary_file`] and is what errors and rule ids call it.
    pub fn event_vocabulary_str(&mut self, name: &str, text: &str) -> &mut Self {
        self.event_vocabulary.push(Input::Inline(Source::from_str(name, text)));
        self
    }

    /// Drops the bundled event vocabulary (and any added so far): kinds, triggers and cues
    /// then come only from the files added after.
    pub fn without_bundled_event_vocabulary(&mut self) -> &mut Self {
        self.event_vocabulary.clear();
        self
    }

    /// Adds a gazetteer file (see `data/README.md` for the format). It extends the bundled
    /// gazetteers and wins ties against them; call [`Self::without_bundled_gazetteers`]
    /// first to replace them.
    pub fn gazetteer_file(&mut self, path: impl Into<PathBuf>) -> &mut Self {
        self.gazetteers.push(Input::File(path.into()));
        self
    }

    /// Adds a gazetteer held in memory; `name` is what errors and rule ids call it.
    pub fn gazetteer_str(&mut self, name: &str, text: &str) -> &mut Self {
        self.gazetteers.push(Input::Inline(Source::from_str(name, text)));
        self
    }

    /// Drops the bundled gazetteers (and any added so far).
    pub fn without_bundled_gazetteers(&mut self) -> &mut Self {
        self.gazetteers.clear();
        self
    }

    /// Adds a cue file for the name pattern rules (`class<TAB>phrase`, see
    /// `data/names/cues.tsv`).
    pub fn cue_file(&mut self, path: impl Into<PathBuf>) -> &mut Self {
        self.cues.push(Input::File(path.into()));
        self
    }

    /// Adds a cue file held in memory.
    pub fn cue_str(&mut self, name: &str, text: &str) -> &mut Self {
        self.cues.push(Input::Inline(Source::from_str(name, text)));
        self
    }

    /// Adds a first-name list (one name per line).
    pub fn first_names_file(&mut self, path: impl Into<PathBuf>) -> &mut Self {
        self.first_names.push(Input::File(path.into()));
        self
    }

    /// Adds a first-name list held in memory.
    pub fn first_names_str(&mut self, name: &str, text: &str) -> &mut Self {
        self.first_names.push(Input::Inline(Source::from_str(name, text)));
        self
    }

    /// Drops the bundled cue words and first names (and any added so far).
    pub fn without_bundled_cues(&mut self) -> &mut Self {
        self.cues.clear();
        self.first_names.clear();
        self
    }

    /// Turns off every rule whose id starts with `prefix`: `"pattern:first-name"`,
    /// `"resolve"`, `"gazetteer:data/gazetteer/geonames.tsv"`.
    pub fn disable_rules(&mut self, prefix: &str) -> &mut Self {
        self.disabled.push(prefix.to_string());
        self
    }

    /// Keeps every candidate mention, overlapping ones included, instead of applying the
    /// overlap policy (longest, then priority, then earliest). For inspecting the rules.
    pub fn all_candidates(&mut self, yes: bool) -> &mut Self {
        self.all_candidates = yes;
        self
    }

    /// Loads, validates and compiles everything.
    ///
    /// # Errors
    ///
    /// A data error naming the file and line of the first malformed line, or an I/O error
    /// naming a file that cannot be read.
    pub fn build(&self) -> Result<Extractor, Error> {
        let load = |inputs: &[Input]| inputs.iter().map(Input::load).collect::<Result<Vec<_>, _>>();
        let gazetteer = Gazetteer::build(&load(&self.gazetteers)?, self.all_candidates)?;
        let bundled_cues = only_bundled(&self.cues, &["data/names/cues.tsv"])
            && only_bundled(&self.first_names, &["data/names/first_names.txt"]);
        let cues = match BUNDLED_CUES.as_ref() {
            // The bundled cue automaton is compiled once per process and shared.
            Some(cues) if bundled_cues => cues.clone(),
            _ => Cues::build(&load(&self.cues)?, &load(&self.first_names)?)?,
        };
        let times = match BUNDLED_TIMES.as_ref() {
            Some(times) if only_bundled(&self.time_vocabulary, time::lexicon::BUNDLED_TIME_FILES) => {
                times.clone()
            }
            _ => Arc::new(TimeTagger::from_sources(&load(&self.time_vocabulary)?)?),
        };
        let events = match BUNDLED_EVENTS.as_ref() {
            Some(events) if only_bundled(&self.event_vocabulary, &events::lexicon::BUNDLED_EVENT_FILES) => {
                events.clone()
            }
            _ => Arc::new(EventLexicon::from_sources(&load(&self.event_vocabulary)?)?),
        };
        // A few small files: parsed on every build, so a bad one is always reported.
        let lexicon = TextLexicon::from_sources(&load(&self.text_vocabulary)?)?;
        Ok(Extractor {
            inner: Arc::new(Inner {
                lexicon,
                gazetteer,
                cues,
                times,
                kinds: Arc::new(
                    events
                        .kinds
                        .iter()
                        .map(|k| {
                            (
                                k.kind.clone(),
                                KindInfo {
                                    label: k.label.clone(),
                                    span_days: k.span_days,
                                    identity: k.identity.clone(),
                                    summary: k.summary.clone(),
                                    told_as: k.told_as.clone(),
                                },
                            )
                        })
                        .collect(),
                ),
                events,
                disabled: self.disabled.clone(),
                all_candidates: self.all_candidates,
            }),
        })
    }
}

/// Whether `inputs` are exactly the bundled files `paths`, so a shared compiled copy serves.
fn only_bundled(inputs: &[Input], paths: &[&str]) -> bool {
    inputs.len() == paths.len()
        && inputs.iter().zip(paths).all(|(input, path)| matches!(input, Input::Bundled(p) if p == path))
}

fn bundled_lexicon() -> Result<TextLexicon, Error> {
    let sources: Vec<Source> = TextLexicon::BUNDLED_FILES.iter().map(|p| data::bundled(p)).collect();
    TextLexicon::from_sources(&sources)
}

static BUNDLED_LEXICON: LazyLock<TextLexicon> = LazyLock::new(|| {
    // OK because the bundled files are tested to parse (`bundled_data_parses`); an empty
    // lexicon is the harmless fallback.
    bundled_lexicon().unwrap_or_default()
});

/// The bundled cue words and first names, compiled on first use (None if they do not parse,
/// which `bundled_data_parses` rules out; `build` then reports the error itself).
static BUNDLED_CUES: LazyLock<Option<Cues>> = LazyLock::new(|| {
    Cues::build(&[data::bundled("data/names/cues.tsv")], &[data::bundled("data/names/first_names.txt")]).ok()
});

/// The bundled time vocabulary, compiled on first use and shared.
static BUNDLED_TIMES: LazyLock<Option<Arc<TimeTagger>>> =
    LazyLock::new(|| TimeTagger::new().ok().map(Arc::new));

/// The bundled event vocabulary, compiled on first use and shared.
static BUNDLED_EVENTS: LazyLock<Option<Arc<EventLexicon>>> = LazyLock::new(|| {
    let sources: Vec<Source> =
        events::lexicon::BUNDLED_EVENT_FILES.iter().map(|p| data::bundled(p)).collect();
    EventLexicon::from_sources(&sources).ok().map(Arc::new)
});

/// Reusable per-document buffers (one set per call; nothing is allocated per token).
struct Scratch {
    lowered: Vec<u8>,
    gazetteer: Vec<entities::gazetteer::GazetteerMatch>,
    cues: Vec<entities::cues::CueMatch>,
}

impl Extractor {
    /// A builder with the bundled data.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// An extractor with the bundled data and default settings.
    ///
    /// # Errors
    ///
    /// Only if a bundled data file is malformed, which the crate's tests rule out.
    pub fn new() -> Result<Extractor, Error> {
        Extractor::builder().build()
    }

    /// The time stage alone: the time expressions of `text`, anchored to `published` (no
    /// inference) in `mode`. [`Extractor::extract`] also infers a missing publication date.
    pub fn times(
        &self,
        text: &str,
        published: Option<chrono::NaiveDate>,
        mode: time::Mode,
    ) -> Vec<time::TimeExpr> {
        self.inner.times.tag(text, published, mode)
    }

    /// The text stage's bundled vocabularies, for calling [`text::segment`] directly.
    pub fn bundled_text_lexicon() -> &'static TextLexicon {
        &BUNDLED_LEXICON
    }

    /// The number of gazetteer names (aliases) compiled.
    pub fn gazetteer_names(&self) -> usize {
        self.inner.gazetteer.alias_count()
    }

    /// The number of gazetteer entities.
    pub fn gazetteer_entities(&self) -> usize {
        self.inner.gazetteer.entries().len()
    }

    /// Approximate heap bytes held by the compiled resources.
    pub fn memory_usage(&self) -> usize {
        self.inner.gazetteer.memory_usage() + self.inner.cues.memory_usage()
    }

    /// Dictionary matching only: the gazetteer mentions of `text`, with the boundary, case
    /// and overlap policies but no pattern rules, no resolution and no sentences. What a
    /// phrase matcher such as spaCy's EntityRuler does, at the speed of one automaton pass.
    ///
    /// # Example
    ///
    /// ```
    /// let extractor = annals::Extractor::new()?;
    /// let mentions = extractor.gazetteer_mentions("Spokesman Jane Roe said the US embassy in Baghdad…");
    /// let found: Vec<_> = mentions.iter().map(|m| m.text.as_str()).collect();
    /// assert_eq!(found, ["US", "Baghdad"]); // Jane Roe is found only by the pattern rules
    /// # Ok::<(), annals::Error>(())
    /// ```
    pub fn gazetteer_mentions(&self, text: &str) -> Vec<Mention> {
        let gazetteer = &self.inner.gazetteer;
        let mut lowered = Vec::with_capacity(text.len());
        ascii_lower_into(text, &mut lowered);
        let mut matches = Vec::with_capacity(text.len() / 64 + 1);
        gazetteer.scan(text, &lowered, &mut matches);
        let candidates = matches
            .into_iter()
            .filter(|m| !self.inner.disabled.iter().any(|p| m.rule.as_str().starts_with(p.as_str())))
            .map(|m| {
                let entry = gazetteer.entry(m.entry);
                Candidate {
                    span: m.span,
                    kind: entry.kind,
                    entity: entry.id.clone(),
                    priority: m.priority,
                    rule: m.rule,
                    entry: Some(m.entry),
                }
            })
            .collect();
        let kept =
            if self.inner.all_candidates { candidates } else { entities::resolve_overlaps(candidates) };
        to_mentions(text, kept)
    }

    /// Extracts everything from one document. Never fails.
    pub fn extract(&self, doc: &Document) -> Extraction {
        let inner = &*self.inner;
        let text = doc.text.as_str();
        let seg = text::segment(text, &inner.lexicon);
        let mut scratch = Scratch {
            lowered: Vec::with_capacity(text.len()),
            gazetteer: Vec::with_capacity(text.len() / 64 + 1),
            cues: Vec::with_capacity(text.len() / 16 + 1),
        };
        ascii_lower_into(text, &mut scratch.lowered);

        inner.gazetteer.scan(text, &scratch.lowered, &mut scratch.gazetteer);
        inner.cues.scan(text, &mut scratch.cues);
        let enabled = |rule: &str| !inner.disabled.iter().any(|p| rule.starts_with(p.as_str()));
        scratch.gazetteer.retain(|m| enabled(m.rule.as_str()));

        let mut candidates: Vec<Candidate> = scratch
            .gazetteer
            .iter()
            .map(|m| {
                let entry = inner.gazetteer.entry(m.entry);
                Candidate {
                    span: m.span,
                    kind: entry.kind,
                    entity: entry.id.clone(),
                    priority: m.priority,
                    rule: m.rule.clone(),
                    entry: Some(m.entry),
                }
            })
            .collect();
        let ctx = patterns::Context::new(
            text,
            &seg.tokens,
            &scratch.cues,
            &inner.cues,
            &scratch.gazetteer,
            &inner.gazetteer,
            &inner.lexicon,
        );
        patterns::find(&ctx, &seg.sentences, &mut candidates);
        candidates.retain(|c| enabled(c.rule.as_str()));

        let tagger = &inner.times;
        let given = match doc.published {
            Some(d) => Some((d, PublishedSource::Document)),
            None => header_date(text, &seg).map(|d| (d, PublishedSource::Header)),
        };
        let (published, times) = match given {
            Some(given) => (Some(given), tagger.tag(text, Some(given.0), doc.mode)),
            None => {
                let unanchored = tagger.tag(text, None, doc.mode);
                let inferred = time::published::infer(text, &seg.sentences, &unanchored);
                // Tag again only if some value waited for the date (without one, nothing changes).
                let missing = unanchored.iter().any(|t| t.anchor == time::Anchor::Missing);
                match inferred {
                    Some(inferred) if missing => {
                        (Some(inferred), tagger.tag(text, Some(inferred.0), doc.mode))
                    }
                    _ => (inferred, unanchored),
                }
            }
        };
        // A name built from capitalised words that is wholly a time expression is a date:
        // "Easter Day", not a person with the first name Easter.
        candidates.retain(|c| c.entry.is_some() || !inside_time(c.span, &times));

        let mut mentions = if inner.all_candidates {
            candidates.sort_by_key(|c| (c.span.start, c.span.end));
            candidates
        } else {
            entities::resolve_overlaps(candidates)
        };
        if !inner.all_candidates {
            mentions = resolve::resolve(&ctx, mentions);
            mentions.retain(|c| enabled(c.rule.as_str()));
        }

        let registry = self.registry(text, &mentions);
        let mentions = to_mentions(text, mentions);
        // Events also read definite references by title ("the president"), which are no names.
        let references =
            if inner.all_candidates { Vec::new() } else { resolve::titled_references(&ctx, &mentions) };
        let with_references = with_references(&mentions, &references);
        let events = self.find_events(&events::Input {
            text,
            lowered: &scratch.lowered,
            tokens: &seg.tokens,
            sentences: &seg.sentences,
            mentions: with_references.as_deref().unwrap_or(&mentions),
            times: &times,
            published: published.map(|p| p.0),
            mode: doc.mode,
        });
        Extraction {
            id: doc.id.clone(),
            published: published.map(|p| p.0),
            published_source: published.map(|p| p.1),
            mode: doc.mode,
            times,
            events,
            sentences: seg.sentences.iter().map(|s| SentenceSpan { span: s.span, kind: s.kind }).collect(),
            registry,
            entities: mentions,
            references,
        }
    }

    /// The events stage alone, over an extraction's entities and times (from
    /// [`Extractor::extract`], or read back from JSON): re-runs only segmentation and the
    /// event rules, e.g. with another event vocabulary.
    ///
    /// # Example
    ///
    /// ```
    /// let extractor = annals::Extractor::new()?;
    /// let doc = annals::Document::new("x", "Protesters stormed the US embassy in Baghdad.");
    /// let extraction = extractor.extract(&doc);
    /// assert_eq!(extractor.events(&doc, &extraction), extraction.events);
    /// # Ok::<(), annals::Error>(())
    /// ```
    pub fn events(&self, doc: &Document, extraction: &Extraction) -> Vec<events::Event> {
        let text = doc.text.as_str();
        let seg = text::segment(text, &self.inner.lexicon);
        let mut lowered = Vec::with_capacity(text.len());
        ascii_lower_into(text, &mut lowered);
        let with_references = with_references(&extraction.entities, &extraction.references);
        self.find_events(&events::Input {
            text,
            lowered: &lowered,
            tokens: &seg.tokens,
            sentences: &seg.sentences,
            mentions: with_references.as_deref().unwrap_or(&extraction.entities),
            times: &extraction.times,
            published: extraction.published,
            mode: extraction.mode,
        })
    }

    fn find_events(&self, input: &events::Input<'_>) -> Vec<events::Event> {
        let mut found = events::find(&self.inner.events, input);
        found.retain(|e| !self.inner.disabled.iter().any(|p| e.rule.as_str().starts_with(p.as_str())));
        found
    }

    /// The timeline of one document's extraction: its event reports with their sentences,
    /// its entities and the kinds' summary templates. Merge many with
    /// [`Timeline::merge_all`](crate::Timeline::merge_all).
    pub fn timeline(&self, doc: &Document, extraction: &Extraction) -> Timeline {
        let reports = extraction
            .events
            .iter()
            .map(|event| Report {
                document: extraction.id.clone(),
                published: extraction.published,
                sentence: crate::timeline::excerpt(&doc.text, event.sentence, event.trigger.span),
                event: event.clone(),
            })
            .collect();
        Timeline::from_parts(reports, extraction.registry.iter().cloned(), self.inner.kinds.clone())
    }

    /// The entities of `mentions`, in order of first mention, with the other forms the
    /// document calls them by (not every gazetteer alias: those stay in the gazetteer).
    fn registry(&self, text: &str, mentions: &[Candidate]) -> Vec<Entity> {
        let mut order: Vec<Entity> = Vec::new();
        let mut index: HashMap<&EntityId, usize> = HashMap::new();
        for m in mentions {
            let surface = &text[m.span.range()];
            let i = *index.entry(&m.entity).or_insert_with(|| {
                let entity = match m.entry {
                    Some(e) => {
                        let entry = self.inner.gazetteer.entry(e);
                        Entity {
                            entity: entry.id.clone(),
                            name: entry.name.to_string(),
                            kind: entry.kind,
                            aliases: Vec::new(),
                        }
                    }
                    None => Entity {
                        entity: m.entity.clone(),
                        name: display_name(surface),
                        kind: m.kind,
                        aliases: Vec::new(),
                    },
                };
                order.push(entity);
                order.len() - 1
            });
            let entity = &mut order[i];
            if surface != entity.name && !entity.aliases.iter().any(|a| a == surface) {
                entity.aliases.push(surface.to_string());
            }
        }
        order
    }
}

fn to_mentions(text: &str, mentions: Vec<Candidate>) -> Vec<Mention> {
    let mut chars = CharOffsets::new(text);
    mentions
        .into_iter()
        .map(|c| Mention {
            char_start: chars.char_at(c.span.start),
            char_end: chars.char_at(c.span.end),
            text: text[c.span.range()].to_string(),
            span: c.span,
            kind: c.kind,
            entity: c.entity,
            rule: c.rule,
        })
        .collect()
}

/// `mentions` with `references` among them in order, or `None` when there are none (the
/// mentions alone serve).
fn with_references(mentions: &[Mention], references: &[Mention]) -> Option<Vec<Mention>> {
    if references.is_empty() {
        return None;
    }
    let mut all: Vec<Mention> = mentions.iter().chain(references).cloned().collect();
    all.sort_by_key(|m| (m.span.start, m.span.end));
    Some(all)
}

/// The date of a `date`/`published` header line, if it is an ISO date.
fn header_date(text: &str, seg: &text::Segmentation) -> Option<chrono::NaiveDate> {
    seg.header.iter().find_map(|(key, value)| {
        let key = key.text(text).to_ascii_lowercase();
        matches!(key.as_str(), "date" | "published")
            .then(|| chrono::NaiveDate::parse_from_str(value.text(text), "%Y-%m-%d").ok())
            .flatten()
    })
}

/// Whether `span` lies within one of `times` (sorted by start, not overlapping).
fn inside_time(span: Span, times: &[time::TimeExpr]) -> bool {
    let after = times.partition_point(|t| t.span.start <= span.start);
    after.checked_sub(1).and_then(|i| times.get(i)).is_some_and(|t| span.end <= t.span.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::EntityKind;

    fn assert_all<T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>() {}

    #[test]
    fn public_types_are_thread_safe() {
        assert_all::<Extractor>();
        assert_all::<Extraction>();
        assert_all::<Document>();
        fn send_sync<T: Send + Sync>() {}
        send_sync::<Error>(); // io::Error is not UnwindSafe
    }

    #[test]
    fn bundled_data_parses() {
        bundled_lexicon().unwrap();
        Extractor::new().unwrap();
    }

    #[test]
    fn a_compound_adjective_is_no_name_and_a_company_suffix_ends_an_organisation() {
        let extractor = Extractor::new().unwrap();
        let doc = Document::new(
            "t",
            "Triliance Petrochemical Co Ltd, a Hong Kong-based broker, and Iran-backed militias were named.",
        );
        let names: Vec<(String, EntityKind)> =
            extractor.extract(&doc).entities.iter().map(|m| (m.text.clone(), m.kind)).collect();
        assert_eq!(
            names,
            [
                ("Triliance Petrochemical Co Ltd".to_string(), EntityKind::Organisation),
                ("Hong Kong".to_string(), EntityKind::Place),
                ("Iran".to_string(), EntityKind::Place),
            ]
        );
    }

    #[test]
    fn a_name_that_is_wholly_a_time_expression_is_a_date() {
        let extractor = Extractor::new().unwrap();
        let doc = Document::new("t", "Easter Day bombs rocked churches. Easter Smith, a priest, was unhurt.")
            .published(chrono::NaiveDate::from_ymd_opt(2019, 4, 22).unwrap());
        let x = extractor.extract(&doc);
        let names: Vec<&str> = x.entities.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(names, ["Easter Smith"]);
        assert_eq!(
            x.times.first().map(|t| (t.text.as_str(), t.value.to_string())),
            Some(("Easter Day", "2019-04-21".into()))
        );
    }
}
