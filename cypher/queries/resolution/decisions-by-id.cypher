// Decisions by id, with their subject (entity or name) and candidate.
UNWIND $ids AS id
MATCH (d:Decision {id: id})
RETURN d {.*, subjectId: head([(d)-[:SUBJECT]->(s) | s.id]), candidateId: head([(d)-[:CANDIDATE]->(c) | c.id]),
          subjectLabel: head([(d)-[:SUBJECT]->(s) | [l IN labels(s) WHERE l <> 'Entity'][0]])} AS decision
