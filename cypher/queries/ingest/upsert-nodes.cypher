// Creates or replaces nodes by id. The record is the whole truth of its node: properties it no longer
// has are removed. $rows: [{id, label, props}]; label comes from the importer's fixed list of types.
// Every fact's id goes through the one :Entity id index (parent links claim theirs there too, see
// upsert-ownership): MERGE takes that index entry's lock, so concurrent writes of one id queue there and
// each sees what the other committed. A row whose id already names a fact of another kind (another
// node type, or a parent link) is not written but returned with `existing`, and the caller fails the
// transaction. Every other row comes back with `created` and, for a node that was there, its properties
// `before` the write (read under the node's write lock): what the change feed records.
// {{#withSources}}: also the sources it cited (`sources`), read here rather than by the citations step,
// so that a write knows its changes before that step and the step carries them (changes/append).
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
  ON CREATE SET n:$(row.label), n.createdByUpsert = true
  ON MATCH SET n.id = n.id
WITH n, row, [l IN labels(n) WHERE l <> 'Entity'] AS kinds, n.createdByUpsert IS NOT NULL AS created, properties(n) AS before
WITH n, row, kinds, created, before,
     EXISTS { ()-[:SUBSIDIARY_OF {id: row.id}]->() } OR EXISTS { ()-[:DIVISION_OF {id: row.id}]->() } AS isLink
WITH n, row, kinds, created, before, isLink, kinds = [row.label] AND NOT isLink AS free
FOREACH (_ IN CASE WHEN free THEN [1] ELSE [] END | SET n = row.props)
RETURN row.id AS id,
       CASE WHEN free THEN null ELSE row.label END AS wanted,
       CASE WHEN free THEN null WHEN isLink THEN ['Ownership'] ELSE kinds END AS existing,
       created,
       CASE WHEN free AND NOT created THEN before END AS before{{#withSources}},
       CASE WHEN free AND NOT created THEN [(n)-[:CITES]->(s:Source) | s.id] END AS sources{{/withSources}}
