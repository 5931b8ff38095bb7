// For each organization in $keys: its layoffs and of everything below it at the time of each layoff (parent links in
// force over the whole announcement interval when $certain, or possibly in force), at most
// {{maxDepth}} links down (establishments, the sites WARN notices name, are divisions), grouped by $groupBy: 'YEAR'
// (of the announcement; "2022-2023" when the interval spans years), 'ORGANIZATION' (named by the source), 'MARKET'
// (affected) or 'SOURCE_KIND' (of the sources citing it: a layoff told by the news and by notices, merged into
// one event, counts in both groups and once in the total). Totals are
// intervals: the sum of the lower bounds (an unknown count adds 0) and of the upper bounds (open as
// soon as one event has no upper bound), with the number of events whose count is unknown. An
// event naming two organizations or markets counts in both groups, once in the total. A notice that
// an amendment supersedes is left out (the amendment counts instead, never both); with $sourceKinds,
// only events cited by a source of those kinds count (so a layoff told by the news and filed as
// notices is not summed twice). With $certain, `leftOut` holds the totals of the events only possibly
// in the family then (a member whose link was possibly but not certainly in force over the interval),
// reported beside the total rather than silently dropped.
UNWIND $keys AS key
MATCH (root:Organization {id: key})
CALL (root) {
  // The companies below, each once, breadth first (any period; the work grows with companies and
  // links, never with the number of routes between them).
  CALL (root) {
    MATCH (o:Organization)-[:SUBSIDIARY_OF|DIVISION_OF*0..{{maxDepth}}]->(root)
    RETURN DISTINCT o
  }
  MATCH (e:LayoffEvent)-[:AT_ORGANIZATION]->(o)
  WHERE NOT EXISTS { MATCH (:LayoffEvent {amendsId: e.id}) }
    AND ($sourceKinds IS NULL OR EXISTS { (e)-[:CITES]->(s:Source) WHERE s.kind IN $sourceKinds })
  // In the family when the event was announced: a route up whose every link was in force then (a
  // shortest such route, searched breadth first).
  WITH root, e, o, o = root OR EXISTS {
      MATCH route = shortestPath((o)-[links:SUBSIDIARY_OF|DIVISION_OF*1..{{maxDepth}}]->(root))
      WHERE o <> root
        AND all(l IN links WHERE CASE WHEN $certain THEN {{in-force-certainly-during-event:l}} ELSE {{in-force-possibly-during-event:l}} END)
    } AS counted
  // Left out: with $certain, the events of members only possibly in the family then (what an analyst
  // reading the total must be told it does not hold).
  WITH e, counted, $certain AND NOT counted AND EXISTS {
      MATCH route = shortestPath((o)-[links:SUBSIDIARY_OF|DIVISION_OF*1..{{maxDepth}}]->(root))
      WHERE o <> root AND all(l IN links WHERE {{in-force-possibly-during-event:l}})
    } AS possibly
  WITH collect(DISTINCT CASE WHEN counted THEN e END) AS events, collect(DISTINCT CASE WHEN possibly THEN e END) AS maybe
  RETURN events, [x IN maybe WHERE NOT x IN events] AS leftOut
}
CALL (events) {
  UNWIND events AS e
  WITH e, CASE $groupBy
    WHEN 'ORGANIZATION' THEN [(e)-[:AT_ORGANIZATION]->(x:Organization) | [x.id, x.name]]
    WHEN 'MARKET' THEN CASE WHEN EXISTS { (e)-[:AFFECTS_MARKET]->(:Market) }
      THEN [(e)-[:AFFECTS_MARKET]->(m:Market) | [m.id, m.name]] ELSE [['unspecified', 'Not stated']] END
    WHEN 'SOURCE_KIND' THEN COLLECT { MATCH (e)-[:CITES]->(s:Source) RETURN DISTINCT [coalesce(s.kind, 'UNSPECIFIED'), coalesce(s.kind, 'UNSPECIFIED')] AS k ORDER BY k[0] }
    ELSE [CASE WHEN e.announcedEarliest IS NULL OR e.announcedLatest IS NULL THEN ['unknown', 'Date unknown']
               WHEN e.announcedEarliest.year = e.announcedLatest.year THEN [toString(e.announcedEarliest.year), toString(e.announcedEarliest.year)]
               ELSE [toString(e.announcedEarliest.year) + '-' + toString(e.announcedLatest.year), toString(e.announcedEarliest.year) + '-' + toString(e.announcedLatest.year)] END]
  END AS keys
  UNWIND keys AS key
  WITH key, e ORDER BY e.announcedEarliest, e.id
  WITH key, collect(e) AS grouped
  RETURN collect({key: key[0], label: key[1], {{rollup-totals:grouped}}}) AS groups
}
RETURN key, groups, {key: 'total', label: 'Total', {{rollup-totals:events}}} AS total,
       {key: 'left-out', label: 'Left out', {{rollup-totals:leftOut}}} AS leftOut
