// Links layoff events that name their employer only as filed (a WARN notice) to the organization of
// that exact name (ignoring case), when exactly one has it: an unambiguous match, never a guess. Fuzzy
// and family matches are entity resolution's. $rows: [{id, name (lower case)}]
UNWIND $rows AS row
MATCH (e:LayoffEvent {id: row.id})
WHERE NOT EXISTS { (e)-[:AT_ORGANIZATION]->() }
WITH e, COLLECT { MATCH (o:Organization {nameLower: row.name}) RETURN o LIMIT 2 } AS matches
WHERE size(matches) = 1
WITH e, matches[0] AS o
CREATE (e)-[:AT_ORGANIZATION {resolvedBy: 'exact name'}]->(o)
FINISH
