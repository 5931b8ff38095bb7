// Appends a committing write's changes to the change feed, as its transaction's last statement.
// $changes: [{kind, factId, factType, by, organizations, sourceIds, before, after}] (before and after
// as JSON text). The feed node's write lock is taken first and held to the commit, so writes take
// their sequence numbers one after another in the order they commit: numbers are contiguous, a write
// that rolls back takes none, and a reader that has seen number n has seen every number below it.
// The lock is Neo4j's, so the order holds across every API process on the database.
// The feed node is made once, the first time (a MERGE only then: a MERGE that finds the node takes a
// shared lock that two writers would both hold and both try to upgrade, a deadlock); afterwards
// MATCH takes no lock, and the first SET takes the exclusive one before the count is read.
OPTIONAL MATCH (existing:ChangeFeed {id: 'changes'})
CALL (existing) {
  WITH existing WHERE existing IS NULL
  MERGE (:ChangeFeed {id: 'changes'})
}
MATCH (feed:ChangeFeed {id: 'changes'})
SET feed.id = feed.id
WITH feed
SET feed.last = coalesce(feed.last, 0) + size($changes)
WITH feed.last - size($changes) AS base, datetime.realtime() AS at
UNWIND range(0, size($changes) - 1) AS i
WITH base + i + 1 AS seq, at, $changes[i] AS c
CREATE (:Change {
  seq: seq,
  at: at,
  by: c.by,
  kind: c.kind,
  factId: c.factId,
  factType: c.factType,
  organizations: c.organizations,
  sourceKinds: COLLECT { UNWIND c.sourceIds AS sid MATCH (s:Source {id: sid}) RETURN DISTINCT s.kind },
  before: c.before,
  after: c.after
})
RETURN max(seq) AS last
