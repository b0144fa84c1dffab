"""The nouns of harmledger: Article, Place, EventDate, Claim, Mention, Incident, Decision."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum

import numpy as np


# The closed vocabularies of the record. Filters (API and CLI alike) accept only these, so a
# mistyped value is an error rather than an empty result; the OpenAPI description lists them.
class EventType(StrEnum):
    airstrike = "airstrike"
    drone_strike = "drone_strike"
    missile_strike = "missile_strike"
    shelling = "shelling"
    bombing = "bombing"
    shooting = "shooting"
    other = "other"


class ClaimKind(StrEnum):
    killed = "killed"
    injured = "injured"
    blame = "blame"
    denial = "denial"
    missing = "missing"
    evacuated = "evacuated"
    hospitalised = "hospitalised"
    casualties = "casualties"  # "killed or wounded", kept apart from both


class Qualifier(StrEnum):
    exact = "exact"
    at_least = "at_least"
    more_than = "more_than"
    about = "about"
    up_to = "up_to"


class Grade(StrEnum):
    single_source = "single_source"
    corroborated = "corroborated"
    disputed = "disputed"


class SourceType(StrEnum):
    """What kind of source a claimant is (reconcile/entities.py); ranks in reconcile/rules.py."""

    local_authority = "local_authority"  # mayor, governor, regional administration
    national_government = "national_government"  # president, ministers, the Kremlin
    armed_forces = "armed_forces"  # armed forces or defence ministry of a party to the conflict
    health = "health"  # health ministry, hospital, medics
    emergency_service = "emergency_service"  # rescuers, civil defence, fire service
    police = "police"  # police, prosecutors
    international = "international"  # UN, ICRC, EU and other international bodies
    ngo = "ngo"  # NGOs and monitors (Syrian Observatory, HRW)
    armed_group = "armed_group"  # an armed group, a claim of responsibility
    witness = "witness"  # witnesses, residents, survivors
    media = "media"  # the reporter, an outlet, a news agency
    unknown = "unknown"  # "officials", "reports": the text does not say


class Side(StrEnum):
    """Whom a claimant speaks for, from the blame and denial structure of its incident."""

    accused = "accused"  # the side blamed for the attack, or denying it
    attacked = "attacked"  # the side that blames the other
    neither = "neither"  # an outside body, a witness, the press
    unknown = "unknown"  # the text does not show it


class FigureStatus(StrEnum):
    """How an incident's figures relate to each other (reconcile/history.py)."""

    consistent = "consistent"  # all sources give the same toll (within the tolerance)
    revised = "revised"  # the toll rose over time, or sources of one side differ without a drop
    contested = "contested"  # sides disagree, or independent sources differ at the same time


