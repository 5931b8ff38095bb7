// Claims about each fact in $keys, optionally only those about $property; preferred first.
UNWIND $keys AS key
MATCH (:Entity {id: key})<-[:ABOUT]-(c:Claim)
WHERE $property IS NULL OR c.property = $property
RETURN key, c {.*} AS node
ORDER BY key, c.property, CASE c.rank WHEN 'PREFERRED' THEN 0 WHEN 'NORMAL' THEN 1 ELSE 2 END, c.id
