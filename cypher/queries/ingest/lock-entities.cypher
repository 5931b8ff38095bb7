// Takes the write locks of the entities $ids (the caller sorts them, so two writes sharing entities
// queue rather than deadlock) and of the entities those that redirect now answer for. A write runs it
// before it reads what it checks, so a merge or split of those entities either committed before (the
// checks see the redirect) or waits for the write to commit (and then moves what it wrote): nothing
// lands on an entity that a concurrent merge turns into a redirect. The lock is Neo4j's, so it holds
// across every API process on the database.
// {{#withHeld}}: also, once they are locked, the entities the facts $ids point at now (their
// relationships' other ends: organizations, people, sources they cite; a parent link's two
// organizations), as `held`: a write that replaces those relationships deletes the old ones, and
// deleting a relationship locks both of its ends, so the importer locks these too, in the same sorted
// pass as everything else, rather than meet them mid-write in another order than a concurrent write
// does (a deadlock). One statement for both: a write's round trips are its main cost.
CALL () {
  UNWIND $ids AS id
  MATCH (n:Entity {id: id})
  SET n.id = n.id
  WITH n WHERE n:Redirect
  WITH DISTINCT {{redirect-end:n}} AS end
  WITH end WHERE end IS NOT NULL
  ORDER BY end.id
  SET end.id = end.id
  RETURN count(end) AS redirected
}
{{#withHeld}}
CALL () {
  CALL () {
    UNWIND $ids AS id
    MATCH (:Entity {id: id})-->(m:Entity)
    RETURN m.id AS one
    UNION
    UNWIND $ids AS id
    MATCH (a:Organization)-[:SUBSIDIARY_OF|DIVISION_OF {id: id}]->(b:Organization)
    UNWIND [a.id, b.id] AS one
    RETURN one
  }
  RETURN collect(DISTINCT one) AS held
}
RETURN redirected, held
{{/withHeld}}
{{^withHeld}}
RETURN redirected
{{/withHeld}}
