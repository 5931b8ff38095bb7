// Decisions by id, with their subject (entity or name) and candidate.
UNWIND $ids AS id
MATCH (d:Decision {id: id})
RETURN {{decision-row:d}} AS decision
