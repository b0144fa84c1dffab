"""English: word classes built from WordNet and the tables of `harmledger.conventions`."""
