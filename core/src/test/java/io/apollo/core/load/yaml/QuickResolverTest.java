package io.apollo.core.load.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/** The quick resolver types every value as snakeyaml-engine's core schema resolver does, and is on for it. */
class QuickResolverTest {
  private static final ScalarResolver CORE = new CoreSchema().getScalarResolver();

  @Test
  void typesEveryValueAsTheCoreSchemaDoes() {
    QuickResolver quick = new QuickResolver(CORE);
    assertThat(quick.quick()).as("the shortcut is on for this snakeyaml-engine").isTrue();
    List<String> values = new ArrayList<>(List.of("", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false",
        "False", "FALSE", "yes", "no", "on", "0", "7", "-7", "+7", "0o17", "0x1F", "1.5", ".5", ".inf", "-.Inf",
        ".nan", ".NaN", "1e3", "1.2.3", "${HOME}", "${X:-y}", "<<", "<", "=", "present", "staging-03",
        "com.example:svc", "Mon-Fri", "café", "é", "\u0000", " lead", "#x", "*x", "&x", "!x", "%x", "@x", "`x"));
    for (char c = 0; c < 200; c++) {
      values.add(String.valueOf(c));
      values.add(c + "rest");
      values.add(c + "1");
    }
    for (String value : values) {
      for (boolean implicit : new boolean[] {true, false}) {
        assertThat(quick.resolve(value, implicit)).as("'%s' (implicit %s)", value, implicit)
            .isEqualTo(CORE.resolve(value, implicit));
      }
    }
  }

  @Test
  void theSharedSchemaUsesIt() {
    assertThat(SharedCoreSchema.INSTANCE.getScalarResolver()).isInstanceOf(QuickResolver.class);
    assertThat(((QuickResolver) SharedCoreSchema.INSTANCE.getScalarResolver()).quick()).isTrue();
  }
}
