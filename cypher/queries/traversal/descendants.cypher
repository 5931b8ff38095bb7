// For each organization in $keys: the organizations below it on day $asOf, at most {{maxDepth}} links
// down, each once, with its depth and the link to its parent (as in ancestors.cypher: {{#certain}} chooses
// certainly or possibly in force; {{#byKind}} narrows to the link kinds in $kinds).
// At most $limit rows per organization, nearest first; cycle marks where bad data loops back. Every
// step is breadth first, so a graph with millions of routes between a few dozen companies costs what
// its companies and links cost.
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
  // Each member once, at its least depth: Neo4j walks this pattern breadth first and drops a node it
  // has reached (the route is never kept), so the work grows with the members and links, never with
  // the number of routes (a lattice of joint ventures has millions of routes down a few dozen nodes).
  CALL (root) {
    MATCH route = (root)<-[ls:SUBSIDIARY_OF|DIVISION_OF*1..{{maxDepth}}]-(o:Organization)
    WHERE all(l IN ls WHERE {{#byKind}}l.kind IN $kinds AND {{/byKind}}{{in-force-chosen:l}}) AND o <> root
    RETURN o, min(length(route)) AS depth
  }
  WITH root, collect({o: o, depth: depth}) AS members
  WITH root, members, [k IN range(1, {{maxDepth}}) | [m IN members WHERE m.depth = k | m.o]] AS levels
  UNWIND members AS m
  WITH root, levels, m.o AS o, m.depth AS depth
  // Its parent on a shortest route: a parent one level nearer the root (the first by name).
  CALL (root, levels, o, depth) {
    MATCH (o)-[l:SUBSIDIARY_OF|DIVISION_OF]->(parent:Organization)
    WHERE {{#byKind}}l.kind IN $kinds AND {{/byKind}}{{in-force-chosen:l}}
      AND CASE WHEN depth = 1 THEN parent = root ELSE parent IN levels[depth - 2] END
    RETURN parent, l ORDER BY parent.name, parent.id LIMIT 1
  }
  WITH o, depth, l, parent
  ORDER BY depth, parent.name, o.name, o.id
  LIMIT $limit
  RETURN o, depth, l, parent
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
// Bad data loops back here: a child of the member is also above it (found by a shortest route up, a
// breadth-first search, not a walk of every route).
CALL (o, root) {
  RETURN EXISTS { MATCH (o)<-[:SUBSIDIARY_OF|DIVISION_OF]-(x:Organization) WHERE x = root OR x = o }
      OR EXISTS {
           MATCH (o)<-[:SUBSIDIARY_OF|DIVISION_OF]-(x:Organization) WHERE x <> root AND x <> o
           MATCH up = shortestPath((o)-[:SUBSIDIARY_OF|DIVISION_OF*1..{{maxDepth}}]->(x))
         } AS cycle
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
