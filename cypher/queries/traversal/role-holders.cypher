// Roles in force on $asOf (certainly, or possibly when NOT $certain), of the types in $roleTypes,
// at organization $organization (or anywhere when null), leaders first (CEO, president, chair, ...).
MATCH (r:Role)-[:AT]->(o:Organization)
WHERE r.roleType IN $roleTypes
  AND ($organization IS NULL OR o.id = $organization)
  AND {{in-force:r}}
MATCH (r)-[:HELD_BY]->(p:Person)
RETURN r {.*, personId: p.id, organizationId: o.id} AS node
ORDER BY o.name, {{role-seniority:r}}, r.sinceEarliest, r.id
LIMIT $limit
