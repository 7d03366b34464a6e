package io.apollo.reconciler.signing;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;

/**
 * An SSH signature as {@code ssh-keygen -Y sign} writes it (OpenSSH's PROTOCOL.sshsig): the signer's public key,
 * the namespace it was made for, and the signature over the namespace and the hash of the message.
 */
record SshSignature(byte[] publicKey, String namespace, byte[] reserved, String hashAlgorithm, byte[] signature) {
  static final String BEGIN = "-----BEGIN SSH SIGNATURE-----";
  private static final String END = "-----END SSH SIGNATURE-----";
  private static final byte[] MAGIC = "SSHSIG".getBytes(StandardCharsets.US_ASCII);

  /** Reads an armored signature; throws {@link SshWire.MalformedSignatureException} when it is not one. */
  static SshSignature parse(String armored) {
    String text = armored.strip();
    if (!text.startsWith(BEGIN) || !text.endsWith(END)) {
      throw new SshWire.MalformedSignatureException("not an armored SSH signature");
    }
    byte[] blob;
    try {
      blob = Base64.getMimeDecoder().decode(text.substring(BEGIN.length(), text.length() - END.length()));
    } catch (IllegalArgumentException e) {
      throw new SshWire.MalformedSignatureException("the SSH signature is not base64");
    }
    SshWire in = new SshWire(blob);
    if (!Arrays.equals(in.bytes(MAGIC.length), MAGIC) || in.uint32() != 1) {
      throw new SshWire.MalformedSignatureException("not an SSHSIG version 1 signature");
    }
    SshSignature parsed = new SshSignature(in.string(), in.text(), in.string(), in.text(), in.string());
    if (!in.done()) {
      throw new SshWire.MalformedSignatureException("trailing data after the SSH signature");
    }
    return parsed;
  }

  /** Whether the signature is one by {@link #publicKey()} over {@code message} in {@link #namespace()}. */
  boolean verifies(byte[] message) {
    try {
      String digest = switch (hashAlgorithm) {
        case "sha256" -> "SHA-256";
        case "sha512" -> "SHA-512";
        default -> throw new SshWire.MalformedSignatureException("hash " + hashAlgorithm + " is not supported");
      };
      ByteArrayOutputStream signed = new ByteArrayOutputStream();
      signed.writeBytes(MAGIC);
      signed.writeBytes(SshWire.string(namespace));
      signed.writeBytes(SshWire.string(reserved));
      signed.writeBytes(SshWire.string(hashAlgorithm));
      signed.writeBytes(SshWire.string(MessageDigest.getInstance(digest).digest(message)));
      SshWire sig = new SshWire(signature);
      String format = sig.text();
      byte[] value = sig.string();
      String keyType = new SshWire(publicKey).text();
      Signature verifier = verifier(keyType, format, value);
      verifier.initVerify(SshKeys.publicKey(publicKey));
      verifier.update(signed.toByteArray());
      return verifier.verify(signatureBytes(keyType, format, value));
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static Signature verifier(String keyType, String format, byte[] value) throws GeneralSecurityException {
    return switch (keyType) {
      case "ssh-ed25519" -> expect(format, keyType, Signature.getInstance("Ed25519"));
      case "ecdsa-sha2-nistp256" -> expect(format, keyType, Signature.getInstance("SHA256withECDSAinP1363Format"));
      case "ecdsa-sha2-nistp384" -> expect(format, keyType, Signature.getInstance("SHA384withECDSAinP1363Format"));
      case "ecdsa-sha2-nistp521" -> expect(format, keyType, Signature.getInstance("SHA512withECDSAinP1363Format"));
      case "ssh-rsa" -> switch (format) {
        case "rsa-sha2-512" -> Signature.getInstance("SHA512withRSA");
        case "rsa-sha2-256" -> Signature.getInstance("SHA256withRSA");
        default -> throw new SshWire.MalformedSignatureException("RSA signature format " + format
            + " is not accepted (SHA-1 is not)");
      };
      default -> throw new SshWire.MalformedSignatureException("key type " + keyType + " is not supported");
    };
  }

  private static Signature expect(String format, String keyType, Signature signature) {
    if (!format.equals(keyType)) {
      throw new SshWire.MalformedSignatureException("a " + keyType + " key made a " + format + " signature");
    }
    return signature;
  }

  /** The signature as the JDK verifier takes it: ECDSA's two mpints become r and s at the curve's field size. */
  private static byte[] signatureBytes(String keyType, String format, byte[] value) {
    if (!keyType.startsWith("ecdsa-")) {
      return value;
    }
    int size = SshKeys.fieldBytes(keyType.substring(keyType.lastIndexOf('-') + 1));
    SshWire in = new SshWire(value);
    byte[] out = new byte[2 * size];
    fixed(in.mpint(), size, out, 0);
    fixed(in.mpint(), size, out, size);
    return out;
  }

  private static void fixed(BigInteger value, int size, byte[] out, int at) {
    byte[] raw = value.toByteArray();
    int skip = raw.length > size ? raw.length - size : 0;
    if (raw.length - skip > size || value.signum() < 0) {
      throw new SshWire.MalformedSignatureException("an ECDSA signature value does not fit its curve");
    }
    System.arraycopy(raw, skip, out, at + size - (raw.length - skip), raw.length - skip);
  }
}
