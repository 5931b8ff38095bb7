// The shortest connections between entities $from and $to over relationships of the types in $types,
// at most {{maxHops}} relationships long; every path of that shortest length, up to $limit of them.
// Each path is returned as its nodes (with their type label) and its relationships (type, whether it
// points along the path, from nodes[i] to nodes[i + 1], and the sources a parent link cites). With
// $withSources, each Role node on the path carries the sources that state it (a path between people
// and organizations shows a role as one step, with those sources).
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
MATCH p = ALL SHORTEST (a) (()-[r]-() WHERE type(r) IN $types){1,{{maxHops}}} (b)
WITH p LIMIT $limit
RETURN [n IN nodes(p) | {
         label: [x IN labels(n) WHERE x <> 'Entity'][0],
         node: n {.*},
         citations: CASE WHEN $withSources AND n:Role
           THEN COLLECT { MATCH (n)-[c:CITES]->(s:Source) WITH c, s ORDER BY s.publishedEarliest, s.id RETURN {quote: c.quote, locator: c.locator, source: s {.*}} }
         END
       }] AS nodes,
       [i IN range(0, length(p) - 1) | {
         type: type(relationships(p)[i]),
         forward: startNode(relationships(p)[i]) = nodes(p)[i],
         citations: CASE WHEN $withSources AND relationships(p)[i].sourceIds IS NOT NULL
           THEN COLLECT {
             UNWIND range(0, size(relationships(p)[i].sourceIds) - 1) AS k
             MATCH (s:Source {id: relationships(p)[i].sourceIds[k]})
             RETURN {quote: relationships(p)[i].quotes[k], locator: relationships(p)[i].locators[k], source: s {.*}}
           }
         END
       }] AS steps
