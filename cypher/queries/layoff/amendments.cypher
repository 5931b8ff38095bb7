// The notices that amend (and supersede) each layoff event in $keys, latest first.
UNWIND $keys AS key
MATCH (a:LayoffEvent {amendsId: key})
WITH key, a ORDER BY a.announcedEarliest DESC, a.id
RETURN key, a {.*} AS node
