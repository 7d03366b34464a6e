package io.apollo.core.load.yaml;

import java.util.Map;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * The YAML 1.2 core schema with its scalar resolver built once per process. snakeyaml-engine's {@link CoreSchema}
 * builds a new resolver (a table of regular expressions) on every {@code getScalarResolver()} call, which Jackson
 * makes once per parser, that is once per file: on a 13,000-file repository that was a tenth of a cold load. A
 * resolver only reads its table after construction, so the one instance is safe to share between threads. It is
 * wrapped in a {@link QuickResolver}, which answers the same without regular expressions where none can match.
 */
final class SharedCoreSchema implements Schema {
  static final SharedCoreSchema INSTANCE = new SharedCoreSchema();

  private final CoreSchema core = new CoreSchema();
  private final ScalarResolver resolver = new QuickResolver(core.getScalarResolver());

  private SharedCoreSchema() {}

  @Override
  public ScalarResolver getScalarResolver() {
    return resolver;
  }

  /** A fresh map on each call, as {@link CoreSchema} gives, so that a caller may add to it. */
  @Override
  public Map<Tag, ConstructNode> getSchemaTagConstructors() {
    return core.getSchemaTagConstructors();
  }
}
