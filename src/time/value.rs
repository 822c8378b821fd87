//! TIMEX3 values and the intervals they denote.
//!
//! A [`TimexValue`] is the structured form of a TIMEX3 `value` string (`2020-01-03`,
//! `2020-01-03TMO`, `2020-W01`, `199`, `P3D`, `PAST_REF`…). It prints back to exactly the string
//! it was parsed from (`FromStr` and `Display` round trip), and a calendar value with a known
//! year denotes a half-open [`Interval`] with its [`Granularity`], so that "31 December 2019"
//! and "earlier this week" can be compared and ordered.
//!
//! Conventions for the parts of a calendar that TIMEX3 names but does not bound (written here
//! because they are facts about the calendar, not vocabulary): weeks are ISO 8601 weeks
//! (Monday first; week 1 holds the year's first Thursday); a weekend is Saturday 00:00 to
//! Monday 00:00; seasons are meteorological, northern hemisphere (spring March–May, summer
//! June–August, autumn September–November, winter December of the value's year to the end of
//! February of the next); halves and quarters are calendar halves and quarters; parts of day
//! are morning 06–12, midday 11–13, afternoon 12–18, daytime 06–18, evening 18–22 and night
//! 21–06 of the next day; `T24` is the midnight that ends the day.

use crate::error::Error;
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt::{self, Write as _};
use std::str::FromStr;

/// A TIMEX3 `value`.
///
/// # Example
///
/// ```
/// use annals::time::{Granularity, TimexValue};
/// let value: TimexValue = "2020-W01".parse()?;
/// assert_eq!(value.to_string(), "2020-W01");
/// let interval = value.interval().unwrap();
/// assert_eq!(interval.start.to_string(), "2019-12-30 00:00:00");
/// assert_eq!(interval.granularity, Granularity::Week);
/// # Ok::<(), annals::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TimexValue {
    /// A point or stretch of the calendar: `2020`, `199`, `2020-01-03T08:30`, `XXXX-WXX-5`.
    Calendar(CalendarValue),
    /// A length of time: `P3D`, `PT2H30M`, `PXY`.
    Duration(DurationValue),
    /// `PRESENT_REF`: now, currently.
    PresentRef,
    /// `PAST_REF`: recently, the past.
    PastRef,
    /// `FUTURE_REF`: soon, the future.
    FutureRef,
}

/// The calendar part of a value: a year (or decade, century, unknown year), an optional part
/// of it, and an optional time of day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CalendarValue {
    /// The year, decade or century.
    pub year: Year,
    /// The part of the year, if any.
    pub within: Option<Within>,
    /// The time of day, if any (only with a day).
    pub time: Option<TimeOfDay>,
}

/// The year field: four digits, three (a decade), two (a century) or `XXXX`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Year {
    /// A year, 0–9999.
    Year(i32),
    /// A decade: `199` is the 1990s.
    Decade(i32),
    /// A century: `19` is 1900–1999 (the twentieth century).
    Century(i32),
    /// `XXXX`: a year not known.
    Unknown,
}

/// The part of a year a calendar value names. `None` fields are unknown (`XX`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Within {
    /// `-MM`.
    Month(Option<u8>),
    /// `-MM-DD`.
    Day {
        /// The month, 1–12.
        month: Option<u8>,
        /// The day of the month.
        day: Option<u8>,
    },
    /// `-Www`: an ISO week.
    Week(Option<u8>),
    /// `-Www-D`: a day of an ISO week, 1 = Monday.
    WeekDay {
        /// The ISO week.
        week: Option<u8>,
        /// 1 (Monday) to 7 (Sunday).
        weekday: u8,
    },
    /// `-Www-WE`: the weekend of an ISO week.
    Weekend(Option<u8>),
    /// `-Qn`.
    Quarter(Option<u8>),
    /// `-Hn`.
    Half(u8),
    /// `-SP`, `-SU`, `-FA`, `-WI`.
    Season(Season),
}

/// A season of the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Season {
    /// `SP`
    Spring,
    /// `SU`
    Summer,
    /// `FA`
    Autumn,
    /// `WI`
    Winter,
}

