// Stores a submitted article ($extraction: id, text and who submitted it; $meta: its metadata) and its
// proposals ($proposals), PENDING. Submitted again, the article keeps its first submission but takes
// the new metadata (a null removes a field); a proposal already stored (the same article and fact) keeps
// its status and decision: submitting an article again proposes nothing twice. Returns the proposals
// created now.
MERGE (e:Extraction {id: $extraction.id})
ON CREATE SET e += $extraction, e.submittedAt = datetime()
SET e += $meta
WITH e
UNWIND $proposals AS p
MERGE (x:Proposal {id: p.id})
ON CREATE SET x += p, x.status = 'PENDING', x.proposedAt = datetime(), x.created = true
MERGE (x)-[:PROPOSED_IN]->(e)
WITH x, coalesce(x.created, false) AS created
REMOVE x.created
RETURN x.id AS id, created
