"""The nouns of harmledger: Article, Place, EventDate, Claim, Mention, Incident, Decision."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

import numpy as np


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
    precision: str  # site | town | region | country


@dataclass(frozen=True)
class EventDate:
    """A resolved date; `value` is the first day of the period when precision is coarser."""

    value: date | None
    precision: str  # day | week | month | year | unknown
    reason: str = ""
    # A day and month the text names without a year ("April 8"); kept for matching.
    month_day: tuple[int, int] | None = None
    # A weekday the text names when there is no reference date to resolve it against.
    weekday: int | None = None

    @property
    def known(self) -> bool:
        return self.value is not None


UNKNOWN_DATE = EventDate(None, "unknown", "no date in text")


@dataclass
class Claim:
    """One statement about a mention: a figure, a blame or a denial, with its evidence span."""

    kind: str  # killed | injured | blame | denial
    claimant: str
    evidence: str
    start: int
    end: int
    low: int | None = None
    high: int | None = None
    qualifier: str | None = None  # at_least | more_than | about | up_to | exact
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


@dataclass
class Mention:
    """One event reported in one article, with the claims made about it."""

    article_id: str
    index: int  # position among the article's mentions
    role: str  # main | background
    event_type: str
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
    kind: str  # figures | denial | attribution
    description: str
    claims: list[int]  # indexes into the incident's claim list
    claim_ids: list[str] = field(default_factory=list)  # the same claims by their stable ids


@dataclass
class Incident:
    """One event in the world: its mentions, canonical date and place, figures and grade."""

    id: str
    event_type: str
    date: EventDate
    place: Place | None
    target: str
    weapon: str
    mentions: list[Mention]
    killed: Figures = field(default_factory=Figures)
    injured: Figures = field(default_factory=Figures)
    articles: int = 0
    independent: int = 0
    grade: str = "single_source"
    contradictions: list[Contradiction] = field(default_factory=list)
    background_only: bool = False
    figure_status: str = "consistent"  # consistent | revised | contested (FigureStatus)
    denied_by: list[str] = field(default_factory=list)  # entities that deny the attack or blame

    def __post_init__(self) -> None:
        # One fixed order (main mentions first, then by id) so claim indexes stay valid
        # between reconciliation, storage and export.
        self.mentions.sort(key=lambda m: (m.role != "main", m.id))

    @property
    def claims(self) -> list[Claim]:
        return [c for m in self.mentions for c in m.claims]

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

