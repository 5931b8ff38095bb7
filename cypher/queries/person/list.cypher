// A page of people. Filters: $nameContains (lower case), $organization (holds or held a role there),
// $roleType. Keyset paging on name then id.
MATCH (n:Person)
WHERE ($nameContains IS NULL OR toLower(n.name) CONTAINS $nameContains
       OR any(a IN n.aliases WHERE toLower(a) CONTAINS $nameContains))
  AND ($organization IS NULL AND $roleType IS NULL OR EXISTS {
        MATCH (n)<-[:HELD_BY]-(r:Role)-[:AT]->(o:Organization)
        WHERE ($organization IS NULL OR o.id = $organization) AND ($roleType IS NULL OR r.roleType = $roleType)
      })
WITH n, toLower(n.name) AS sortKey
WHERE $afterId IS NULL
   OR (NOT $desc AND (sortKey > $afterKey OR (sortKey = $afterKey AND n.id > $afterId)))
   OR ($desc AND (sortKey < $afterKey OR (sortKey = $afterKey AND n.id < $afterId)))
RETURN n {.*} AS node, sortKey
ORDER BY CASE WHEN $desc THEN null ELSE sortKey END, CASE WHEN $desc THEN sortKey END DESC,
         CASE WHEN $desc THEN null ELSE n.id END, CASE WHEN $desc THEN n.id END DESC
LIMIT $limit
