// A page of entities in id order after $after (keyset), with their outgoing relationships of the
// owned types (the import format's reference fields), their citations and external identifiers: what
// export writes.
MATCH (n:Entity)
WHERE n.id > $after
WITH n ORDER BY n.id LIMIT $limit
RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS label,
       n {.*} AS props,
       [(n)-[r]->(m:Entity) WHERE type(r) IN $edgeTypes | {type: type(r), to: m.id, props: r {.*}}] AS edges,
       [(n)-[c:CITES]->(s:Source) | {source: s.id, quote: c.quote, locator: c.locator}] AS citations,
       [(n)<-[by:IDENTIFIES]-(i:Identifier) | {scheme: i.scheme, value: i.value, exchange: i.exchange, source: by.source, locator: by.locator}] AS identifiers
