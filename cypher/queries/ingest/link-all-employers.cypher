// After a first load: every layoff event that names its employer only as filed is linked to the
// organization of exactly that name (ignoring case) when only one has it, as ingest/link-employers
// does for each transactional write.
MATCH (e:LayoffEvent)
WHERE e.employerName IS NOT NULL AND NOT EXISTS { (e)-[:AT_ORGANIZATION]->() }
CALL (e) {
  WITH e, COLLECT { MATCH (o:Organization {nameLower: toLower(e.employerName)}) RETURN o LIMIT 2 } AS matches
  WITH e, matches WHERE size(matches) = 1
  WITH e, matches[0] AS o
  CREATE (e)-[:AT_ORGANIZATION {resolvedBy: 'exact name'}]->(o)
} IN TRANSACTIONS OF 10000 ROWS
