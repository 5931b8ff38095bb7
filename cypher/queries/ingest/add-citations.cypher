// Adds citations to the fact $fact, node or parent link, keeping those it has; a quote given for a
// source it already cites replaces the old quote. $citations: [{source, quote}]
OPTIONAL MATCH (n:Entity {id: $fact})
WHERE NOT n:Source
OPTIONAL MATCH ()-[l:SUBSIDIARY_OF|DIVISION_OF {id: $fact}]->()
CALL (n, l) {
  WITH n WHERE n IS NOT NULL
  UNWIND $citations AS cite
  MATCH (s:Source {id: cite.source})
  MERGE (n)-[c:CITES]->(s)
  SET c.quote = coalesce(cite.quote, c.quote)
  RETURN count(c) AS onNode
}
CALL (l) {
  WITH l WHERE l IS NOT NULL
  UNWIND $citations AS cite
  WITH l, cite WHERE NOT cite.source IN l.sourceIds
  SET l.sourceIds = l.sourceIds + cite.source, l.quotes = l.quotes + coalesce(cite.quote, '')
  RETURN count(cite) AS onLink
}
RETURN n IS NOT NULL OR l IS NOT NULL AS found
