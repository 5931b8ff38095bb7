// Undoes the merge recorded on decision $decision: relationships that moved to the survivor go back to
// the absorbed entity (those the survivor already had are recreated on it, copied citations removed),
// the absorbed entity gets back its properties and kind, its redirect goes, and the survivor loses the
// aliases the merge added ($aliases, $aliasesLower: its lists without them). A relationship that changed
// since the merge (rewritten by a later import) is left as it is and counted. Earlier merges into the
// absorbed entity recorded relationships that come back to it as new ones: their records follow.
MATCH (d:Decision {id: $decision})-[:STASHED]->(stash:AbsorbedEntity)
MATCH (d)-[:SUBJECT]->(b:Redirect)-[redirect:REDIRECTS_TO]->(a:Entity)
CALL (d, a, b) {
  UNWIND range(0, size(d.movedRels) - 1) AS i
  WITH a, b, d.movedRels[i] AS relId, d.movedTypes[i] AS t, d.movedOut[i] AS out, d.movedOthers[i] AS otherId, d.movedModes[i] AS mode
  OPTIONAL MATCH ()-[r]->() WHERE elementId(r) = relId AND type(r) = t
     AND ((out AND startNode(r) = a AND elementId(endNode(r)) = otherId) OR (NOT out AND endNode(r) = a AND elementId(startNode(r)) = otherId))
  WITH a, b, r, relId, t, out, mode, CASE WHEN r IS NULL THEN null WHEN out THEN endNode(r) ELSE startNode(r) END AS x, properties(r) AS props
  // Deleted before it is recreated: a parent link's id is unique.
  CALL (r, mode) {
    WITH r WHERE r IS NOT NULL AND mode IN ['moved', 'copied']
    DELETE r
  }
  OPTIONAL CALL (b, x, t, out, mode, props) {
    WITH b, x, t, props WHERE x IS NOT NULL AND out AND mode IN ['moved', 'collapsed']
    CREATE (b)-[n:$(t)]->(x)
    SET n = props
    RETURN elementId(n) AS created
    UNION
    WITH b, x, t, props WHERE x IS NOT NULL AND NOT out AND mode IN ['moved', 'collapsed']
    CREATE (x)-[n:$(t)]->(b)
    SET n = props
    RETURN elementId(n) AS created
  }
  RETURN count(*) AS entries, count(x) AS restored,
         collect(CASE WHEN created IS NOT NULL THEN {old: relId, rel: created} END) AS relocated
}
CALL (b, d, relocated) {
  MATCH (earlier:Decision)-[:CANDIDATE]->(b)
  WHERE earlier <> d AND earlier.movedRels IS NOT NULL
  SET earlier.movedRels = [e IN earlier.movedRels | coalesce(head([m IN relocated WHERE m.old = e | m.rel]), e)]
}
DELETE redirect
REMOVE b:Redirect
SET b = properties(stash)
SET b:$(d.absorbedLabel)
SET a.aliases = $aliases
FOREACH (_ IN CASE WHEN a:Organization THEN [1] ELSE [] END | SET a.aliasesLower = $aliasesLower)
DETACH DELETE stash
SET d.status = 'UNDONE', d.undoneBy = $by, d.undoneAt = datetime({timezone: 'UTC'}), d.undoneNote = $note
REMOVE d.movedRels, d.movedTypes, d.movedOut, d.movedOthers, d.movedModes
RETURN a.id AS survivor, b.id AS absorbed, entries, restored
