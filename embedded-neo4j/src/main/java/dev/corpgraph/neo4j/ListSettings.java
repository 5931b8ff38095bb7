package dev.corpgraph.neo4j;

import org.neo4j.configuration.Config;

/**
 * Prints the name of every setting this Neo4j version declares, one per line, sorted: what a
 * neo4j.conf line (or the official Docker image's NEO4J_* variable) may name. The deployment test
 * checks docker-compose.yml against it.
 */
public final class ListSettings {
    private ListSettings() {}

    public static void main(String[] args) {
        Config.defaults().getDeclaredSettings().keySet().stream().sorted().forEach(System.out::println);
    }
}
