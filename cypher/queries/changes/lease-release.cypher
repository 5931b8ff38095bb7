// Ends a subscription's lease.
OPTIONAL MATCH (l:FeedLease {id: $lease})
DETACH DELETE l
RETURN l IS NOT NULL AS released
