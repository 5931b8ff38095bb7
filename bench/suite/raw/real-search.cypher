// The real-data scale, by hand: organizations ranked as corpgraph ranks a search (exact name key,
// initials, full text; active first; then score, identifiers, shorter name).
CALL () {
  MATCH (node:Organization {nameKey: $key}) RETURN node, 0 AS tier, 0.0 AS score LIMIT 100
  UNION
  MATCH (node:Organization {acronym: $acronym}) RETURN node, 1 AS tier, 0.0 AS score LIMIT 100
  UNION
  CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $fulltextLimit}) YIELD node, score
  WITH node, score WHERE node:Organization
  RETURN node, 2 AS tier, score
}
WITH node, min(tier) AS tier, max(score) AS score
WITH node, tier, score, CASE WHEN coalesce(node.status, 'ACTIVE') IN ['ACTIVE', 'ACQUIRED'] THEN 0 ELSE 1 END AS inactive,
     COUNT { (node)<-[:IDENTIFIES]-(:Identifier) } AS identifiers
ORDER BY tier, inactive, CASE WHEN tier = 1 AND node.acronymCompound THEN 0 ELSE 1 END, score DESC, identifiers DESC, size(node.name), node.id
LIMIT $limit
RETURN node.id AS id, node.name AS name
