// The neighbourhood of entity $id for the explorer's picture: its direct neighbours over structural
// relationships, with roles and market presences folded into one edge each (person -[title]-> organization,
// organization -[IN_MARKET (status)]-> market), citations and claims left out. At most $limit neighbours.
MATCH (c:Entity {id: $id})
CALL (c) {
  MATCH (c)-[r]-(n:Entity)
  WHERE NOT type(r) IN ['CITES', 'ABOUT', 'HELD_BY', 'AT', 'BY_ORGANIZATION', 'IN_MARKET']
    AND NOT (n:Role OR n:MarketPresence OR n:Claim OR n:Source)
  RETURN n, type(r) AS label, startNode(r) = c AS outgoing
  UNION
  MATCH (c)<-[:AT]-(role:Role)-[:HELD_BY]->(n:Person)
  RETURN n, role.title AS label, false AS outgoing
  UNION
  MATCH (c)<-[:HELD_BY]-(role:Role)-[:AT]->(n:Organization)
  RETURN n, role.title AS label, true AS outgoing
  UNION
  MATCH (c)<-[:BY_ORGANIZATION]-(p:MarketPresence)-[:IN_MARKET]->(n:Market)
  RETURN n, 'IN_MARKET (' + p.status + ')' AS label, true AS outgoing
  UNION
  MATCH (c)<-[:IN_MARKET]-(p:MarketPresence)-[:BY_ORGANIZATION]->(n:Organization)
  RETURN n, 'IN_MARKET (' + p.status + ')' AS label, false AS outgoing
}
WITH c, n, label, outgoing
ORDER BY n.id, label
LIMIT $limit
RETURN c {.*} AS center,
       [l IN labels(c) WHERE l <> 'Entity'][0] AS centerLabel,
       collect({node: n {.*}, nodeLabel: [l IN labels(n) WHERE l <> 'Entity'][0], label: label, outgoing: outgoing}) AS neighbours
