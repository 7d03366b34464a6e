package io.apollo.cli.edit;

import io.apollo.cli.CliException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * In-place edits of one document inside a YAML file a person wrote: lines are inserted or one line is replaced,
 * so every comment, every other document and the person's layout stay as they were. Only the block style of
 * sample-repo is edited ({@code spec:} on a line of its own, keys below it); anything else is refused with the
 * file and line, to be edited by hand. The result is always loaded and validated before it is committed.
 */
public final class DocumentText {
  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static final Pattern SEPARATOR = Pattern.compile("^(---|\\.\\.\\.)(\\s.*)?$");
  private static final Pattern SPEC = Pattern.compile("^spec:\\s*(#.*)?$");

  private final String path;
  private final List<String> lines;
  private final int start;
  private final int end;

  private DocumentText(String path, List<String> lines, int start, int end) {
    this.path = path;
    this.lines = lines;
    this.start = start;
    this.end = end;
  }

  /** The first document of {@code text} whose parsed tree matches, or empty. */
  public static Optional<DocumentText> find(String path, String text, Predicate<JsonNode> matches) {
    List<String> lines = new ArrayList<>(text.lines().toList());
    int from = 0;
    for (int i = 0; i <= lines.size(); i++) {
      if (i == lines.size() || SEPARATOR.matcher(lines.get(i)).matches()) {
        if (i > from) {
          JsonNode tree = YAML.readTree(String.join("\n", lines.subList(from, i)));
          if (tree != null && matches.test(tree)) {
            return Optional.of(new DocumentText(path, lines, from, i));
          }
        }
        from = i + 1;
      }
    }
    return Optional.empty();
  }

  /** True when the document's spec has {@code key} (at the spec's own level). */
  public boolean hasSpecKey(String key) {
    return specKeyLine(key).isPresent();
  }

  /** Adds lines right under {@code spec:}, each given relative to the spec's indent. */
  public DocumentText insertUnderSpec(List<String> specLines) {
    int spec = specLine();
    String indent = " ".repeat(specIndent(spec));
    List<String> added = specLines.stream().map(l -> indent + l).toList();
    lines.addAll(spec + 1, added);
    return new DocumentText(path, lines, start, end + added.size());
  }

  /**
   * Sets the spec's list {@code key} to {@code values}: a flow list ({@code [a, b]}) is rewritten on its line, a
   * block list gets the new items after its last, and a missing key is added under {@code spec:}.
   */
  public DocumentText setSpecList(String key, List<String> current, List<String> values) {
    Optional<Integer> at = specKeyLine(key);
    if (at.isEmpty()) {
      return insertUnderSpec(List.of(key + ": [" + String.join(", ", values) + "]"));
    }
    int line = at.get();
    String text = lines.get(line);
    int colon = text.indexOf(':');
    String value = text.substring(colon + 1).strip();
    if (value.startsWith("[")) {
      lines.set(line, text.substring(0, colon + 1) + " [" + String.join(", ", values) + "]");
      return this;
    }
    if (!value.isEmpty() && !value.startsWith("#")) {
      throw notInPlace(line, key + " is neither a [flow] list nor a block list");
    }
    int last = line;
    String itemIndent = null;
    for (int i = line + 1; i < end; i++) {
      String l = lines.get(i);
      if (l.isBlank() || l.strip().startsWith("#")) {
        continue;
      }
      if (!l.strip().startsWith("- ")) {
        break;
      }
      itemIndent = l.substring(0, l.indexOf('-'));
      last = i;
    }
    if (itemIndent == null) {
      throw notInPlace(line, key + " has no items to follow");
    }
    List<String> added = new ArrayList<>();
    for (String v : values) {
      if (!current.contains(v)) {
        added.add(itemIndent + "- " + v);
      }
    }
    lines.addAll(last + 1, added);
    return new DocumentText(path, lines, start, end + added.size());
  }

  /** The whole file's text after the edits. */
  public String fileText() {
    return String.join("\n", lines) + "\n";
  }

  private int specLine() {
    for (int i = start; i < end; i++) {
      if (SPEC.matcher(lines.get(i)).matches()) {
        return i;
      }
    }
    throw notInPlace(start, "no 'spec:' line of its own");
  }

  private int specIndent(int spec) {
    for (int i = spec + 1; i < end; i++) {
      String l = lines.get(i);
      if (!l.isBlank() && !l.strip().startsWith("#")) {
        int indent = l.length() - l.stripLeading().length();
        if (indent > 0) {
          return indent;
        }
        break;
      }
    }
    return 2;
  }

  private Optional<Integer> specKeyLine(String key) {
    int spec = specLine();
    String prefix = " ".repeat(specIndent(spec)) + key + ":";
    for (int i = spec + 1; i < end; i++) {
      String l = lines.get(i);
      if (!l.isBlank() && !l.startsWith(" ") && !l.startsWith("#")) {
        break;
      }
      if (l.startsWith(prefix)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  private CliException notInPlace(int line, String why) {
    return new CliException(path + ":" + (line + 1) + ": cannot edit this document in place (" + why
        + "); edit it by hand in sample-repo's block style, or make the change there yourself");
  }
}
