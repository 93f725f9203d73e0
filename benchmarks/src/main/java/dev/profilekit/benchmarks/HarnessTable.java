package dev.profilekit.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Markdown table for measurements too slow or too coarse for JMH iterations (the backfill and
 * cold-start harnesses): each row is a measured value beside its baseline from the same run, the
 * ratio, and the target. Appended to the report by {@link PerformanceReport#appendSection}.
 */
public final class HarnessTable {

  /**
   * One row.
   *
   * @param title what is measured
   * @param measured the measured value, formatted with its unit
   * @param baseline the baseline value, formatted with its unit, or "—"
   * @param ratio measured / baseline in the sense of the target (time ratio, heap ratio)
   * @param maxRatio the largest acceptable ratio, or NaN for a row without target
   */
  public record Row(String title, String measured, String baseline, double ratio, double maxRatio) {}

  private final String heading;
  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  /**
   * Creates an empty table.
   *
   * @param heading the section heading
   */
  public HarnessTable(String heading) {
    this.heading = heading;
  }

  /**
   * Adds a row.
   *
   * @param row the row
   * @return this table
   */
  public HarnessTable add(Row row) {
    rows.add(row);
    return this;
  }

  /**
   * Adds a line of text printed under the table (context such as set-up times).
   *
   * @param note the text
   * @return this table
   */
  public HarnessTable note(String note) {
    notes.add(note);
    return this;
  }

  /**
   * Returns the rows added so far.
   *
   * @return the rows
   */
  public List<Row> rows() {
    return List.copyOf(rows);
  }

  /**
   * Renders the section.
   *
   * @param smoke whether the numbers come from a smoke run
   * @return the Markdown text
   */
  public String render(boolean smoke) {
    StringBuilder out = new StringBuilder("\n## ").append(heading).append("\n\n");
    out.append(PerformanceReport.environment(smoke)).append("\n\n");
    out.append("| measurement | measured | baseline | ratio | target | met |\n|---|---|---|---|---|---|\n");
    for (Row row : rows) {
      boolean hasTarget = !Double.isNaN(row.maxRatio());
      out.append("| ").append(row.title()).append(" | ").append(row.measured()).append(" | ").append(row.baseline())
          .append(" | ").append(Double.isNaN(row.ratio()) ? "—" : String.format(Locale.ROOT, "%.3fx", row.ratio()))
          .append(" | ").append(hasTarget ? "≤ " + row.maxRatio() + "x" : "reference")
          .append(" | ").append(hasTarget ? (row.ratio() <= row.maxRatio() ? "yes" : "**no**") : "—").append(" |\n");
    }
    if (!notes.isEmpty()) {
      out.append('\n');
      notes.forEach(n -> out.append("- ").append(n).append('\n'));
    }
    return out.toString();
  }
}
