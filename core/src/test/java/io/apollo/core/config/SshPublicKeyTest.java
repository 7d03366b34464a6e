package io.apollo.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SshPublicKeyTest {
  /** Made with ssh-keygen -t ed25519; its fingerprint as ssh-keygen -lf prints it. */
  private static final String ED25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH+zReBu/3ViNUhE8PF7gSiOnvGiGErROhFur2hG2PcG alice@laptop";
  private static final String FINGERPRINT = "SHA256:WeWFHnK0m0iUj8lu13LaLc1lrbdwYUxETg+OtCk+lKo";

  @Test
  void readsAPubFileLineAndFingerprintsItAsSshKeygenDoes() {
    SshPublicKey.Parsed parsed = SshPublicKey.parse(ED25519 + "\n");

    assertThat(parsed).isInstanceOf(SshPublicKey.Key.class);
    SshPublicKey key = ((SshPublicKey.Key) parsed).key();
    assertThat(key.type()).isEqualTo("ssh-ed25519");
    assertThat(key.comment()).isEqualTo("alice@laptop");
    assertThat(key.fingerprint()).isEqualTo(FINGERPRINT);
  }

  static Stream<Arguments> malformed() {
    String blob = ED25519.split(" ")[1];
    return Stream.of(
        Arguments.of("an unknown type", "ssh-dss " + blob, "is not one Apollo verifies"),
        Arguments.of("not base64", "ssh-ed25519 !!!!", "not base64"),
        Arguments.of("type and data disagree", "ecdsa-sha2-nistp256 " + blob, "its data is a ssh-ed25519 key"),
        Arguments.of("data too short", "ssh-ed25519 AAAA", "not an SSH key"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void refusesWhatIsNotAKeyLine(String name, String line, String why) {
    assertThat(SshPublicKey.parse(line)).isInstanceOfSatisfying(SshPublicKey.Malformed.class,
        m -> assertThat(m.why()).contains(why));
  }

  static Stream<Arguments> references() {
    return Stream.of(
        Arguments.of("an SSH fingerprint", "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8"),
        Arguments.of("an OpenPGP fingerprint in groups", "ABCD 1234 EF56 7890 ABCD  1234 EF56 7890 ABCD 1234"),
        Arguments.of("an armored OpenPGP key", "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBF...\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("references")
  void keepsWhatIsNoKeyLineAsAReferenceThatVerifiesNothing(String name, String value) {
    assertThat(SshPublicKey.parse(value)).isInstanceOfSatisfying(SshPublicKey.Reference.class,
        r -> assertThat(r.value()).isEqualTo(value.strip()));
    assertThat(new Member("a@x", List.of(value)).sshKeys()).isEmpty();
  }

  static Stream<Arguments> signatureSettings() {
    Role withKey = new Role(Metadata.named("sre"), List.of(new Member("a@x", List.of(ED25519))), Origin.of("r"));
    Role withoutKey = new Role(Metadata.named("sre"), List.of(new Member("a@x", List.of())), Origin.of("r"));
    Role withFingerprint = new Role(Metadata.named("sre"), List.of(new Member("a@x",
        List.of("SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8"))), Origin.of("r"));
    ApprovalPolicy unsaid = new ApprovalPolicy(Metadata.named("p"), List.of(), Optional.empty(), Origin.of("p"));
    ApprovalPolicy optional = new ApprovalPolicy(Metadata.named("p"), List.of(), Optional.of(Signatures.OPTIONAL),
        Origin.of("p"));
    ApprovalPolicy required = new ApprovalPolicy(Metadata.named("q"), List.of(), Optional.of(Signatures.REQUIRED),
        Origin.of("q"));
    return Stream.of(
        Arguments.of("no keys, nothing said: as before", List.of(unsaid), List.of(withoutKey), Signatures.OPTIONAL),
        Arguments.of("a member lists a key", List.of(unsaid), List.of(withKey), Signatures.REQUIRED),
        Arguments.of("only fingerprints listed (format v1 before signatures): as before", List.of(unsaid),
            List.of(withFingerprint), Signatures.OPTIONAL),
        Arguments.of("optional said, keys listed", List.of(optional), List.of(withKey), Signatures.OPTIONAL),
        Arguments.of("required said, no keys", List.of(required), List.of(withoutKey), Signatures.REQUIRED),
        Arguments.of("policies disagree: required wins", List.of(optional, required), List.of(withKey),
            Signatures.REQUIRED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("signatureSettings")
  void signaturesAreRequiredOnceKeysAreListedUnlessAPolicySays(String name, List<ApprovalPolicy> policies,
      List<Role> roles, Signatures expected) {
    assertThat(ApprovalPolicy.signaturesOf(policies, roles)).isEqualTo(expected);
  }
}
