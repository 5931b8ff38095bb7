// Headquarters market of each organization in $keys.
UNWIND $keys AS key
MATCH (:Organization {id: key})-[:HEADQUARTERED_IN]->(m:Market)
RETURN key, m {.*} AS node
