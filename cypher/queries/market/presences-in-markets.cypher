// Presences of organizations in each market in $keys or in markets within it.
UNWIND $keys AS key
MATCH (:Market {id: key})<-[:WITHIN]-{0,10}(m:Market)<-[:IN_MARKET]-(p:MarketPresence)-[:BY_ORGANIZATION]->(o:Organization)
RETURN key, p {.*, organizationId: o.id, marketId: m.id} AS node
ORDER BY key, o.name
