// Creates or replaces nodes by id. The record is the whole truth of its node: properties it no longer
// has are removed. $rows: [{id, label, props}]; label comes from the importer's fixed list of types.
// Every fact's id goes through the one :Entity id index (parent links claim theirs there too, see
// upsert-ownership): MERGE takes that index entry's lock, so concurrent writes of one id queue there and
// each sees what the other committed. A row whose id already names a fact of another kind (another
// node type, or a parent link) is not written but returned, and the caller fails the transaction.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
  ON CREATE SET n:$(row.label)
WITH n, row, [l IN labels(n) WHERE l <> 'Entity'] AS kinds
WITH n, row, kinds,
     EXISTS { ()-[:SUBSIDIARY_OF {id: row.id}]->() } OR EXISTS { ()-[:DIVISION_OF {id: row.id}]->() } AS isLink
WITH n, row, kinds, isLink, kinds = [row.label] AND NOT isLink AS free
FOREACH (_ IN CASE WHEN free THEN [1] ELSE [] END | SET n = row.props)
WITH row, kinds, isLink WHERE NOT free
RETURN row.id AS id, row.label AS wanted, CASE WHEN isLink THEN ['Ownership'] ELSE kinds END AS existing
