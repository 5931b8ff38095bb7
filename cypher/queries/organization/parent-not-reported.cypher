// Why no parent is reported for each organization in $keys: the claims a registry makes of it
// (GLEIF reporting exceptions, imported as claims with property directParentNotReported or
// ultimateParentNotReported and the reason as their text), direct before ultimate.
UNWIND $keys AS key
MATCH (:Organization {id: key})<-[:ABOUT]-(c:Claim)
WHERE c.property IN ['directParentNotReported', 'ultimateParentNotReported']
WITH key, c ORDER BY c.property, c.textValue
RETURN key, c {.*} AS node
