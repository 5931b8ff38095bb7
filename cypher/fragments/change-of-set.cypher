// One change of a change set, as a map: `it` is {s: the ChangeSet, i: the change's place in it}. A set
// keeps its changes as parallel lists (Neo4j properties hold no maps): organizations and cited sources
// space-separated (ids hold no space), an absent before or after as ''. The kinds of the sources are
// read here, from the sources themselves (a source's kind does not change), so that the append that
// holds the feed's lock has no look-up to make.
{seq: it.s.first + it.i, at: toString(it.s.at), by: it.s.bys[it.i], kind: it.s.kinds[it.i], factId: it.s.factIds[it.i],
 factType: it.s.factTypes[it.i],
 organizations: CASE WHEN it.s.organizations[it.i] = '' THEN [] ELSE split(it.s.organizations[it.i], ' ') END,
 sourceKinds: CASE WHEN it.s.sourceIds[it.i] = '' THEN [] ELSE COLLECT { UNWIND split(it.s.sourceIds[it.i], ' ') AS sid MATCH (src:Source {id: sid}) RETURN DISTINCT src.kind } END,
 before: CASE WHEN it.s.before[it.i] = '' THEN null ELSE it.s.before[it.i] END,
 after: CASE WHEN it.s.after[it.i] = '' THEN null ELSE it.s.after[it.i] END}
