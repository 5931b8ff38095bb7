// A page of extracted facts, newest article first and in the order each article states them: those of
// $status, $factType and the article $extraction when given. Keyset paging on sortKey (the article's
// submission time and id, then the proposal's place counted from the end, so that a descending order
// reads each article from its start): $afterKey and $afterId.
MATCH (x:Proposal)-[:PROPOSED_IN]->(e:Extraction)
WHERE ($status IS NULL OR x.status = $status) AND ($factType IS NULL OR x.factType = $factType)
  AND ($extraction IS NULL OR e.id = $extraction)
WITH x, e, toString(e.submittedAt) + '|' + e.id + '|' + right('000000000' + toString(999999999 - x.start), 9) AS sortKey
WHERE $afterId IS NULL OR sortKey < $afterKey OR (sortKey = $afterKey AND x.id < $afterId)
RETURN x {.*, proposedAt: toString(x.proposedAt), decidedAt: toString(x.decidedAt), article: e {.id, .sourceId, .title, .publishers, .authors, .url, .publishedEarliest, .publishedLatest, .publishedText, .fromMarkup, .textLength, submittedBy: e.submittedBy, submittedAt: toString(e.submittedAt)}} AS node, sortKey
ORDER BY sortKey DESC, x.id DESC
LIMIT $limit
