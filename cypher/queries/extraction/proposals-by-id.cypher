// Extracted facts by id, with their article, in the order of $ids.
UNWIND $ids AS id
MATCH (x:Proposal {id: id})-[:PROPOSED_IN]->(e:Extraction)
RETURN x {.*, proposedAt: toString(x.proposedAt), decidedAt: toString(x.decidedAt), article: e {.id, .sourceId, .title, .publishers, .authors, .url, .publishedEarliest, .publishedLatest, .publishedText, .fromMarkup, .textLength, submittedBy: e.submittedBy, submittedAt: toString(e.submittedAt)}} AS node
