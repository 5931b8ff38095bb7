// Undoes a name decision $decision: removes the links it made, and the establishment it created (with
// its parent link and any notice linked to it since), marking the decision UNDONE by $by. Returns the
// notices unlinked (id, the organization left, the sources cited), for the change feed.
MATCH (d:Decision {id: $decision})
CALL (d) {
  OPTIONAL MATCH (e:LayoffEvent)-[l:AT_ORGANIZATION {resolvedBy: d.id}]->(o)
  WITH e, l, o, CASE WHEN e IS NULL THEN null ELSE {id: e.id, organization: o.id, sources: COLLECT { MATCH (e)-[:CITES]->(s:Source) RETURN s.id }} END AS notice
  DELETE l
  RETURN collect(notice) AS notices
}
CALL (d) {
  OPTIONAL MATCH (est:Organization {id: d.establishmentId, kind: 'ESTABLISHMENT'})
  DETACH DELETE est
  RETURN count(est) AS establishments
}
SET d.status = 'UNDONE', d.undoneBy = $by, d.undoneAt = datetime({timezone: 'UTC'}), d.undoneNote = $note
RETURN size(notices) AS unlinked, establishments, notices
