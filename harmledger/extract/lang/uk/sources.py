"""Ukrainian words that say what kind of source a claimant is and which country it speaks for
(the cue format of lang/en/sources.py: a word ending in "*" matches any word it begins)."""

from __future__ import annotations

from harmledger.models import SourceType as S

SOURCE_CUES: tuple[tuple[str, S], ...] = (
    ("моз", S.health), ("міністерство охорони здоров*", S.health), ("лікар*", S.health),
    ("медик*", S.health), ("міноборони", S.armed_forces), ("генштаб*", S.armed_forces),
    ("зсу", S.armed_forces), ("збройн* сил*", S.armed_forces), ("військов*", S.armed_forces),
    ("дснс", S.emergency_service), ("рятувальник*", S.emergency_service),
    ("надзвичайн*", S.emergency_service), ("поліці*", S.police), ("прокурор*", S.police),
    ("прокуратур*", S.police), ("ова", S.local_authority), ("ода", S.local_authority),
    ("обласн*", S.local_authority), ("міськ*", S.local_authority), ("голова", S.local_authority),
    ("мер*", S.local_authority), ("губернатор*", S.local_authority), ("військова адміністрація", S.local_authority),
    ("президент*", S.national_government), ("уряд*", S.national_government), ("мзс", S.national_government),
    ("міністр*", S.national_government), ("кремл*", S.national_government), ("офіс президента", S.national_government),
    ("оон", S.international), ("мкчх", S.international), ("червон* хрест*", S.international),
    ("свідк*", S.witness), ("очевид*", S.witness), ("мешкан*", S.witness), ("жител*", S.witness),
    ("місцев* жител*", S.witness), ("сусід*", S.witness),
    ("журналіст*", S.media), ("кореспондент*", S.media), ("сми", S.media), ("змі", S.media),
    ("укрінформ", S.media), ("суспільне", S.media),
)
COUNTRY_WORDS: dict[str, str] = {
    "росі*": "RU", "російськ*": "RU", "рф": "RU", "москв*": "RU", "кремл*": "RU",
    "україн*": "UA", "київ*": "UA", "києв*": "UA",
}
