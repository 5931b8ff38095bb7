// The entities the facts $ids point at now (their relationships' other ends: organizations, people,
// sources they cite; a parent link's two organizations): a write that replaces those relationships
// deletes the old ones, and deleting a relationship locks both of its ends, so the importer locks these
// too, in the same sorted pass as everything else, rather than meet them mid-write in another order than
// a concurrent write does (a deadlock).
CALL () {
  UNWIND $ids AS id
  MATCH (:Entity {id: id})-->(m:Entity)
  RETURN m.id AS held
  UNION
  UNWIND $ids AS id
  MATCH (a:Organization)-[:SUBSIDIARY_OF|DIVISION_OF {id: id}]->(b:Organization)
  UNWIND [a.id, b.id] AS held
  RETURN held
}
RETURN collect(DISTINCT held) AS ids
