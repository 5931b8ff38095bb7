// Request 6, by hand: the entities along a shortest path between two entities, over every
// relationship type but citations (CITES, ABOUT), at most 8 long.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = ALL SHORTEST (a)-[:HELD_BY|AT|SUBSIDIARY_OF|DIVISION_OF|ACQUIRER|TARGET|AT_ORGANIZATION|ANNOUNCED_BY|AFFECTS_MARKET|BY_ORGANIZATION|IN_MARKET|WITHIN|HEADQUARTERED_IN|FOR_MARKET]-{1,8}(b)
RETURN [n IN nodes(p) | n.id] AS ids
LIMIT 1
