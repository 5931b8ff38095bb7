// Whether $a and $b (two organizations) are linked by parent links in either direction (any period,
// any length): merging them would make a company its own ancestor. Shortest routes, searched breadth
// first: the cost of the companies and links between them, not of every route.
MATCH (a:Organization {id: $a}), (b:Organization {id: $b})
RETURN EXISTS { MATCH up = shortestPath((a)-[:SUBSIDIARY_OF|DIVISION_OF*1..]->(b)) }
    OR EXISTS { MATCH down = shortestPath((b)-[:SUBSIDIARY_OF|DIVISION_OF*1..]->(a)) } AS linked
