// Request 5, by hand: organizations matching a full-text query, best first.
CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
WHERE node:Organization
RETURN node.id AS id, node.name AS name, score
ORDER BY score DESC, id
LIMIT $first
