// Who announced each layoff event in $keys.
UNWIND $keys AS key
MATCH (:LayoffEvent {id: key})-[:ANNOUNCED_BY]->(p:Person)
RETURN key, p {.*} AS node
