// Adds (or updates) the organization $organization to the watch list of the API key $key. Returns
// nothing when no organization has that id; refuses (full = true) past $maxWatches organizations.
MATCH (o:Organization {id: $organization})
OPTIONAL MATCH (held:Watch {key: $key, organization: $organization})
WITH o, held, COUNT { MATCH (w:Watch {key: $key}) } AS count
WITH o, held, held IS NULL AND count >= $maxWatches AS full
CALL (o, full) {
  WITH o WHERE NOT full
  MERGE (w:Watch {key: $key, organization: o.id})
    ON CREATE SET w.since = datetime.realtime()
  SET w.includeFamily = $includeFamily
  RETURN w
}
RETURN full, w {.organization, .includeFamily, since: toString(w.since)} AS watch
