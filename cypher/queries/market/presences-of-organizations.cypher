// Market presences of each organization in $keys, each with its market (so resolving it costs no further query).
// With $asOf, only those in force on that day ($certain: certainly, else possibly; cypher/fragments).
UNWIND $keys AS key
MATCH (:Organization {id: key})<-[:BY_ORGANIZATION]-(p:MarketPresence)-[:IN_MARKET]->(m:Market)
WHERE $asOf IS NULL OR {{in-force:p}}
RETURN key, p {.*, organizationId: key, marketId: m.id} AS node, m {.*} AS market
ORDER BY key, m.name
