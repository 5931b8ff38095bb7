// The number of the newest change (0 when nothing was ever written): what subscribers wait on.
OPTIONAL MATCH (feed:ChangeFeed {id: 'changes'})
RETURN coalesce(feed.last, 0) AS head
