// One organization with the relations a request selects on it, in one round trip (the lookahead of
// `company(id)`). Each list holds the rows that relation's own query gives for this organization
// (organization/roles with $roleTypes on $asOf, market/presences-of-organizations, citations/of-nodes,
// organization/headquarters, layoff/of-organizations), in the same order, so they fill the same
// loaders. An id that redirects answers its target. A relation not asked for ($with... false) stops at its parameter test and reads nothing.
MATCH (asked:Entity {id: $id})
WITH asked, {{redirect-end:asked}} AS o
WHERE o:Organization
CALL (o) {
  WITH o WHERE $withRoles
  MATCH (o)<-[:AT]-(r:Role)-[:HELD_BY]->(p:Person)
  WHERE ($roleTypes IS NULL OR r.roleType IN $roleTypes)
    AND ($asOf IS NULL OR {{in-force:r}})
  WITH r, p ORDER BY {{role-seniority:r}}, r.sinceEarliest, r.id
  RETURN collect({node: r {.*, personId: p.id, organizationId: o.id}, person: p {.*}}) AS roles
}
CALL (o) {
  WITH o WHERE $withPresences
  MATCH (o)<-[:BY_ORGANIZATION]-(mp:MarketPresence)-[:IN_MARKET]->(m:Market)
  WITH mp, m ORDER BY m.name
  RETURN collect({node: mp {.*, organizationId: o.id, marketId: m.id}, market: m {.*}}) AS presences
}
CALL (o) {
  WITH o WHERE $withCitations
  MATCH (o)-[c:CITES]->(s:Source)
  WITH c, s ORDER BY s.publishedEarliest, s.id
  RETURN collect({quote: c.quote, locator: c.locator, source: s {.*}}) AS citations
}
CALL (o) {
  WITH o WHERE $withHeadquarters
  MATCH (o)-[:HEADQUARTERED_IN]->(m:Market)
  RETURN collect({node: m {.*}}) AS headquarters
}
CALL (o) {
  WITH o WHERE $withLayoffs
  MATCH (o)<-[:AT_ORGANIZATION]-(e:LayoffEvent)
  WITH e ORDER BY e.announcedEarliest, e.id
  RETURN collect({node: e {.*}}) AS layoffs
}
RETURN o {.*} AS node, CASE WHEN asked:Redirect THEN asked {.id, .reason, .name} END AS redirect, roles, presences, citations, headquarters, layoffs
