// Creates or replaces nodes by id. The record is the whole truth of its node: properties it no longer
// has are removed. $rows: [{id, label, props}]; label comes from the importer's fixed list of types.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n = row.props, n:$(row.label)
