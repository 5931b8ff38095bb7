// Publication dates of stored sources, to resolve relative dates in facts that cite them.
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN s.id AS id, s.publishedEarliest AS publishedEarliest, s.publishedLatest AS publishedLatest, s.publishedPrecision AS publishedPrecision
