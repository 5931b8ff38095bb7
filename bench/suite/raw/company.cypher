// Request 1, by hand: a company by id with its leaders (roles in force on $today, leaders first),
// its market presences and its sources.
MATCH (o:Organization {id: $id})
RETURN o {
  .id, .name, .kind,
  leaders: COLLECT {
    MATCH (o)<-[:AT]-(r:Role)-[:HELD_BY]->(p:Person)
    WHERE coalesce(r.sinceLatest, r.sinceEarliest, date('0001-01-01')) <= $today
      AND coalesce(r.untilEarliest, r.untilLatest, date('9999-12-31')) > $today
    WITH r, p
    ORDER BY CASE r.roleType WHEN 'CEO' THEN 0 WHEN 'PRESIDENT' THEN 1 WHEN 'CHAIR' THEN 2 WHEN 'SENIOR_VICE_PRESIDENT' THEN 3
                             WHEN 'VICE_PRESIDENT' THEN 4 WHEN 'FOUNDER' THEN 5 ELSE 6 END, r.sinceEarliest, r.id
    RETURN r {.id, .title, .roleType, person: p {.id, .name}}
  },
  marketPresences: COLLECT {
    MATCH (o)<-[:BY_ORGANIZATION]-(mp:MarketPresence)-[:IN_MARKET]->(m:Market)
    WITH mp, m ORDER BY m.name
    RETURN mp {.id, .status, market: m {.id, .name}}
  },
  sources: COLLECT {
    MATCH (o)-[c:CITES]->(s:Source)
    WITH c, s ORDER BY s.publishedEarliest, s.id
    RETURN {quote: c.quote, source: s {.id, .title}}
  }
} AS company
