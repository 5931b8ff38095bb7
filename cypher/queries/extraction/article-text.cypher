// The texts of the articles $keys (extraction ids), for the passages of their facts.
UNWIND $keys AS key
MATCH (e:Extraction {id: key})
RETURN key, e.text AS text
