// Legal-address market of each organization in $keys.
UNWIND $keys AS key
MATCH (:Organization {id: key})-[:LEGALLY_REGISTERED_IN]->(m:Market)
RETURN key, m {.*} AS node
