package dev.corpgraph.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.graphdb.Transaction;

/**
 * Runs Neo4j Community embedded with its Bolt connector open on loopback, the documented
 * embedded-with-Bolt setup. corpgraph's Node side starts it as a child process and talks to it
 * over Bolt like to any Neo4j server.
 *
 * Arguments: home directory, Bolt port, password file, page cache in MiB, transaction timeout in seconds.
 * Protocol on stdout: one line "CORPGRAPH_NEO4J_READY <host>:<port>" once Bolt accepts connections.
 * The process stops cleanly on SIGTERM/SIGINT and also when its standard input closes, so that a
 * parent that dies (even by SIGKILL) never leaves an orphan database holding the store lock.
 */
public final class Launcher {
    private static final String HOST = "127.0.0.1";
    private static final long STARTUP_TX_TIMEOUT_MINUTES = 10;

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable error) {
            // Bolt's threads would keep a half-started database alive: stop the whole process instead.
            error.printStackTrace();
            Runtime.getRuntime().halt(1);
        }
    }

    private static void run(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: Launcher <home> <boltPort> <passwordFile> <pageCacheMiB> <txTimeoutSeconds>");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        String password = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8).trim();
        long pageCacheBytes = Long.parseLong(args[3]) * 1024L * 1024L;
        Duration txTimeout = Duration.ofSeconds(Long.parseLong(args[4]));

        Files.createDirectories(home);
        Path pidFile = home.resolve("neo4j.pid");
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()), StandardCharsets.UTF_8);

        DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes)
                .setConfig(GraphDatabaseSettings.transaction_timeout, txTimeout)
                // Keep no old transaction logs: these databases are rebuilt from import files, not restored
                // from backups, and a million-organization import would otherwise leave tens of GB behind.
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean(false);
        Runnable stop = () -> {
            if (stopping.compareAndSet(false, true)) {
                try {
                    service.shutdown();
                } finally {
                    try {
                        Files.deleteIfExists(pidFile);
                    } catch (IOException ignored) {
                        // The next start replaces a pid file that names a dead process.
                    }
                    stopped.countDown();
                }
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
        }, "corpgraph-neo4j-shutdown"));

        setPassword(service, password);

        Thread stdinWatch = new Thread(() -> {
            try (InputStream in = System.in) {
                byte[] buffer = new byte[256];
                while (in.read(buffer) >= 0) {
                    // The parent writes nothing; reading only detects that the pipe closed.
                }
            } catch (IOException ignored) {
                // A broken pipe means the same as end of input: the parent is gone.
            }
            System.err.println("corpgraph-neo4j: parent process gone, shutting down");
            System.exit(0);
        }, "corpgraph-neo4j-parent-watch");
        stdinWatch.setDaemon(true);
        stdinWatch.start();

        System.out.println("CORPGRAPH_NEO4J_READY " + HOST + ":" + port);
        System.out.flush();
        stopped.await();
    }

    /** Sets the neo4j user's password from the git-ignored password file, on every start, so it is never the default. */
    private static void setPassword(DatabaseManagementService service, String password) {
        GraphDatabaseService system = service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        // Start-up work, not a request: on a busy machine the first password change (hashing, the
        // system database's first writes) can run past the request timeout, so it gets its own.
        try (Transaction tx = system.beginTx(STARTUP_TX_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            tx.execute("ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password)).close();
            tx.commit();
        } catch (QueryExecutionException error) {
            // Every start after the first finds the password already set; Neo4j refuses a no-op change.
            if (!String.valueOf(error.getMessage()).contains("Old password and new password cannot be the same")) {
                throw error;
            }
        }
    }
}
