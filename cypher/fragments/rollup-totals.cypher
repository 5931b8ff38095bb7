// The totals of a list of layoff events `it`, as map entries: how many, the jobs as an interval (the
// sum of the lower bounds, an unknown count adding 0; the sum of the upper bounds, open as soon as one
// event has none), how many counts no source gives, and the events' ids. One rule for a roll-up's
// groups, its total and what it left out.
events: size(it),
low: reduce(total = 0, x IN it | total + coalesce(x.headcountLow, 0)),
high: CASE WHEN all(x IN it WHERE x.headcountHigh IS NOT NULL) THEN reduce(total = 0, x IN it | total + x.headcountHigh) END,
unknown: size([x IN it WHERE x.headcountQualifier = 'UNKNOWN']),
eventIds: [x IN it | x.id]
