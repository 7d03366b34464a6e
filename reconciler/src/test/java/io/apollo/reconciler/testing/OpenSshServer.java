package io.apollo.reconciler.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real OpenSSH server on a free loopback port serving git over ssh as a self-hosted server does: logins by key
 * only, for the user the tests run as, the keys authorized in its own {@code authorized_keys}. Its config, ed25519
 * host key, pid file and log live in a temp folder: the machine's {@code /etc/ssh} and port 22 are never touched.
 * (sshd needs its privilege separation folder {@code /run/sshd}, which the openssh-server package's service would
 * make at boot; it is made here when missing.) {@link #close()} stops it and its session processes.
 */
public final class OpenSshServer implements AutoCloseable {
  private static final Path SSHD = Path.of("/usr/sbin/sshd");

  private final ServerProcess sshd;
  private final int port;
  private final Path dir;

  private OpenSshServer(ServerProcess sshd, int port, Path dir) {
    this.sshd = sshd;
    this.port = port;
    this.dir = dir;
  }

  /** True when sshd and ssh-keygen are installed (.ci/run installs openssh-server). */
  public static boolean installed() {
    return Files.isExecutable(SSHD) && Files.isExecutable(Path.of("/usr/bin/ssh-keygen"));
  }

  /** Starts sshd with its files in {@code dir}; authorize keys with {@link #authorize}. */
  public static OpenSshServer start(Path dir) {
    if (!installed()) {
      throw new IllegalStateException("sshd is not installed: run .ci/run once, or apt-get install openssh-server");
    }
    try {
      Files.createDirectories(dir);
      Files.createDirectories(Path.of("/run/sshd"));
      Path hostKey = keygen("ed25519", dir.resolve("ssh_host_ed25519_key"));
      Files.writeString(dir.resolve("authorized_keys"), "");
      for (int attempt = 1; ; attempt++) {
        int port = ServerProcess.freePort();
        Path config = Files.writeString(dir.resolve("sshd_config"), """
            # Written by the test: nothing of /etc/ssh.
            Port %2$d
            ListenAddress 127.0.0.1
            HostKey %3$s
            PidFile %1$s/sshd.pid
            AuthorizedKeysFile %1$s/authorized_keys
            PubkeyAuthentication yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitRootLogin prohibit-password
            UsePAM no
            StrictModes no
            MaxStartups 50
            LogLevel VERBOSE
            """.formatted(dir, port, hostKey));
        ServerProcess sshd = ServerProcess.start("sshd", List.of(SSHD.toString(), "-D", "-e", "-f",
            config.toString()), dir.resolve("sshd.log"));
        try {
          sshd.awaitListening(port, Duration.ofSeconds(20));
          return new OpenSshServer(sshd, port, dir);
        } catch (IllegalStateException e) {
          sshd.close();
          if (attempt == 3) {
            throw e;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes a key pair without a passphrase ({@code ssh-keygen -t type}); returns the private key's file. */
  public static Path keygen(String type, Path file) {
    return keygen(type, file, "");
  }

  /** Makes a key pair protected by {@code passphrase} (none when empty); returns the private key's file. */
  public static Path keygen(String type, Path file, String passphrase) {
    List<String> command = new java.util.ArrayList<>(List.of("ssh-keygen", "-q", "-t", type));
    if (type.equals("ecdsa")) {
      command.addAll(List.of("-b", "256"));
    }
    command.addAll(List.of("-N", passphrase, "-C", "apollo-hub-test", "-f", file.toString()));
    GitCli.Result r = GitCli.run(file.getParent(), command);
    if (r.exit() != 0) {
      throw new IllegalStateException("ssh-keygen failed: " + r.err());
    }
    return file;
  }

  /** Lets the holder of the private key {@code key} (its {@code .pub} beside it) log in. */
  public void authorize(Path key) {
    try {
      Files.writeString(dir.resolve("authorized_keys"), Files.readString(Path.of(key + ".pub")),
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The server's host key as a known_hosts line ({@code [127.0.0.1]:port ssh-ed25519 AAAA...}). */
  public String knownHostsLine() {
    try {
      String[] pub = Files.readString(dir.resolve("ssh_host_ed25519_key.pub")).strip().split("\\s+");
      return "[127.0.0.1]:" + port + " " + pub[0] + " " + pub[1] + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code ssh://} URL of the repository at {@code path} on this machine, logging in as {@code user}. */
  public String url(String user, Path path) {
    return "ssh://" + user + "@127.0.0.1:" + port + path.toAbsolutePath();
  }

  public int port() {
    return port;
  }

  /** What sshd logged. */
  public String log() {
    return sshd.logText();
  }

  @Override
  public void close() {
    sshd.close();
  }
}
