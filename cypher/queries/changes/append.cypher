// Appends a committing write's changes to the change feed, as its transaction's last statement.
// $count changes in $sets, each set parallel lists of up to 500 changes ({offset, size, bys, kinds,
// factIds, factTypes, organizations, sourceIds, before, after}, made by GraphClient). The feed node's
// write lock is taken first and held to the commit, so writes take their sequence numbers one after
// another in the order they commit: numbers are contiguous, a write that rolls back takes none, and a
// reader that has seen number n has seen every number below it. The lock is Neo4j's, so the order holds
// across every API process on the database. A :ChangeSet holds numbers first..last; an import's batch
// of 5,000 facts costs ten nodes (cypher/fragments/change-of-set.cypher reads one change back).
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
SET feed.last = coalesce(feed.last, 0) + $count
WITH feed.last - $count AS base, datetime.realtime() AS at
UNWIND $sets AS set
CREATE (:ChangeSet {
  first: base + set.offset + 1,
  last: base + set.offset + set.size,
  at: at,
  bys: set.bys,
  kinds: set.kinds,
  factIds: set.factIds,
  factTypes: set.factTypes,
  organizations: set.organizations,
  sourceIds: set.sourceIds,
  before: set.before,
  after: set.after
})
RETURN max(base + set.offset + set.size) AS last
