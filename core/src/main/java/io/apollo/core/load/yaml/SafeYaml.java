package io.apollo.core.load.yaml;

import io.apollo.core.config.Origin;
import io.apollo.core.load.Problem;
import io.apollo.core.load.ProblemReason;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLReadFeature;

/** Parses YAML files under {@link YamlLimits}; see the package doc for what is refused. */
public final class SafeYaml {
  /**
   * Jackson's own nesting cap. Ours ({@link YamlLimits#maxDepth()}) is checked first and reported; this one only ends
   * the skipping of an over-deep document that goes on far past ours, so that the file's later documents are read
   * when the excess is modest and reading stops when it is absurd.
   */
  private static final int SKIP_DEPTH_CAP = 1000;

  /** One parser configuration per distinct limits; a process uses one or two. */
  private static final Map<YamlLimits, Readers> READERS = new ConcurrentHashMap<>();

  private SafeYaml() {}

  /**
   * Parses every document of one file. Never throws for bad input: each problem comes back positioned, and the
   * documents read before a fatal error are kept. A document with any problem is not returned; empty documents (a
   * bare {@code ---}, a file of comments) are skipped silently. Document indexes count every document of the file,
   * empty ones included, from 0.
   */
  public static ParsedFile parse(String path, byte[] content, YamlLimits limits) {
    return parse(path, content, limits, true);
  }

  /**
   * As {@link #parse}, but every file by the full path (Jackson's parser under {@link TreeBuilder}), never by the
   * one-pass {@link DirectReader}: the reference that tests hold the shortcut to.
   */
  static ParsedFile parseFully(String path, byte[] content, YamlLimits limits) {
    return parse(path, content, limits, false);
  }

