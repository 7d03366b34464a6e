package io.apollo.reconciler.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * A real git HTTP server on loopback, as a self-hosted one is set up: nginx with HTTP basic auth in front of git's
 * own {@code git http-backend} (CGI) through fcgiwrap, serving the bare repository at {@link #url()}. Pushes work
 * for the authenticated user (http-backend turns receive-pack on when {@code REMOTE_USER} is set). nginx and
 * fcgiwrap run from a config in a temp folder, on a free port: the machine's own {@code /etc/nginx} and port 80 are
 * never touched. {@link #close()} stops both and their children.
 */
public final class NginxGitServer implements AutoCloseable {
  private static final Path NGINX = Path.of("/usr/sbin/nginx");
  private static final Path FCGIWRAP = Path.of("/usr/sbin/fcgiwrap");
  private static final Path HTTP_BACKEND = Path.of("/usr/lib/git-core/git-http-backend");

  private final ServerProcess fcgiwrap;
  private final ServerProcess nginx;
  private final int port;
  private final String repoName;
  private final Path dir;

  private NginxGitServer(ServerProcess fcgiwrap, ServerProcess nginx, int port, String repoName, Path dir) {
    this.fcgiwrap = fcgiwrap;
    this.nginx = nginx;
    this.port = port;
    this.repoName = repoName;
    this.dir = dir;
  }

  /** True when nginx, fcgiwrap and git http-backend are installed (.ci/run installs them). */
  public static boolean installed() {
    return Files.isExecutable(NGINX) && Files.isExecutable(FCGIWRAP) && Files.isExecutable(HTTP_BACKEND);
  }

  /**
   * Serves the bare repository {@code bare} to {@code user} with {@code password} only, its config, logs and
   * sockets in {@code dir}.
   */
  public static NginxGitServer serve(Path bare, String user, String password, Path dir) {
    if (!installed()) {
      throw new IllegalStateException("nginx, fcgiwrap or git http-backend is not installed: run .ci/run once, or "
          + "apt-get install nginx-light fcgiwrap git");
    }
    try {
      Files.createDirectories(dir.resolve("tmp"));
      Files.writeString(dir.resolve("htpasswd"), user + ":{SHA}" + Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8))) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    Path socket = dir.resolve("fcgiwrap.sock");
    ServerProcess fcgiwrap = ServerProcess.start("fcgiwrap", List.of(FCGIWRAP.toString(), "-c", "4", "-f", "-s",
        "unix:" + socket), dir.resolve("fcgiwrap.log"));
    try {
      fcgiwrap.awaitFile(socket, Duration.ofSeconds(20));
      // A port free a moment ago may be taken by the time nginx binds it: try another then.
      for (int attempt = 1; ; attempt++) {
        int port = ServerProcess.freePort();
        Path conf = writeConfig(dir, port, bare, socket);
        ServerProcess nginx = ServerProcess.start("nginx", List.of(NGINX.toString(), "-p", dir.toString(), "-c",
            conf.toString(), "-e", dir.resolve("error.log").toString()), dir.resolve("nginx.out"));
        try {
          nginx.awaitListening(port, Duration.ofSeconds(20));
          return new NginxGitServer(fcgiwrap, nginx, port, bare.getFileName().toString(), dir);
        } catch (IllegalStateException e) {
          nginx.close();
          if (attempt == 3) {
            throw e;
          }
        }
      }
    } catch (RuntimeException e) {
      fcgiwrap.close();
      throw e;
    }
  }

  private static Path writeConfig(Path dir, int port, Path bare, Path socket) {
    Path tmp = dir.resolve("tmp");
    String conf = """
        # Written by the test: nginx in front of git http-backend, nothing of /etc/nginx.
        user root;
        worker_processes 1;
        daemon off;
        pid %1$s/nginx.pid;
        error_log %1$s/error.log info;
        events { worker_connections 64; }
        http {
          access_log %1$s/access.log;
          client_body_temp_path %2$s/body;
          proxy_temp_path %2$s/proxy;
          fastcgi_temp_path %2$s/fastcgi;
          uwsgi_temp_path %2$s/uwsgi;
          scgi_temp_path %2$s/scgi;
          client_max_body_size 0;
          server {
            listen 127.0.0.1:%3$d;
            location ~ ^/git(/.*)$ {
              auth_basic "git";
              auth_basic_user_file %1$s/htpasswd;
              fastcgi_pass unix:%4$s;
              fastcgi_param SCRIPT_FILENAME %5$s;
              fastcgi_param GIT_PROJECT_ROOT %6$s;
              fastcgi_param GIT_HTTP_EXPORT_ALL "";
              fastcgi_param PATH_INFO $1;
              fastcgi_param REMOTE_USER $remote_user;
              fastcgi_param REMOTE_ADDR $remote_addr;
              fastcgi_param QUERY_STRING $query_string;
              fastcgi_param REQUEST_METHOD $request_method;
              fastcgi_param CONTENT_TYPE $content_type;
              fastcgi_param CONTENT_LENGTH $content_length;
              fastcgi_param HTTP_CONTENT_ENCODING $http_content_encoding;
              fastcgi_param GIT_PROTOCOL $http_git_protocol;
              fastcgi_param SERVER_PROTOCOL $server_protocol;
              fastcgi_param GATEWAY_INTERFACE CGI/1.1;
              fastcgi_param HOME %1$s;
            }
          }
        }
        """.formatted(dir, tmp, port, socket, HTTP_BACKEND, bare.getParent());
    try {
      return Files.writeString(dir.resolve("nginx.conf"), conf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The repository's URL without credentials. */
  public String url() {
    return "http://127.0.0.1:" + port + "/git/" + repoName;
  }

  /** The repository's URL with {@code user:password@} in it. */
  public String url(String user, String password) {
    return "http://" + user + ":" + password + "@127.0.0.1:" + port + "/git/" + repoName;
  }

  public int port() {
    return port;
  }

  /** What nginx logged (its error log and access log), to check that no secret is in it. */
  public String logs() {
    try {
      StringBuilder text = new StringBuilder();
      for (String name : List.of("error.log", "access.log", "nginx.out", "fcgiwrap.log")) {
        Path file = dir.resolve(name);
        if (Files.exists(file)) {
          text.append(Files.readString(file));
        }
      }
      return text.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** True while nginx and fcgiwrap run. */
  public boolean running() {
    return nginx.alive() && fcgiwrap.alive();
  }

  @Override
  public void close() {
    nginx.close();
    fcgiwrap.close();
  }
}
