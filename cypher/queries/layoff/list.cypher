// A page of layoff events. Filters:
//   $organization: events at it, or with $includeSubsidiaries also at organizations below it through
//     parent links in force (possibly) when the event was announced;
//   $from/$to: announcement date inside the window, certainly ($certain) or possibly;
//   $market: events affecting that market or a market within it;
//   $employerNameContains: the employer as filed contains this (lower case);
//   $sourceKinds: cited by a source of one of these kinds (news, WARN notices, a tracker).
// Keyset paging on $orderBy: 'ANNOUNCED' or 'HEADCOUNT' (by the lower bound), then id.
// $nodeProps: the properties the request needs, returned as a list of values in that order, dates as
// ISO text (null: all, as stored).
// The candidates come from the narrowest filter given: the organization (and its family), else the
// market's events, else every event. The branches not taken stop at their parameter test, before any read.
CALL () {
  WITH 1 AS branch WHERE $organization IS NULL AND $market IS NULL
  MATCH (e:LayoffEvent)
  RETURN e
  UNION
  WITH 1 AS branch WHERE $organization IS NULL
  MATCH (:Market {id: $market})<-[:WITHIN]-{0,10}(:Market)<-[:AFFECTS_MARKET]-(e:LayoffEvent)
  RETURN e
  UNION
  MATCH (root:Organization {id: $organization})
  MATCH (o:Organization)(()-[links:SUBSIDIARY_OF|DIVISION_OF]->()){0,{{maxDepth}}}(root)
  WHERE $includeSubsidiaries OR o = root
  MATCH (e:LayoffEvent)-[:AT_ORGANIZATION]->(o)
  WHERE all(l IN links WHERE {{in-force-possibly-during-event:l}})
    AND ($market IS NULL OR EXISTS { (e)-[:AFFECTS_MARKET]->(:Market)-[:WITHIN]->{0,10}(:Market {id: $market}) })
  RETURN e
}
WITH DISTINCT e
WHERE ($from IS NULL OR (CASE WHEN $certain THEN e.announcedEarliest >= $from ELSE coalesce(e.announcedLatest, date('9999-12-31')) >= $from END))
  AND ($to IS NULL OR (CASE WHEN $certain THEN e.announcedLatest <= $to ELSE coalesce(e.announcedEarliest, date('0001-01-01')) <= $to END))
  AND ($employerNameContains IS NULL OR toLower(e.employerName) CONTAINS $employerNameContains)
  AND ($sourceKinds IS NULL OR EXISTS { (e)-[:CITES]->(s:Source) WHERE s.kind IN $sourceKinds })
WITH e,
     CASE $orderBy
       WHEN 'HEADCOUNT' THEN coalesce(e.headcountLow, -1)
       ELSE coalesce(e.announcedEarliest, date('0001-01-01'))
     END AS sortKey
WHERE $afterId IS NULL
   OR (NOT $desc AND (sortKey > $afterKey OR (sortKey = $afterKey AND e.id > $afterId)))
   OR ($desc AND (sortKey < $afterKey OR (sortKey = $afterKey AND e.id < $afterId)))
WITH e, sortKey
ORDER BY CASE WHEN $desc THEN null ELSE sortKey END, CASE WHEN $desc THEN sortKey END DESC,
         CASE WHEN $desc THEN null ELSE e.id END, CASE WHEN $desc THEN e.id END DESC
LIMIT $limit
RETURN {{projected:e,nodeProps}} AS node,
       CASE WHEN sortKey IS :: DATE THEN toString(sortKey) ELSE sortKey END AS sortKey
