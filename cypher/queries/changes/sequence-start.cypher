// Starts numbering the committed change sets: takes the feed node's write lock (held to the commit,
// so sequencers in every API process number one after another) and reads the clock after it, as
// `now`. The sets then numbered are those written before `now`: each of them committed before the
// next statement reads, and so did every write it waited on (see changes/append). The feed node is
// made the first time (a MERGE only then: a MERGE that finds the node takes a shared lock that two
// sequencers would both hold and both try to upgrade, a deadlock).
OPTIONAL MATCH (existing:ChangeFeed {id: 'changes'})
CALL (existing) {
  WITH existing WHERE existing IS NULL
  MERGE (:ChangeFeed {id: 'changes'})
}
MATCH (feed:ChangeFeed {id: 'changes'})
SET feed.id = feed.id
WITH feed
RETURN coalesce(feed.last, 0) AS head, datetime.realtime() AS now
