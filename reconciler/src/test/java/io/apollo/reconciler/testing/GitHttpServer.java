package io.apollo.reconciler.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.RefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;

/**
 * A git server over real HTTP on loopback (git's "smart HTTP" protocol, JGit's upload-pack and receive-pack behind
 * the JDK's HTTP server), serving one bare repository at {@link #url()}: what a hosted git server looks like to the
 * hub. It can require HTTP basic credentials, be stopped and started again on the same port (a server that goes
 * away and comes back), or {@link #hang()} (accept connections and never answer).
 */
public final class GitHttpServer implements AutoCloseable {
  private final Path bare;
  private final Optional<String> credentials;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final List<Socket> hung = new ArrayList<>();
  private volatile String protectedRef;
  private volatile String protectionMessage;
  private int port;
  private HttpServer server;
  private ServerSocket hanging;

  private GitHttpServer(Path bare, Optional<String> credentials) {
    this.bare = bare;
    this.credentials = credentials;
  }

  /** Serves {@code bare} at {@code http://127.0.0.1:<free port>/config.git}, open to everyone. */
  public static GitHttpServer serve(Path bare) {
    GitHttpServer server = new GitHttpServer(bare, Optional.empty());
    server.start(0);
    return server;
  }

  /** Serves {@code bare} to those who give {@code user} and {@code password} (HTTP basic) only. */
  public static GitHttpServer serve(Path bare, String user, String password) {
    GitHttpServer server = new GitHttpServer(bare, Optional.of(Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))));
    server.start(0);
    return server;
  }

  /** The repository's URL. */
  public String url() {
    return "http://127.0.0.1:" + port + "/config.git";
  }

  /** The repository's URL with credentials in it, as {@code http://user:password@host/...}. */
  public String url(String user, String password) {
    return "http://" + user + ":" + password + "@127.0.0.1:" + port + "/config.git";
  }

  /**
   * Refuses every push that updates {@code ref} (such as {@code refs/heads/main}) with {@code message}, as a
   * protected branch on a hosted server does; pushes to other refs still work.
   */
  public void protect(String ref, String message) {
    this.protectedRef = ref;
    this.protectionMessage = message;
  }

  /** Stops serving: connections are refused until {@link #restart()}. */
  public void stop() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  /** Serves again on the same port. */
  public void restart() {
    stopHanging();
    start(port);
  }

  /** Stops serving and instead accepts connections on the same port without ever answering. */
  public void hang() {
    stop();
    try {
      hanging = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    threads.submit(() -> {
      while (!hanging.isClosed()) {
        try {
          Socket socket = hanging.accept();
          synchronized (hung) {
            hung.add(socket);
          }
        } catch (IOException closed) {
          return;
        }
      }
    });
  }

  @Override
  public void close() {
    stop();
    stopHanging();
    threads.shutdownNow();
  }

  private void start(int wanted) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted), 50);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + wanted, e);
    }
    server.setExecutor(threads);
    server.createContext("/config.git/", this::handle);
    server.start();
    port = server.getAddress().getPort();
  }

  private void stopHanging() {
    try {
      if (hanging != null) {
        hanging.close();
        hanging = null;
      }
      synchronized (hung) {
        for (Socket socket : hung) {
          socket.close();
        }
        hung.clear();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange; Repository repository = new FileRepositoryBuilder().setGitDir(bare.toFile())
        .setMustExist(true).build()) {
      if (credentials.isPresent()
          && !("Basic " + credentials.get()).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"config\"");
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      String path = exchange.getRequestURI().getPath().substring("/config.git".length());
      String query = Optional.ofNullable(exchange.getRequestURI().getQuery()).orElse("");
      if (path.equals("/info/refs") && query.equals("service=git-upload-pack")) {
        advertise(exchange, "git-upload-pack", out -> newUploadPack(repository).sendAdvertisedRefs(
            new RefAdvertiser.PacketLineOutRefAdvertiser(out)));
      } else if (path.equals("/info/refs") && query.equals("service=git-receive-pack")) {
        advertise(exchange, "git-receive-pack", out -> newReceivePack(repository).sendAdvertisedRefs(
            new RefAdvertiser.PacketLineOutRefAdvertiser(out)));
      } else if (path.equals("/git-upload-pack")) {
        respond(exchange, "application/x-git-upload-pack-result",
            (in, out) -> newUploadPack(repository).upload(in, out, null));
      } else if (path.equals("/git-receive-pack")) {
        respond(exchange, "application/x-git-receive-pack-result",
            (in, out) -> newReceivePack(repository).receive(in, out, null));
      } else {
        exchange.sendResponseHeaders(404, -1);
      }
    }
  }

  private static UploadPack newUploadPack(Repository repository) {
    UploadPack pack = new UploadPack(repository);
    pack.setBiDirectionalPipe(false);
    return pack;
  }

  private ReceivePack newReceivePack(Repository repository) {
    ReceivePack pack = new ReceivePack(repository);
    pack.setBiDirectionalPipe(false);
    String ref = protectedRef;
    if (ref != null) {
      pack.setPreReceiveHook((receiving, commands) -> commands.stream()
          .filter(command -> command.getRefName().equals(ref))
          .forEach(command -> command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, protectionMessage)));
    }
    return pack;
  }

  private interface Advertisement {
    void write(PacketLineOut out) throws IOException;
  }

  private interface Exchange {
    void run(InputStream in, OutputStream out) throws IOException;
  }

  private static void advertise(HttpExchange exchange, String service, Advertisement body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/x-" + service + "-advertisement");
    exchange.getResponseHeaders().add("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      PacketLineOut packets = new PacketLineOut(out);
      packets.writeString("# service=" + service + "\n");
      packets.end();
      body.write(packets);
    }
  }

  private static void respond(HttpExchange exchange, String type, Exchange body) throws IOException {
    InputStream in = exchange.getRequestBody();
    if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
      in = new GZIPInputStream(in);
    }
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.getResponseHeaders().add("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      body.run(in, out);
    }
  }
}
