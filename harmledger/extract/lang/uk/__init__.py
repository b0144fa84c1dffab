"""Ukrainian: read by lemmas (pymorphy3 with pymorphy3-dicts-uk), tables in `lexicon.py`."""
