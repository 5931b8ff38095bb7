// A page of sources. Filters: $kind, $publisher (exact, any of its publishers), publication window
// $from/$to (possibly inside). Keyset paging on $orderBy: 'PUBLISHED' or 'TITLE', then id.
MATCH (s:Source)
WHERE ($kind IS NULL OR s.kind = $kind)
  AND ($publisher IS NULL OR $publisher IN s.publishers)
  AND ($from IS NULL OR coalesce(s.publishedLatest, date('9999-12-31')) >= $from)
  AND ($to IS NULL OR coalesce(s.publishedEarliest, date('0001-01-01')) <= $to)
WITH s,
     CASE $orderBy
       WHEN 'TITLE' THEN toLower(s.title)
       ELSE coalesce(s.publishedEarliest, s.publishedLatest, date('0001-01-01'))
     END AS sortKey
WHERE $afterId IS NULL
   OR (NOT $desc AND (sortKey > $afterKey OR (sortKey = $afterKey AND s.id > $afterId)))
   OR ($desc AND (sortKey < $afterKey OR (sortKey = $afterKey AND s.id < $afterId)))
RETURN s {.*} AS node, sortKey
ORDER BY CASE WHEN $desc THEN null ELSE sortKey END, CASE WHEN $desc THEN sortKey END DESC,
         CASE WHEN $desc THEN null ELSE s.id END, CASE WHEN $desc THEN s.id END DESC
LIMIT $limit
