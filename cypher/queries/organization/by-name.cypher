// Organizations whose name or an alias equals $name, ignoring case (the index covers names).
CALL () {
  MATCH (o:Organization) WHERE o.nameLower = $name RETURN o
  UNION
  MATCH (o:Organization) WHERE $name IN o.aliasesLower RETURN o
}
RETURN o {.*} AS node
ORDER BY CASE WHEN o.nameLower = $name THEN 0 ELSE 1 END, o.id
LIMIT 1
