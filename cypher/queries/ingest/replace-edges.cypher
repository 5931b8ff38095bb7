// Rewrites the outgoing relationships a record owns (e.g. a role's HELD_BY and AT), so that loading
// a record again leaves exactly the relationships it states. $rows: [{id, edgeTypes, edges: [{type, to, props}]}];
// types come from the importer's fixed list.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
CALL (n, row) {
  MATCH (n)-[old]->()
  WHERE type(old) IN row.edgeTypes
  DELETE old
}
WITH n, row
UNWIND row.edges AS e
MATCH (m:Entity {id: e.to})
CREATE (n)-[r:$(e.type)]->(m)
SET r = e.props
