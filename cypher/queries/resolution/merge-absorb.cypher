// Turns the absorbed entity into a redirect to the survivor: its properties are kept aside on a stash
// node of the decision (for a split), its kind label gives way to :Redirect with reason MERGED, and the
// survivor takes its names as aliases ($aliases, $aliasesLower: the survivor's new lists, null for none).
MATCH (a:Entity {id: $survivor}), (b:Entity {id: $absorbed}), (d:Decision {id: $decision})
CREATE (d)-[:STASHED]->(stash:AbsorbedEntity)
SET stash = properties(b)
SET d.aliasesAdded = $aliasesAdded, d.absorbedLabel = $label
REMOVE b:$($label)
SET b = {id: b.id, name: left(coalesce(b.name, b.title, b.description), 500), reason: 'MERGED'}, b:Redirect
CREATE (b)-[:REDIRECTS_TO]->(a)
SET a.aliases = $aliases
FOREACH (_ IN CASE WHEN a:Organization THEN [1] ELSE [] END | SET a.aliasesLower = $aliasesLower)
RETURN a.id AS survivor
