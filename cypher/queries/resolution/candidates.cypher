// Candidate organizations for a name, from indexes only (blocking, never a scan): those an external
// identifier names ($identifierKeys, following redirects), those whose name key is one of $keys (the
// name's key, and its key without a site suffix such as " - DLA3"), and the full-text hits of $query
// (any of the name's words, none when null; at most $limit, best first). Each with how it was found, its full-text
// score, and its aliases' keys are computed by the caller.
CALL () {
  UNWIND $identifierKeys AS key
  MATCH (:Identifier {key: key})-[:IDENTIFIES]->(asked:Entity)
  WITH {{redirect-end:asked}} AS o
  WITH o WHERE o:Organization
  RETURN o, 'IDENTIFIER' AS via, 0.0 AS score
  UNION
  UNWIND $keys AS key
  MATCH (o:Organization {nameKey: key})
  RETURN o, 'NAME_KEY' AS via, 0.0 AS score
  UNION
  WITH $query AS query
  WHERE query IS NOT NULL
  CALL db.index.fulltext.queryNodes('entity_names', query, {limit: $limit}) YIELD node, score
  WITH node AS o, score
  WHERE o:Organization
  RETURN o, 'FULLTEXT' AS via, score
}
WITH o, collect(DISTINCT via) AS via, max(score) AS textScore
RETURN o {.*} AS node, via, textScore, [(o)<-[:IDENTIFIES]-(i:Identifier) | i.key] AS identifierKeys
