// The watch list of the API key $key, by organization id.
MATCH (w:Watch {key: $key})
RETURN w {.organization, .includeFamily, since: toString(w.since)} AS watch
ORDER BY w.organization