/// A time of day: a part of the day or a clock time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimeOfDay {
    /// `TMO`, `TAF`…
    Part(PartOfDay),
    /// `Thh`, `Thh:mm` or `Thh:mm:ss`; hour 24 is the midnight ending the day.
    Clock {
        /// 0–24.
        hour: u8,
        /// 0–59, if given.
        minute: Option<u8>,
        /// 0–59, if given (only with a minute).
        second: Option<u8>,
    },
}

/// A part of the day, as TIMEX3 names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PartOfDay {
    /// `MO`
    Morning,
    /// `MI`
    Midday,
    /// `AF`
    Afternoon,
    /// `EV`
    Evening,
    /// `NI`
    Night,
    /// `DT`
    Daytime,
}

/// A duration: one or more amounts of units, `None` for an unknown amount (`PXY`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DurationValue {
    /// Parts in TIMEX3 order (date units before `T`, then time units).
    pub parts: Vec<(Option<u32>, DurationUnit)>,
}

/// A unit of a duration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DurationUnit {
    /// `ML` (a thousand years)
    Millennium,
    /// `CE`
    Century,
    /// `DE`
    Decade,
    /// `Y`
    Year,
    /// `Q`
    Quarter,
    /// `M` before `T`
    Month,
    /// `W`
    Week,
    /// `WE`
    Weekend,
    /// `D`
    Day,
    /// `H`
    Hour,
    /// `M` after `T`
    Minute,
    /// `S`
    Second,
}

impl DurationUnit {
    fn code(self) -> &'static str {
        match self {
            DurationUnit::Millennium => "ML",
            DurationUnit::Century => "CE",
            DurationUnit::Decade => "DE",
            DurationUnit::Year => "Y",
            DurationUnit::Quarter => "Q",
            DurationUnit::Month | DurationUnit::Minute => "M",
            DurationUnit::Week => "W",
            DurationUnit::Weekend => "WE",
            DurationUnit::Day => "D",
            DurationUnit::Hour => "H",
            DurationUnit::Second => "S",
        }
    }

    fn is_time(self) -> bool {
        matches!(self, DurationUnit::Hour | DurationUnit::Minute | DurationUnit::Second)
    }
}

/// How finely an interval is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Granularity {
    /// To the second.
    Second,
    /// To the minute.
    Minute,
    /// To the hour.
    Hour,
    /// A part of a day (morning, night).
    PartOfDay,
    /// A day.
    Day,
    /// A weekend.
    Weekend,
    /// An ISO week.
    Week,
    /// A month.
    Month,
    /// A season.
    Season,
    /// A quarter.
    Quarter,
    /// A half year.
    Half,
    /// A year.
    Year,
    /// A decade.
    Decade,
    /// A century.
    Century,
}

/// A half-open stretch of time `[start, end)` and how finely it is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Interval {
    /// The first instant.
    pub start: NaiveDateTime,
    /// The first instant after the interval.
    pub end: NaiveDateTime,
    /// Its granularity.
    pub granularity: Granularity,
}

/// A TIMEX3 `mod`: how a value is qualified ("early December", "more than four hours").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum TimexMod {
    /// The start of the period ("early").
    Start,
    /// Its middle ("mid-").
    Mid,
    /// Its end ("late").
    End,
    /// About.
    Approx,
    /// Before.
    Before,
    /// After.
    After,
    /// On or before.
    OnOrBefore,
    /// On or after.
    OnOrAfter,
    /// Less than ("under").
    LessThan,
    /// More than ("over").
    MoreThan,
    /// At most.
    EqualOrLess,
    /// At least.
    EqualOrMore,
}

impl TimexMod {
    /// The TIMEX3 spelling: `START`, `EQUAL_OR_MORE`…
    pub fn as_str(self) -> &'static str {
        match self {
            TimexMod::Start => "START",
            TimexMod::Mid => "MID",
            TimexMod::End => "END",
            TimexMod::Approx => "APPROX",
            TimexMod::Before => "BEFORE",
            TimexMod::After => "AFTER",
            TimexMod::OnOrBefore => "ON_OR_BEFORE",
            TimexMod::OnOrAfter => "ON_OR_AFTER",
            TimexMod::LessThan => "LESS_THAN",
            TimexMod::MoreThan => "MORE_THAN",
            TimexMod::EqualOrLess => "EQUAL_OR_LESS",
            TimexMod::EqualOrMore => "EQUAL_OR_MORE",
        }
    }
}

impl FromStr for TimexMod {
    type Err = Error;

