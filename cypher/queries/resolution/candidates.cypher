// Candidate organizations for each name in $rows ([{ref, identifierKeys, keys, prefixKeys, query}]), from indexes
// only (blocking, never a scan): those an external identifier names (following redirects), those whose
// name key is one of the row's keys (the name's key, and its key without a site suffix such as
// " - DLA3") or one of its leading words (row.prefixKeys: "aramark" for "Aramark Healthcare"), listed
// companies (with a CIK) whose key begins with the name's distinctive first word (row.brandPrefix), and the full-text hits of the row's query (any of the name's words, at most $limit, best
// first). Each with how it was found, its full-text score, its identifiers, the ids and name keys of
// its parent companies (up to five links up) and the cities it is registered or headquartered in; the
// caller scores them.
UNWIND $rows AS row
CALL (row) {
  CALL (row) {
    UNWIND row.identifierKeys AS key
    MATCH (:Identifier {key: key})-[:IDENTIFIES]->(asked:Entity)
    WITH {{redirect-end:asked}} AS o
    WITH o WHERE o:Organization
    RETURN o, 'IDENTIFIER' AS via, 0.0 AS score
    UNION
    UNWIND row.keys AS key
    MATCH (o:Organization {nameKey: key})
    RETURN o, 'NAME_KEY' AS via, 0.0 AS score
    UNION
    UNWIND row.prefixKeys AS key
    MATCH (o:Organization {nameKey: key})
    RETURN o, 'NAME_PREFIX' AS via, 0.0 AS score
    UNION
    WITH row.brandPrefix AS brand
    WHERE brand IS NOT NULL
    MATCH (o:Organization)
    WHERE o.nameKey STARTS WITH brand AND EXISTS { (o)<-[:IDENTIFIES]-(:Identifier {scheme: 'CIK'}) }
    WITH o LIMIT 10
    RETURN o, 'BRAND_WORD' AS via, 0.0 AS score
    UNION
    WITH row.query AS query
    WHERE query IS NOT NULL
    CALL db.index.fulltext.queryNodes('entity_names', query, {limit: $limit}) YIELD node, score
    WITH node AS o, score
    WHERE o:Organization
    RETURN o, 'FULLTEXT' AS via, score
  }
  WITH o, collect(DISTINCT via) AS via, max(score) AS textScore
  RETURN o, via, textScore
}
RETURN row.ref AS ref, o {.*} AS node, via, textScore,
       [(o)<-[:IDENTIFIES]-(i:Identifier) | i.key] AS identifierKeys,
       COLLECT { MATCH (o)-[:SUBSIDIARY_OF|DIVISION_OF]->{1,5}(p:Organization) RETURN DISTINCT p.nameKey } AS ancestorKeys,
       COLLECT { MATCH (o)-[:SUBSIDIARY_OF|DIVISION_OF]->{1,5}(p:Organization) RETURN DISTINCT p.id } AS ancestorIds,
       COLLECT { MATCH (o)-[:HEADQUARTERED_IN|LEGALLY_REGISTERED_IN]->(m:Market {kind: 'CITY'}) RETURN DISTINCT toLower(m.name) } AS cities
