// The real-data scale, by hand: the organization an external identifier names.
MATCH (:Identifier {key: $key})-[:IDENTIFIES]->(o:Organization)
RETURN o.id AS id, o.name AS name
