// Layoff events at each organization in $keys or at any organization below it, through parent links
// that were (possibly) in force when the event was announced: what the family cut at the time.
UNWIND $keys AS key
MATCH (root:Organization {id: key})
MATCH (o:Organization)(()-[links:SUBSIDIARY_OF|DIVISION_OF]->()){0,{{maxDepth}}}(root)
MATCH (e:LayoffEvent)-[:AT_ORGANIZATION]->(o)
WHERE all(l IN links WHERE {{in-force-possibly-during-event:l}})
WITH DISTINCT key, e
RETURN key, e {.*} AS node
ORDER BY key, e.announcedEarliest, e.id
