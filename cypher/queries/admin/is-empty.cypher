// True when the graph holds no corpgraph entity yet (the seed is loaded only then).
RETURN NOT EXISTS { MATCH (:Entity) } AS empty
