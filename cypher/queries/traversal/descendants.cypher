// For each organization in $keys: the organizations below it on day $asOf, at most {{maxDepth}} links
// down, each once, with its depth and the link to its parent (as in ancestors.cypher: {{#certain}} chooses
// certainly or possibly in force; {{#byKind}} narrows to the link kinds in $kinds).
// At most $limit rows per organization, nearest first; cycle marks where bad data loops back.
// An organization with nothing below it gives one row without a child (so an unknown id, which gives
// no row, needs no query of its own).
// What the request does not select is not read: the sections (chosen per request, see
// src/graph/cypher-catalog.ts) {{#withLink}} (the link's dates and sources, else only its id and
// kind), {{#withLinkDetails}} (each link's acquisition and cited sources), {{#withCycles}} (the cycle
// mark), {{#withLayoffs}} (each member's layoff events, earliest first, returned inline so that they
// cost no further round trip). $childProps / $parentProps / $layoffProps: the properties of
// members, parents and layoff events the request needs, returned as a list of values in that order
// (dates as ISO text); null returns every property.
UNWIND $keys AS key
MATCH (root:Organization {id: key})
OPTIONAL CALL (root) {
  MATCH path = (root) (()<-[l:SUBSIDIARY_OF|DIVISION_OF]-()
    WHERE {{#byKind}}l.kind IN $kinds AND {{/byKind}}{{in-force-chosen:l}}){1,{{maxDepth}}} (o:Organization)
  // Each member once, by its shortest path. A shortest path never visits an organization twice (cut
  // the loop out and it would be shorter), so no path needs checking: only the root coming back
  // round a loop is left out.
  WHERE o <> root
  WITH o, collect(path) AS paths, min(length(path)) AS depth
  WITH o, depth, [p IN paths WHERE length(p) = depth][0] AS path
  WITH o, path, depth, last(relationships(path)) AS l, nodes(path)[-2] AS parent
  ORDER BY depth, parent.name, o.name, o.id
  LIMIT $limit
  RETURN o, path, depth, l, parent
}
{{#withLinkDetails}}
CALL (l) {
  OPTIONAL MATCH (a:Acquisition {id: l.acquisitionId})
  RETURN head(collect(a)) AS a
}
CALL (l) {
  UNWIND range(0, size(coalesce(l.sourceIds, [])) - 1) AS k
  MATCH (s:Source {id: l.sourceIds[k]})
  RETURN collect({quote: l.quotes[k], locator: l.locators[k], source: s {.*}}) AS citations
}
{{/withLinkDetails}}
{{#withCycles}}
CALL (o, path) {
  OPTIONAL MATCH (o)<-[:SUBSIDIARY_OF|DIVISION_OF]-(x:Organization) WHERE x IN nodes(path)
  RETURN count(x) > 0 AS cycle
}
{{/withCycles}}
WITH *, parent.name AS parentName, o.name AS childName, o.id AS childId
RETURN depth,
       type(l) AS type,
{{#withLink}}
       l {.*, sinceEarliest: toString(l.sinceEarliest), sinceLatest: toString(l.sinceLatest), untilEarliest: toString(l.untilEarliest), untilLatest: toString(l.untilLatest), attestedLatest: toString(l.attestedLatest)} AS link,
{{/withLink}}
{{^withLink}}
       l {.id, .kind} AS link,
{{/withLink}}
       {{projected:parent,parentProps}} AS parent,
       {{projected:o,childProps}} AS child,
{{#withLinkDetails}}
       CASE WHEN a IS NULL THEN null ELSE a {.*} END AS acquisition,
       citations,
{{/withLinkDetails}}
{{#withLayoffs}}
       COLLECT {
         MATCH (o)<-[:AT_ORGANIZATION]-(e:LayoffEvent)
         WITH e ORDER BY e.announcedEarliest, e.id
         RETURN {{projected:e,layoffProps}}
       } AS layoffs,
{{/withLayoffs}}
{{#withCycles}}
       cycle,
{{/withCycles}}
       key AS key
ORDER BY key, depth, parentName, childName, childId
