"""Language packs: the words and phrasings of one language, as data, for the extraction stage."""
