"""Russian words that say what kind of source a claimant is and which country it speaks for
(the cue format of lang/en/sources.py: a word ending in "*" matches any word it begins)."""

from __future__ import annotations

from harmledger.models import SourceType as S

SOURCE_CUES: tuple[tuple[str, S], ...] = (
    ("минздрав*", S.health), ("врач*", S.health), ("медик*", S.health), ("больниц*", S.health),
    ("минобороны", S.armed_forces), ("министерство обороны", S.armed_forces), ("генштаб*", S.armed_forces),
    ("всу", S.armed_forces), ("вооруженн* сил*", S.armed_forces), ("военн*", S.armed_forces),
    ("мчс", S.emergency_service), ("гсчс", S.emergency_service), ("спасател*", S.emergency_service),
    ("полици*", S.police), ("прокурор*", S.police), ("прокуратур*", S.police), ("ск", S.police),
    ("губернатор*", S.local_authority), ("глав*", S.local_authority), ("мэр*", S.local_authority),
    ("областн*", S.local_authority), ("городск*", S.local_authority), ("оперштаб*", S.local_authority),
    ("администрац*", S.local_authority),
    ("президент*", S.national_government), ("правительств*", S.national_government),
    ("мид", S.national_government), ("министр*", S.national_government), ("кремл*", S.national_government),
    ("оон", S.international), ("мккк", S.international), ("красн* крест*", S.international),
    ("свидетел*", S.witness), ("очевид*", S.witness), ("жител*", S.witness), ("местн* жител*", S.witness),
    ("журналист*", S.media), ("корреспондент*", S.media), ("сми", S.media), ("тасс", S.media),
    ("риа", S.media), ("интерфакс", S.media),
)
COUNTRY_WORDS: dict[str, str] = {
    "росси*": "RU", "рф": "RU", "москв*": "RU", "кремл*": "RU",
    "украин*": "UA", "киев*": "UA", "всу": "UA",
}
