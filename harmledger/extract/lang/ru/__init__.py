"""Russian: read by lemmas (pymorphy3 with pymorphy3-dicts-ru), tables in `lexicon.py`."""
