// The market each market in $keys lies within.
UNWIND $keys AS key
MATCH (:Market {id: key})-[:WITHIN]->(m:Market)
RETURN key, m {.*} AS node
