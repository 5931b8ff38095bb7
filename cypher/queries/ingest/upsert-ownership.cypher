// Creates or replaces a parent link by id: (child)-[:SUBSIDIARY_OF|DIVISION_OF {id, since.., until..,
// acquisitionId, sourceIds, quotes}]->(parent). $rows: [{id, relType, child, parent, props}]
UNWIND $rows AS row
CALL (row) {
  OPTIONAL MATCH ()-[old:SUBSIDIARY_OF|DIVISION_OF {id: row.id}]->()
  DELETE old
}
WITH row
MATCH (child:Organization {id: row.child})
MATCH (parent:Organization {id: row.parent})
CREATE (child)-[r:$(row.relType)]->(parent)
SET r = row.props
