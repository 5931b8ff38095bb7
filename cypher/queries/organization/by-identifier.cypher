// The organization an external identifier names ($key: "<scheme>:<canonical value>", e.g.
// "LEI:8JA4NT75BITP5LG6P072"): one index look-up; an identifier of a redirect (a merged LEI) answers
// the redirect's target, with the redirect it took.
MATCH (:Identifier {key: $key})-[:IDENTIFIES]->(asked:Entity)
WITH asked, {{redirect-end:asked}} AS o
WHERE o:Organization
RETURN o {.*} AS node, CASE WHEN asked:Redirect THEN asked {.id, .reason, .name} END AS redirect
LIMIT 1
