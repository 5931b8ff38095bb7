// Links the layoff events filed under each name in $rows ([{name, target, decision}]) that are not yet
// linked to the organization (or establishment) `target`, recording the decision that links them (the
// notices of a new establishment's exact name are already linked to it by the importer).
UNWIND $rows AS row
MATCH (t:Organization {id: row.target})
MATCH (e:LayoffEvent {employerName: row.name})
WHERE NOT EXISTS { (e)-[:AT_ORGANIZATION]->(t) }
CREATE (e)-[:AT_ORGANIZATION {resolvedBy: row.decision}]->(t)
FINISH
