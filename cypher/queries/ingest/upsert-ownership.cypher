// Creates or replaces a parent link by id: (child)-[:SUBSIDIARY_OF|DIVISION_OF {id, since.., until..,
// acquisitionId, sourceIds, quotes}]->(parent). $rows: [{id, relType, child, parent, props}]
// The id is first claimed in the :Entity id index that node ids go through (upsert-nodes): the MERGE
// takes the entry's lock until commit, and the claim node is deleted at once. A row whose id names a
// node is not written but returned, and the caller fails the transaction.
UNWIND $rows AS row
MERGE (claim:Entity {id: row.id})
WITH row, claim, [l IN labels(claim) WHERE l <> 'Entity'] AS kinds
FOREACH (_ IN CASE WHEN kinds = [] THEN [1] ELSE [] END | DELETE claim)
WITH row, kinds
CALL (row, kinds) {
  WITH row, kinds WHERE kinds = []
  OPTIONAL MATCH ()-[oldSubsidiary:SUBSIDIARY_OF {id: row.id}]->()
  OPTIONAL MATCH ()-[oldDivision:DIVISION_OF {id: row.id}]->()
  DELETE oldSubsidiary, oldDivision
  WITH row
  MATCH (child:Organization {id: row.child})
  MATCH (parent:Organization {id: row.parent})
  CREATE (child)-[r:$(row.relType)]->(parent)
  SET r = row.props
}
WITH row, kinds WHERE kinds <> []
RETURN row.id AS id, 'Ownership' AS wanted, kinds AS existing
