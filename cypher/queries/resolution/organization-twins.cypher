// Organizations that share a name key with at most $maxGroup - 1 others (the seed's "Amazon", SEC's
// "AMAZON COM INC" and GLEIF's "Amazon.com, Inc." are one key): groups of possible duplicates, each
// member with its identifiers' count and country, and whether an existing decision covers the pair
// already (which the caller leaves alone). Establishments are sites, not duplicates, and are left out.
MATCH (o:Organization)
WHERE o.nameKey IS NOT NULL AND coalesce(o.kind, 'COMPANY') <> 'ESTABLISHMENT'
WITH o.nameKey AS key, collect(o) AS twins
WHERE size(twins) > 1 AND size(twins) <= $maxGroup
RETURN key, [t IN twins | t {.id, .name, .country, .status, identifiers: COUNT { (t)<-[:IDENTIFIES]-() },
  decided: [(t)<-[:SUBJECT|CANDIDATE]-(d:Decision) | d.subjectKey + '>' + head([(d)-[:CANDIDATE]->(c) | c.id])]}] AS twins
ORDER BY key
