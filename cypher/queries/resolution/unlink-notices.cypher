// Undoes a name decision $decision: removes the links it made, and the establishment it created (with
// its parent link and any notice linked to it since), marking the decision UNDONE by $by.
MATCH (d:Decision {id: $decision})
CALL (d) {
  MATCH (:LayoffEvent)-[l:AT_ORGANIZATION {resolvedBy: d.id}]->()
  DELETE l
  RETURN count(l) AS unlinked
}
CALL (d) {
  OPTIONAL MATCH (est:Organization {id: d.establishmentId, kind: 'ESTABLISHMENT'})
  DETACH DELETE est
  RETURN count(est) AS establishments
}
SET d.status = 'UNDONE', d.undoneBy = $by, d.undoneAt = datetime({timezone: 'UTC'}), d.undoneNote = $note
RETURN unlinked, establishments
