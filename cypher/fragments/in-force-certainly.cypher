// A dated fact `it` (since..until, each a fuzzy date) certainly in force on $asOf: it had surely begun
// (its latest possible start is on or before the day) and surely not ended (no end stated at all, or
// its earliest possible end after the day). Where the start is not stated, the latest it can be is the
// day a citing source had stated the fact (attestedLatest); a fact with neither is never certain.
// Mirrored for answers in src/graphql/common/in-force.ts.
(coalesce(coalesce(it.sinceLatest, it.attestedLatest) <= $asOf, false)
 AND ((it.untilEarliest IS NULL AND it.untilLatest IS NULL AND it.untilText IS NULL) OR coalesce(it.untilEarliest > $asOf, false)))
