// Metrics for each market in $keys, by period.
UNWIND $keys AS key
MATCH (:Market {id: key})<-[:FOR_MARKET]-(x:MarketMetric)
RETURN key, x {.*} AS node
ORDER BY key, x.periodEarliest, x.id
