// The number of the oldest change kept (null when retention pruned them all, or none was written).
OPTIONAL MATCH (c:Change)
WITH c ORDER BY c.seq ASC LIMIT 1
RETURN c.seq AS oldest
