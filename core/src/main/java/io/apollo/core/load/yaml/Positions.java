package io.apollo.core.load.yaml;

import io.apollo.core.config.Origin;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * JSON Pointer ({@code /spec/channels/0}) to the YAML position where that node's value starts. For object members
 * the position is that of the key, which is where a person looks. The root is {@code ""}.
 */
public final class Positions {
  private final Map<String, Origin> byPointer;

  public Positions(Map<String, Origin> byPointer) {
    this.byPointer = Map.copyOf(byPointer);
  }

  /** Takes {@code byPointer} as it is, without a copy: the caller made it for this and never changes it after. */
  private Positions(Map<String, Origin> byPointer, boolean owned) {
    this.byPointer = byPointer;
  }

  /** The positions of a document just read, in a map no one else holds or changes. */
  static Positions owning(Map<String, Origin> byPointer) {
    return new Positions(byPointer, true);
  }

  /**
   * The positions of {@code pointers} only, with those of their ancestors, so that {@link #at} answers exactly as here
   * for each of them (and for their ancestors); other pointers fall back to the nearest kept ancestor. For documents
   * kept long after reading, of which only a few fields are ever pointed at.
   */
  public Positions only(Collection<String> pointers) {
    Map<String, Origin> kept = new HashMap<>();
    for (String pointer : pointers) {
      String at = pointer;
      while (true) {
        Origin origin = byPointer.get(at);
        if (origin != null) {
          kept.put(at, origin);
        }
        if (at.isEmpty()) {
          break;
        }
        at = at.substring(0, Math.max(0, at.lastIndexOf('/')));
      }
    }
    return new Positions(kept);
  }

  /** Equal when they hold the same pointers at the same positions (so two readings of a file can be compared). */
  @Override
  public boolean equals(Object other) {
    return other instanceof Positions that && byPointer.equals(that.byPointer);
  }

  @Override
  public int hashCode() {
    return byPointer.hashCode();
  }

  @Override
  public String toString() {
    return new java.util.TreeMap<>(byPointer).toString();
  }

  /** The exact position, or the nearest ancestor's, or empty when not even the root is known. */
  public Optional<Origin> at(String jsonPointer) {
    String pointer = jsonPointer == null ? "" : jsonPointer;
    while (true) {
      Origin origin = byPointer.get(pointer);
      if (origin != null) {
        return Optional.of(origin);
      }
      if (pointer.isEmpty()) {
        return Optional.empty();
      }
      pointer = pointer.substring(0, Math.max(0, pointer.lastIndexOf('/')));
    }
  }
}
