// The review queue as a person works it: PENDING decisions grouped by candidate and kind (one
// company's 40 establishments are one item), the groups ordered by impact (the jobs in the notices
// filed under their names, then the notices, then the best score; then candidate id and kind, so the
// order is total), $limit groups after the keyset cursor $after ({jobs, notices, score, candidate,
// kind} of the last group read, or null), each with its first $perGroup decisions in the same order.
// Filters: $kind, $minScore, $maxScore, $reason (a kind of evidence), $region (an ISO 3166-2 prefix of
// where the notices were filed, e.g. "US-CA"). Beside the page: the whole queue's pending decisions,
// groups, notices and jobs under the same filters.
MATCH (d:Decision {status: 'PENDING'})
WHERE ($kind IS NULL OR d.kind = $kind)
  AND ($minScore IS NULL OR d.score >= $minScore) AND ($maxScore IS NULL OR d.score <= $maxScore)
  AND ($reason IS NULL OR $reason IN d.reasonKinds)
  AND ($region IS NULL OR d.subjectRegion STARTS WITH $region)
MATCH (d)-[:CANDIDATE]->(c:Entity)
WITH c, d ORDER BY coalesce(d.jobs, 0) DESC, coalesce(d.notices, 0) DESC, coalesce(d.score, 0) DESC, d.id
WITH c, d.kind AS kind, collect(d) AS decisions
WITH c, kind, decisions,
     reduce(n = 0, x IN decisions | n + coalesce(x.jobs, 0)) AS jobs,
     reduce(n = 0, x IN decisions | n + coalesce(x.notices, 0)) AS notices,
     reduce(s = 0.0, x IN decisions | CASE WHEN coalesce(x.score, 0) > s THEN coalesce(x.score, 0) ELSE s END) AS score
WITH collect({c: c, kind: kind, decisions: decisions, jobs: jobs, notices: notices, score: score}) AS groups
WITH groups,
     {pending: reduce(n = 0, g IN groups | n + size(g.decisions)), groups: size(groups),
      notices: reduce(n = 0, g IN groups | n + g.notices), jobs: reduce(n = 0, g IN groups | n + g.jobs)} AS totals
CALL (groups) {
  UNWIND groups AS g
  WITH g WHERE $after IS NULL
    OR g.jobs < $after.jobs
    OR (g.jobs = $after.jobs AND (g.notices < $after.notices
      OR (g.notices = $after.notices AND (g.score < $after.score
        OR (g.score = $after.score AND (g.c.id > $after.candidate
          OR (g.c.id = $after.candidate AND g.kind > $after.kind)))))))
  WITH g ORDER BY g.jobs DESC, g.notices DESC, g.score DESC, g.c.id, g.kind
  LIMIT $limit
  WITH g.c AS c, g
  RETURN collect({
    kind: g.kind, jobs: g.jobs, notices: g.notices, score: g.score, pending: size(g.decisions),
    candidate: c {.id, .name, .country, kind: [l IN labels(c) WHERE l <> 'Entity'][0],
                  identifiers: [(c)<-[:IDENTIFIES]-(i:Identifier) | i.scheme + ' ' + i.value]},
    decisions: [x IN g.decisions[0..$perGroup] | {{decision-row:x}}]
  }) AS page
}
RETURN totals, page
