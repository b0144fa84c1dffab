"""English: its words and phrasings as data (lexicon, speech, events, places, dates, numbers,
furniture, gazetteer names), its parser's dependency labels (syntax) and WordNet word classes."""
