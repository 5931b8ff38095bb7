// Retention: deletes the oldest change sets, at most $batch, whose changes are all beyond the newest
// $maxCount or whose write is older than $olderThan. Always a prefix of the feed (oldest numbers first),
// so that a reader can tell from the first number it finds that what it has not read was pruned.
// Returns how many changes went.
OPTIONAL MATCH (feed:ChangeFeed {id: 'changes'})
WITH coalesce(feed.last, 0) - $maxCount AS countCutoff
CALL () {
  MATCH (s:ChangeSet)
  WITH s ORDER BY s.last ASC LIMIT $batch
  RETURN collect(s) AS oldest
}
// The first set retention keeps ends the prefix.
WITH oldest, head([k IN range(0, size(oldest) - 1) WHERE NOT (oldest[k].last <= countCutoff OR oldest[k].at < $olderThan)] + [size(oldest)]) AS kept
WITH oldest[0..kept] AS doomed
WITH doomed, reduce(n = 0, s IN doomed | n + s.last - s.first + 1) AS pruned
FOREACH (s IN doomed | DELETE s)
RETURN pruned, size(doomed) AS sets