    fn from_str(s: &str) -> Result<TimexMod, Error> {
        const ALL: [TimexMod; 12] = [
            TimexMod::Start,
            TimexMod::Mid,
            TimexMod::End,
            TimexMod::Approx,
            TimexMod::Before,
            TimexMod::After,
            TimexMod::OnOrBefore,
            TimexMod::OnOrAfter,
            TimexMod::LessThan,
            TimexMod::MoreThan,
            TimexMod::EqualOrLess,
            TimexMod::EqualOrMore,
        ];
        ALL.into_iter()
            .find(|m| m.as_str() == s)
            .ok_or_else(|| Error::argument(format!("unknown TIMEX3 mod {s:?}")))
    }
}

impl fmt::Display for TimexMod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Season {
    fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Autumn => "FA",
            Season::Winter => "WI",
        }
    }

    /// The season a TIMEX3 code names (`SP`, `SU`, `FA`, `WI`).
    pub fn from_code(code: &str) -> Option<Season> {
        [Season::Spring, Season::Summer, Season::Autumn, Season::Winter]
            .into_iter()
            .find(|s| s.code() == code)
    }

    /// The first month (meteorological seasons, northern hemisphere).
    fn first_month(self) -> u32 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Autumn => 9,
            Season::Winter => 12,
        }
    }
}

impl PartOfDay {
    fn code(self) -> &'static str {
        match self {
            PartOfDay::Morning => "MO",
            PartOfDay::Midday => "MI",
            PartOfDay::Afternoon => "AF",
            PartOfDay::Evening => "EV",
            PartOfDay::Night => "NI",
            PartOfDay::Daytime => "DT",
        }
    }

    /// The part of day a TIMEX3 code names (`MO`, `MI`, `AF`, `EV`, `NI`, `DT`).
    pub fn from_code(code: &str) -> Option<PartOfDay> {
        [
            PartOfDay::Morning,
            PartOfDay::Midday,
            PartOfDay::Afternoon,
            PartOfDay::Evening,
            PartOfDay::Night,
            PartOfDay::Daytime,
        ]
        .into_iter()
        .find(|p| p.code() == code)
    }

    /// Start and end hour after the day's midnight (the night runs into the next day).
    fn hours(self) -> (i64, i64) {
        match self {
            PartOfDay::Morning => (6, 12),
            PartOfDay::Midday => (11, 13),
            PartOfDay::Afternoon => (12, 18),
            PartOfDay::Evening => (18, 22),
            PartOfDay::Night => (21, 30),
            PartOfDay::Daytime => (6, 18),
        }
    }
}

