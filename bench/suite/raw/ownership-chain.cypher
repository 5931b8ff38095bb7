// Request 2, by hand: the parents above a company through links in force on $today, nearest first,
// up to its ultimate parent (the top of the longest chain).
MATCH (start:Organization {id: $id})
OPTIONAL MATCH path = (start)(()-[l:SUBSIDIARY_OF|DIVISION_OF]->()
  WHERE coalesce(l.sinceLatest, l.sinceEarliest, date('0001-01-01')) <= $today
    AND coalesce(l.untilEarliest, l.untilLatest, date('9999-12-31')) > $today){1,25}(:Organization)
WITH start, path ORDER BY length(path) DESC LIMIT 1
RETURN [i IN range(0, coalesce(length(path), 0) - 1) |
         {kind: relationships(path)[i].kind, parent: {id: nodes(path)[i + 1].id, name: nodes(path)[i + 1].name}}] AS links
