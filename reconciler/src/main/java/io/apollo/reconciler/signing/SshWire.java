package io.apollo.reconciler.signing;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads the SSH wire encoding (RFC 4251: uint32, string, mpint) from a byte array; throws on truncated data. */
final class SshWire {
  private final ByteBuffer buffer;

  SshWire(byte[] data) {
    this.buffer = ByteBuffer.wrap(data);
  }

  byte[] bytes(int count) {
    if (count < 0 || count > buffer.remaining()) {
      throw new MalformedSignatureException("truncated SSH data");
    }
    byte[] out = new byte[count];
    buffer.get(out);
    return out;
  }

  int uint32() {
    if (buffer.remaining() < 4) {
      throw new MalformedSignatureException("truncated SSH data");
    }
    return buffer.getInt();
  }

  byte[] string() {
    return bytes(uint32());
  }

  String text() {
    return new String(string(), StandardCharsets.UTF_8);
  }

  BigInteger mpint() {
    return new BigInteger(string());
  }

  boolean done() {
    return !buffer.hasRemaining();
  }

  /** {@code value} as an SSH string: its length as uint32, then the bytes. */
  static byte[] string(byte[] value) {
    byte[] out = Arrays.copyOf(ByteBuffer.allocate(4).putInt(value.length).array(), 4 + value.length);
    System.arraycopy(value, 0, out, 4, value.length);
    return out;
  }

  static byte[] string(String value) {
    return string(value.getBytes(StandardCharsets.UTF_8));
  }

  /** Thrown for data that is not what it says it is; callers turn it into a refusal. */
  static final class MalformedSignatureException extends RuntimeException {
    MalformedSignatureException(String message) {
      super(message);
    }
  }
}
