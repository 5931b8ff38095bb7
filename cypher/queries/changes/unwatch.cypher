// Removes $organization from the watch list of the API key $key; says whether it was there.
OPTIONAL MATCH (w:Watch {key: $key, organization: $organization})
DELETE w
RETURN w IS NOT NULL AS removed
