// Markets each metric in $keys is about.
UNWIND $keys AS key
MATCH (:MarketMetric {id: key})-[:FOR_MARKET]->(m:Market)
RETURN key, m {.*} AS node
ORDER BY key, m.name
