"""English words of a claimant's name that are titles or fillers rather than a person's name, and
claimants that name nobody (reconcile/entities.py reads them). The cue words for a claimant's
source type and country are data, in sources.toml beside this module (lang/source_cues.py).
"""

from __future__ import annotations

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
