// A page of acquisitions. Filters: $acquirer, $target, $status, and a date window on completion
// ($from/$to; $certain: the completion date lies certainly inside, else possibly).
// Keyset paging on $orderBy: 'COMPLETED', 'ANNOUNCED' or 'PRICE', then id.
MATCH (a:Acquisition)-[:ACQUIRER]->(acquirer:Organization)
MATCH (a)-[:TARGET]->(target:Organization)
WHERE ($acquirer IS NULL OR acquirer.id = $acquirer)
  AND ($target IS NULL OR target.id = $target)
  AND ($status IS NULL OR a.status = $status)
  AND ($from IS NULL OR (CASE WHEN $certain THEN a.completedEarliest >= $from ELSE coalesce(a.completedLatest, date('9999-12-31')) >= $from END))
  AND ($to IS NULL OR (CASE WHEN $certain THEN a.completedLatest <= $to ELSE coalesce(a.completedEarliest, date('0001-01-01')) <= $to END))
WITH a, acquirer, target,
     CASE $orderBy
       WHEN 'PRICE' THEN coalesce(a.priceValue, a.priceMin, -1.0)
       WHEN 'ANNOUNCED' THEN coalesce(a.announcedEarliest, a.completedEarliest, date('0001-01-01'))
       ELSE coalesce(a.completedEarliest, date('0001-01-01'))
     END AS sortKey
WHERE $afterId IS NULL
   OR (NOT $desc AND (sortKey > $afterKey OR (sortKey = $afterKey AND a.id > $afterId)))
   OR ($desc AND (sortKey < $afterKey OR (sortKey = $afterKey AND a.id < $afterId)))
RETURN a {.*, acquirerId: acquirer.id, targetId: target.id} AS node, sortKey
ORDER BY CASE WHEN $desc THEN null ELSE sortKey END, CASE WHEN $desc THEN sortKey END DESC,
         CASE WHEN $desc THEN null ELSE a.id END, CASE WHEN $desc THEN a.id END DESC
LIMIT $limit
