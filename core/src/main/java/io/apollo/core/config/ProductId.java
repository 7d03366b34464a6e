package io.apollo.core.config;

import io.apollo.core.ApolloException;
import java.util.Optional;
import java.util.regex.Pattern;

/** A product's identity, {@code group:artifact} as in Maven and SLS, e.g. {@code com.example:catalog-service}. */
public record ProductId(String group, String artifact) implements Comparable<ProductId> {
  private static final Pattern PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  public ProductId {
    if (group == null || !PART.matcher(group).matches() || artifact == null || !PART.matcher(artifact).matches()) {
      throw new ApolloException("'" + group + ":" + artifact + "' is not a product id (expected group:artifact)");
    }
  }

  public static Optional<ProductId> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    int colon = text.indexOf(':');
    if (colon <= 0 || colon != text.lastIndexOf(':')) {
      return Optional.empty();
    }
    String group = text.substring(0, colon);
    String artifact = text.substring(colon + 1);
    if (!PART.matcher(group).matches() || !PART.matcher(artifact).matches()) {
      return Optional.empty();
    }
    return Optional.of(new ProductId(group, artifact));
  }

  public static ProductId parse(String text) {
    return tryParse(text)
        .orElseThrow(() -> new ApolloException("'" + text + "' is not a product id (expected group:artifact)"));
  }

  @Override
  public int compareTo(ProductId o) {
    return toString().compareTo(o.toString());
  }

  /** Well spread, so that large fleets of similar ids do not collide (see {@link IdentityHash}). */
  @Override
  public int hashCode() {
    return IdentityHash.of(group, artifact);
  }

  @Override
  public String toString() {
    return group + ":" + artifact;
  }
}
