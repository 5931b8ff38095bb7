// Rewrites a node's citations: (fact)-[:CITES {quote, locator}]->(:Source). $rows: [{id, citations: [{source, quote, locator}]}]
// Returns the sources each node cited before (`sources`), for the change feed.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
CALL (n) {
  OPTIONAL MATCH (n)-[old:CITES]->(s:Source)
  WITH old, s.id AS source
  DELETE old
  RETURN collect(source) AS sources
}
CALL (n, row) {
  UNWIND row.citations AS cite
  MATCH (s:Source {id: cite.source})
  CREATE (n)-[:CITES {quote: cite.quote, locator: cite.locator}]->(s)
}
RETURN row.id AS id, sources
