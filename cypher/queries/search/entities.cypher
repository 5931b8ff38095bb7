// Full-text search over names, aliases and source titles. $query is a Lucene query built by the
// service from escaped terms (exact, prefix and fuzzy), $labels the entity types to keep.
// Ranked and cut to $limit before the nodes' properties are read: a common word can match many.
CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
WITH node, score, [l IN labels(node) WHERE l <> 'Entity'][0] AS label
WHERE label IN $labels
WITH node, score, label
ORDER BY score DESC, node.id
LIMIT $limit
RETURN label, node {.*} AS node, score
