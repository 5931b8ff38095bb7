// Search over names, aliases and source titles, ranked as an analyst means it. Candidates come from
// indexes only: organizations whose name key ($key: the name without case, punctuation or legal form,
// src/ingest/names.ts) is the query's (tier 0), whose initials are the query ($acronym, for one short
// word; tier 1), and full-text hits of $query, a Lucene query the service builds from escaped terms
// (tier 2; at most $fulltextLimit, best first). $labels: the entity types to keep. The score is the
// full-text score (0 for a key or initials match that the full-text query did not find).
// Order: tier; then active organizations before inactive ones; among initials matches, names written
// as one hyphenated compound first (Metro-Goldwyn-Mayer for "MGM"); then the full-text score; then
// those with more external identifiers (a listed parent has a CIK and tickers); then the shorter name.
// Ranked and cut to $limit before the nodes' properties are read: a common word can match many.
CALL () {
  MATCH (node:Organization {nameKey: $key})
  WHERE 'Organization' IN $labels
  RETURN node, 0 AS tier, 0.0 AS score
  LIMIT 100
  UNION
  MATCH (node:Organization {acronym: $acronym})
  WHERE 'Organization' IN $labels
  RETURN node, 1 AS tier, 0.0 AS score
  LIMIT 100
  UNION
  CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $fulltextLimit}) YIELD node, score
  RETURN node, 2 AS tier, score
}
WITH node, min(tier) AS tier, max(score) AS score
WITH node, tier, score, [l IN labels(node) WHERE l <> 'Entity'][0] AS label
WHERE label IN $labels
WITH node, tier, score, label,
     CASE WHEN coalesce(node.status, 'ACTIVE') IN ['ACTIVE', 'ACQUIRED'] THEN 0 ELSE 1 END AS inactive,
     CASE WHEN label = 'Organization' THEN COUNT { (node)<-[:IDENTIFIES]-(:Identifier) } ELSE 0 END AS identifiers
ORDER BY tier, inactive, CASE WHEN tier = 1 AND node.acronymCompound THEN 0 ELSE 1 END, score DESC, identifiers DESC,
         size(coalesce(node.name, node.title)), node.id
LIMIT $limit
RETURN label, node {.*} AS node, score
