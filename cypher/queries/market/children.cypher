// Markets lying directly within each market in $keys.
UNWIND $keys AS key
MATCH (:Market {id: key})<-[:WITHIN]-(m:Market)
RETURN key, m {.*} AS node
ORDER BY key, m.name
