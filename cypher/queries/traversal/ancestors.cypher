// For each organization in $keys: the ownership chain above it on day $asOf: parent links (SUBSIDIARY_OF for owned
// companies, DIVISION_OF for parts of a company) from the direct parent up to the ultimate parent.
// $certain: only links certainly in force on $asOf (their interval bounds allow nothing else);
// otherwise links possibly in force. A link with no start or end date is open on that side.
// {{maxDepth}} is the validated depth limit. Paths never revisit an organization, so bad data with a
// cycle ends the chain and sets cycle; truncated says the chain goes on beyond the limit.
// Each link's acquisition and cited sources are read only with $withLinkDetails (when selected);
// $orgProps: the organization properties the request needs, returned as a list of values in that
// order (null: every property).
UNWIND $keys AS key
MATCH (start:Organization {id: key})
CALL (start) {
  OPTIONAL MATCH path = (start) ((:Organization)-[l:SUBSIDIARY_OF|DIVISION_OF]->(:Organization)
    WHERE CASE WHEN $certain
      THEN coalesce(l.sinceLatest, l.sinceEarliest, date('0001-01-01')) <= $asOf AND coalesce(l.untilEarliest, l.untilLatest, date('9999-12-31')) > $asOf
      ELSE coalesce(l.sinceEarliest, l.sinceLatest, date('0001-01-01')) <= $asOf AND coalesce(l.untilLatest, l.untilEarliest, date('9999-12-31')) >= $asOf
    END){1,{{maxDepth}}} (:Organization)
  WITH path
  WHERE path IS NULL OR all(i IN range(0, length(path) - 1) WHERE NOT nodes(path)[i] IN nodes(path)[i + 1..])
  WITH path,
       CASE WHEN path IS NULL THEN 0 ELSE size([r IN relationships(path) WHERE
         coalesce(r.sinceLatest, r.sinceEarliest, date('0001-01-01')) <= $asOf AND coalesce(r.untilEarliest, r.untilLatest, date('9999-12-31')) > $asOf]) END AS certainLinks
  ORDER BY certainLinks DESC, CASE WHEN path IS NULL THEN 0 ELSE length(path) END DESC
  LIMIT 1
  RETURN path
}
WITH key, start, path, CASE WHEN path IS NULL THEN start ELSE last(nodes(path)) END AS top
WITH key, start, path, top,
     [(top)-[up:SUBSIDIARY_OF|DIVISION_OF]->(next:Organization) WHERE
        coalesce(up.sinceEarliest, up.sinceLatest, date('0001-01-01')) <= $asOf AND coalesce(up.untilLatest, up.untilEarliest, date('9999-12-31')) >= $asOf
      | next] AS beyond
CALL (path) {
  UNWIND CASE WHEN path IS NULL THEN [] ELSE range(0, length(path) - 1) END AS i
  WITH i, nodes(path)[i] AS child, relationships(path)[i] AS l, nodes(path)[i + 1] AS parent
  OPTIONAL MATCH (a:Acquisition {id: CASE WHEN $withLinkDetails THEN l.acquisitionId END})
  CALL (l) {
    UNWIND range(0, CASE WHEN $withLinkDetails THEN size(coalesce(l.sourceIds, [])) ELSE 0 END - 1) AS k
    MATCH (s:Source {id: l.sourceIds[k]})
    RETURN collect({quote: l.quotes[k], source: s {.*}}) AS citations
  }
  WITH i, child, l, parent, a, citations ORDER BY i
  RETURN collect({
    depth: i + 1,
    type: type(l),
    link: l {.*, sinceEarliest: toString(l.sinceEarliest), sinceLatest: toString(l.sinceLatest), untilEarliest: toString(l.untilEarliest), untilLatest: toString(l.untilLatest)},
    child: CASE WHEN $orgProps IS NULL THEN child {.*} ELSE [k IN $orgProps | child[k]] END,
    parent: CASE WHEN $orgProps IS NULL THEN parent {.*} ELSE [k IN $orgProps | parent[k]] END,
    acquisition: CASE WHEN a IS NULL THEN null ELSE a {.*} END,
    citations: citations
  }) AS links
}
RETURN key,
       CASE WHEN $orgProps IS NULL THEN start {.*} ELSE [k IN $orgProps | start[k]] END AS start,
       CASE WHEN $orgProps IS NULL THEN top {.*} ELSE [k IN $orgProps | top[k]] END AS top,
       links,
       any(n IN beyond WHERE path IS NOT NULL AND n IN nodes(path) OR n = start) AS cycle,
       size(links) = {{maxDepth}} AND size([n IN beyond WHERE path IS NULL OR NOT n IN nodes(path)]) > 0 AS truncated
