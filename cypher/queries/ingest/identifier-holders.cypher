// Who carries each identifier $keys now: the entity it identifies (`holder`, maybe a redirect: an
// absorbed twin keeps its identifiers) and the entity that one answers for (`end`, with its labels).
// What a load reads, after its locks, to land a record on the node that already carries its identifier.
UNWIND $keys AS key
MATCH (i:Identifier {key: key})-[:IDENTIFIES]->(n:Entity)
WITH key, n, {{redirect-end:n}} AS end
RETURN key, n.id AS holder, end.id AS end, labels(end) AS endLabels
