// Keeps a subscription's lease alive for $ttlMs more; renewed = false when it had expired and was removed.
OPTIONAL MATCH (l:FeedLease {id: $lease})
SET l.expiresAt = datetime.realtime() + duration({milliseconds: $ttlMs})
RETURN l IS NOT NULL AS renewed
