// The number of the newest change (0 when nothing was ever written): what subscribers wait on; and
// how many change sets are committed but not numbered yet (changes/sequence numbers them).
OPTIONAL MATCH (feed:ChangeFeed {id: 'changes'})
RETURN coalesce(feed.last, 0) AS head, COUNT { (:PendingChangeSet) } AS pending