impl CalendarValue {
    /// Where the year lies against what a TIMEX3 value writes, years 0000 to 9999: before
    /// them (`Less`: "6201 years ago"), after them (`Greater`) or among them (`Equal`).
    pub(crate) fn against_timex_years(&self) -> std::cmp::Ordering {
        let (n, last) = match self.year {
            Year::Year(y) => (y, 9999),
            Year::Decade(d) => (d, 999),
            Year::Century(c) => (c, 99),
            Year::Unknown => return std::cmp::Ordering::Equal,
        };
        if n < 0 {
            std::cmp::Ordering::Less
        } else if n > last {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    }

    /// A year.
    pub fn year(year: i32) -> CalendarValue {
        CalendarValue { year: Year::Year(year), within: None, time: None }
    }

    /// A day.
    pub fn date(date: NaiveDate) -> CalendarValue {
        CalendarValue {
            year: Year::Year(date.year()),
            within: Some(Within::Day { month: Some(date.month() as u8), day: Some(date.day() as u8) }),
            time: None,
        }
    }

    /// A month of a year.
    pub fn month(year: i32, month: u32) -> CalendarValue {
        CalendarValue { year: Year::Year(year), within: Some(Within::Month(Some(month as u8))), time: None }
    }

    /// The ISO week holding `date`.
    pub fn week_of(date: NaiveDate) -> CalendarValue {
        let week = date.iso_week();
        CalendarValue {
            year: Year::Year(week.year()),
            within: Some(Within::Week(Some(week.week() as u8))),
            time: None,
        }
    }

    /// The same value at a time of day.
    pub fn at(self, time: TimeOfDay) -> CalendarValue {
        CalendarValue { time: Some(time), ..self }
    }

    /// The day this value names, if it names exactly one.
    pub fn as_date(&self) -> Option<NaiveDate> {
        let Year::Year(year) = self.year else { return None };
        match self.within? {
            Within::Day { month: Some(m), day: Some(d) } => NaiveDate::from_ymd_opt(year, m.into(), d.into()),
            Within::WeekDay { week: Some(w), weekday } => {
                NaiveDate::from_isoywd_opt(year, w.into(), weekday_from_number(weekday)?)
            }
            _ => None,
        }
    }

    /// The interval it denotes, if the year and every part are known.
    pub fn interval(&self) -> Option<Interval> {
        let (start, end, granularity) = match self.year {
            Year::Unknown => return None,
            Year::Century(c) => (ymd(c * 100, 1, 1)?, ymd(c * 100 + 100, 1, 1)?, Granularity::Century),
            Year::Decade(d) => (ymd(d * 10, 1, 1)?, ymd(d * 10 + 10, 1, 1)?, Granularity::Decade),
            Year::Year(y) => match self.within {
                None => (ymd(y, 1, 1)?, ymd(y + 1, 1, 1)?, Granularity::Year),
                Some(within) => within_interval(y, within)?,
            },
        };
        let mut interval = Interval {
            start: start.and_time(NaiveTime::MIN),
            end: end.and_time(NaiveTime::MIN),
            granularity,
        };
        if let Some(time) = self.time {
            if granularity != Granularity::Day {
                return None;
            }
            let midnight = interval.start;
            let (from, to, granularity) = match time {
                TimeOfDay::Part(part) => {
                    let (a, b) = part.hours();
                    (Duration::hours(a), Duration::hours(b), Granularity::PartOfDay)
                }
                TimeOfDay::Clock { hour, minute: None, .. } => {
                    (Duration::hours(hour.into()), Duration::hours(i64::from(hour) + 1), Granularity::Hour)
                }
                TimeOfDay::Clock { hour, minute: Some(m), second: None } => {
                    let at = Duration::hours(hour.into()) + Duration::minutes(m.into());
                    (at, at + Duration::minutes(1), Granularity::Minute)
                }
                TimeOfDay::Clock { hour, minute: Some(m), second: Some(s) } => {
                    let at = Duration::hours(hour.into())
                        + Duration::minutes(m.into())
                        + Duration::seconds(s.into());
                    (at, at + Duration::seconds(1), Granularity::Second)
                }
            };
            interval = Interval { start: midnight + from, end: midnight + to, granularity };
        }
        Some(interval)
    }
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn first_of_month_after(y: i32, m: u32, months: u32) -> Option<NaiveDate> {
    let index = y.checked_mul(12)?.checked_add((m - 1 + months) as i32)?;
    ymd(index.div_euclid(12), index.rem_euclid(12) as u32 + 1, 1)
}

fn within_interval(y: i32, within: Within) -> Option<(NaiveDate, NaiveDate, Granularity)> {
    Some(match within {
        Within::Month(m) => {
            let m = u32::from(m?);
            (ymd(y, m, 1)?, first_of_month_after(y, m, 1)?, Granularity::Month)
        }
        Within::Day { month, day } => {
            let day = ymd(y, month?.into(), day?.into())?;
            (day, day.succ_opt()?, Granularity::Day)
        }
        Within::Week(w) => {
            let monday = NaiveDate::from_isoywd_opt(y, w?.into(), Weekday::Mon)?;
            (monday, monday + Duration::days(7), Granularity::Week)
        }
        Within::WeekDay { week, weekday } => {
            let day = NaiveDate::from_isoywd_opt(y, week?.into(), weekday_from_number(weekday)?)?;
            (day, day.succ_opt()?, Granularity::Day)
        }
        Within::Weekend(w) => {
            let saturday = NaiveDate::from_isoywd_opt(y, w?.into(), Weekday::Sat)?;
            (saturday, saturday + Duration::days(2), Granularity::Weekend)
        }
        Within::Quarter(q) => {
            let q = u32::from(q?);
            if !(1..=4).contains(&q) {
                return None;
            }
            let m = 3 * q - 2;
            (ymd(y, m, 1)?, first_of_month_after(y, m, 3)?, Granularity::Quarter)
        }
        Within::Half(h) => {
            if !(1..=2).contains(&h) {
                return None;
            }
            let m = 6 * u32::from(h) - 5;
            (ymd(y, m, 1)?, first_of_month_after(y, m, 6)?, Granularity::Half)
        }
        Within::Season(s) => {
            let m = s.first_month();
            (ymd(y, m, 1)?, first_of_month_after(y, m, 3)?, Granularity::Season)
        }
    })
}

/// Western (Gregorian) Easter Sunday of `year`, by the anonymous Gregorian computus (Meeus,
/// *Astronomical Algorithms*, ch. 8): the feasts that move with it (Good Friday, Pentecost)
/// are counted from it.
pub(crate) fn easter_sunday(year: i32) -> Option<NaiveDate> {
    if year < 1583 {
        return None;
    }
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// 1 = Monday … 7 = Sunday.
pub(crate) fn weekday_from_number(n: u8) -> Option<Weekday> {
    match n {
        1..=7 => Some(Weekday::try_from(n - 1).ok()?),
        _ => None,
    }
}

impl TimexValue {
    /// The interval a calendar value denotes; `None` for durations, references and values with
    /// unknown parts.
    pub fn interval(&self) -> Option<Interval> {
        match self {
            TimexValue::Calendar(c) => c.interval(),
            _ => None,
        }
    }

    /// A duration of `amount` units (`None`: unknown amount).
    pub fn duration(amount: Option<u32>, unit: DurationUnit) -> TimexValue {
        TimexValue::Duration(DurationValue { parts: vec![(amount, unit)] })
    }
}

impl From<CalendarValue> for TimexValue {
    fn from(value: CalendarValue) -> TimexValue {
        TimexValue::Calendar(value)
    }
}

fn two(f: &mut fmt::Formatter<'_>, n: Option<u8>) -> fmt::Result {
    match n {
        Some(n) => write!(f, "{n:02}"),
        None => f.write_str("XX"),
    }
}

impl fmt::Display for TimexValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimexValue::PresentRef => f.write_str("PRESENT_REF"),
            TimexValue::PastRef => f.write_str("PAST_REF"),
            TimexValue::FutureRef => f.write_str("FUTURE_REF"),
            TimexValue::Duration(d) => {
                f.write_char('P')?;
                let mut in_time = false;
                for &(amount, unit) in &d.parts {
                    if unit.is_time() && !in_time {
                        f.write_char('T')?;
                        in_time = true;
                    }
                    match amount {
                        Some(n) => write!(f, "{n}")?,
                        None => f.write_char('X')?,
                    }
                    f.write_str(unit.code())?;
                }
                Ok(())
            }
            TimexValue::Calendar(c) => {
                match c.year {
                    Year::Year(y) => write!(f, "{y:04}")?,
                    Year::Decade(d) => write!(f, "{d:03}")?,
                    Year::Century(c) => write!(f, "{c:02}")?,
                    Year::Unknown => f.write_str("XXXX")?,
                }
                match c.within {
                    None => {}
                    Some(Within::Month(m)) => {
                        f.write_char('-')?;
                        two(f, m)?;
                    }
                    Some(Within::Day { month, day }) => {
                        f.write_char('-')?;
                        two(f, month)?;
                        f.write_char('-')?;
                        two(f, day)?;
                    }
                    Some(Within::Week(w)) => {
                        f.write_str("-W")?;
                        two(f, w)?;
                    }
                    Some(Within::WeekDay { week, weekday }) => {
                        f.write_str("-W")?;
                        two(f, week)?;
                        write!(f, "-{weekday}")?;
                    }
                    Some(Within::Weekend(w)) => {
                        f.write_str("-W")?;
                        two(f, w)?;
                        f.write_str("-WE")?;
                    }
                    Some(Within::Quarter(q)) => match q {
                        Some(q) => write!(f, "-Q{q}")?,
                        None => f.write_str("-QX")?,
                    },
                    Some(Within::Half(h)) => write!(f, "-H{h}")?,
                    Some(Within::Season(s)) => write!(f, "-{}", s.code())?,
                }
                match c.time {
                    None => Ok(()),
                    Some(TimeOfDay::Part(p)) => write!(f, "T{}", p.code()),
                    Some(TimeOfDay::Clock { hour, minute, second }) => {
                        write!(f, "T{hour:02}")?;
                        if let Some(m) = minute {
                            write!(f, ":{m:02}")?;
                        }
                        if let Some(s) = second {
                            write!(f, ":{s:02}")?;
                        }
                        Ok(())
                    }
                }
            }
        }
    }
}

