// Any entities by id, with their type label and the ids of the entities they point to
// (role: person and organization; presence: organization and market; acquisition: acquirer and target).
// An id that redirects (a merged or duplicate entity) answers its target, with the redirect it took.
UNWIND $keys AS key
MATCH (asked:Entity {id: key})
WITH key, asked, {{redirect-end:asked}} AS n
WHERE n IS NOT NULL
RETURN key,
       [l IN labels(n) WHERE l <> 'Entity'][0] AS label,
       n {
         .*,
         personId: head([(n)-[:HELD_BY]->(p) | p.id]),
         organizationId: head([(n)-[:AT|BY_ORGANIZATION]->(o) | o.id]),
         marketId: head([(n)-[:IN_MARKET]->(m) | m.id]),
         acquirerId: head([(n)-[:ACQUIRER]->(o) | o.id]),
         targetId: head([(n)-[:TARGET]->(o) | o.id])
       } AS node,
       CASE WHEN asked:Redirect THEN asked {.id, .reason, .name} END AS redirect
