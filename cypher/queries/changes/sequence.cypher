// Numbers up to $batch committed change sets written before $now (from changes/sequence-start, in the
// same transaction), in the order of their writes' `at` (a write that waited on another's locks comes
// after it), from the feed's count on: numbers stay contiguous, and a reader that has seen number n
// has seen every number below it. A numbered set becomes a :ChangeSet, which is what the feed reads.
// Returns the feed's new newest number and how many sets were numbered (none: no row).
MATCH (feed:ChangeFeed {id: 'changes'})
WITH feed, coalesce(feed.last, 0) AS base
MATCH (s:PendingChangeSet)
WHERE s.at < datetime($now)
WITH feed, base, s ORDER BY s.at ASC, elementId(s) ASC LIMIT $batch
WITH feed, base, collect(s) AS sets
WITH feed, base, sets, reduce(ends = [0], x IN sets | ends + [last(ends) + size(x.kinds)]) AS ends
CALL (sets, base, ends) {
  UNWIND range(0, size(sets) - 1) AS k
  WITH sets[k] AS s, base + ends[k] AS before, base + ends[k + 1] AS through
  REMOVE s:PendingChangeSet
  SET s:ChangeSet, s.first = before + 1, s.last = through
}
SET feed.last = base + last(ends)
RETURN feed.last AS head, size(sets) AS sets
