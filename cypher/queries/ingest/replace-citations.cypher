// Rewrites a node's citations: (fact)-[:CITES {quote}]->(:Source). $rows: [{id, citations: [{source, quote}]}]
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
CALL (n) {
  MATCH (n)-[old:CITES]->(:Source)
  DELETE old
}
WITH n, row
UNWIND row.citations AS cite
MATCH (s:Source {id: cite.source})
CREATE (n)-[:CITES {quote: cite.quote}]->(s)
