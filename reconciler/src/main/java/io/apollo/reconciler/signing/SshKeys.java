package io.apollo.reconciler.signing;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/** Turns an SSH public key blob into a Java key that verifies; the JDK's own providers do ed25519, ECDSA and RSA. */
final class SshKeys {
  /** The DER prefix of an X.509 SubjectPublicKeyInfo for an Ed25519 key, before its 32 raw bytes. */
  private static final byte[] ED25519_SPKI = HexFormat.of().parseHex("302a300506032b6570032100");

  private SshKeys() {}

  /** The key a blob holds; throws {@link SshWire.MalformedSignatureException} for what is not a supported key. */
  static PublicKey publicKey(byte[] blob) {
    SshWire in = new SshWire(blob);
    String type = in.text();
    try {
      return switch (type) {
        case "ssh-ed25519" -> {
          byte[] raw = in.string();
          if (raw.length != 32) {
            throw new SshWire.MalformedSignatureException("an ed25519 key has 32 bytes, not " + raw.length);
          }
          byte[] spki = Arrays.copyOf(ED25519_SPKI, ED25519_SPKI.length + 32);
          System.arraycopy(raw, 0, spki, ED25519_SPKI.length, 32);
          yield KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        }
        case "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521" -> {
          String curve = in.text();
          byte[] q = in.string();
          int size = (q.length - 1) / 2;
          if (q.length < 3 || q[0] != 4 || q.length != 1 + 2 * size || !type.endsWith(curve)) {
            throw new SshWire.MalformedSignatureException("an ECDSA key must hold an uncompressed point of "
                + curve);
          }
          ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(q, 1, 1 + size)),
              new BigInteger(1, Arrays.copyOfRange(q, 1 + size, q.length)));
          yield KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, curve(curve)));
        }
        case "ssh-rsa" -> {
          BigInteger e = in.mpint();
          BigInteger n = in.mpint();
          yield KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
        }
        default -> throw new SshWire.MalformedSignatureException("key type " + type + " is not supported");
      };
    } catch (GeneralSecurityException e) {
      throw new SshWire.MalformedSignatureException("not a usable " + type + " key: " + e.getMessage());
    }
  }

  /** The field size in bytes of an SSH curve name: nistp256 32, nistp384 48, nistp521 66. */
  static int fieldBytes(String curve) {
    return switch (curve) {
      case "nistp256" -> 32;
      case "nistp384" -> 48;
      case "nistp521" -> 66;
      default -> throw new SshWire.MalformedSignatureException("unknown curve " + curve);
    };
  }

  private static ECParameterSpec curve(String name) throws GeneralSecurityException {
    AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
    parameters.init(new ECGenParameterSpec(switch (name) {
      case "nistp256" -> "secp256r1";
      case "nistp384" -> "secp384r1";
      case "nistp521" -> "secp521r1";
      default -> throw new SshWire.MalformedSignatureException("unknown curve " + name);
    }));
    return parameters.getParameterSpec(ECParameterSpec.class);
  }
}
