// Organizations among $ids that would be their own ancestor through parent links (any period): a
// parent of theirs reaches them again. A shortest route is searched (breadth first), so the check
// costs what the companies and links above cost, never the number of routes between them.
UNWIND $ids AS id
MATCH (o:Organization {id: id})
WHERE EXISTS { MATCH (o)-[:SUBSIDIARY_OF|DIVISION_OF]->(o) }
   OR EXISTS {
        MATCH (o)-[:SUBSIDIARY_OF|DIVISION_OF]->(p:Organization) WHERE p <> o
        MATCH back = shortestPath((p)-[:SUBSIDIARY_OF|DIVISION_OF*1..]->(o))
      }
RETURN DISTINCT o.id AS id
