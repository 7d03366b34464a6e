package io.apollo.core.load;

import io.apollo.core.ApolloException;
import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Kind;
import io.apollo.core.config.Origin;
import io.apollo.core.load.schema.SchemaValidator;
import io.apollo.core.load.yaml.ParsedFile;
import io.apollo.core.load.yaml.SafeYaml;
import io.apollo.core.load.yaml.YamlDocument;
import io.apollo.core.load.yaml.YamlLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Loads a config repository into a {@link DesiredState}:
 * <ol>
 *   <li>list the files (refusing links and oversized files),</li>
 *   <li>parse each safely ({@link SafeYaml}),</li>
 *   <li>validate each document against its kind's schema ({@link SchemaValidator}),</li>
 *   <li>map valid documents to records, checking values the schema cannot (versions, crons, channels, ranges),</li>
 *   <li>check across documents (identities unique, references resolve) and assemble.</li>
 * </ol>
 * Every problem is reported; a broken document never removes a valid one, and entities whose definition is broken
 * are named in {@link DesiredState#invalidEntities()}. Thread-safe: one loader may serve many loads.
 */
public final class ConfigLoader {
  /** The repository-wide cap on bytes read, so a huge repository fails clearly instead of exhausting memory. */
  public static final long DEFAULT_MAX_REPO_BYTES = 64L * 1024 * 1024;

  private final SchemaValidator validator;
  private final YamlLimits limits;
  private final long maxRepoBytes;

  public ConfigLoader(SchemaValidator validator, YamlLimits limits, long maxRepoBytes) {
    this.validator = validator;
    this.limits = limits;
    this.maxRepoBytes = maxRepoBytes;
  }

  /** The bundled schemas and default limits. */
  public static ConfigLoader withDefaults() {
    return new ConfigLoader(SchemaValidator.bundled(), YamlLimits.defaults(), DEFAULT_MAX_REPO_BYTES);
  }

  /** Loads a folder on disk. */
  public LoadResult load(Path folder) {
    return load(new FileTreeSource(folder, limits.maxFileBytes()));
  }

  public LoadResult load(ConfigSource source) {
    List<Problem> problems = new ArrayList<>();
    Set<String> unreadable = new LinkedHashSet<>();
    ConfigSource.Listing listing = source.list();
    problems.addAll(listing.refused());
    listing.refused().forEach(p -> unreadable.add(p.path()));

    BrokenDocuments broken = new BrokenDocuments();
    MappedDocuments mapped = new MappedDocuments();
    long bytesRead = 0;
    for (ConfigSource.Entry entry : listing.files()) {
      bytesRead += entry.size();
      if (bytesRead > maxRepoBytes) {
        problems.add(new Problem(Origin.of(entry.path()), ProblemReason.REFUSED, "the repository holds more than "
            + maxRepoBytes + " bytes of YAML; this file and those after it were not read"));
        unreadable.add(entry.path());
        continue;
      }
      ParsedFile parsed = parse(entry, source);
      problems.addAll(parsed.problems());
      if (!parsed.problems().isEmpty()) {
        unreadable.add(entry.path());
      }
      for (YamlDocument document : parsed.documents()) {
        validateAndMap(document, problems, broken, mapped);
      }
    }
    DesiredState state = new CrossChecks(problems, broken).assemble(mapped);
    return new LoadResult(state, problems, List.copyOf(unreadable));
  }

  private ParsedFile parse(ConfigSource.Entry entry, ConfigSource source) {
    try {
      return SafeYaml.parse(entry.path(), source.read(entry), limits);
    } catch (ApolloException e) {
      return new ParsedFile(entry.path(), List.of(),
          List.of(new Problem(Origin.of(entry.path()), ProblemReason.UNREADABLE, e.getMessage())));
    }
  }

  private void validateAndMap(YamlDocument document, List<Problem> problems, BrokenDocuments broken,
      MappedDocuments mapped) {
    SchemaValidator.Result validation = validator.validate(document);
    problems.addAll(validation.problems());
    if (validation.kind().isEmpty()) {
      return;
    }
    Kind kind = validation.kind().get();
    if (!validation.isValid()) {
      broken.add(kind, document);
      return;
    }
    List<Problem> found = new ArrayList<>();
    DocumentReader reader = new DocumentReader(document, found);
    boolean ok = switch (kind) {
      case PRODUCT -> add(DocumentMapper.product(reader), reader, mapped.products);
      case RELEASE -> add(ReleaseMapper.release(reader), reader, mapped.releases);
      case ENVIRONMENT -> add(DocumentMapper.environment(reader), reader, mapped.environments);
      case ENTITY -> add(DocumentMapper.entity(reader), reader, mapped.entities);
      case CONSTRAINT -> add(ConstraintMapper.constraint(reader), reader, mapped.constraints);
      case APPROVAL_POLICY -> add(ConstraintMapper.approvalPolicy(reader), reader, mapped.policies);
      case ROLE -> add(DocumentMapper.role(reader), reader, mapped.roles);
      case PLAN -> add(DocumentMapper.plan(reader), reader, mapped.plans);
    };
    problems.addAll(found);
    if (!ok) {
      broken.add(kind, document);
    }
  }

  /** Keeps a mapped record only when mapping it found nothing wrong: a half-read document is no document. */
  private static <T> boolean add(Optional<T> value, DocumentReader reader, List<Loaded<T>> into) {
    if (value.isEmpty() || !reader.problems().isEmpty()) {
      return false;
    }
    into.add(new Loaded<>(value.get(), reader));
    return true;
  }
}
