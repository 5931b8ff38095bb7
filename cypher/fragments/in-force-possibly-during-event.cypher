// A dated fact `it` possibly in force at some time of the layoff event `e`'s announcement interval
// (the query names its event e); unknown bounds are open.
(coalesce(it.sinceEarliest, date('0001-01-01')) <= coalesce(e.announcedLatest, date('9999-12-31'))
 AND coalesce(it.untilLatest, date('9999-12-31')) >= coalesce(e.announcedEarliest, date('0001-01-01')))
