// Takes the write locks of the entities $ids (the caller sorts them, so two writes sharing entities
// queue rather than deadlock) and of the entities those that redirect now answer for. A write runs it
// before it reads what it checks, so a merge or split of those entities either committed before (the
// checks see the redirect) or waits for the write to commit (and then moves what it wrote): nothing
// lands on an entity that a concurrent merge turns into a redirect. The lock is Neo4j's, so it holds
// across every API process on the database.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
SET n.id = n.id
WITH n WHERE n:Redirect
WITH DISTINCT {{redirect-end:n}} AS end
WITH end WHERE end IS NOT NULL
ORDER BY end.id
SET end.id = end.id
RETURN count(end) AS redirected
