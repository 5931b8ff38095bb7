// Moves the relationships of the absorbed entity $absorbed to the survivor $survivor: the facts about it
// (roles, notices, acquisitions, presences, claims), its parent and child links and its own references
// (headquarters, markets). Citations are copied (the absorbed id, now a redirect, keeps the sources of
// its name and identifiers); identifiers, redirects to it and decisions stay. A relationship the
// survivor already has, the same in every property, is not doubled. What moved is recorded on the
// decision $decision (new relationship, type, direction, other end, how) so that a split puts back
// exactly that. Earlier merges into the absorbed entity recorded relationships that now move on: their
// records follow them (after a chain of merges, B into A and A into C, splitting A and then B gives B
// back its own facts).
MATCH (a:Entity {id: $survivor}), (b:Entity {id: $absorbed}), (d:Decision {id: $decision})
CALL (a, b) {
  MATCH (b)-[r]-(x)
  WHERE NOT type(r) IN ['IDENTIFIES', 'REDIRECTS_TO', 'SUBJECT', 'CANDIDATE'] AND x <> a AND x <> b
  WITH a, b, r, x, startNode(r) = b AS out, type(r) AS t, properties(r) AS props, elementId(r) AS old
  WITH a, r, x, out, t, props, old,
       CASE WHEN out THEN COLLECT { MATCH (a)-[s]->(x) WHERE type(s) = t AND properties(s) = props RETURN s LIMIT 1 }
            ELSE COLLECT { MATCH (x)-[s]->(a) WHERE type(s) = t AND properties(s) = props RETURN s LIMIT 1 } END AS same
  CALL (r, t) {
    WITH r, t WHERE t <> 'CITES'
    DELETE r
  }
  CALL (a, x, out, t, props, same) {
    WITH a, x, t, props WHERE same = [] AND out
    CREATE (a)-[n:$(t)]->(x)
    SET n = props
    RETURN n
    UNION
    WITH a, x, t, props WHERE same = [] AND NOT out
    CREATE (x)-[n:$(t)]->(a)
    SET n = props
    RETURN n
    UNION
    WITH same WHERE same <> []
    RETURN same[0] AS n
  }
  RETURN elementId(n) AS rel, old, t, out, elementId(x) AS other,
         CASE WHEN t = 'CITES' THEN CASE WHEN same = [] THEN 'copied' ELSE 'present' END
              ELSE CASE WHEN same = [] THEN 'moved' ELSE 'collapsed' END END AS mode
}
WITH b, d, collect({rel: rel, old: old, t: t, out: out, other: other, mode: mode}) AS moved
SET d.movedRels = [m IN moved | m.rel], d.movedTypes = [m IN moved | m.t], d.movedOut = [m IN moved | m.out],
    d.movedOthers = [m IN moved | m.other], d.movedModes = [m IN moved | m.mode]
// Citations are copied, the rest moved: only those left their old relationship behind.
WITH b, d, moved, [m IN moved WHERE m.t <> 'CITES'] AS relocated
CALL (b, d, relocated) {
  MATCH (earlier:Decision)-[:CANDIDATE]->(b)
  WHERE earlier <> d AND earlier.movedRels IS NOT NULL
  SET earlier.movedRels = [e IN earlier.movedRels | coalesce(head([m IN relocated WHERE m.old = e | m.rel]), e)]
}
RETURN size(moved) AS relationships, size([m IN moved WHERE m.mode = 'moved']) AS moved,
       size([m IN moved WHERE m.mode = 'copied']) AS copied, size([m IN moved WHERE m.mode IN ['collapsed', 'present']]) AS alreadyThere
