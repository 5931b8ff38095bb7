// Creates or updates decisions by id. $rows: [{candidateId, subjectId (null for a name), decision: {id,
// subjectKey, subjectName, subjectCountry, kind, status, score, rule, reasonKinds, reasonDetails,
// reasonWeights, notices, jobs, subjectRegion, by, note, establishmentId}}]. With $onlyIfNew (automatic runs) a decision
// lands only where none exists for the pair, so what a person decided is never overwritten.
UNWIND $rows AS row
MATCH (candidate:Entity {id: row.candidateId})
OPTIONAL MATCH (subject:Entity {id: row.subjectId})
WITH row, row.decision AS dec, candidate, subject
MERGE (d:Decision {id: dec.id})
  ON CREATE SET d.subjectKey = dec.subjectKey, d.subjectName = dec.subjectName, d.subjectCountry = dec.subjectCountry,
                d.proposedBy = dec.by, d.proposedAt = datetime({timezone: 'UTC'}),
                d.score = dec.score, d.rule = dec.rule, d.notices = dec.notices, d.jobs = dec.jobs, d.subjectRegion = dec.subjectRegion,
                d.reasonKinds = dec.reasonKinds, d.reasonDetails = dec.reasonDetails, d.reasonWeights = dec.reasonWeights, d.fresh = true
WITH dec, d, candidate, subject, coalesce(d.fresh, false) AS created
REMOVE d.fresh
WITH dec, d, candidate, subject, created
WHERE created OR NOT $onlyIfNew
SET d.kind = dec.kind, d.status = dec.status, d.establishmentId = coalesce(dec.establishmentId, d.establishmentId)
FOREACH (_ IN CASE WHEN dec.status <> 'PENDING' THEN [1] ELSE [] END |
  SET d.decidedBy = dec.by, d.decidedAt = datetime({timezone: 'UTC'}), d.note = dec.note)
MERGE (d)-[:CANDIDATE]->(candidate)
FOREACH (s IN CASE WHEN subject IS NULL THEN [] ELSE [subject] END | MERGE (d)-[:SUBJECT]->(s))
RETURN d.id AS id, created
