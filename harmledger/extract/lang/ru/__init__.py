"""Russian: read by lemmas (pymorphy3 with pymorphy3-dicts-ru); its words are data, `lexicon.toml`
(read by `lang/cyrillic.py`) and `sources.toml` (read by `lang/source_cues.py`)."""
