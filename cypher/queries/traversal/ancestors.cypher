// For each organization in $keys: the ownership chain above it on day $asOf: parent links (SUBSIDIARY_OF for owned
// companies, DIVISION_OF for parts of a company) from the direct parent up to the ultimate parent.
// {{#certain}}: only links certainly in force on $asOf (their interval bounds allow nothing else);
// otherwise links possibly in force, the chain with the most certain links first
// (cypher/fragments/in-force*.cypher: an unknown start is only possible).
// {{maxDepth}} is the validated depth limit. Paths never revisit an organization, so bad data with a
// cycle ends the chain and sets cycle; truncated says the chain goes on beyond the limit.
// The chain comes as parallel lists: organizations (the start, then each parent up to the top),
// linkTypes and links (link i joins organization i to i + 1), and with {{#withLinkDetails}} (only
// when selected) each link's acquisition and cited sources. Sections are chosen per request
// (src/graph/cypher-catalog.ts), so the query reads only what was asked. $orgProps: the organization properties the
// request needs, returned as a list of values in that order (null: every property).
UNWIND $keys AS key
MATCH (start:Organization {id: key})
CALL (start) {
  OPTIONAL MATCH path = (start) ((:Organization)-[l:SUBSIDIARY_OF|DIVISION_OF]->(:Organization)
    WHERE {{#certain}}{{in-force-certainly:l}}{{/certain}}{{^certain}}{{in-force-possibly:l}}{{/certain}}){1,{{maxDepth}}} (:Organization)
  WITH path
  WHERE path IS NULL OR all(i IN range(0, length(path) - 1) WHERE NOT nodes(path)[i] IN nodes(path)[i + 1..])
{{#certain}}
  WITH path ORDER BY CASE WHEN path IS NULL THEN 0 ELSE length(path) END DESC
{{/certain}}
{{^certain}}
  WITH path, CASE WHEN path IS NULL THEN 0 ELSE size([r IN relationships(path) WHERE {{in-force-certainly:r}}]) END AS certainLinks
  ORDER BY certainLinks DESC, CASE WHEN path IS NULL THEN 0 ELSE length(path) END DESC
{{/certain}}
  LIMIT 1
  RETURN path
}
WITH key, start, path, CASE WHEN path IS NULL THEN start ELSE last(nodes(path)) END AS top
WITH key, start, path, top,
     [(top)-[up:SUBSIDIARY_OF|DIVISION_OF]->(next:Organization) WHERE {{in-force-possibly:up}}
      | next] AS beyond
{{#withLinkDetails}}
CALL (path) {
  WITH path WHERE path IS NOT NULL
  UNWIND range(0, length(path) - 1) AS i
  WITH i, relationships(path)[i] AS l
  OPTIONAL MATCH (a:Acquisition {id: l.acquisitionId})
  CALL (l) {
    UNWIND range(0, size(coalesce(l.sourceIds, [])) - 1) AS k
    MATCH (s:Source {id: l.sourceIds[k]})
    RETURN collect({quote: l.quotes[k], locator: l.locators[k], source: s {.*}}) AS citations
  }
  WITH i, a, citations ORDER BY i
  RETURN collect({acquisition: CASE WHEN a IS NULL THEN null ELSE a {.*} END, citations: citations}) AS details
}
{{/withLinkDetails}}
{{^withLinkDetails}}
WITH key, start, path, top, beyond, null AS details
{{/withLinkDetails}}
WITH key, start, path, top, beyond, details, CASE WHEN path IS NULL THEN [] ELSE relationships(path) END AS rels
// The chain as parallel lists (each organization once: link i goes from organization i to i + 1).
RETURN key,
       [n IN CASE WHEN path IS NULL THEN [start] ELSE nodes(path) END |
         {{projected:n,orgProps}}] AS organizations,
       [r IN rels | type(r)] AS linkTypes,
       [r IN rels | r {.*, sinceEarliest: toString(r.sinceEarliest), sinceLatest: toString(r.sinceLatest),
                          untilEarliest: toString(r.untilEarliest), untilLatest: toString(r.untilLatest), attestedLatest: toString(r.attestedLatest)}] AS links,
       details,
       any(n IN beyond WHERE path IS NOT NULL AND n IN nodes(path) OR n = start) AS cycle,
       size(rels) = {{maxDepth}} AND size([n IN beyond WHERE path IS NULL OR NOT n IN nodes(path)]) > 0 AS truncated
