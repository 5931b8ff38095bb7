// Sources by id, for facts stored as relationships (which list their source ids).
UNWIND $keys AS key
MATCH (s:Source {id: key})
RETURN key, s {.*} AS node
