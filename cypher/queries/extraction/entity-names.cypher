// The names of the entities $ids name (those that exist).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, n.name AS name
