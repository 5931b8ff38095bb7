// A page of layoff events. Filters:
//   $organization: events at it, or with $includeSubsidiaries also at organizations below it through
//     parent links in force (possibly) when the event was announced;
//   $from/$to: announcement date inside the window, certainly ($certain) or possibly;
//   $market: events affecting that market or a market within it;
//   $employerNameContains: the employer as filed contains this (lower case);
//   $sourceKinds: cited by a source of one of these kinds (news, WARN notices, a tracker).
// Keyset paging on the announcement day, or {{#byHeadcount}} the headcount's lower bound, then id;
// {{#desc}} for descending, {{#after}} when a cursor is given ($afterKey, $afterId).
// $nodeProps: the properties the request needs, returned as a list of values in that order, dates as
// ISO text (null: all, as stored).
// The candidates come from the narrowest filter given: {{#organization}} (and its family), else
// {{#market}} (the market's events), else every event. Sections are chosen per request
// (src/graph/cypher-catalog.ts): the query holds only the branch, order and cursor test it needs.
{{#organization}}
MATCH (root:Organization {id: $organization})
MATCH (o:Organization)(()-[links:SUBSIDIARY_OF|DIVISION_OF]->()){0,{{maxDepth}}}(root)
WHERE $includeSubsidiaries OR o = root
MATCH (e:LayoffEvent)-[:AT_ORGANIZATION]->(o)
WHERE all(l IN links WHERE {{in-force-possibly-during-event:l}})
{{#market}}
  AND EXISTS { (e)-[:AFFECTS_MARKET]->(:Market)-[:WITHIN]->{0,10}(:Market {id: $market}) }
{{/market}}
{{/organization}}
{{^organization}}
{{#market}}
MATCH (:Market {id: $market})<-[:WITHIN]-{0,10}(:Market)<-[:AFFECTS_MARKET]-(e:LayoffEvent)
{{/market}}
{{^market}}
MATCH (e:LayoffEvent)
{{/market}}
{{/organization}}
WITH DISTINCT e
WHERE ($from IS NULL OR (CASE WHEN $certain THEN e.announcedEarliest >= $from ELSE coalesce(e.announcedLatest, date('9999-12-31')) >= $from END))
  AND ($to IS NULL OR (CASE WHEN $certain THEN e.announcedLatest <= $to ELSE coalesce(e.announcedEarliest, date('0001-01-01')) <= $to END))
  AND ($employerNameContains IS NULL OR toLower(e.employerName) CONTAINS $employerNameContains)
  AND ($sourceKinds IS NULL OR EXISTS { (e)-[:CITES]->(s:Source) WHERE s.kind IN $sourceKinds })
WITH e, {{#byHeadcount}}coalesce(e.headcountLow, -1){{/byHeadcount}}{{^byHeadcount}}coalesce(e.announcedEarliest, date('0001-01-01')){{/byHeadcount}} AS sortKey
{{#after}}
WHERE {{^desc}}sortKey > $afterKey OR (sortKey = $afterKey AND e.id > $afterId){{/desc}}{{#desc}}sortKey < $afterKey OR (sortKey = $afterKey AND e.id < $afterId){{/desc}}
{{/after}}
WITH e, sortKey
ORDER BY sortKey{{#desc}} DESC{{/desc}}, e.id{{#desc}} DESC{{/desc}}
LIMIT $limit
RETURN {{projected:e,nodeProps}} AS node,
       CASE WHEN sortKey IS :: DATE THEN toString(sortKey) ELSE sortKey END AS sortKey
