// Organizations among $ids that would be their own ancestor through parent links (any period).
UNWIND $ids AS id
MATCH (o:Organization {id: id})
WHERE EXISTS { (o)-[:SUBSIDIARY_OF|DIVISION_OF]->+(o) }
RETURN DISTINCT o.id AS id
