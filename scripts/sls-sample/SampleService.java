import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The sample SLS service that scripts/sls-dist packages: a small HTTP server on loopback.
 *
 * <p>Arguments (init.sh passes them): {@code --name N --version V --conf FILE --port-file FILE [--unhealthy]
 * [--start-delay SECONDS]}. It reads the top-level {@code key: value} scalars of its config file (the YAML the
 * spoke writes to {@code var/conf/<name>.yml}): {@code port} (default 0 = any free port) and {@code message}
 * (echoed by {@code GET /}). Once listening it writes the port it bound to the port file, so {@code init.sh check}
 * can find it. {@code GET /health} answers 200, or 503 when built with {@code --unhealthy} or while a file
 * {@code var/fail-health} exists in its working folder (the distribution's root: a way to make a running service
 * unhealthy without restarting it, as a demo or a test of DEGRADED needs); {@code GET /} answers
 * {@code <name> <version>[ <message>]}; {@code GET /config} answers the config it read, one {@code key=value} a line.
 *
 * <p>Written for Java 17 and later (compiled with {@code --release 17}) and the JDK alone, so that any host JDK runs it.
 */
public final class SampleService {
  private SampleService() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String key = args[i];
      if (key.equals("--unhealthy")) {
        opts.put(key, "true");
      } else if (i + 1 < args.length) {
        opts.put(key, args[++i]);
      } else {
        throw new IllegalArgumentException("option " + key + " needs a value");
      }
    }
    String name = required(opts, "--name");
    String version = required(opts, "--version");
    Path conf = Path.of(required(opts, "--conf"));
    Path portFile = Path.of(required(opts, "--port-file"));
    boolean unhealthy = opts.containsKey("--unhealthy");
    double startDelay = Double.parseDouble(opts.getOrDefault("--start-delay", "0"));

    Map<String, String> config = Files.exists(conf) ? readScalars(conf) : Map.of();
    int port = Integer.parseInt(config.getOrDefault("port", "0"));
    if (startDelay > 0) {
      Thread.sleep((long) (startDelay * 1000));
    }

    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
    server.setExecutor(Executors.newFixedThreadPool(2));
    Path failHealth = Path.of("var/fail-health");
    server.createContext("/health", ex -> {
      boolean failing = unhealthy || Files.exists(failHealth);
      answer(ex, failing ? 503 : 200, failing ? "unhealthy\n" : "ok\n");
    });
    server.createContext("/config", ex -> {
      StringBuilder body = new StringBuilder();
      config.forEach((k, v) -> body.append(k).append('=').append(v).append('\n'));
      answer(ex, 200, body.toString());
    });
    String message = config.get("message");
    String root = name + " " + version + (message == null ? "" : " " + message) + "\n";
    server.createContext("/", ex -> answer(ex, "/".equals(ex.getRequestURI().getPath()) ? 200 : 404, root));
    server.start();

    int bound = server.getAddress().getPort();
    Path tmp = portFile.resolveSibling(portFile.getFileName() + ".tmp");
    Files.createDirectories(portFile.toAbsolutePath().getParent());
    Files.writeString(tmp, bound + "\n");
    Files.move(tmp, portFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    System.out.println(name + " " + version + " listening on 127.0.0.1:" + bound + (unhealthy ? " (unhealthy)" : ""));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println(name + " " + version + " stopping");
      server.stop(0);
    }));
  }

  private static String required(Map<String, String> opts, String key) {
    String value = opts.get(key);
    if (value == null) {
      throw new IllegalArgumentException("missing option " + key);
    }
    return value;
  }

  /** Top-level {@code key: value} scalars only; nested maps and lists are skipped; quotes are removed. */
  private static Map<String, String> readScalars(Path file) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isEmpty() || Character.isWhitespace(line.charAt(0)) || line.startsWith("#") || line.startsWith("-")) {
        continue;
      }
      int colon = line.indexOf(": ");
      if (colon <= 0) {
        continue;
      }
      String value = line.substring(colon + 2).trim();
      if (value.length() >= 2
          && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
        value = value.substring(1, value.length() - 1);
      }
      out.put(unquote(line.substring(0, colon).trim()), value);
    }
    return out;
  }

  private static String unquote(String key) {
    return key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"") ? key.substring(1, key.length() - 1) : key;
  }

  private static void answer(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
