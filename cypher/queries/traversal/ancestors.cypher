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
// request needs, returned as a list of values in that order (null: every property); $linkProps the
// same for the links.
UNWIND $keys AS key
MATCH (start:Organization {id: key})
CALL (start) {
  OPTIONAL MATCH path = (start) (()-[l:SUBSIDIARY_OF|DIVISION_OF]->()
    WHERE {{in-force-chosen:l}}){1,{{maxDepth}}} (:Organization)
  // At most $routeBudget routes are walked (Neo4j walks them depth first, so the first is already as
  // long as the graph goes): above a lattice of joint ventures there are millions, and walking them
  // all would hold the request for minutes. routesCapped says the budget ran out.
  WITH path LIMIT $routeBudget
  // Longest first (with the most certain links first when possible ones count), then the first path
  // that visits no organization twice: usually the first, so one check instead of one per path.
{{#certain}}
  WITH path ORDER BY length(path) DESC
{{/certain}}
{{^certain}}
  WITH path, size([r IN relationships(path) WHERE {{in-force-certainly:r}}]) AS certainLinks
  ORDER BY certainLinks DESC, length(path) DESC
{{/certain}}
  WITH collect(path) AS paths
  RETURN reduce(found = null, p IN paths | CASE WHEN found IS NOT NULL THEN found
           WHEN [ns IN [nodes(p)] | all(i IN range(0, size(ns) - 2) WHERE NOT ns[i] IN ns[i + 1..])][0] THEN p END) AS path,
         size(paths) >= $routeBudget AS routesCapped
}
WITH key, start, path, routesCapped, CASE WHEN path IS NULL THEN start ELSE last(nodes(path)) END AS top
WITH key, start, path, routesCapped, top,
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
WITH key, start, path, routesCapped, top, beyond, null AS details
{{/withLinkDetails}}
WITH key, start, path, routesCapped, top, beyond, details, CASE WHEN path IS NULL THEN [] ELSE relationships(path) END AS rels
// The chain as parallel lists (each organization once: link i goes from organization i to i + 1).
RETURN key,
       [n IN CASE WHEN path IS NULL THEN [start] ELSE nodes(path) END |
         {{projected:n,orgProps}}] AS organizations,
       [r IN rels | type(r)] AS linkTypes,
       [r IN rels | {{projected:r,linkProps}}] AS links,
       details,
       any(n IN beyond WHERE path IS NOT NULL AND n IN nodes(path) OR n = start) AS cycle,
       size(rels) = {{maxDepth}} AND size([n IN beyond WHERE path IS NULL OR NOT n IN nodes(path)]) > 0 AS truncated,
       routesCapped
