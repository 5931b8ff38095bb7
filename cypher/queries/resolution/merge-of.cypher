// The merge in effect that absorbed $id: $id is the absorbed entity's id or the merge decision's id.
CALL () {
  MATCH (d:Decision {id: $id})
  RETURN d
  UNION
  MATCH (:Entity {id: $id})<-[:SUBJECT]-(d:Decision)
  RETURN d
}
WITH d WHERE d.kind = 'SAME_AS' AND d.status = 'ACCEPTED' AND EXISTS { (d)-[:STASHED]->() }
MATCH (d)-[:SUBJECT]->(b:Entity)
MATCH (d)-[:CANDIDATE]->(a:Entity)
RETURN d.id AS decisionId, a.id AS survivorId, b.id AS absorbedId, d.aliasesAdded AS aliasesAdded
LIMIT 1
