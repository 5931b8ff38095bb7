// The labels of those $ids that already name a node.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, labels(n) AS labels
