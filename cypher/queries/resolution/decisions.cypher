// A page of entity-resolution decisions, newest first (by when they were proposed, then id): those of
// $status and $kind when given, about the entity or candidate $entity when given, by $decidedBy when
// given. Keyset paging: $afterKey (proposedAt as text) and $afterId.
MATCH (d:Decision)
WHERE ($status IS NULL OR d.status = $status) AND ($kind IS NULL OR d.kind = $kind)
  AND ($decidedBy IS NULL OR d.decidedBy = $decidedBy)
  AND ($entity IS NULL OR EXISTS { (d)-[:SUBJECT|CANDIDATE]->(:Entity {id: $entity}) })
WITH d, toString(d.proposedAt) AS sortKey
WHERE $afterId IS NULL OR sortKey < $afterKey OR (sortKey = $afterKey AND d.id < $afterId)
RETURN {{decision-row:d}} AS node, sortKey
ORDER BY sortKey DESC, d.id DESC
LIMIT $limit
