// Presences of organizations in each market in $keys or in markets within it.
// With $asOf, only those in force on that day ($certain: certainly, else possibly; cypher/fragments).
UNWIND $keys AS key
MATCH (:Market {id: key})<-[:WITHIN]-{0,10}(m:Market)<-[:IN_MARKET]-(p:MarketPresence)-[:BY_ORGANIZATION]->(o:Organization)
WHERE $asOf IS NULL OR {{in-force:p}}
RETURN key, p {.*, organizationId: o.id, marketId: m.id} AS node
ORDER BY key, o.name
