// Takes one of the subscription slots of $key (an API key's name, or a client's address): the key's
// node is locked first, so that processes counting at once count one after another. Leases past their
// expiry (a process that died) are removed and do not count. Grants when fewer than $limit are live.
MERGE (k:FeedSubscriber {key: $key})
SET k.key = k.key
WITH k
CALL (k) {
  OPTIONAL MATCH (k)-[:HOLDS]->(old:FeedLease)
  WHERE old.expiresAt < datetime.realtime()
  DETACH DELETE old
}
WITH k, COUNT { (k)-[:HOLDS]->(:FeedLease) } AS live
CALL (k, live) {
  WITH k WHERE live < $limit
  CREATE (k)-[:HOLDS]->(:FeedLease {id: $lease, expiresAt: datetime.realtime() + duration({milliseconds: $ttlMs})})
}
RETURN live < $limit AS granted, live
