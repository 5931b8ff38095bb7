// Takes the write lock of decision $id, then reads it (as decisions-by-id.cypher gives it): accept,
// reject and undo of one decision, sent together to any API processes, run one after the other, each
// deciding on what the one before it committed.
MATCH (d:Decision {id: $id})
SET d.id = d.id
RETURN {{decision-row:d}} AS decision
