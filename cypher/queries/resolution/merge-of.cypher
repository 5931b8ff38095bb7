// The merge that absorbed $id: $id is the absorbed entity's id or the merge decision's id. The one in
// effect (inEffect) when there is one, else the last one undone, so that a split that lost a race to
// another (from any API process) is told the merge was undone rather than that it never was.
CALL () {
  MATCH (d:Decision {id: $id})
  RETURN d
  UNION
  MATCH (:Entity {id: $id})<-[:SUBJECT]-(d:Decision)
  RETURN d
}
WITH d, d.status = 'ACCEPTED' AND EXISTS { (d)-[:STASHED]->() } AS inEffect
WHERE d.kind = 'SAME_AS' AND (inEffect OR d.status = 'UNDONE')
MATCH (d)-[:SUBJECT]->(b:Entity)
MATCH (d)-[:CANDIDATE]->(a:Entity)
RETURN d.id AS decisionId, a.id AS survivorId, b.id AS absorbedId, d.aliasesAdded AS aliasesAdded, inEffect,
       d.undoneBy AS undoneBy
ORDER BY inEffect DESC, d.undoneAt DESC
LIMIT 1
