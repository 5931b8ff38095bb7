// How many records an export writes: entities and parent links (for its progress bar).
RETURN COUNT { MATCH (:Entity) } + COUNT { ()-[:SUBSIDIARY_OF|DIVISION_OF]->() } AS records
