// A dated fact `it` in force on $asOf, certainly or possibly as the query's {{#certain}} switch chooses
// (src/graph/cypher-catalog.ts): the predicate itself, not a CASE on a parameter, so Neo4j plans the one
// that applies. in-force.cypher is the same rule for queries that take $certain as a parameter.
{{#certain}}{{in-force-certainly:it}}{{/certain}}{{^certain}}{{in-force-possibly:it}}{{/certain}}
