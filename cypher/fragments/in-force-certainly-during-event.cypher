// A dated fact `it` certainly in force throughout the layoff event `e`'s announcement interval (the
// query names its event e): as in-force-certainly, with the interval's first day for the start and
// its last day for the end. An unknown start (and no source dating the fact) is never certain,
// except when a source that states the fact (a parent link's sourceIds) also reports the event: that
// source calls the unit the company's when it reports the unit's cuts, however fuzzy its own date.
((coalesce(coalesce(it.sinceLatest, it.attestedLatest) <= e.announcedEarliest, false)
  OR (it.sinceLatest IS NULL AND any(sid IN coalesce(it.sourceIds, []) WHERE EXISTS { (e)-[:CITES]->(:Source {id: sid}) })))
 AND ((it.untilEarliest IS NULL AND it.untilLatest IS NULL AND it.untilText IS NULL) OR coalesce(it.untilEarliest > e.announcedLatest, false)))
