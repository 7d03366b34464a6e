package io.apollo.reconciler.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Apollo-Signature: sha256=<hex HMAC-SHA256 of the body>}, as GitHub signs its webhooks: a receiver
 * computes the same over the bytes it got, with the shared secret, and compares in constant time.
 */
public final class Signature {
  public static final String HEADER = "X-Apollo-Signature";
  /** The idempotency key of the event: the same on every retry of one delivery. */
  public static final String DELIVERY_HEADER = "X-Apollo-Delivery";
  /** The event's name, such as {@code plan.failed}. */
  public static final String EVENT_HEADER = "X-Apollo-Event";

  private Signature() {}

  public static String of(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }
}
