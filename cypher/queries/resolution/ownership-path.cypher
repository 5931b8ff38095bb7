// Whether $a and $b are linked by parent links in either direction (any period, any length): merging
// them would make a company its own ancestor.
RETURN EXISTS { (:Organization {id: $a})-[:SUBSIDIARY_OF|DIVISION_OF]->+(:Organization {id: $b}) }
    OR EXISTS { (:Organization {id: $b})-[:SUBSIDIARY_OF|DIVISION_OF]->+(:Organization {id: $a}) } AS linked
