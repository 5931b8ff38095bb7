// Market presences of each organization in $keys.
UNWIND $keys AS key
MATCH (:Organization {id: key})<-[:BY_ORGANIZATION]-(p:MarketPresence)-[:IN_MARKET]->(m:Market)
RETURN key, p {.*, organizationId: key, marketId: m.id} AS node
ORDER BY key, m.name
