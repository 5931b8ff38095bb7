// For each organization in $keys: the organizations below it on day $asOf, at most {{maxDepth}} links
// down, each once, with its depth and the link to its parent (as in ancestors.cypher: $certain chooses
// certainly or possibly in force; $kinds narrows to SUBSIDIARY and/or DIVISION links).
// At most $limit rows per organization, nearest first; cycle marks where bad data loops back.
UNWIND $keys AS key
MATCH (root:Organization {id: key})
CALL (root) {
  MATCH path = (root) ((:Organization)<-[l:SUBSIDIARY_OF|DIVISION_OF]-(:Organization)
    WHERE ($kinds IS NULL OR l.kind IN $kinds) AND CASE WHEN $certain
      THEN coalesce(l.sinceLatest, l.sinceEarliest, date('0001-01-01')) <= $asOf AND coalesce(l.untilEarliest, l.untilLatest, date('9999-12-31')) > $asOf
      ELSE coalesce(l.sinceEarliest, l.sinceLatest, date('0001-01-01')) <= $asOf AND coalesce(l.untilLatest, l.untilEarliest, date('9999-12-31')) >= $asOf
    END){1,{{maxDepth}}} (o:Organization)
  WHERE all(i IN range(0, length(path) - 1) WHERE NOT nodes(path)[i] IN nodes(path)[i + 1..])
  WITH o, path ORDER BY length(path)
  WITH o, head(collect(path)) AS path
  WITH o, path, length(path) AS depth, last(relationships(path)) AS l, nodes(path)[-2] AS parent
  ORDER BY depth, parent.name, o.name, o.id
  LIMIT $limit
  RETURN o, path, depth, l, parent
}
OPTIONAL MATCH (a:Acquisition {id: l.acquisitionId})
CALL (l) {
  UNWIND range(0, size(coalesce(l.sourceIds, [])) - 1) AS k
  MATCH (s:Source {id: l.sourceIds[k]})
  RETURN collect({quote: l.quotes[k], source: s {.*}}) AS citations
}
RETURN key,
       depth,
       type(l) AS type,
       l {.*} AS link,
       parent {.*} AS parent,
       o {.*} AS child,
       CASE WHEN a IS NULL THEN null ELSE a {.*} END AS acquisition,
       citations,
       EXISTS { (o)<-[:SUBSIDIARY_OF|DIVISION_OF]-(x:Organization) WHERE x IN nodes(path) } AS cycle
ORDER BY key, depth, parent.name, o.name, o.id
