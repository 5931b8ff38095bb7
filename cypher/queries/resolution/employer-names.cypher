// The employer names, exactly as filed, of layoff events not yet linked to any organization, with how
// many notices each has and the jobs they cut (lower bounds), the country and region (ISO 3166-2) of
// the markets they affect, and the candidates already decided
// against (NOT_SAME_AS) or already accepted for the name. What an automatic resolution run works on.
MATCH (e:LayoffEvent)
WHERE e.employerName IS NOT NULL AND NOT EXISTS { (e)-[:AT_ORGANIZATION]->() }
WITH e.employerName AS name, count(*) AS notices, sum(coalesce(e.headcountLow, 0)) AS jobs,
     head(collect(head([(e)-[:AFFECTS_MARKET]->(m:Market) WHERE m.isoCode IS NOT NULL | m.isoCode]))) AS region
OPTIONAL MATCH (d:Decision {subjectKey: 'name:' + name})
WITH name, notices, jobs, region, left(region, 2) AS country, collect(d) AS decisions
RETURN name, notices, jobs, region, country,
       [d IN decisions WHERE d.kind = 'NOT_SAME_AS' | head([(d)-[:CANDIDATE]->(c) | c.id])] AS refused,
       size([d IN decisions WHERE d.status = 'PENDING' OR (d.status = 'ACCEPTED' AND d.kind <> 'NOT_SAME_AS')]) > 0 AS decided
ORDER BY name
