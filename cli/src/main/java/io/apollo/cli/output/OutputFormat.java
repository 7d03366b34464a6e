package io.apollo.cli.output;

/** How a command prints its result. */
public enum OutputFormat {
  /** Aligned text for people (the default). */
  TABLE,
  /** One JSON document for tools. */
  JSON,
  /** Markdown, ready to post as a pull-request comment (only where a command says so). */
  MARKDOWN,
  /** One JSON document a line, for log pipelines (only where a command says so). */
  JSONL
}
