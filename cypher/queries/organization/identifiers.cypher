// External identifiers of organizations ($keys: their ids), scheme then value: their own, and those of
// the ids that redirect to them (a merged LEI, a CIK that SEC reports under their LEI).
UNWIND $keys AS key
MATCH (o:Organization {id: key})
CALL (o) {
  MATCH (o)<-[:IDENTIFIES]-(i:Identifier)
  RETURN i
  UNION
  MATCH (o)<-[:REDIRECTS_TO*1..10]-(:Redirect)<-[:IDENTIFIES]-(i:Identifier)
  RETURN i
}
WITH key, i ORDER BY i.scheme, i.value
RETURN key, i {.scheme, .value, .exchange} AS node
