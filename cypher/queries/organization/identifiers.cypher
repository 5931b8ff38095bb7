// External identifiers of organizations ($keys: their ids), scheme then value: their own, and those of
// the ids that redirect to them (a merged LEI, a CIK that SEC reports under their LEI), each with the
// Source that gives it and the row there.
UNWIND $keys AS key
MATCH (o:Organization {id: key})
CALL (o) {
  MATCH (o)<-[by:IDENTIFIES]-(i:Identifier)
  RETURN i, by
  UNION
  MATCH (o)<-[:REDIRECTS_TO*1..10]-(:Redirect)<-[by:IDENTIFIES]-(i:Identifier)
  RETURN i, by
}
WITH key, i, by ORDER BY i.scheme, i.value
OPTIONAL MATCH (s:Source {id: by.source})
RETURN key, i {.scheme, .value, .exchange, locator: by.locator, source: s {.*}} AS node
