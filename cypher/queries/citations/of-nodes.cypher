// The sources citing each fact node in $keys, oldest source first.
UNWIND $keys AS key
MATCH (:Entity {id: key})-[c:CITES]->(s:Source)
RETURN key, c.quote AS quote, c.locator AS locator, s {.*} AS source
ORDER BY key, s.publishedEarliest, s.id
