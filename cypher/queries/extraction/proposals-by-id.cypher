// Extracted facts by id, with their article (and its text when $withText), in the order of $ids.
UNWIND $ids AS id
MATCH (x:Proposal {id: id})-[:PROPOSED_IN]->(e:Extraction)
RETURN x {.*, proposedAt: toString(x.proposedAt), decidedAt: toString(x.decidedAt), article: e {.id, .sourceId, .title, .publishers, .authors, .url, .publishedEarliest, .publishedLatest, .publishedText, .fromMarkup, .textLength, submittedBy: e.submittedBy, submittedAt: toString(e.submittedAt), text: CASE WHEN $withText THEN e.text END}} AS node
