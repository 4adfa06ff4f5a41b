"""The parse: spaCy's model with Newsflow's repairs, and what the later stages read from it.

`model` loads the pipeline (tokenizer suffixes, paragraph and dateline sentence breaks) and
names it; `dateline` finds the place and credit that open a wire story;
`textcheck` refuses text that is empty, binary or not English before it is parsed; `table`
turns a parsed Doc into plain `Tok` rows the stages walk quickly; `candidates` is the type of
an entity mention every stage shares; `words` the spelling helpers (accents, possessives).
May import: nothing of the extractor (spaCy and the standard library only).
"""
