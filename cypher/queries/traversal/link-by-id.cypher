// One parent link by id, in the shape descendants.cypher gives (for the result of a write).
MATCH (child:Organization)-[l:SUBSIDIARY_OF|DIVISION_OF {id: $id}]->(parent:Organization)
OPTIONAL MATCH (a:Acquisition {id: l.acquisitionId})
CALL (l) {
  UNWIND range(0, size(coalesce(l.sourceIds, [])) - 1) AS k
  MATCH (s:Source {id: l.sourceIds[k]})
  RETURN collect({quote: l.quotes[k], locator: l.locators[k], source: s {.*}}) AS citations
}
RETURN 1 AS depth, type(l) AS type, l {.*} AS link, parent {.*} AS parent, child {.*} AS child,
       CASE WHEN a IS NULL THEN null ELSE a {.*} END AS acquisition, citations
