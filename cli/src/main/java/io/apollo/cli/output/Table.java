package io.apollo.cli.output;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An aligned text table: a header row in capitals, then one row per item, every column but the last padded to its
 * widest cell (colour codes do not count toward the width).
 */
public final class Table {
  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");

  private final List<String[]> rows = new ArrayList<>();

  private Table(String... header) {
    rows.add(header);
  }

  public static Table of(String... header) {
    return new Table(header);
  }

  public Table row(String... cells) {
    if (cells.length != rows.get(0).length) {
      throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + rows.get(0).length);
    }
    rows.add(cells);
    return this;
  }

  public boolean isEmpty() {
    return rows.size() == 1;
  }

  public String render() {
    int columns = rows.get(0).length;
    int[] width = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns - 1; c++) {
        width[c] = Math.max(width[c], visible(row[c]));
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        line.append(row[c]);
        if (c < columns - 1) {
          line.append(" ".repeat(width[c] - visible(row[c]) + 2));
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  private static int visible(String cell) {
    return ANSI.matcher(cell).replaceAll("").length();
  }
}
