"""English casualty and people words as classes drawn from WordNet, not lists grown from examples.

A class is every word whose most frequent sense lies under one of a few root senses: "perish",
"succumb" and "be martyred" are dying or killing because their first sense is, while "hit"
(first sense: strike) is not. WordNet 3.0 comes from Debian's `wordnet-base` package; nltk reads
it only from an nltk_data folder, so the files are copied into our cache beside the `lexnames`
file Debian leaves out. The classes are built once and cached, keyed by their inputs.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import shutil
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from harmledger.extract.cache import cache_dir, inputs_key

WORDNET_DIR = Path(os.environ.get("HARMLEDGER_WORDNET", "/usr/share/wordnet"))
# The root senses of each class (WordNet 3.0 sense keys); a word joins when its first sense of
# that part of speech is one of them or lies below one.
ROOTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "kill_verbs": ("v", ("kill.v.01",)),
    "die_verbs": ("v", ("die.v.01",)),
    "injure_verbs": ("v", ("injure.v.01", "wound.v.01")),
    "death_nouns": ("n", ("death.n.01", "death.n.02", "killing.n.02", "fatality.n.01")),
    "injury_nouns": ("n", ("injury.n.01", "wound.n.01")),
    "people_nouns": ("n", ("person.n.01",)),
}
# The 45 lexicographer files of WordNet 3.0, in their fixed order (lexnames(5WN)).
LEXNAMES = (
    "adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute noun.body "
    "noun.cognition noun.communication noun.event noun.feeling noun.food noun.group noun.location "
    "noun.motive noun.object noun.person noun.phenomenon noun.plant noun.possession noun.process "
    "noun.quantity noun.relation noun.shape noun.state noun.substance noun.time verb.body verb.change "
    "verb.cognition verb.communication verb.competition verb.consumption verb.contact verb.creation "
    "verb.emotion verb.motion verb.perception verb.possession verb.social verb.stative verb.weather adj.ppl"
).split()
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WordClasses:
    """Lower-case single words per class (see ROOTS); empty when WordNet is not installed."""

    kill_verbs: frozenset[str] = frozenset()
    die_verbs: frozenset[str] = frozenset()
    injure_verbs: frozenset[str] = frozenset()
    death_nouns: frozenset[str] = frozenset()
    injury_nouns: frozenset[str] = frozenset()
    people_nouns: frozenset[str] = frozenset()


def _key() -> str:
    """A hash of the build inputs: this module (its roots), the WordNet data files and nltk."""
    # The data files are ~30 MB: hashed by size and time, not content, to keep start-up fast.
    stamps = "".join(f"{name}:{path.stat().st_size}:{path.stat().st_mtime_ns};" if path.exists() else f"{name}:-1;"
                     for name in ("data.noun", "data.verb", "index.noun", "index.verb")
                     for path in [WORDNET_DIR / name])
    return hashlib.sha256(inputs_key([Path(__file__)], ("nltk",)).encode() + stamps.encode()).hexdigest()[:16]


def _reader(root: Path):  # type: ignore[no-untyped-def]
    """nltk's WordNet reader on a copy of Debian's files inside an nltk_data folder under `root`."""
    import nltk
    from nltk.corpus.reader.wordnet import WordNetCorpusReader

    target = root / "corpora" / "wordnet"
    target.mkdir(parents=True, exist_ok=True)
    for source in WORDNET_DIR.iterdir():
        if source.is_file() and not (target / source.name).exists():
            shutil.copy(source, target / source.name)
    (target / "lexnames").write_text("".join(
        f"{i:02d}\t{name}\t{ {'adj': 3, 'adv': 4, 'noun': 1, 'verb': 2}[name.split('.')[0]] }\n"
        for i, name in enumerate(LEXNAMES)), encoding="utf-8")
    if str(root) not in nltk.data.path:
        nltk.data.path.insert(0, str(root))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "multilingual functions are not available": not needed
        return WordNetCorpusReader(str(target), None)


def build(root: Path) -> WordClasses:
    """Derive the classes from WordNet (a few seconds)."""
    wn = _reader(root)
    found: dict[str, frozenset[str]] = {}
    for name, (pos, roots) in ROOTS.items():
        under = set()
        for key in roots:
            synset = wn.synset(key)
            under |= {synset} | set(synset.closure(lambda s: s.hyponyms()))
        words = {lemma.name().lower() for s in under for lemma in s.lemmas() if "_" not in lemma.name()}
        found[name] = frozenset(w for w in words if (senses := wn.synsets(w, pos)) and senses[0] in under)
    return WordClasses(**found)


@lru_cache(maxsize=1)
def word_classes() -> WordClasses:
    """The process-wide classes: from the cache, else built from WordNet and cached; empty (with
    a warning) when Debian's WordNet is absent, so extraction falls back to the fixed lexicon."""
    if not (WORDNET_DIR / "data.noun").is_file():
        log.warning("WordNet is not installed (%s): run 'make setup' (apt-get install wordnet-base)", WORDNET_DIR)
        return WordClasses()
    root = cache_dir() / "wordnet"
    path = root / f"classes-{_key()}.pickle"
    try:
        with path.open("rb") as fh:
            loaded = pickle.load(fh)
        if isinstance(loaded, WordClasses):
            return loaded
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    classes = build(root)
    try:
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(classes, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)  # atomic: a concurrent reader never sees half a file
    except OSError:
        pass
    return classes
