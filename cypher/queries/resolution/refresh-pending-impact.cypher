// Brings the impact of pending name decisions up to date: the notices still filed under the name and
// linked to no organization, the jobs they cut (their lower bounds) and where the first was filed (an
// ISO 3166-2 code such as US-CA). What the review queue is ordered and filtered by; an automatic run
// refreshes it before it proposes, so decisions made before jobs were recorded get theirs too.
MATCH (d:Decision {status: 'PENDING'})
WHERE d.subjectKey STARTS WITH 'name:'
CALL (d) {
  OPTIONAL MATCH (e:LayoffEvent {employerName: d.subjectName})
  WHERE NOT EXISTS { (e)-[:AT_ORGANIZATION]->() }
  RETURN count(e) AS notices, sum(coalesce(e.headcountLow, 0)) AS jobs,
         head(collect(head([(e)-[:AFFECTS_MARKET]->(m:Market) WHERE m.isoCode IS NOT NULL | m.isoCode]))) AS region
}
SET d.notices = notices, d.jobs = jobs, d.subjectRegion = region
RETURN count(d) AS refreshed
