// Adds citations to the fact $fact, node or parent link, keeping those it has; a quote given for a
// source it already cites replaces the old quote. $citations: [{source, quote, locator}] (locator optional)
// A dated fact (role, market presence, parent link) keeps attestedLatest, the day by which a citing
// source had stated it, up to date (see records.ts, period()).
OPTIONAL MATCH (n:Entity {id: $fact})
WHERE NOT n:Source
OPTIONAL MATCH ()-[l:SUBSIDIARY_OF|DIVISION_OF {id: $fact}]->()
CALL (n, l) {
  WITH n WHERE n IS NOT NULL
  UNWIND $citations AS cite
  MATCH (s:Source {id: cite.source})
  MERGE (n)-[c:CITES]->(s)
  SET c.quote = coalesce(cite.quote, c.quote), c.locator = coalesce(cite.locator, c.locator)
  RETURN count(c) AS onNode
}
CALL (n) {
  WITH n WHERE n:Role OR n:MarketPresence
  SET n.attestedLatest = COLLECT { MATCH (n)-[:CITES]->(s:Source) WHERE s.publishedLatest IS NOT NULL RETURN s.publishedLatest ORDER BY s.publishedLatest LIMIT 1 }[0]
}
CALL (l) {
  WITH l WHERE l IS NOT NULL
  UNWIND $citations AS cite
  WITH l, cite WHERE NOT cite.source IN l.sourceIds
  // The locators list stays parallel to sourceIds (padded where an older link kept none).
  SET l.locators = coalesce(l.locators, []) + [x IN range(size(coalesce(l.locators, [])), size(l.sourceIds) - 1) | ''] + coalesce(cite.locator, ''),
      l.sourceIds = l.sourceIds + cite.source, l.quotes = l.quotes + coalesce(cite.quote, '')
  RETURN count(cite) AS onLink
}
CALL (l) {
  WITH l WHERE l IS NOT NULL
  SET l.attestedLatest = COLLECT { UNWIND l.sourceIds AS sid MATCH (s:Source {id: sid}) WHERE s.publishedLatest IS NOT NULL RETURN s.publishedLatest ORDER BY s.publishedLatest LIMIT 1 }[0]
}
RETURN n IS NOT NULL OR l IS NOT NULL AS found
