// Roles held at each organization in $keys, optionally of $roleType. With $asOf, only roles in force
// on that day: certainly ($certain: the interval bounds allow nothing else) or possibly.
UNWIND $keys AS key
MATCH (:Organization {id: key})<-[:AT]-(r:Role)-[:HELD_BY]->(p:Person)
WHERE ($roleType IS NULL OR r.roleType = $roleType)
  AND ($asOf IS NULL OR (
        CASE WHEN $certain
          THEN coalesce(r.sinceLatest, r.sinceEarliest, date('0001-01-01')) <= $asOf AND coalesce(r.untilEarliest, r.untilLatest, date('9999-12-31')) > $asOf
          ELSE coalesce(r.sinceEarliest, date('0001-01-01')) <= $asOf AND coalesce(r.untilLatest, date('9999-12-31')) >= $asOf
        END))
RETURN key, r {.*, personId: p.id, organizationId: key} AS node
ORDER BY key, r.sinceEarliest, r.id
