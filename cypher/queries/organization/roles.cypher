// Roles held at each organization in $keys, of the types in $roleTypes (all when null). With $asOf,
// only roles in force on that day: certainly ($certain: the interval bounds allow nothing else) or
// possibly. Each row carries its person, so that resolving it costs no further query. Leaders first (CEO, president, chair, senior vice president, ...), then by start.
UNWIND $keys AS key
MATCH (:Organization {id: key})<-[:AT]-(r:Role)-[:HELD_BY]->(p:Person)
WHERE ($roleTypes IS NULL OR r.roleType IN $roleTypes)
  AND ($asOf IS NULL OR {{in-force:r}})
RETURN key, r {.*, personId: p.id, organizationId: key} AS node, p {.*} AS person
ORDER BY key,
         {{role-seniority:r}},
         r.sinceEarliest, r.id
