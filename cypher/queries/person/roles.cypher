// Roles held by each person in $keys, earliest first.
UNWIND $keys AS key
MATCH (:Person {id: key})<-[:HELD_BY]-(r:Role)-[:AT]->(o:Organization)
RETURN key, r {.*, personId: key, organizationId: o.id} AS node
ORDER BY key, r.sinceEarliest, r.id
