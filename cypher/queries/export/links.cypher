// A page of parent links in id order after $after, with their endpoints: what export writes as Ownership records.
MATCH (child:Organization)-[l:SUBSIDIARY_OF|DIVISION_OF]->(parent:Organization)
WHERE l.id > $after
RETURN l {.*} AS props, child.id AS child, parent.id AS parent
ORDER BY l.id
LIMIT $limit
