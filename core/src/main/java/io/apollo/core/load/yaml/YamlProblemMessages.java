package io.apollo.core.load.yaml;

import io.apollo.core.config.Origin;
import io.apollo.core.load.Problem;
import io.apollo.core.load.ProblemReason;
import java.util.Optional;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Turns what Jackson and snakeyaml-engine throw into one positioned {@link Problem} with a plain message: no source
 * descriptions, no snippets with carets, no parser vocabulary where a person's words exist. The position is where the
 * problem is, not where the parser last succeeded.
 */
final class YamlProblemMessages {
  private YamlProblemMessages() {}

  /** The problem behind a failure to read further in {@code text} (the decoded file). */
  static Problem parseFailure(JacksonException e, EventParser parser, String text) {
    Event last = parser.lastEvent();
    if (isNonScalarKey(parser, last)) {
      String what = last instanceof MappingStartEvent ? "a mapping"
          : last instanceof SequenceStartEvent ? "a list"
          : "an alias ('*" + ((AliasEvent) last).getAlias().getValue() + "')";
      return Problem.at(parser.origin(last.getStartMark()), ProblemReason.UNSAFE_YAML,
          "a key must be a plain value, not " + what);
    }
    if (e instanceof StreamConstraintsException constraint) {
      return Problem.at(origin(e.getLocation(), parser), ProblemReason.LIMIT_EXCEEDED, constraint(constraint));
    }
    if (e.getCause() instanceof MarkedYamlEngineException marked) {
      Origin at = marked.getProblemMark().or(marked::getContextMark).map(m -> parser.origin(Optional.of(m)))
          .orElseGet(() -> origin(e.getLocation(), parser));
      return Problem.at(at, ProblemReason.YAML_SYNTAX, plain(marked, parser));
    }
    if (e.getCause() instanceof ReaderException reader) {
      return Problem.at(originAt(parser.documentStart().path(), text, reader.getPosition()), ProblemReason.YAML_SYNTAX,
          String.format("character U+%04X is not allowed in YAML; remove it or write it as an escape (\\u%04X) "
              + "inside double quotes", reader.getCodePoint(), reader.getCodePoint()));
    }
    return Problem.at(origin(e.getLocation(), parser), ProblemReason.YAML_SYNTAX, stripLocation(e.getOriginalMessage()));
  }

  /** A Jackson stream limit, without its pointer to the Jackson setting behind it. */
  static String constraint(StreamConstraintsException e) {
    String message = stripLocation(e.getOriginalMessage()).replaceAll(", from `[^`]*`\\)", ")");
    return "too large: " + Character.toLowerCase(message.charAt(0)) + message.substring(1);
  }

  /** Jackson met a collection or alias where a mapping needed its next key. */
  private static boolean isNonScalarKey(EventParser parser, Event last) {
    return parser.streamReadContext() != null
        && parser.streamReadContext().inObject()
        && parser.currentToken() != JsonToken.PROPERTY_NAME
        && (last instanceof MappingStartEvent || last instanceof SequenceStartEvent || last instanceof AliasEvent);
  }

  private static String plain(MarkedYamlEngineException e, EventParser parser) {
    String problem = e.getProblem() == null ? "" : e.getProblem().trim();
    String context = e.getContext() == null ? "" : e.getContext().trim();
    String opened = e.getContextMark().map(m -> at(m)).orElse("");
    if (problem.contains("\\t(TAB)") || problem.contains("'\t'")) {
      return "tab characters are not allowed for indentation in YAML; indent with spaces";
    }
    if (problem.contains("that cannot start any token")) {
      int quote = problem.indexOf('\'');
      String character = quote >= 0 ? problem.substring(quote, problem.indexOf('\'', quote + 1) + 1) : "this character";
      return character + " cannot start a value; put the value in quotes";
    }
    if (problem.startsWith("mapping values are not allowed here")) {
      return "unexpected ':'; put a value that contains ': ' in quotes, or check the indentation";
    }
    if (problem.startsWith("expected <block end>")) {
      return "bad indentation: this line does not line up with the block that starts" + opened;
    }
    if (context.startsWith("while parsing a flow sequence") || context.startsWith("while parsing a flow mapping")) {
      char bracket = context.contains("sequence") ? '[' : '{';
      return "'" + bracket + "'" + opened + " is not closed: " + problem;
    }
    if (context.startsWith("while scanning a quoted scalar")) {
      return "the quoted text that starts" + opened + " is not closed";
    }
    if (problem.startsWith("could not find expected ':'")) {
      return "a key is missing its ':'" + (opened.isEmpty() ? "" : " (the key starts" + opened + ")");
    }
    if (context.isEmpty() || context.startsWith("while scanning for the next token")) {
      return problem;
    }
    return problem + " (" + context + opened + ")";
  }

  /** " at line 3, column 5", 1-based, for a snakeyaml mark (0-based). */
  private static String at(Mark mark) {
    return " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
  }

  private static Origin origin(TokenStreamLocation location, EventParser parser) {
    if (location == null || location.getLineNr() < 1) {
      return parser.tokenOrigin();
    }
    return new Origin(parser.documentStart().path(), location.getLineNr(), Math.max(1, location.getColumnNr()));
  }

  /** The line and column of the code point at {@code index} in {@code text}. */
  static Origin originAt(String path, String text, int index) {
    int line = 1;
    int column = 1;
    int seen = 0;
    for (int i = 0; i < text.length() && seen < index; i += Character.charCount(text.codePointAt(i)), seen++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new Origin(path, line, column);
  }

  /** Drops Jackson's " at [Source: ...]" tail and snakeyaml's snippet lines. */
  static String stripLocation(String message) {
    if (message == null) {
      return "could not read the YAML";
    }
    String plain = message;
    int source = plain.indexOf(" at [Source");
    if (source >= 0) {
      plain = plain.substring(0, source);
    }
    int reader = plain.indexOf("\n in reader");
    if (reader >= 0) {
      plain = plain.substring(0, reader);
    }
    return plain.replace('\n', ' ').trim();
  }
}
