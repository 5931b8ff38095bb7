// The number of the oldest change kept (null when retention pruned them all, or none was written).
OPTIONAL MATCH (s:ChangeSet)
WITH s ORDER BY s.last ASC LIMIT 1
RETURN s.first AS oldest
