"""The corpus step: the few things that look across documents (near-duplicates, entities merged
by key, co-mention counts), run once after every document has its result."""
