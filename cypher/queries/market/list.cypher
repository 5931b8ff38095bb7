// A page of markets. Filters: $kind, $within (markets inside it, at any depth), $nameContains.
// Keyset paging on name then id.
MATCH (n:Market)
WHERE ($kind IS NULL OR n.kind = $kind)
  AND ($nameContains IS NULL OR toLower(n.name) CONTAINS $nameContains)
  AND ($within IS NULL OR EXISTS { (n)-[:WITHIN]->{1,10}(:Market {id: $within}) })
WITH n, toLower(n.name) AS sortKey
WHERE $afterId IS NULL
   OR (NOT $desc AND (sortKey > $afterKey OR (sortKey = $afterKey AND n.id > $afterId)))
   OR ($desc AND (sortKey < $afterKey OR (sortKey = $afterKey AND n.id < $afterId)))
RETURN n {.*} AS node, sortKey
ORDER BY CASE WHEN $desc THEN null ELSE sortKey END, CASE WHEN $desc THEN sortKey END DESC,
         CASE WHEN $desc THEN null ELSE n.id END, CASE WHEN $desc THEN n.id END DESC
LIMIT $limit
