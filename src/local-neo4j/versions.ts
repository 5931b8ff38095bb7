/** The Neo4j release corpgraph runs on and tests against; keep embedded-neo4j/pom.xml and docker-compose.yml in step. */
export const NEO4J_VERSION = '5.26.30';
/** The minor series docker-compose.yml pins its image to. */
export const NEO4J_SERIES = '5.26';
