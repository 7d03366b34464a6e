package io.apollo.reconciler.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL for tests. The server is the one {@code APOLLO_TEST_PG_URL} names (CI starts it with {@code
 * scripts/test-postgres}); without it, the first test that asks starts one through the same script and a shutdown
 * hook stops it, so a plain {@code mvn verify} runs the PostgreSQL tests too rather than skipping them. Each
 * {@link #newDatabase()} is a fresh empty database on that server, so tests never see each other's rows.
 */
public final class TestPostgres {
  /** The variable (or system property {@code apollo.test.pg.url}) naming a running server's JDBC URL. */
  public static final String URL_VARIABLE = "APOLLO_TEST_PG_URL";

  private static String server;

  private TestPostgres() {}

  /** A JDBC URL ({@code jdbc:postgresql://127.0.0.1:PORT/NAME?user=postgres}) of a new, empty database. */
  public static String newDatabase() {
    String url = server();
    String name = "apollo_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database on " + url + ": " + e.getMessage(), e);
    }
    return url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
  }

  /** The server's URL (its {@code apollo} database), starting a server when none is given. */
  public static synchronized String server() {
    if (server == null) {
      String given = System.getProperty("apollo.test.pg.url", System.getenv(URL_VARIABLE));
      server = given != null && !given.isBlank() ? given.strip() : start();
    }
    return server;
  }

  private static String start() {
    Path script = script();
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "apollo-test-pg-" + UUID.randomUUID());
    try {
      Path out = Files.createTempFile("apollo-test-pg", ".log");
      Process p = new ProcessBuilder(script.toString(), "start", dir.toString())
          .redirectErrorStream(true).redirectOutput(out.toFile()).start();
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException(script + " start failed: " + Files.readString(out));
      }
      Files.deleteIfExists(out);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(script, dir), "apollo-test-pg-stop"));
      return Files.readString(dir.resolve("url"), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + script + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting PostgreSQL", e);
    }
  }

  private static void stop(Path script, Path dir) {
    try {
      new ProcessBuilder(List.of(script.toString(), "stop", dir.toString())).inheritIO().start()
          .waitFor(60, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      System.err.println("could not stop the test PostgreSQL in " + dir + ": " + e.getMessage());
    }
  }

  /** {@code scripts/test-postgres} of this checkout: found from the working folder (the module or the root). */
  private static Path script() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path candidate = d.resolve("scripts").resolve("test-postgres");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no scripts/test-postgres above " + Path.of("").toAbsolutePath()
        + "; set " + URL_VARIABLE + " to a PostgreSQL JDBC URL");
  }
}
