// The latest changes about each organization in $keys (or, with $family, about any organization below
// it through parent links, as the family stands now), newest first, at most $limit each, among the
// newest $scan changes of the feed: a bounded look back for a profile's "recent changes", not a history
// (the changes connection pages through all of it).
CALL () {
  MATCH (s:ChangeSet)
  WITH s ORDER BY s.last DESC
  UNWIND range(s.last - s.first, 0, -1) AS i
  WITH {s: s, i: i} AS entry LIMIT $scan
  RETURN collect(entry) AS window
}
UNWIND $keys AS key
MATCH (root:Organization {id: key})
CALL (root) {
  RETURN root.id AS member
  UNION
  WITH root WHERE $family
  MATCH (o:Organization)-[:SUBSIDIARY_OF|DIVISION_OF*1..{{maxDepth}}]->(root)
  RETURN DISTINCT o.id AS member
}
WITH key, window, collect(DISTINCT member) AS members
// Only the changes kept are made into maps.
UNWIND [e IN window WHERE any(o IN split(e.s.organizations[e.i], ' ') WHERE o IN members)][0..$limit] AS kept
RETURN key, {{change-of-set:kept}} AS node
