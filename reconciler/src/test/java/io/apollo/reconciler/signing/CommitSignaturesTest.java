package io.apollo.reconciler.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Commit objects made by {@code git commit -S} with {@code gpg.format=ssh} and keys made by {@code ssh-keygen}
 * (fixtures under {@code signing/}); the fingerprints are those {@code ssh-keygen -lf} printed for the keys.
 */
class CommitSignaturesTest {
  static Stream<Arguments> signedByEachKeyType() {
    return Stream.of(
        Arguments.of("ed25519", "SHA256:jag6c6ULTrG0wxUQbSOAVPPFyGFpgSH5F/zszhIWihQ"),
        Arguments.of("ecdsa", "SHA256:7Ze3Sa4ecl05C23/Lm3uhvkycd9wC1vIe6UxZL8xFa0"),
        Arguments.of("rsa", "SHA256:0vB6iL6G4bSZXWc6Nmfcms5p1IvDPYPHrgFohRgitJg"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("signedByEachKeyType")
  void verifiesACommitSignedByGitWithAnSshKey(String type, String fingerprint) throws IOException {
    SignatureCheck check = CommitSignatures.check(fixture("signed-" + type + ".commit"));

    assertThat(check).isInstanceOfSatisfying(SignatureCheck.Verified.class,
        v -> assertThat(v.fingerprint()).isEqualTo(fingerprint));
  }

  @Test
  void aCommitWithoutSignatureIsUnsigned() throws IOException {
    assertThat(CommitSignatures.check(fixture("unsigned.commit"))).isInstanceOf(SignatureCheck.Unsigned.class);
  }

  @Test
  void aSignedCommitChangedAfterSigningIsBad() throws IOException {
    assertThat(CommitSignatures.check(fixture("tampered.commit"))).isInstanceOfSatisfying(SignatureCheck.Bad.class,
        b -> assertThat(b.why()).contains("does not match the commit"));
  }

  @Test
  void aValidSignatureMadeForFilesIsOfTheWrongNamespace() throws IOException {
    assertThat(CommitSignatures.check(fixture("other-namespace.commit")))
        .isInstanceOfSatisfying(SignatureCheck.WrongNamespace.class,
            w -> assertThat(w.namespace()).isEqualTo("file"));
  }

  @Test
  void anOpenPgpSignatureIsNotVerifiedAndSaysSo() {
    byte[] raw = ("tree a1dffc7a64c0b2d395484bf452e9aeb1da3a18f2\nauthor A <a@x> 1 +0000\ncommitter A <a@x> 1 +0000\n"
        + "gpgsig -----BEGIN PGP SIGNATURE-----\n \n iQ==\n -----END PGP SIGNATURE-----\n\nm\n").getBytes();

    assertThat(CommitSignatures.check(raw)).isInstanceOfSatisfying(SignatureCheck.Bad.class,
        b -> assertThat(b.why()).contains("OpenPGP"));
  }

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = CommitSignaturesTest.class.getResourceAsStream("/signing/" + name)) {
      return in.readAllBytes();
    }
  }
}