  private static ParsedFile parse(String path, byte[] content, YamlLimits limits, boolean direct) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(limits, "limits");
    if (content.length > limits.maxFileBytes()) {
      return refuse(path, ProblemReason.REFUSED,
          "file is " + content.length + " bytes; the limit is " + limits.maxFileBytes());
    }
    Decoded decoded = decode(path, content);
    if (decoded.problem() != null) {
      return new ParsedFile(path, List.of(), List.of(decoded.problem()));
    }
    Readers readers = readers(limits);
    // Most files are plain mappings, lists and scalars: read in one pass. The rest, and every file with a problem,
    // take the full path, which alone reports problems.
    ParsedFile read = direct ? DirectReader.read(path, decoded.text(), limits, readers.settings()) : null;
    return read != null ? read : parseFully(path, decoded.text(), limits, readers.factory());
  }

  private static ParsedFile parseFully(String path, String text, YamlLimits limits, EventParser.Factory factory) {
    List<YamlDocument> documents = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    Aliases aliases = new Aliases(limits.maxAliases(), limits.maxDepth());
    EventParser parser = factory.createParser(path, new StringReader(text));
    try (parser) {
      readDocuments(parser, limits, aliases, text, documents, problems);
    } catch (RuntimeException e) {
      // A parser bug must still not escape as an exception: report it where reading stopped.
      problems.add(Problem.at(parser.tokenOrigin(), ProblemReason.YAML_SYNTAX,
          "could not read the YAML: " + YamlProblemMessages.stripLocation(e.getMessage())));
    }
    return new ParsedFile(path, documents, problems);
  }

  private static void readDocuments(EventParser parser, YamlLimits limits, Aliases aliases, String text,
      List<YamlDocument> documents, List<Problem> problems) {
    while (true) {
      TreeBuilder builder = null;
      try {
        if (parser.nextToken() == null) {
          return;
        }
        Origin start = parser.documentStart();
        if (parser.documentsStarted() > limits.maxDocuments()) {
          problems.add(Problem.at(start, ProblemReason.LIMIT_EXCEEDED,
              "more than " + limits.maxDocuments() + " documents in one file"));
          return;
        }
        aliases.newDocument();
        builder = new TreeBuilder(parser, limits, aliases);
        JsonNode root = builder.read();
        problems.addAll(builder.problems());
        if (builder.problems().isEmpty() && root != null && !root.isNull()) {
          documents.add(new YamlDocument(
              start.path(), parser.documentsStarted() - 1, start, root, builder.positions()));
        }
      } catch (JacksonException e) {
        // The parser cannot resynchronise after this: keep what was read and stop.
        if (builder != null) {
          problems.addAll(builder.problems());
        }
        boolean alreadyReported = e instanceof StreamConstraintsException && builder != null && builder.skipping();
        if (!alreadyReported) {
          problems.add(YamlProblemMessages.parseFailure(e, parser, text));
        }
        return;
      }
    }
  }

  /**
   * The parser settings and factory for these limits, built once and shared: both are immutable and thread-safe, and
   * building them (with snakeyaml-engine's schema) per file cost more than parsing a small file.
   */
  private static Readers readers(YamlLimits limits) {
    return READERS.computeIfAbsent(limits, SafeYaml::newReaders);
  }

  private static Readers newReaders(YamlLimits limits) {
    int codePoints = (int) Math.min(Integer.MAX_VALUE - 1, Math.max(1, limits.maxFileBytes()));
    LoadSettings settings = LoadSettings.builder()
        .setSchema(SharedCoreSchema.INSTANCE)
        .setCodePointLimit(codePoints)
        .setUseMarks(true)
        .build();
    return new Readers(settings, new EventParser.Factory(
        YAMLFactory.builder()
            .loadSettings(settings)
            .disable(YAMLReadFeature.PARSE_OCTAL_NUMBERS) // YAML 1.2: 010 is ten; octal is 0o10
            .disable(YAMLReadFeature.EMPTY_DOCUMENT_AS_EMPTY_OBJECT)
            .enable(YAMLReadFeature.EMPTY_STRING_AS_NULL) // only a plain empty value; "" stays a string
            .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // TreeBuilder reports them, and goes on
            .streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(Math.max(limits.maxDepth() + 1, SKIP_DEPTH_CAP))
                .build())));
  }

  /** Strict UTF-8 (a leading byte order mark is dropped); the problem names where the first bad byte is. */
  private static Decoded decode(String path, byte[] content) {
    if (isAscii(content)) {
      // Most files are ASCII, which is UTF-8 as it is (and has no byte order mark): one copy, no decoder.
      return checkedText(path, new String(content, StandardCharsets.US_ASCII));
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(content);
    CharBuffer out = CharBuffer.allocate(content.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    String text = out.flip().toString();
    if (result.isError()) {
      Origin at = YamlProblemMessages.originAt(path, text, text.codePointCount(0, text.length()));
      return new Decoded(null, Problem.at(at, ProblemReason.UNREADABLE, String.format(
          "not UTF-8 text (byte 0x%02X at byte offset %d); save the file as UTF-8",
          content[in.position()] & 0xFF, in.position())));
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return checkedText(path, text);
  }

  private static boolean isAscii(byte[] content) {
    for (byte b : content) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  /** Decoded text, refused when it holds a NUL (a binary file). */
  private static Decoded checkedText(String path, String text) {
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      Origin at = YamlProblemMessages.originAt(path, text, text.codePointCount(0, nul));
      return new Decoded(null, Problem.at(at, ProblemReason.UNREADABLE, "not a text file: it contains a NUL byte"));
    }
    return new Decoded(text, null);
  }

  private static ParsedFile refuse(String path, ProblemReason reason, String message) {
    return new ParsedFile(path, List.of(), List.of(Problem.at(Origin.of(path), reason, message)));
  }

  /** What both paths read with: {@link DirectReader} the settings, the full path the factory made from them. */
  private record Readers(LoadSettings settings, EventParser.Factory factory) {}

  /** The file's text, or why there is none. */
  private record Decoded(String text, Problem problem) {}
}