class DatePrecision(StrEnum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"
    unknown = "unknown"


class PlacePrecision(StrEnum):
    site = "site"
    town = "town"
    region = "region"
    country = "country"

class Role(StrEnum):
    """Whether a mention reports its event or only recalls it (background)."""

    main = "main"
    background = "background"


class ContradictionKind(StrEnum):
    figures = "figures"  # a dispute between sources (reconcile/history.py)
    revision = "revision"  # one source's figure rising over time
    denial = "denial"  # a party denies the event or its responsibility
    attribution = "attribution"  # the sources blame different parties



@dataclass(frozen=True)
class Article:
    """One source document, identified by the hash of its content."""

    id: str
    source_id: str
    text: str
    url: str = ""
    outlet: str = ""
    title: str = ""
    published: date | None = None
    language: str = "en"
    duplicate_of: str | None = None


@dataclass(frozen=True)
class Place:
    """A gazetteer place with the precision it was named at."""

    name: str
    country_code: str
    admin1: str
    lat: float
    lon: float
    geonameid: int | None
    precision: PlacePrecision


@dataclass(frozen=True)
class EventDate:
    """A resolved date; `value` is the first day of the period when precision is coarser."""

    value: date | None
    precision: DatePrecision
    reason: str = ""
    # A day and month the text names without a year ("April 8"); kept for matching.
    month_day: tuple[int, int] | None = None
    # A weekday the text names when there is no reference date to resolve it against.
    weekday: int | None = None

    @property
    def known(self) -> bool:
        return self.value is not None


UNKNOWN_DATE = EventDate(None, DatePrecision.unknown, "no date in text")


@dataclass(frozen=True)
class Claim:
    """One statement about a mention: a figure, a blame or a denial, with its evidence span."""

    kind: ClaimKind
    claimant: str
    evidence: str
    start: int
    end: int
    low: int | None = None
    high: int | None = None
    qualifier: Qualifier | None = None
    group: str = "all"
    article_id: str = ""
    accused: str = ""  # blame: who is accused ("Russia"); denial: who denies being responsible
    # The claimant resolved across the incident (reconcile/entities.py): one name for its
    # spellings, the kind of source it is and the side it speaks for.
    entity: str = ""
    source_type: str = ""
    side: str = ""

    @property
    def is_figure(self) -> bool:
        return self.kind in ("killed", "injured")


@dataclass(frozen=True)
class Mention:
    """One event reported in one article, with the claims made about it. Frozen, like `Claim`:
    resolution (the join, the vector) and reconciliation (the claimants) make copies."""

    article_id: str
    index: int  # position among the article's mentions
    role: Role
    event_type: EventType
    date: EventDate
    place: Place | None
    target: str
    weapon: str
    evidence: str
    start: int
    end: int
    claims: list[Claim] = field(default_factory=list)
    # Sentence embedding of the mention's text (unit length), a resolution feature.
    vector: np.ndarray | None = field(default=None, repr=False, compare=False)
    # Why the mention joined its incident, as the resolver scored it (None: it founded it).
    joined: Join | None = None
    district: str = ""  # stem of the district of its town it names ("salt" for Saltivka)

    @property
    def id(self) -> str:
        return f"{self.article_id}:{self.index}"


@dataclass(frozen=True)
class Join:
    """The features behind one resolution decision and their total score."""

    score: float
    features: dict[str, float | str | None]


@dataclass
class Figures:
    """Reconciled counts for one kind (killed or injured)."""

    low: int | None = None
    best: int | None = None
    high: int | None = None
    conservative: int | None = None
    rule: str = ""
    # Figure name (low, best, high, conservative, outliers) -> indexes of the claims behind it.
    basis: dict[str, list[int]] = field(default_factory=dict)


@dataclass
class Contradiction:
    kind: ContradictionKind
    description: str
    claims: list[int]  # indexes into the incident's claim list
    claim_ids: list[str] = field(default_factory=list)  # the same claims by their stable ids


@dataclass
class Incident:
    """One event in the world: its mentions, canonical date and place, figures and grade."""

    id: str
    event_type: EventType
    date: EventDate
    place: Place | None
    target: str
    weapon: str
    mentions: list[Mention]
    killed: Figures = field(default_factory=Figures)
    injured: Figures = field(default_factory=Figures)
    articles: int = 0
    independent: int = 0
    grade: Grade = Grade.single_source
    contradictions: list[Contradiction] = field(default_factory=list)
    background_only: bool = False
    figure_status: str = "consistent"  # consistent | revised | contested (FigureStatus)
    denied_by: list[str] = field(default_factory=list)  # entities that deny the attack or blame

    def __post_init__(self) -> None:
        # One fixed order (main mentions first, then by id) so claim indexes stay valid
        # between reconciliation, storage and export.
        self.mentions.sort(key=lambda m: (m.role != Role.main, m.id))

    @property
    def claims(self) -> list[Claim]:
        return [c for m in self.mentions for c in m.claims]

    def put_claims(self, claims: list[Claim]) -> None:
        """Give the mentions `claims` in place of theirs, one for one in the order of `self.claims`
        (claims are frozen: a later stage makes new ones, and they go back on copies of the mentions)."""
        held = sum(len(m.claims) for m in self.mentions)
        if len(claims) != held:
            raise ValueError(f"{len(claims)} claims for the {held} the incident's mentions hold")
        given = iter(claims)
        self.mentions[:] = [replace(m, claims=[next(given) for _ in m.claims]) for m in self.mentions]

    @property
    def claim_ids(self) -> list[str]:
        """Stable ids of `claims`, in the same order: mention (article:index) and position in it.
        Content-derived, so a citation survives new articles and a rebuild, unlike an index."""
        return [f"{m.id}:{position}" for m in self.mentions for position in range(len(m.claims))]


class Action(StrEnum):
    """A correction made by hand (upper-case names: `split` would hide str.split)."""

    MERGE = "merge"
    SPLIT = "split"
    DETACH = "detach"


@dataclass(frozen=True)
class Decision:
    """A correction by hand, kept so that every later ingest and rebuild honours it.

    It is stored by mention, not by incident id, because ids are re-decided by a rebuild: a merge
    keeps `together` in one incident; a split keeps `apart` out of the incident of `others`; a
    detach keeps `apart` (one article's mentions) out of every incident of other mentions.
    """

    action: Action
    incident_id: str  # the incident named when it was made (a merge: the one kept)
    together: tuple[str, ...] = ()
    apart: tuple[str, ...] = ()
    others: tuple[str, ...] = ()  # empty with `apart`: apart from every other mention
    articles: tuple[str, ...] = ()  # the articles named (split, detach)
    reason: str = ""
    author: str = ""
    made_at: datetime | None = None
    id: int | None = None

