// Markets each layoff event in $keys affects, with when workers there were told.
UNWIND $keys AS key
MATCH (:LayoffEvent {id: key})-[r:AFFECTS_MARKET]->(m:Market)
RETURN key, m.id AS marketId, r {.*} AS rel
ORDER BY key, r.notifiedEarliest, m.name
