// A dated fact `it` possibly in force on $asOf: nothing known rules the day out (its earliest possible
// start is not after it, its latest possible end not before it; unknown bounds are open).
(coalesce(it.sinceEarliest, date('0001-01-01')) <= $asOf AND coalesce(it.untilLatest, date('9999-12-31')) >= $asOf)
