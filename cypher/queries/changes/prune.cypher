// Retention: deletes the oldest changes, at most $batch, those beyond the newest $maxCount or taken
// before $olderThan. Always a prefix of the feed (oldest numbers first), so that a reader can tell from
// the first number it finds that what it has not read was pruned. Returns how many were deleted and the
// highest number deleted.
OPTIONAL MATCH (feed:ChangeFeed {id: 'changes'})
CALL () {
  OPTIONAL MATCH (c:Change)
  WHERE c.at < $olderThan
  WITH c ORDER BY c.at DESC LIMIT 1
  RETURN c.seq AS agedThrough
}
WITH CASE WHEN coalesce(feed.last, 0) - $maxCount > coalesce(agedThrough, 0) THEN coalesce(feed.last, 0) - $maxCount ELSE coalesce(agedThrough, 0) END AS cutoff
MATCH (c:Change)
WHERE c.seq <= cutoff
WITH c ORDER BY c.seq ASC LIMIT $batch
WITH collect(c) AS doomed
WITH doomed, CASE WHEN size(doomed) > 0 THEN last(doomed).seq END AS through
FOREACH (c IN doomed | DELETE c)
RETURN size(doomed) AS pruned, through
