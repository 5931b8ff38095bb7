// Empties the database: the test suite starts every run from the seed graph alone.
MATCH (n)
DETACH DELETE n
