// Full-text search over names, aliases and source titles. $query is a Lucene query built by the
// service from escaped terms (exact, prefix and fuzzy), $labels the entity types to keep.
CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
WITH node, score, [l IN labels(node) WHERE l <> 'Entity'][0] AS label
WHERE label IN $labels
RETURN label, node {.*} AS node, score
ORDER BY score DESC, node.id
LIMIT $limit
