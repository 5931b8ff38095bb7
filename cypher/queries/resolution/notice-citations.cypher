// For each employer name in $names, one notice filed under it (the earliest by id) with the source
// that cites it and its locator, and the latest day the first notice under the name can have been
// given: what an establishment made from the name cites, and the day by which it was the employer's.
UNWIND $names AS name
CALL (name) {
  MATCH (e:LayoffEvent {employerName: name})-[c:CITES]->(s:Source)
  RETURN s.id AS source, c.locator AS locator
  ORDER BY e.id
  LIMIT 1
}
CALL (name) {
  MATCH (e:LayoffEvent {employerName: name})
  RETURN toString(min(e.announcedLatest)) AS firstNotice
}
RETURN name, source, locator, firstNotice
