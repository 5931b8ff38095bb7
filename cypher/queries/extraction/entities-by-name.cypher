// The entities an article may name: for each row ({lower, key, phrase}) the organizations of the same
// name key, and the organizations, people and markets whose name or an alias is the phrase in any case
// (full-text hits of the exact phrase, then checked whole). Indexes only; one row per entity.
UNWIND $rows AS row
CALL (row) {
  MATCH (o:Organization {nameKey: row.key})
  WHERE row.key IS NOT NULL
  RETURN o AS n
  UNION
  CALL db.index.fulltext.queryNodes('entity_names', row.phrase, {limit: 20}) YIELD node
  WITH node
  WHERE (node:Organization OR node:Person OR node:Market)
    AND (toLower(node.name) = row.lower OR row.lower IN [a IN coalesce(node.aliases, []) | toLower(a)])
  RETURN node AS n
}
WITH DISTINCT n
RETURN n.id AS id,
       [l IN labels(n) WHERE l IN ['Organization', 'Person', 'Market']][0] AS type,
       n.name AS name,
       coalesce(n.aliases, []) AS aliases,
       n.kind AS kind
ORDER BY id