/// Parses exactly the forms `Display` writes; anything else is an argument error.
impl FromStr for TimexValue {
    type Err = Error;

    fn from_str(s: &str) -> Result<TimexValue, Error> {
        parse_value(s).ok_or_else(|| Error::argument(format!("not a TIMEX3 value annals writes: {s:?}")))
    }
}

fn parse_value(s: &str) -> Option<TimexValue> {
    let value = match s {
        "PRESENT_REF" => TimexValue::PresentRef,
        "PAST_REF" => TimexValue::PastRef,
        "FUTURE_REF" => TimexValue::FutureRef,
        _ if s.starts_with('P') => TimexValue::Duration(parse_duration(&s[1..])?),
        _ => TimexValue::Calendar(parse_calendar(s)?),
    };
    // Only canonical spellings: the value must print back to the input.
    (value.to_string() == s).then_some(value)
}

fn parse_duration(s: &str) -> Option<DurationValue> {
    let mut parts = Vec::new();
    let (date, time) = match s.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (s, None),
    };
    let mut parse_units = |mut rest: &str, in_time: bool| -> Option<()> {
        while !rest.is_empty() {
            let digits = rest.bytes().take_while(|b| b.is_ascii_digit() || *b == b'X').count();
            if digits == 0 {
                return None;
            }
            let amount = if &rest[..digits] == "X" { None } else { Some(rest[..digits].parse().ok()?) };
            rest = &rest[digits..];
            let units: &[DurationUnit] = if in_time {
                &[DurationUnit::Hour, DurationUnit::Minute, DurationUnit::Second]
            } else {
                &[
                    DurationUnit::Millennium,
                    DurationUnit::Century,
                    DurationUnit::Decade,
                    DurationUnit::Weekend,
                    DurationUnit::Year,
                    DurationUnit::Quarter,
                    DurationUnit::Month,
                    DurationUnit::Week,
                    DurationUnit::Day,
                ]
            };
            let unit = units.iter().copied().find(|u| rest.starts_with(u.code()))?;
            rest = &rest[unit.code().len()..];
            parts.push((amount, unit));
        }
        Some(())
    };
    parse_units(date, false)?;
    if let Some(time) = time {
        if time.is_empty() {
            return None;
        }
        parse_units(time, true)?;
    }
    (!parts.is_empty()).then_some(DurationValue { parts })
}

