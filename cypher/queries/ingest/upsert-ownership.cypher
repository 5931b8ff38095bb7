// Creates or replaces a parent link by id: (child)-[:SUBSIDIARY_OF|DIVISION_OF {id, since.., until..,
// acquisitionId, sourceIds, quotes}]->(parent). $rows: [{id, relType, child, parent, props}]
// The id is first claimed in the :Entity id index that node ids go through (upsert-nodes): the MERGE
// takes the entry's lock until commit, and the claim node is deleted at once. A row whose id names a
// node is not written but returned with `existing`, and the caller fails the transaction; every other row
// comes back with what the link was before (`created`, `before`, `ends`), for the change feed.
UNWIND $rows AS row
MERGE (claim:Entity {id: row.id})
WITH row, claim, [l IN labels(claim) WHERE l <> 'Entity'] AS kinds
FOREACH (_ IN CASE WHEN kinds = [] THEN [1] ELSE [] END | DELETE claim)
WITH row, kinds
OPTIONAL CALL (row, kinds) {
  WITH row, kinds WHERE kinds = []
  OPTIONAL MATCH (oldChild)-[oldSubsidiary:SUBSIDIARY_OF {id: row.id}]->(oldParent)
  OPTIONAL MATCH (divisionChild)-[oldDivision:DIVISION_OF {id: row.id}]->(divisionParent)
  // What the link was (for the change feed): its properties and its two ends.
  WITH row, coalesce(oldSubsidiary, oldDivision) AS old, oldSubsidiary, oldDivision,
       [x IN [oldChild, oldParent, divisionChild, divisionParent] WHERE x IS NOT NULL | x.id] AS ends
  WITH row, oldSubsidiary, oldDivision, ends, old IS NULL AS created,
       CASE WHEN old IS NULL THEN null ELSE old {.*, relType: type(old), child: ends[0], parent: ends[1]} END AS before
  DELETE oldSubsidiary, oldDivision
  WITH row, created, before, ends
  MATCH (child:Organization {id: row.child})
  MATCH (parent:Organization {id: row.parent})
  CREATE (child)-[r:$(row.relType)]->(parent)
  SET r = row.props
  RETURN created, before, ends
}
RETURN row.id AS id,
       CASE WHEN kinds = [] THEN null ELSE 'Ownership' END AS wanted,
       CASE WHEN kinds = [] THEN null ELSE kinds END AS existing,
       created, before, ends
