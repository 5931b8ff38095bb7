// Rewrites the outgoing relationships a record owns (e.g. a role's HELD_BY and AT), so that loading
// a record again leaves exactly the relationships it states. $rows: [{id, edgeTypes, edges: [{type, to, props}]}];
// types come from the importer's fixed list. Returns each record's relationships as they were
// (`relations`: [type, target id] pairs; `orgTargets`: the organizations among the targets), for the change feed.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
CALL (n, row) {
  OPTIONAL MATCH (n)-[old]->(m)
  WHERE type(old) IN row.edgeTypes
  WITH old, CASE WHEN old IS NOT NULL THEN [type(old), m.id] END AS relation, CASE WHEN m:Organization THEN m.id END AS org
  DELETE old
  RETURN collect(relation) AS relations, collect(DISTINCT org) AS orgTargets
}
CALL (n, row) {
  UNWIND row.edges AS e
  MATCH (m:Entity {id: e.to})
  CREATE (n)-[r:$(e.type)]->(m)
  SET r = e.props
}
RETURN row.id AS id, relations, orgTargets
