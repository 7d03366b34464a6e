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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

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
 * are named in {@link DesiredState#invalidEntities()}. Thread-safe: one loader may serve many loads, and steps 2 to 4
 * run per file, on the caller's executor when one is given.
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

  /** Loads on the calling thread. */
  public LoadResult load(ConfigSource source) {
    return load(source, Runnable::run);
  }

  /**
   * Loads with each file read, parsed, validated and mapped as a task on {@code executor} (the caller's threads: a
   * worker pool in the hub, one thread per core in the CLI). The result is the same whatever the executor: files are
   * combined in path order.
   */
  public LoadResult load(ConfigSource source, Executor executor) {
    return load(source, executor, null);
  }

  /**
   * As {@link #load(ConfigSource, Executor)}, reusing from {@code cache} what each unchanged file yielded last time
   * and keeping what the changed ones yield now. The result is the same as without a cache.
   */
  public LoadResult load(ConfigSource source, Executor executor, ParseCache cache) {
    List<Problem> problems = new ArrayList<>();
    Set<String> unreadable = new LinkedHashSet<>();
    ConfigSource.Listing listing = source.list();
    problems.addAll(listing.refused());
    listing.refused().forEach(p -> unreadable.add(p.path()));

    List<ConfigSource.Entry> admitted = admit(listing.files(), problems, unreadable);
    if (cache != null) {
      cache.retainOnly(Set.copyOf(admitted));
    }
    List<CompletableFuture<FileResult>> files = new ArrayList<>();
    for (ConfigSource.Entry entry : admitted) {
      FileResult cached = cache == null ? null : cache.get(entry);
      files.add(cached != null
          ? CompletableFuture.completedFuture(cached)
          : CompletableFuture.supplyAsync(() -> remember(cache, entry, readFile(source, entry)), executor));
    }
    BrokenDocuments broken = new BrokenDocuments();
    MappedDocuments mapped = new MappedDocuments();
    for (CompletableFuture<FileResult> future : files) {
      FileResult file = join(future);
      problems.addAll(file.problems());
      if (!file.readCompletely()) {
        unreadable.add(file.path());
      }
      broken.addAll(file.broken());
      mapped.addAll(file.mapped());
    }
    DesiredState state = new CrossChecks(problems, broken).assemble(mapped);
    return new LoadResult(state, problems, List.copyOf(unreadable));
  }

  /**
   * Reads {@code entries} as {@link #load(ConfigSource, Executor, ParseCache)} does, each a task on {@code executor},
   * and gives what each yielded in the same order. For {@link IncrementalLoad}, which reads the changed files only.
   */
  List<FileResult> readAll(ConfigSource source, List<ConfigSource.Entry> entries, Executor executor) {
    List<CompletableFuture<FileResult>> files = new ArrayList<>();
    for (ConfigSource.Entry entry : entries) {
      files.add(CompletableFuture.supplyAsync(() -> readFile(source, entry), executor));
    }
    List<FileResult> results = new ArrayList<>(files.size());
    for (CompletableFuture<FileResult> future : files) {
      results.add(join(future));
    }
    return results;
  }

  /** The files within the repository-wide byte cap; the rest are refused, each named. */
  List<ConfigSource.Entry> admit(List<ConfigSource.Entry> entries, List<Problem> problems,
      Set<String> unreadable) {
    long total = 0;
    for (ConfigSource.Entry entry : entries) {
      total += entry.size();
    }
    if (total <= maxRepoBytes) {
      return entries;
    }
    List<ConfigSource.Entry> admitted = new ArrayList<>();
    long bytes = 0;
    for (ConfigSource.Entry entry : entries) {
      bytes += entry.size();
      if (bytes > maxRepoBytes) {
        problems.add(new Problem(Origin.of(entry.path()), ProblemReason.REFUSED, "the repository holds more than "
            + maxRepoBytes + " bytes of YAML; this file and those after it were not read"));
        unreadable.add(entry.path());
      } else {
        admitted.add(entry);
      }
    }
    return admitted;
  }

  /** Steps 2 to 4 for one file: pure, thread-safe. */
  FileResult readFile(ConfigSource source, ConfigSource.Entry entry) {
    ParsedFile parsed = parse(entry, source);
    List<Problem> problems = new ArrayList<>(parsed.problems());
    BrokenDocuments broken = new BrokenDocuments();
    MappedDocuments mapped = new MappedDocuments();
    for (YamlDocument document : parsed.documents()) {
      validateAndMap(document, problems, broken, mapped);
    }
    return new FileResult(entry.path(), problems, parsed.problems().isEmpty(), mapped, broken);
  }

  private static FileResult remember(ParseCache cache, ConfigSource.Entry entry, FileResult result) {
    if (cache != null) {
      cache.put(entry, result);
    }
    return result;
  }

  private static FileResult join(CompletableFuture<FileResult> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
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
    // Cross-document checks read only a few positions, except the required roles of approval policies (a few
    // documents, kept whole).
    DocumentReader kept = kind == Kind.APPROVAL_POLICY ? reader : reader.positionsOnly(CrossChecks.POINTED_AT);
    boolean ok = switch (kind) {
      case PRODUCT -> add(DocumentMapper.product(reader), kept, mapped.products);
      case RELEASE -> add(ReleaseMapper.release(reader), kept, mapped.releases);
      case ENVIRONMENT -> add(DocumentMapper.environment(reader), kept, mapped.environments);
      case ENTITY -> add(DocumentMapper.entity(reader), kept, mapped.entities);
      case CONSTRAINT -> add(ConstraintMapper.constraint(reader), kept, mapped.constraints);
      case APPROVAL_POLICY -> add(ConstraintMapper.approvalPolicy(reader), kept, mapped.policies);
      case ROLE -> add(DocumentMapper.role(reader), kept, mapped.roles);
      case PLAN -> add(DocumentMapper.plan(reader), kept, mapped.plans);
      case NOTIFICATION -> add(NotificationMapper.notification(reader), kept, mapped.notifications);
      case RELEASE_HOLD -> add(DocumentMapper.hold(reader), kept, mapped.holds);
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
