package io.apollo.core.load.yaml;

import io.apollo.core.config.Origin;
import java.io.Reader;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.io.IOContext;
import tools.jackson.core.util.BufferRecycler;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLFactoryBuilder;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Jackson's YAML parser, plus the snakeyaml-engine event behind each token. Jackson decodes scalars the way we want
 * (YAML 1.2 core types) but reports the tag and anchor of a mapping's first key late or not at all, and hides
 * document boundaries; the raw event has both, exactly.
 */
final class EventParser extends YAMLParser {
  private final String path;
  private Event lastEvent;
  private int documentsStarted;
  private Origin documentStart;

  private EventParser(
      String path,
      ObjectReadContext readContext,
      IOContext ioContext,
      BufferRecycler recycler,
      int streamReadFeatures,
      int formatFeatures,
      LoadSettings settings,
      Reader reader) {
    super(readContext, ioContext, recycler, streamReadFeatures, formatFeatures, settings, reader, false);
    this.path = path;
    this.documentStart = Origin.of(path);
  }

  @Override
  protected Event nextEvent() {
    Event event = super.nextEvent();
    if (event != null) {
      lastEvent = event;
      if (event instanceof DocumentStartEvent) {
        documentsStarted++;
        documentStart = origin(event.getStartMark());
      }
    }
    return event;
  }

  /** The event behind the current token (or the one that failed to become a token). */
  Event lastEvent() {
    return lastEvent;
  }

  /** How many documents have begun so far; the current document's index is this minus one. */
  int documentsStarted() {
    return documentsStarted;
  }

  /** Where the current document begins: its {@code ---}, or its first node when the marker is implicit. */
  Origin documentStart() {
    return documentStart;
  }

  /** The 1-based position of a snakeyaml mark (which counts from 0), or the document start when there is none. */
  Origin origin(Optional<Mark> mark) {
    return mark.map(m -> new Origin(path, m.getLine() + 1, m.getColumn() + 1)).orElse(documentStart);
  }

  /** The position where the current token's node starts. */
  Origin tokenOrigin() {
    return lastEvent == null ? documentStart : origin(lastEvent.getStartMark());
  }

  /**
   * Makes {@link EventParser}s, each for one file; otherwise a plain {@link YAMLFactory} with the given settings.
   * Immutable and thread-safe like any Jackson factory, so one serves every file.
   */
  static final class Factory extends YAMLFactory {
    private static final long serialVersionUID = 1L;

    Factory(YAMLFactoryBuilder builder) {
      super(builder);
    }

    /** A parser of {@code reader}, the text of the file at {@code path} (which positions are reported against). */
    EventParser createParser(String path, Reader reader) {
      ObjectReadContext readContext = ObjectReadContext.empty();
      return new EventParser(
          path,
          readContext,
          _createContext(_createContentReference(reader), false),
          _getBufferRecycler(),
          readContext.getStreamReadFeatures(_streamReadFeatures),
          readContext.getFormatReadFeatures(_formatReadFeatures),
          _loadSettings,
          reader);
    }
  }
}
