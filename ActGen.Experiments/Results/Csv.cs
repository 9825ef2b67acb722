using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ActGen.Experiments.Results;

/// <summary>CSV text under the invariant culture (RFC 4180 quoting, '\n' line ends).</summary>
public static class Csv
{
    /// <summary>Shortest round-trip form: "0.1", "1E-07", "NaN", "Infinity" — never a comma.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A value that may not apply: empty for NaN (read back as NaN), else <see cref="Number(double)"/>.</summary>
    public static string Optional(double value) => double.IsNaN(value) ? "" : Number(value);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Quotes a field that holds a comma, quote or line break.</summary>
    public static string Field(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";

    public static string Line(IEnumerable<string> fields) => string.Join(",", fields.Select(Field));

    /// <summary>A header line and one line per row, each ending in '\n'.</summary>
    public static string Table<T>(IReadOnlyList<Column<T>> columns, IEnumerable<T> rows) =>
        string.Concat(
            new[] { Header(columns) }.Concat(rows.Select(row => Line(columns.Select(c => c.Value(row))))).Select(l => l + "\n"));

    public static string Header<T>(IReadOnlyList<Column<T>> columns) => Line(columns.Select(c => c.Name));
}
