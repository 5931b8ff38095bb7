// Rewrites a node's citations: (fact)-[:CITES {quote, locator}]->(:Source). $rows: [{id, citations: [{source, quote, locator}]}]
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
CALL (n) {
  MATCH (n)-[old:CITES]->(:Source)
  DELETE old
}
WITH n, row
UNWIND row.citations AS cite
MATCH (s:Source {id: cite.source})
CREATE (n)-[:CITES {quote: cite.quote, locator: cite.locator}]->(s)
