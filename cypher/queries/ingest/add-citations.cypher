// Adds citations to the fact $fact, node or parent link, keeping those it has; a quote given for a
// source it already cites replaces the old quote. $citations: [{source, quote, locator}] (locator optional)
// A dated fact (role, market presence, parent link) keeps attestedLatest, the day by which a citing
// source had stated it, up to date (see records.ts, period()).
OPTIONAL MATCH (n:Entity {id: $fact})
WHERE NOT n:Source
OPTIONAL MATCH (child)-[l:SUBSIDIARY_OF|DIVISION_OF {id: $fact}]->(parent)
// The sources it cited before, for the change feed.
WITH n, l, child, parent,
     CASE WHEN n IS NOT NULL THEN COLLECT { MATCH (n)-[:CITES]->(s:Source) RETURN s.id ORDER BY s.id } ELSE coalesce(l.sourceIds, []) END AS sourcesBefore
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
  // One row, no UNWIND: every list is rebuilt from what the link held before this write. The quote and
  // locator lists stay parallel to sourceIds, index by index (padded where an older link kept none, cut
  // where one outgrew its sources); a source cited twice in $citations counts once.
  WITH l, range(0, size(l.sourceIds) - 1) AS held,
       [i IN range(0, size($citations) - 1)
        WHERE NOT $citations[i].source IN l.sourceIds
          AND none(j IN range(0, i - 1) WHERE $citations[j].source = $citations[i].source) | $citations[i]] AS fresh
  SET l.quotes = [k IN held | coalesce(head([c IN $citations WHERE c.source = l.sourceIds[k] AND c.quote IS NOT NULL | c.quote]), l.quotes[k], '')]
                 + [c IN fresh | coalesce(c.quote, '')],
      l.locators = [k IN held | coalesce(head([c IN $citations WHERE c.source = l.sourceIds[k] AND c.locator IS NOT NULL | c.locator]), l.locators[k], '')]
                   + [c IN fresh | coalesce(c.locator, '')],
      l.sourceIds = l.sourceIds + [c IN fresh | c.source]
}
CALL (l) {
  WITH l WHERE l IS NOT NULL
  SET l.attestedLatest = COLLECT { UNWIND l.sourceIds AS sid MATCH (s:Source {id: sid}) WHERE s.publishedLatest IS NOT NULL RETURN s.publishedLatest ORDER BY s.publishedLatest LIMIT 1 }[0]
}
// What the change feed records: the fact's kind, the organizations it is about, its sources now.
RETURN n IS NOT NULL OR l IS NOT NULL AS found,
       CASE WHEN l IS NOT NULL THEN 'Ownership' ELSE [k IN labels(n) WHERE k <> 'Entity'][0] END AS factType,
       CASE WHEN l IS NOT NULL THEN [child.id, parent.id]
            WHEN n:Organization THEN [n.id]
            ELSE COLLECT { MATCH (n)-->(o:Organization) RETURN DISTINCT o.id } END AS organizations,
       sourcesBefore,
       CASE WHEN n IS NOT NULL THEN COLLECT { MATCH (n)-[:CITES]->(s:Source) RETURN s.id ORDER BY s.id } ELSE l.sourceIds END AS sources
