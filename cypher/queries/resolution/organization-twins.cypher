// Organizations that share a name key with at most $maxGroup - 1 others (the seed's "Amazon", SEC's
// "AMAZON COM INC" and GLEIF's "Amazon.com, Inc." are one key): groups of possible duplicates, each
// member with its identifiers' count and country, whether an existing decision covers the pair already,
// and the members it is linked to by parent links either way (the caller leaves both alone). Establishments are sites, not duplicates, and are left out.
MATCH (o:Organization)
WHERE o.nameKey IS NOT NULL AND coalesce(o.kind, 'COMPANY') <> 'ESTABLISHMENT'
WITH o.nameKey AS key, collect(o) AS twins
WHERE size(twins) > 1 AND size(twins) <= $maxGroup
RETURN key, [t IN twins | t {.id, .name, .country, .status, identifiers: COUNT { (t)<-[:IDENTIFIES]-() },
  decided: [(t)<-[:SUBJECT|CANDIDATE]-(d:Decision) | d.subjectKey + '>' + head([(d)-[:CANDIDATE]->(c) | c.id])],
  linked: [x IN twins WHERE x <> t AND (EXISTS { (t)-[:SUBSIDIARY_OF|DIVISION_OF]->+(x) } OR EXISTS { (x)-[:SUBSIDIARY_OF|DIVISION_OF]->+(t) }) | x.id]}] AS twins
ORDER BY key
