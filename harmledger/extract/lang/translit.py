"""Spellings folded to one key, so a name written in Cyrillic or in any Latin transliteration
meets its other spellings ("Тимошенко", "Tymoshenko", "Timoshenko"; "Zelenskyy", "Zelensky")."""

from __future__ import annotations

# Cyrillic letters (Ukrainian and Russian) to Latin, as the common romanisations write them.
LATIN_OF: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ye", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "yu", "я": "ya", "ё": "yo", "ы": "y",
    "э": "e", "ъ": "", "'": "", "’": "",
}
# Latin spellings that differ only by transliteration convention, folded in this order.
FOLDS: tuple[tuple[str, str], ...] = (
    ("shch", "s"), ("sch", "s"), ("zh", "z"), ("kh", "h"), ("ch", "c"), ("sh", "s"), ("ts", "c"),
    ("tz", "c"), ("yi", "i"), ("iy", "i"), ("ij", "i"), ("yy", "i"), ("y", "i"), ("j", "i"),
    ("g", "h"), ("w", "v"), ("ks", "x"), ("ii", "i"),
)


def romanise(word: str, letters: dict[str, str], initial: dict[str, str]) -> str:
    """`word` in a language's romanisation (`letters`), with the letters written otherwise at the
    start of a word or after a vowel (`initial`: Russian "Еленовка" -> "yelenovka")."""
    out: list[str] = []
    after_vowel = True
    for ch in word.lower():
        out.append(initial[ch] if after_vowel and ch in initial else letters.get(ch, ch))
        after_vowel = ch in _VOWELS
    return "".join(out)


_VOWELS = frozenset("аеёиіїоуыэюяєьъ")
