// External identifiers of organizations ($keys: their ids), scheme then value.
UNWIND $keys AS key
MATCH (:Organization {id: key})<-[:IDENTIFIES]-(i:Identifier)
WITH key, i ORDER BY i.scheme, i.value
RETURN key, i {.scheme, .value, .exchange} AS node
