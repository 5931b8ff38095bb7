// Appends a committing write's changes to the change feed, as its transaction's last statement.
// $changes: [{kind, factId, factType, by, organizations, sourceIds, before, after}] (before and after
// as JSON text or null). The feed node's write lock is taken first and held to the commit, so writes take
// their sequence numbers one after another in the order they commit: numbers are contiguous, a write
// that rolls back takes none, and a reader that has seen number n has seen every number below it.
// The lock is Neo4j's, so the order holds across every API process on the database.
// The changes are stored in sets of at most 500 (a :ChangeSet holds numbers first..last as parallel
// lists, cypher/fragments/change-of-set.cypher reads one back): an import's batch of 5,000 facts costs
// ten nodes, not 5,000.
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
// The kinds of the sources cited, looked up once for all the changes.
WITH feed.last - size($changes) AS base, datetime.realtime() AS at,
     COLLECT { UNWIND $changes AS c UNWIND c.sourceIds AS sid WITH DISTINCT sid MATCH (s:Source {id: sid}) RETURN {id: s.id, kind: s.kind} } AS sources
UNWIND range(0, size($changes) - 1, 500) AS start
WITH base, at, sources, start, $changes[start..start + 500] AS part
WITH base, at, start, part,
     [c IN part | reduce(out = [], k IN [x IN sources WHERE x.id IN c.sourceIds | x.kind] | CASE WHEN k IN out THEN out ELSE out + k END)] AS kinds
CREATE (:ChangeSet {
  first: base + start + 1,
  last: base + start + size(part),
  at: at,
  bys: [c IN part | c.by],
  kinds: [c IN part | c.kind],
  factIds: [c IN part | c.factId],
  factTypes: [c IN part | c.factType],
  organizations: [c IN part | reduce(s = '', o IN c.organizations | s + CASE WHEN s = '' THEN '' ELSE ' ' END + o)],
  sourceKinds: [k IN kinds | reduce(s = '', x IN k | s + CASE WHEN s = '' THEN '' ELSE ' ' END + x)],
  before: [c IN part | coalesce(c.before, '')],
  after: [c IN part | coalesce(c.after, '')]
})
RETURN max(base + start + size(part)) AS last
