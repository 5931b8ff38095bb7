// Stores a write's changes, unnumbered: $changeSets, each parallel lists of up to 500 changes ({bys,
// kinds, factIds, factTypes, organizations, sourceIds, before, after}, made by GraphClient). It takes
// no lock that other writers share, so writes commit side by side; changes/sequence numbers the sets
// once they are committed.
// It runs on its own only when the changes were recorded after the transaction's last statement;
// otherwise it rides at the head of the statement that follows the record (CypherCatalog.carrying):
// a round trip fewer, which is most of what the feed costs a write. Either way `at` is read after the
// write locked every fact its changes are about (it wrote them, or locked them to write them): a
// write that waited on those locks reads its own `at` after this one committed, which is what lets
// the sequencer keep their order. An import's batch of 5,000 facts costs ten nodes
// (cypher/fragments/change-of-set.cypher reads one change back).
WITH datetime.realtime() AS at
UNWIND $changeSets AS set
CREATE (:PendingChangeSet {
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
