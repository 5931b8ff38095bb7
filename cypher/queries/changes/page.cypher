// A page of the change feed, oldest first: the changes numbered above $after, scanning at most $scan of
// them in number order, keeping those that pass the filter, at most $limit. A filter that matches
// rarely still answers in bounded time: the page then says how far it scanned (scannedThrough), and the
// next page continues from there.
// Filter (each null: no condition): $roots ([{id, family}]), changes about one of these organizations
// (with family, also about any organization below it through parent links, as the family stands now,
// {{maxDepth}} levels at most); $factTypes; $kinds; $sourceKinds, changes to facts citing a source of
// one of these kinds.
// pending: change sets committed but not numbered yet (src/changes/feed.ts numbers them and reads again).
// firstScanned tells whether changes right after $after were pruned (retention): the numbers are
// contiguous, so a first number above $after + 1 means some are gone.
CALL () {
  UNWIND coalesce($roots, []) AS r
  MATCH (root:Organization {id: r.id})
  CALL (root, r) {
    RETURN root.id AS member
    UNION
    WITH root, r WHERE r.family
    MATCH (o:Organization)-[:SUBSIDIARY_OF|DIVISION_OF*1..{{maxDepth}}]->(root)
    RETURN DISTINCT o.id AS member
  }
  RETURN collect(DISTINCT member) AS members
}
CALL () {
  MATCH (s:ChangeSet)
  WHERE s.last > $after
  WITH s ORDER BY s.last ASC
  UNWIND range(0, s.last - s.first) AS i
  WITH s, i WHERE s.first + i > $after
  WITH {s: s, i: i} AS entry LIMIT $scan
  RETURN collect(entry) AS scanned
}
// The filter reads the set's lists where they stand, and the sources only for a source-kind filter;
// only the changes on the page are made into maps.
WITH scanned, [e IN scanned WHERE
    ($roots IS NULL OR any(o IN split(e.s.organizations[e.i], ' ') WHERE o IN members))
    AND ($factTypes IS NULL OR e.s.factTypes[e.i] IN $factTypes)
    AND ($kinds IS NULL OR e.s.kinds[e.i] IN $kinds)
    AND ($sourceKinds IS NULL OR EXISTS {
      UNWIND split(e.s.sourceIds[e.i], ' ') AS sid
      MATCH (src:Source {id: sid}) WHERE src.kind IN $sourceKinds
    })] AS matching
OPTIONAL MATCH (feed:ChangeFeed {id: 'changes'})
RETURN [e IN matching[0..$limit] | {{change-of-set:e}}] AS changes,
       CASE WHEN size(matching) > $limit THEN matching[$limit - 1].s.first + matching[$limit - 1].i
            WHEN size(scanned) > 0 THEN last(scanned).s.first + last(scanned).i
            ELSE $after END AS scannedThrough,
       CASE WHEN size(scanned) > 0 THEN scanned[0].s.first + scanned[0].i END AS firstScanned,
       coalesce(feed.last, 0) AS head,
       COUNT { (:PendingChangeSet) } AS pending
