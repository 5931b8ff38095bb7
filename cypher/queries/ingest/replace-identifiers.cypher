// Rewrites the external identifiers of nodes: (:Identifier {key, scheme, value, exchange})-[:IDENTIFIES
// {source, locator}]->(n), the relationship saying where the identifier comes from (a Source's id, the row).
// $rows: [{id, identifiers: [{key, scheme, value, exchange, source, locator}]}]. The identifier's key is unique (MERGE takes
// its index entry's lock): a row whose identifier already identifies another entity is not written but
// returned, and the caller fails the transaction. An identifier left identifying nothing is removed.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
CALL (n) {
  MATCH (n)<-[old:IDENTIFIES]-(i:Identifier)
  DELETE old
  WITH DISTINCT i WHERE NOT EXISTS { (i)-[:IDENTIFIES]->() }
  DELETE i
}
WITH n, row
UNWIND row.identifiers AS ident
MERGE (i:Identifier {key: ident.key})
  ON CREATE SET i.scheme = ident.scheme, i.value = ident.value
SET i.exchange = ident.exchange
WITH n, row, i, ident, [(i)-[:IDENTIFIES]->(other) WHERE other <> n | other.id] AS others
FOREACH (_ IN CASE WHEN others = [] THEN [1] ELSE [] END |
  MERGE (i)-[by:IDENTIFIES]->(n)
  SET by.source = ident.source, by.locator = ident.locator)
WITH row, ident, others WHERE others <> []
RETURN row.id AS id, ident.key AS identifier, others[0] AS existing