fn number_or_x(s: &str, len: usize) -> Option<Option<u8>> {
    if s.len() != len {
        return None;
    }
    if s.bytes().all(|b| b == b'X') {
        return Some(None);
    }
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok().map(Some)
}

fn parse_calendar(s: &str) -> Option<CalendarValue> {
    let (date, time) = match s.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (s, None),
    };
    let mut fields = date.split('-');
    let head = fields.next()?;
    let year = match head.len() {
        _ if head == "XXXX" => Year::Unknown,
        2..=4 if head.bytes().all(|b| b.is_ascii_digit()) => {
            let n: i32 = head.parse().ok()?;
            match head.len() {
                4 => Year::Year(n),
                3 => Year::Decade(n),
                _ => Year::Century(n),
            }
        }
        _ => return None,
    };
    let rest: Vec<&str> = fields.collect();
    let within = match rest.as_slice() {
        [] => None,
        [q] if q.starts_with('Q') => Some(Within::Quarter(if *q == "QX" {
            None
        } else {
            Some(q[1..].parse().ok().filter(|n| (1..=4).contains(n))?)
        })),
        [h] if h.starts_with('H') => Some(Within::Half(h[1..].parse().ok().filter(|n| (1..=2).contains(n))?)),
        [season] if Season::from_code(season).is_some() => Some(Within::Season(Season::from_code(season)?)),
        [w] if w.starts_with('W') => Some(Within::Week(number_or_x(&w[1..], 2)?)),
        [w, "WE"] if w.starts_with('W') => Some(Within::Weekend(number_or_x(&w[1..], 2)?)),
        [w, d] if w.starts_with('W') => {
            let weekday: u8 = d.parse().ok().filter(|n| (1..=7).contains(n))?;
            Some(Within::WeekDay { week: number_or_x(&w[1..], 2)?, weekday })
        }
        [m] => {
            let month = number_or_x(m, 2)?;
            if month.is_some_and(|m| !(1..=12).contains(&m)) {
                return None;
            }
            Some(Within::Month(month))
        }
        [m, d] => Some(Within::Day { month: number_or_x(m, 2)?, day: number_or_x(d, 2)? }),
        _ => return None,
    };
    if !matches!(year, Year::Year(_) | Year::Unknown) && within.is_some() {
        return None;
    }
    let time = match time {
        None => None,
        Some(t) => Some(if let Some(part) = PartOfDay::from_code(t) {
            TimeOfDay::Part(part)
        } else {
            let mut clock = t.split(':');
            let hour = number_or_x(clock.next()?, 2)?.filter(|h| *h <= 24)?;
            let minute = clock.next().map(|m| number_or_x(m, 2)?.filter(|m| *m < 60)).map(|m| m.ok_or(()));
            let minute = match minute {
                None => None,
                Some(Ok(m)) => Some(m),
                Some(Err(())) => return None,
            };
            let second = match clock.next() {
                None => None,
                Some(s) => Some(number_or_x(s, 2)?.filter(|s| *s < 60)?),
            };
            if clock.next().is_some() || (second.is_some() && minute.is_none()) {
                return None;
            }
            TimeOfDay::Clock { hour, minute, second }
        }),
    };
    Some(CalendarValue { year, within, time })
}

