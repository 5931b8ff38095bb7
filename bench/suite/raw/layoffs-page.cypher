// Request 4, by hand: layoff events announced (certainly) between $announcedFrom and $announcedTo that affect
// $market or a market within it, by date then id, $first after the keyset ($afterDate, $afterId).
MATCH (:Market {id: $market})<-[:WITHIN]-{0,10}(:Market)<-[:AFFECTS_MARKET]-(e:LayoffEvent)
WITH DISTINCT e
WHERE e.announcedEarliest >= $announcedFrom AND e.announcedLatest <= $announcedTo
  AND ($afterId IS NULL OR e.announcedEarliest > $afterDate OR (e.announcedEarliest = $afterDate AND e.id > $afterId))
RETURN e {.id, .announcedEarliest, .headcountLow} AS event
ORDER BY e.announcedEarliest, e.id
LIMIT $first
