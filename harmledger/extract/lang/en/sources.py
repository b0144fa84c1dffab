"""English words that say what kind of source a claimant is, which country it speaks for, and
which words of its name are titles rather than a person's name (reconcile/entities.py reads them).

A cue is a run of words; a word ending in "*" matches any word it begins ("defen*" matches
"defense" and "defence"). The longest cue found in a claimant decides its source type; on a tie,
the earlier in the table.
"""

from __future__ import annotations

from harmledger.models import SourceType as S

SOURCE_CUES: tuple[tuple[str, S], ...] = (
    ("health minist*", S.health), ("ministry of health", S.health), ("hospital*", S.health),
    ("doctor*", S.health), ("medic*", S.health), ("paramedic*", S.health), ("health*", S.health),
    ("defen* minist*", S.armed_forces), ("ministry of defen*", S.armed_forces),
    ("defen* minister", S.armed_forces), ("general staff", S.armed_forces), ("army", S.armed_forces),
    ("armed forces", S.armed_forces), ("military", S.armed_forces), ("forces", S.armed_forces),
    ("pentagon", S.armed_forces), ("command", S.armed_forces), ("troops", S.armed_forces),
    ("emergenc*", S.emergency_service), ("rescue*", S.emergency_service), ("rescuers", S.emergency_service),
    ("firefighter*", S.emergency_service), ("civil defen*", S.emergency_service), ("ses", S.emergency_service),
    ("police", S.police), ("prosecutor*", S.police), ("interior minist*", S.national_government),
    ("governor", S.local_authority), ("mayor", S.local_authority), ("regional*", S.local_authority),
    ("region", S.local_authority), ("oblast", S.local_authority), ("city council", S.local_authority),
    ("city", S.local_authority), ("local officials", S.local_authority), ("local authorit*", S.local_authority),
    ("military administration", S.local_authority), ("head of the administration", S.local_authority),
    ("president*", S.national_government), ("prime minister", S.national_government),
    ("foreign minist*", S.national_government), ("minister*", S.national_government),
    ("ministry", S.national_government), ("government", S.national_government),
    ("kremlin", S.national_government), ("chief of staff", S.national_government),
    ("presidential*", S.national_government), ("cabinet", S.national_government),
    ("united nations", S.international), ("un", S.international), ("ohchr", S.international),
    ("icrc", S.international), ("red cross", S.international), ("red crescent", S.international),
    ("unicef", S.international), ("who", S.international), ("eu", S.international),
    ("european union", S.international), ("osce", S.international), ("nato", S.international),
    ("observatory", S.ngo), ("human rights watch", S.ngo), ("amnesty", S.ngo), ("monitor*", S.ngo),
    ("ngo", S.ngo), ("airwars", S.ngo), ("acled", S.ngo),
    ("hamas", S.armed_group), ("houthi*", S.armed_group), ("taliban", S.armed_group),
    ("islamic state", S.armed_group), ("militants", S.armed_group), ("rebels", S.armed_group),
    ("separatist*", S.armed_group), ("wagner", S.armed_group), ("m23", S.armed_group),
    ("hezbollah", S.armed_group), ("al-shabaab", S.armed_group), ("boko haram", S.armed_group),
    ("witness*", S.witness), ("eyewitness*", S.witness), ("resident*", S.witness), ("survivor*", S.witness),
    ("locals", S.witness), ("neighbo*", S.witness), ("relatives", S.witness),
    ("reporter", S.media), ("journalist*", S.media), ("correspondent*", S.media), ("media", S.media),
    ("news", S.media), ("agency", S.media), ("reuters", S.media), ("afp", S.media), ("ap", S.media),
    ("associated press", S.media), ("bbc", S.media), ("cnn", S.media), ("tass", S.media),
    ("ria", S.media), ("interfax", S.media), ("censor", S.media), ("pravda", S.media),
    ("ukrinform", S.media), ("al jazeera", S.media), ("washington post", S.media), ("television", S.media),
    ("tv", S.media), ("newspaper", S.media), ("channel", S.media),
    ("local", S.local_authority), ("municipal*", S.local_authority), ("village", S.local_authority),
)

# Words that name the country a claimant speaks for (a metonym such as "Moscow" included).
COUNTRY_WORDS: dict[str, str] = {
    "russia*": "RU", "moscow": "RU", "kremlin": "RU",
    "ukrain*": "UA", "kyiv": "UA", "kiev": "UA",
    "israel*": "IL", "palestin*": "PS", "gaza*": "PS", "syria*": "SY", "damascus": "SY",
    "yemen*": "YE", "saudi*": "SA", "riyadh": "SA", "iran*": "IR", "tehran": "IR",
    "turk*": "TR", "ankara": "TR", "american*": "US", "us": "US", "washington": "US", "pentagon": "US",
    "afghan*": "AF", "nigeria*": "NG", "congo*": "CD", "congolese": "CD", "rwanda*": "RW",
    "sudan*": "SD", "ethiopia*": "ET", "azerbaijan*": "AZ", "armenia*": "AM", "iraq*": "IQ",
}

# Words of a claimant that are titles or offices, never part of a person's name.
TITLE_WORDS = frozenset({
    "president", "governor", "mayor", "minister", "chief", "head", "commander", "general",
    "secretary", "spokesman", "spokeswoman", "spokesperson", "prosecutor", "deputy", "staff",
    "adviser", "advisor", "chairman", "chairwoman", "director", "officer", "official", "leader",
    "ambassador", "envoy", "representative", "colonel", "major", "lieutenant", "captain", "sergeant",
    "prime", "foreign", "interior", "defense", "defence", "regional", "military", "administration",
    "ministry", "office", "state", "service", "council", "city", "first", "top", "diplomat",
    "acting", "senior", "press", "the", "of", "and", "a", "an", "mr", "mrs", "ms", "dr",
})
# Words that carry no identity of their own: "the", "local branch of", possessive "'s".
FILLER_WORDS = frozenset({"the", "of", "a", "an", "and", "in", "on", "for", "local", "branch", "its",
                          "s", "top", "said", "also", "then", "their", "his", "her"})
# Claimants that name nobody: their figures stand alone, each its own unnamed source.
NAMELESS = frozenset({"officials", "authorities", "sources", "reports", "initial reports",
                      "earlier reports", "media reports", "local media", "data", "reporter"})
