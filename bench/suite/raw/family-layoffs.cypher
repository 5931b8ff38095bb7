// Request 3, by hand: the organizations up to 3 links below a company through links in force on
// $today, each once at its nearest depth, with their layoff events.
MATCH (root:Organization {id: $id})
MATCH path = (root)((:Organization)<-[l:SUBSIDIARY_OF|DIVISION_OF]-(:Organization)
  WHERE coalesce(l.sinceLatest, l.sinceEarliest, date('0001-01-01')) <= $today
    AND coalesce(l.untilEarliest, l.untilLatest, date('9999-12-31')) > $today){1,3}(o:Organization)
WITH o, min(length(path)) AS depth
RETURN o.id AS id, o.name AS name, depth,
       COLLECT {
         MATCH (o)<-[:AT_ORGANIZATION]-(e:LayoffEvent)
         WITH e ORDER BY e.announcedEarliest, e.id
         RETURN e {.id, .announcedEarliest, .headcountLow}
       } AS layoffEvents
ORDER BY depth, id
LIMIT 1000
