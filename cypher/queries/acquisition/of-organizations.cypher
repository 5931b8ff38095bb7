// Acquisitions each organization in $keys took part in, as acquirer ($side 'ACQUIRER') or target ('TARGET').
UNWIND $keys AS key
MATCH (o:Organization {id: key})<-[side:ACQUIRER|TARGET]-(a:Acquisition)
WHERE type(side) = $side
MATCH (a)-[:ACQUIRER]->(acquirer:Organization)
MATCH (a)-[:TARGET]->(target:Organization)
RETURN key, a {.*, acquirerId: acquirer.id, targetId: target.id} AS node
ORDER BY key, a.completedEarliest, a.announcedEarliest, a.id
