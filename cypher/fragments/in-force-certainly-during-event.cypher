// A dated fact `it` certainly in force throughout the layoff event `e`'s announcement interval (the
// query names its event e): as in-force-certainly, with the interval's first day for the start and
// its last day for the end. An unknown start (and no source dating the fact) is never certain.
(coalesce(coalesce(it.sinceLatest, it.attestedLatest) <= e.announcedEarliest, false)
 AND ((it.untilEarliest IS NULL AND it.untilLatest IS NULL AND it.untilText IS NULL) OR coalesce(it.untilEarliest > e.announcedLatest, false)))
