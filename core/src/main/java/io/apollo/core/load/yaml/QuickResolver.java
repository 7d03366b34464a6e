package io.apollo.core.load.yaml;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.BaseScalarResolver;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * snakeyaml-engine's scalar resolver, answering "a string" without regular expressions for the plain scalars no rule
 * can match: those whose first character starts no rule. snakeyaml-engine keys its rules by first character, and
 * then tries its catch-all rules on every scalar; in the core schema those are the empty value's and the null
 * spellings' ({@code ~ null Null NULL}), so a non-empty value whose first character keys no rule and starts no null
 * spelling can only be a string, yet cost two or three regular expression matches (and their matchers) for every
 * such value of every file. The table is read from the resolver itself; when it is not laid
 * out as expected (another snakeyaml-engine), every value goes to the resolver, as before.
 */
final class QuickResolver implements ScalarResolver {
  private static final String EMPTY = "^$";
  private static final String NULL = "^(?:~|null|Null|NULL| )$";
  /** Every character that a value matching {@link #NULL} can start with. */
  private static final String NULL_FIRST_CHARACTERS = "~nN ";

  private final ScalarResolver resolver;
  /** ASCII characters that start some rule; null when the shortcut is off. */
  private final boolean[] startsARule;

  QuickResolver(ScalarResolver resolver) {
    this.resolver = resolver;
    this.startsARule = firstCharacters(resolver);
  }

  @Override
  public Tag resolve(String value, Boolean implicit) {
    if (startsARule != null && implicit && !value.isEmpty()) {
      char first = value.charAt(0);
      if (first < startsARule.length && !startsARule[first]) {
        return Tag.STR;
      }
    }
    return resolver.resolve(value, implicit);
  }

  /** True when the shortcut is on (the resolver's table is as expected); for tests. */
  boolean quick() {
    return startsARule != null;
  }

  private static boolean[] firstCharacters(ScalarResolver resolver) {
    try {
      if (!(resolver instanceof BaseScalarResolver)) {
        return null;
      }
      Field field = BaseScalarResolver.class.getDeclaredField("yamlImplicitResolvers");
      field.setAccessible(true);
      Map<?, ?> rules = (Map<?, ?>) field.get(resolver);
      boolean[] starts = new boolean[128];
      for (Map.Entry<?, ?> entry : rules.entrySet()) {
        if (entry.getKey() == null) {
          // The catch-all rules, tried on every value: the empty value's, which no non-empty value matches, and the
          // null spellings', whose first characters are then counted as starting a rule.
          for (Object rule : (List<?>) entry.getValue()) {
            Object regexp = regexp(rule);
            if (regexp == BaseScalarResolver.EMPTY && BaseScalarResolver.EMPTY.pattern().equals(EMPTY)) {
              continue;
            }
            if (regexp != CoreScalarResolver.NULL || !CoreScalarResolver.NULL.pattern().equals(NULL)) {
              return null;
            }
            for (char c : NULL_FIRST_CHARACTERS.toCharArray()) {
              starts[c] = true;
            }
          }
        } else if (entry.getKey() instanceof Character c) {
          if (c < starts.length) {
            starts[c] = true;
          }
        } else {
          return null;
        }
      }
      return starts;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** The pattern of one of snakeyaml-engine's rules (a package-private class). */
  private static Object regexp(Object rule) throws ReflectiveOperationException {
    Method getter = rule.getClass().getMethod("getRegexp");
    getter.setAccessible(true);
    return getter.invoke(rule);
  }
}
