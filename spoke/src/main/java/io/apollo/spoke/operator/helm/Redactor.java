package io.apollo.spoke.operator.helm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Takes secrets out of text before it is logged or put in a message: the registry password, and every value in a
 * plan's {@code config} under a key whose name contains {@code password}, {@code token} or {@code secret} (any case,
 * at any depth; a map or list under such a key has all of its values taken). Each occurrence becomes {@code ***}.
 * Longer secrets are replaced first, so a secret that contains another is not left half shown.
 */
final class Redactor {
  static final String MASK = "***";
  private static final Set<String> SECRET_WORDS = Set.of("password", "token", "secret");

  private final List<String> secrets;

  private Redactor(Collection<String> secrets) {
    this.secrets = secrets.stream().filter(s -> !s.isBlank()).distinct()
        .sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  static Redactor of(HelmSettings settings, Map<String, Object> config) {
    List<String> found = new ArrayList<>();
    settings.registry().ifPresent(r -> found.add(r.password()));
    collect(config, false, found);
    return new Redactor(found);
  }

  String redact(String text) {
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, MASK);
    }
    return out;
  }

  List<String> redact(List<String> args) {
    return args.stream().map(this::redact).toList();
  }

  private static void collect(Object value, boolean secret, List<String> found) {
    switch (value) {
      case Map<?, ?> map -> map.forEach((k, v) -> collect(v, secret || isSecretKey(String.valueOf(k)), found));
      case Collection<?> list -> list.forEach(v -> collect(v, secret, found));
      case null -> { }
      default -> {
        if (secret) {
          found.add(String.valueOf(value));
        }
      }
    }
  }

  private static boolean isSecretKey(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return SECRET_WORDS.stream().anyMatch(lower::contains);
  }
}