impl Serialize for TimexValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TimexValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<TimexValue, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip() {
        for s in [
            "2020",
            "199",
            "19",
            "XXXX",
            "2020-01",
            "XXXX-07",
            "2020-01-03",
            "XXXX-XX-XX",
            "2020-W01",
            "2020-W53",
            "2020-WXX",
            "XXXX-WXX-5",
            "2020-W02-WE",
            "2019-Q4",
            "2019-QX",
            "1990-H1",
            "1998-SU",
            "2020-01-03TMO",
            "2020-01-03T08:30",
            "2020-01-03T17",
            "2020-01-03T24",
            "2020-01-03T08:30:15",
            "P3D",
            "PT2H30M",
            "P1Y6M",
            "PXY",
            "P1DE",
            "P2CE",
            "P1WE",
            "PRESENT_REF",
            "PAST_REF",
            "FUTURE_REF",
        ] {
            let value: TimexValue = s.parse().unwrap_or_else(|e| panic!("{s}: {e}"));
            assert_eq!(value.to_string(), s);
        }
        for bad in
            ["", "2020-13", "2020-1", "P", "PT", "P3", "2020-W1", "20201", "2020-01-32X", "199-01", "1998-Q5"]
        {
            assert!(bad.parse::<TimexValue>().is_err(), "{bad:?} should not parse");
        }
    }

    #[test]
    fn intervals_follow_the_calendar() {
        let at = |s: &str| s.parse::<TimexValue>().unwrap().interval().unwrap();
        let day = at("2020-01-03");
        assert_eq!(
            (day.start.to_string().as_str(), day.end.to_string().as_str()),
            ("2020-01-03 00:00:00", "2020-01-04 00:00:00")
        );
        // ISO week 1 of 2020 starts in 2019; 2020 has a week 53 that ends in 2021.
        assert_eq!(at("2020-W01").start.date(), ymd(2019, 12, 30).unwrap());
        assert_eq!(at("2020-W53").end.date(), ymd(2021, 1, 4).unwrap());
        assert!("2019-W53".parse::<TimexValue>().unwrap().interval().is_none());
        assert_eq!(at("2019-WI").end.date(), ymd(2020, 3, 1).unwrap());
        assert_eq!(at("199").end.date(), ymd(2000, 1, 1).unwrap());
        assert_eq!(at("19").start.date(), ymd(1900, 1, 1).unwrap());
        assert_eq!(at("2019-Q4").end.date(), ymd(2020, 1, 1).unwrap());
        let night = at("2020-01-02TNI");
        assert_eq!(night.end.to_string(), "2020-01-03 06:00:00");
        assert_eq!(at("2020-01-03T08:30").granularity, Granularity::Minute);
        assert!("XXXX-07".parse::<TimexValue>().unwrap().interval().is_none());
        assert!("P3D".parse::<TimexValue>().unwrap().interval().is_none());
    }
}
