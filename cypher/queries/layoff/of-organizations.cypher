// Layoff events at each organization in $keys (at it only), earliest first.
UNWIND $keys AS key
MATCH (:Organization {id: key})<-[:AT_ORGANIZATION]-(e:LayoffEvent)
RETURN key, e {.*} AS node
ORDER BY key, e.announcedEarliest, e.id
