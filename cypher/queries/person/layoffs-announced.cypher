// Layoff events announced by each person in $keys.
UNWIND $keys AS key
MATCH (:Person {id: key})<-[:ANNOUNCED_BY]-(e:LayoffEvent)
RETURN key, e {.*} AS node
ORDER BY key, e.announcedEarliest, e.id
