// Takes the write locks of the entities $ids (in id order, so two merges sharing entities queue rather
// than deadlock) before a merge or split reads them: concurrent merges touching the same entity run one
// after the other, each seeing what the other committed. Returns each entity's kind and, for an id that
// already redirects (an absorbed entity), where it ends.
MATCH (n:Entity)
WHERE n.id IN $ids
WITH n ORDER BY n.id
SET n.id = n.id
RETURN n.id AS id,
       [l IN labels(n) WHERE l <> 'Entity'][0] AS label,
       CASE WHEN n:Redirect THEN {{redirect-end:n}}.id END AS redirectsTo,
       n.name AS name, n.aliases AS aliases, n.formerNames AS formerNames
