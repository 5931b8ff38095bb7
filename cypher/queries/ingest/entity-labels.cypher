// The kinds of fact that those $ids already name: a node's labels, or ['Ownership'] for a parent link
// (ids are unique across nodes and links alike); for an id that redirects (a merged entity), the id and
// labels of the entity it answers for, so references to an old id land on its survivor.
UNWIND $ids AS id
OPTIONAL MATCH (n:Entity {id: id})
OPTIONAL MATCH ()-[s:SUBSIDIARY_OF {id: id}]->()
OPTIONAL MATCH ()-[d:DIVISION_OF {id: id}]->()
WITH id, n, s IS NOT NULL OR d IS NOT NULL AS isLink
WHERE n IS NOT NULL OR isLink
WITH id, n, isLink, CASE WHEN n:Redirect THEN {{redirect-end:n}} END AS end
RETURN id, CASE WHEN n IS NOT NULL THEN labels(n) ELSE ['Ownership'] END AS labels, end.id AS redirectsTo, labels(end) AS redirectLabels
