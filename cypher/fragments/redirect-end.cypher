// The entity that `it` answers for: itself, or, when it is a :Redirect (a merged or duplicate id), the
// end of its REDIRECTS_TO chain (at most 10 steps; a chain that ends nowhere gives null). Every look-up
// by id or identifier goes through it, so an absorbed id keeps answering. Used as {{redirect-end:node}}.
CASE WHEN it:Redirect THEN COLLECT { MATCH (it)-[:REDIRECTS_TO]->{1,10}(end:Entity) WHERE NOT end:Redirect RETURN end LIMIT 1 }[0] ELSE it END
