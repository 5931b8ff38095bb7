// A decision `it` as the API reads it: its properties, with its subject (entity or name) and candidate.
it {.*, subjectId: head([(it)-[:SUBJECT]->(s) | s.id]), candidateId: head([(it)-[:CANDIDATE]->(c) | c.id]),
    subjectLabel: head([(it)-[:SUBJECT]->(s) | [l IN labels(s) WHERE l <> 'Entity'][0]])}
