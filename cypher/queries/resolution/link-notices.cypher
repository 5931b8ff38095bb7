// Links the layoff events filed under each name in $rows ([{name, target, decision}]) that are not yet
// linked to the organization (or establishment) `target`, recording the decision that links them (the
// notices of a new establishment's exact name are already linked to it by the importer). Returns each
// notice linked, with the sources it cites, for the change feed.
UNWIND $rows AS row
MATCH (t:Organization {id: row.target})
MATCH (e:LayoffEvent {employerName: row.name})
WHERE NOT EXISTS { (e)-[:AT_ORGANIZATION]->(t) }
CREATE (e)-[:AT_ORGANIZATION {resolvedBy: row.decision}]->(t)
RETURN e.id AS id, t.id AS organization, row.decision AS decision,
       COLLECT { MATCH (e)-[:CITES]->(s:Source) RETURN s.id } AS sources
