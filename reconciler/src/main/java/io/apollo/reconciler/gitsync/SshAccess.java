package io.apollo.reconciler.gitsync;

import java.io.File;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jgit.internal.transport.sshd.OpenSshServerKeyDatabase;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.sshd.JGitKeyCache;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * The hub's ssh client for {@code ssh://} remotes (JGit on Apache MINA sshd; ed25519 keys through BouncyCastle): keys
 * and {@code config} from the ssh folder ({@code --ssh-dir}, else {@code ~/.ssh} of the user the hub runs as), host
 * keys checked against {@code --known-hosts} (else the folder's {@code known_hosts}). An unknown or changed host key
 * is always refused, whatever {@code StrictHostKeyChecking} says, and the hub never writes a known-hosts file; the
 * last refusal is kept so that the error can say which it was.
 */
final class SshAccess implements AutoCloseable {
  /** The key files the hub tries, in ssh's order, as {@code ssh} does without an {@code IdentityFile}. */
  static final List<String> KEY_FILES = List.of("id_ed25519", "id_ecdsa", "id_rsa");

  /** Why a host key was refused. */
  enum HostKeyProblem {
    /** No known-hosts line names the host: it was never added. */
    UNKNOWN,
    /** Lines name the host, with other keys: the server's key changed, or someone is in between. */
    CHANGED
  }

  /** A host key the hub refused, and for which host ({@code host} or {@code [host]:port}, as known_hosts names it). */
  record Refusal(HostKeyProblem problem, String host) {}

  private final Path sshDir;
  private final Path knownHosts;
  private final SshdSessionFactory factory;
  private final AtomicReference<Refusal> lastRefusal = new AtomicReference<>();

  SshAccess(GitAccess access) {
    this.sshDir = access.sshDir().orElseGet(() -> Path.of(System.getProperty("user.home"), ".ssh"))
        .toAbsolutePath();
    this.knownHosts = access.knownHosts().orElse(sshDir.resolve("known_hosts")).toAbsolutePath();
    this.factory = new SshdSessionFactoryBuilder()
        .setHomeDirectory(new File(System.getProperty("user.home")))
        .setSshDirectory(sshDir.toFile())
        .setDefaultIdentities(dir -> KEY_FILES.stream().map(name -> dir.toPath().resolve(name)).toList())
        .setDefaultKnownHostsFiles(dir -> List.of(knownHosts))
        .setServerKeyDatabase((h, d) -> new StrictKnownHosts(
            new OpenSshServerKeyDatabase(false, List.of(knownHosts)), knownHosts, lastRefusal))
        .build(new JGitKeyCache());
  }

  /** Makes {@code transport} use this client (it is one of ssh's). */
  void configure(Transport transport) {
    if (transport instanceof SshTransport ssh) {
      ssh.setSshSessionFactory(factory);
    }
  }

  /** The host key refused since the last call, if one was. */
  Optional<Refusal> takeRefusal() {
    return Optional.ofNullable(lastRefusal.getAndSet(null));
  }

  Path sshDir() {
    return sshDir;
  }

  Path knownHosts() {
    return knownHosts;
  }

  /** The key files found in the ssh folder. */
  List<Path> keysFound() {
    return KEY_FILES.stream().map(sshDir::resolve).filter(Files::isRegularFile).toList();
  }

  @Override
  public void close() {
    factory.close();
  }

  /**
   * JGit's reader of OpenSSH known-hosts files (the only one it has: it is in an internal package), asked with
   * {@code StrictHostKeyChecking yes} always, and telling an unknown host from a changed key when it refuses.
   */
  private record StrictKnownHosts(ServerKeyDatabase delegate, Path file, AtomicReference<Refusal> refusals)
      implements ServerKeyDatabase {
    @Override
    public List<PublicKey> lookup(String connectAddress, InetSocketAddress remoteAddress, Configuration config) {
      return delegate.lookup(connectAddress, remoteAddress, strict(config));
    }

    @Override
    public boolean accept(String connectAddress, InetSocketAddress remoteAddress, PublicKey serverKey,
        Configuration config, CredentialsProvider provider) {
      Configuration strict = strict(config);
      if (delegate.accept(connectAddress, remoteAddress, serverKey, strict, null)) {
        return true;
      }
      HostKeyProblem problem = delegate.lookup(connectAddress, remoteAddress, strict).isEmpty()
          ? HostKeyProblem.UNKNOWN : HostKeyProblem.CHANGED;
      refusals.set(new Refusal(problem, connectAddress));
      return false;
    }

    private Configuration strict(Configuration config) {
      return new Configuration() {
        @Override
        public List<String> getUserKnownHostsFiles() {
          return List.of(file.toString());
        }

        @Override
        public List<String> getGlobalKnownHostsFiles() {
          return List.of();
        }

        @Override
        public StrictHostKeyChecking getStrictHostKeyChecking() {
          return StrictHostKeyChecking.REQUIRE_MATCH;
        }

        @Override
        public boolean getHashKnownHosts() {
          return config.getHashKnownHosts();
        }

        @Override
        public String getUsername() {
          return config.getUsername();
        }
      };
    }
  }
}
