// The organizations each layoff event in $keys names.
UNWIND $keys AS key
MATCH (:LayoffEvent {id: key})-[:AT_ORGANIZATION]->(o:Organization)
RETURN key, o {.*} AS node
ORDER BY key, o.name
