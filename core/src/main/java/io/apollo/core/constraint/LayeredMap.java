package io.apollo.core.constraint;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * An immutable map that is edited without copying it: a base map, never changed once built, under a small layer of
 * edits (a key mapped anew, or removed). An edit gives a new map and leaves this one as it was; once the edits grow
 * past a fraction of the base they are folded into a new base. For indexes of the fleet kept from pass to pass
 * (issue 18): a pass that changes a few entities edits a few keys, instead of copying ten thousand. Null values
 * are not allowed.
 */
public final class LayeredMap<K, V> {
  private final Map<K, V> base;
  /** A null value: the key is removed. */
  private final Map<K, V> edits;

  private LayeredMap(Map<K, V> base, Map<K, V> edits) {
    this.base = base;
    this.edits = edits;
  }

  /** A map of what {@code base} holds; {@code base} must not change afterwards. */
  public static <K, V> LayeredMap<K, V> of(Map<K, V> base) {
    return new LayeredMap<>(base, Map.of());
  }

  public V get(K key) {
    if (edits.containsKey(key)) {
      return edits.get(key);
    }
    return base.get(key);
  }

  public V getOrDefault(K key, V otherwise) {
    V value = get(key);
    return value == null ? otherwise : value;
  }

  /** This map with each key of {@code changes} mapped to its value, or removed where the value is null. */
  public LayeredMap<K, V> with(Map<K, V> changes) {
    if (changes.isEmpty()) {
      return this;
    }
    Map<K, V> next = new HashMap<>(edits);
    next.putAll(changes);
    if (next.size() <= 64 + base.size() / 8) {
      return new LayeredMap<>(base, next);
    }
    Map<K, V> folded = new HashMap<>(base);
    next.forEach((k, v) -> {
      if (v == null) {
        folded.remove(k);
      } else {
        folded.put(k, v);
      }
    });
    return new LayeredMap<>(folded, Map.of());
  }

  /** Every key and value, in no particular order. */
  public void forEach(BiConsumer<? super K, ? super V> action) {
    Objects.requireNonNull(action, "action");
    base.forEach((k, v) -> {
      if (!edits.containsKey(k)) {
        action.accept(k, v);
      }
    });
    edits.forEach((k, v) -> {
      if (v != null) {
        action.accept(k, v);
      }
    });
  }
}
