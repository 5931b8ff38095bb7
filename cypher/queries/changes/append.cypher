// Stores a committing write's changes, as its transaction's last statement, unnumbered: $sets, each
// parallel lists of up to 500 changes ({bys, kinds, factIds, factTypes, organizations, sourceIds,
// before, after}, made by GraphClient). It takes no lock that other writers share, so writes commit
// side by side; changes/sequence numbers the sets once they are committed. `at` is read after every
// lock the write takes (this is its last statement): a write that waited on this one's locks has a
// later `at`, which is what lets the sequencer keep their order. An import's batch of 5,000 facts
// costs ten nodes (cypher/fragments/change-of-set.cypher reads one change back).
WITH datetime.realtime() AS at
UNWIND $sets AS set
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
