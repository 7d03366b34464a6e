package io.apollo.reconciler.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.reconciler.testing.GitFixture.Person;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A person with an SSH signing key made by {@code ssh-keygen}, who signs commits with the git CLI as the docs tell
 * users to ({@code git -c gpg.format=ssh -c user.signingkey=KEY commit -S}).
 */
public record SshSigner(Person person, Path key) {
  /** Makes a key of {@code type} ({@code ed25519}, {@code ecdsa}) for {@code person} in {@code folder}. */
  public static SshSigner make(Path folder, Person person, String type) {
    Path key = folder.resolve(person.email().replace('@', '_') + "-" + type);
    GitCli.Result r = GitCli.run(folder, List.of("ssh-keygen", "-q", "-t", type, "-N", "", "-C", person.email(),
        "-f", key.toString()));
    assertThat(r.exit()).as("ssh-keygen: %s", r.err()).isZero();
    return new SshSigner(person, key);
  }

  /** The public key line, as a member lists it in {@code signingKeys}. */
  public String publicKey() {
    try {
      return Files.readString(Path.of(key + ".pub")).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fingerprint as {@code ssh-keygen -lf} prints it ({@code SHA256:...}). */
  public String fingerprint() {
    GitCli.Result r = GitCli.run(key.getParent(), List.of("ssh-keygen", "-lf", key + ".pub"));
    assertThat(r.exit()).isZero();
    return r.out().split(" ")[1];
  }

  /** Runs {@code git args...} as the person, with signing by this key configured. */
  public String git(Path dir, String... args) {
    List<String> command = new ArrayList<>(List.of("-c", "gpg.format=ssh", "-c", "user.signingkey=" + key));
    command.addAll(Arrays.asList(args));
    return person.git(dir, command.toArray(String[]::new));
  }

  /** A line of an {@code allowed_signers} file for this key (principal: the person's email, namespace git). */
  public String allowedSigner() {
    return person.email() + " namespaces=\"git\" " + publicKey();
  }
}
