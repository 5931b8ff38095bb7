// Records a decision on the proposals $ids that are still PENDING: $status (ACCEPTED or REJECTED), by
// $by, with $note. Returns those decided now; a proposal decided before is left as it is.
UNWIND $ids AS id
MATCH (x:Proposal {id: id})
WHERE x.status = 'PENDING'
SET x.status = $status, x.decidedBy = $by, x.decidedAt = datetime(), x.note = $note
RETURN x.id AS id
