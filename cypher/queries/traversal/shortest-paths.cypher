// The shortest connections between entities $from and $to over relationships of the types in $types,
// at most {{maxHops}} relationships long; every path of that shortest length, up to $limit of them.
// Each path is returned as its nodes (with their type label) and its relationships (type and
// whether it points along the path, from nodes[i] to nodes[i + 1]).
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
MATCH p = ALL SHORTEST (a) (()-[r]-() WHERE type(r) IN $types){1,{{maxHops}}} (b)
WITH p LIMIT $limit
RETURN [n IN nodes(p) | {label: [x IN labels(n) WHERE x <> 'Entity'][0], node: n {.*}}] AS nodes,
       [i IN range(0, length(p) - 1) | {
         type: type(relationships(p)[i]),
         forward: startNode(relationships(p)[i]) = nodes(p)[i]
       }] AS steps
