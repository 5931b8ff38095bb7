// A page of organizations. Filters: $kind, $nameContains (lower case, name or alias), $market (present
// in it or in a market within it), $ids, $country (legal address, ISO code), $category, $status (a
// missing category is GENERAL, a missing status ACTIVE, as the import format's defaults). Keyset paging on $orderBy ('NAME' or 'ID') then id.
MATCH (n:Organization)
WHERE ($kind IS NULL OR n.kind = $kind)
  AND ($ids IS NULL OR n.id IN $ids)
  AND ($country IS NULL OR n.country = $country)
  AND ($category IS NULL OR coalesce(n.category, 'GENERAL') = $category)
  AND ($status IS NULL OR coalesce(n.status, 'ACTIVE') = $status)
  AND ($nameContains IS NULL OR n.nameLower CONTAINS $nameContains
       OR any(a IN n.aliasesLower WHERE a CONTAINS $nameContains))
  AND ($market IS NULL OR EXISTS {
        (n)<-[:BY_ORGANIZATION]-(:MarketPresence)-[:IN_MARKET]->(:Market)-[:WITHIN]->{0,10}(:Market {id: $market})
      })
WITH n, CASE $orderBy WHEN 'ID' THEN n.id ELSE n.nameLower END AS sortKey
WHERE $afterId IS NULL
   OR (NOT $desc AND (sortKey > $afterKey OR (sortKey = $afterKey AND n.id > $afterId)))
   OR ($desc AND (sortKey < $afterKey OR (sortKey = $afterKey AND n.id < $afterId)))
RETURN n {.*} AS node, sortKey
ORDER BY CASE WHEN $desc THEN null ELSE sortKey END, CASE WHEN $desc THEN sortKey END DESC,
         CASE WHEN $desc THEN null ELSE n.id END, CASE WHEN $desc THEN n.id END DESC
LIMIT $limit
