// For each organization in $keys: what happened to it (with $includeFamily, also to every organization that was ever
// below it, at most {{maxDepth}} links down): acquisitions announced and completed, layoffs, market
// entries, announced exits and exits, leaders starting and leaving. Kinds in $kinds only; dates in
// the window $from..$to (certainly, or possibly when NOT $certain); ordered by date interval.
UNWIND $keys AS key
MATCH (root:Organization {id: key})
CALL (root) {
  // Each company once, breadth first: the work grows with companies and links, not with routes.
  MATCH (o:Organization)-[:SUBSIDIARY_OF|DIVISION_OF*0..{{maxDepth}}]->(root)
  WHERE $includeFamily OR o = root
  RETURN collect(DISTINCT o) AS family
}
UNWIND family AS o
CALL (o) {
  MATCH (o)<-[:ACQUIRER|TARGET]-(a:Acquisition)
  MATCH (a)-[:ACQUIRER]->(buyer:Organization)
  MATCH (a)-[:TARGET]->(bought:Organization)
  UNWIND [['ACQUISITION_ANNOUNCED', 'announced'], ['ACQUISITION_COMPLETED', 'completed']] AS k
  WITH k[0] AS kind, a, buyer, bought, a[k[1] + 'Earliest'] AS earliest, a[k[1] + 'Latest'] AS latest,
       a[k[1] + 'Precision'] AS precision, a[k[1] + 'Text'] AS text
  WHERE precision IS NOT NULL
  RETURN kind, earliest, latest, precision, text, a.id AS subjectId, 'Acquisition' AS subjectLabel, a {.*, acquirerId: buyer.id, targetId: bought.id} AS subject,
         buyer {.*} AS organization,
         buyer.name + CASE kind WHEN 'ACQUISITION_ANNOUNCED' THEN ' announced the acquisition of ' ELSE ' completed the acquisition of ' END + bought.name AS summary
  UNION ALL
  // An event naming several organizations is one event: it is told once, under the first of them by name.
  MATCH (o)<-[:AT_ORGANIZATION]-(e:LayoffEvent)
  CALL (e) {
    MATCH (e)-[:AT_ORGANIZATION]->(x:Organization)
    WITH x ORDER BY x.name
    RETURN collect(x) AS named
  }
  WITH e, named, head(named) AS first
  RETURN 'LAYOFF' AS kind, e.announcedEarliest AS earliest, e.announcedLatest AS latest, e.announcedPrecision AS precision,
         e.announcedText AS text, e.id AS subjectId, 'LayoffEvent' AS subjectLabel, e {.*} AS subject, first {.*} AS organization,
         reduce(names = '', x IN named | names + CASE WHEN names = '' THEN '' ELSE ' and ' END + x.name)
           + ' job cuts' AS summary
  UNION ALL
  MATCH (o)<-[:BY_ORGANIZATION]-(p:MarketPresence)-[:IN_MARKET]->(m:Market)
  UNWIND [['MARKET_ENTRY', 'since', ' entered '], ['MARKET_EXIT_ANNOUNCED', 'exitAnnounced', ' announced leaving '], ['MARKET_EXIT', 'until', ' left ']] AS k
  WITH k[0] AS kind, k[2] AS verb, p, m, o, p[k[1] + 'Earliest'] AS earliest, p[k[1] + 'Latest'] AS latest,
       p[k[1] + 'Precision'] AS precision, p[k[1] + 'Text'] AS text
  WHERE precision IS NOT NULL
  RETURN kind, earliest, latest, precision, text, p.id AS subjectId, 'MarketPresence' AS subjectLabel, p {.*, organizationId: o.id, marketId: m.id} AS subject,
         o {.*} AS organization, o.name + verb + m.name AS summary
  UNION ALL
  MATCH (o)<-[:AT]-(r:Role)-[:HELD_BY]->(person:Person)
  UNWIND [['LEADERSHIP_START', 'since', ' became '], ['LEADERSHIP_END', 'until', ' stopped being ']] AS k
  WITH k[0] AS kind, k[2] AS verb, r, person, o, r[k[1] + 'Earliest'] AS earliest, r[k[1] + 'Latest'] AS latest,
       r[k[1] + 'Precision'] AS precision, r[k[1] + 'Text'] AS text
  WHERE precision IS NOT NULL
  RETURN kind, earliest, latest, precision, text, r.id AS subjectId, 'Role' AS subjectLabel, r {.*, personId: person.id, organizationId: o.id} AS subject,
         o {.*} AS organization, person.name + verb + r.title + ' of ' + o.name AS summary
}
WITH DISTINCT key, kind, earliest, latest, precision, text, subjectId, subjectLabel, subject, organization, summary
WHERE ($kinds IS NULL OR kind IN $kinds)
  AND ($from IS NULL OR (CASE WHEN $certain THEN earliest >= $from ELSE coalesce(latest, date('9999-12-31')) >= $from END))
  AND ($to IS NULL OR (CASE WHEN $certain THEN latest <= $to ELSE coalesce(earliest, date('0001-01-01')) <= $to END))
WITH key, kind, earliest, latest, precision, text, subjectId, subjectLabel, subject, organization, summary
ORDER BY coalesce(earliest, latest), coalesce(latest, earliest), kind, subjectId
WITH key, collect({kind: kind, earliest: earliest, latest: latest, precision: precision, text: text, subjectId: subjectId,
                   subjectLabel: subjectLabel, subject: subject, organization: organization, summary: summary})[0..$limit] AS events
UNWIND events AS event
RETURN key, event
