using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ActGen.Benchmarks;

/// <summary>
/// A log–log SVG of time per element against n: one panel per activation, one line per implementation plus the
/// copy-bandwidth bound (dashed). Plain SVG, written by hand: no native plotting library needed.
/// </summary>
public static class LogLogPlot
{
    private const int PanelW = 260, PanelH = 190, Columns = 4, Margin = 40;

    private static readonly (string Impl, string Color)[] Series =
        [(ImplName.ActGen, "#d62728"), (ImplName.Builtin, "#1f77b4"), (ImplName.Composed, "#7f7f7f"), (ImplName.Span, "#ff7f0e"), ("bound", "#2ca02c")];

    public static string Render(IReadOnlyList<DetailRow> rows, string phase, string dtype)
    {
        var mine = rows.Where(r => r.Row.Phase == phase && r.Row.Dtype == dtype && r.Row.MedianMs > 0).ToArray();
        var activations = mine.Select(r => r.Row.Activation).Distinct().ToArray();
        var points = mine.Select(r => r.NsPerElement).Concat(mine.Where(r => r.BoundMs > 0).Select(r => r.BoundMs * 1e6 / r.Row.N)).ToArray();
        var (yMin, yMax) = points.Length == 0 ? (0.1, 10.0) : (Math.Pow(10, Math.Floor(Math.Log10(points.Min()))), Math.Pow(10, Math.Ceiling(Math.Log10(points.Max()))));
        var ns = mine.Select(r => (double)r.Row.N).DefaultIfEmpty(1).ToArray();
        var (xMin, xMax) = (Math.Log2(ns.Min()), Math.Max(Math.Log2(ns.Max()), Math.Log2(ns.Min()) + 1));
        var rowsCount = Math.Max(1, (activations.Length + Columns - 1) / Columns);
        var (width, height) = (Columns * (PanelW + Margin) + Margin, rowsCount * (PanelH + Margin) + 2 * Margin);
        var svg = new StringBuilder();
        svg.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"10\">\n"));
        svg.Append(Inv($"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>\n"));
        svg.Append(Inv($"<text x=\"{Margin}\" y=\"16\" font-size=\"13\">ns per element vs n (log–log), {phase}, {dtype}</text>\n"));
        for (var s = 0; s < Series.Length; s++)
            svg.Append(Inv($"<text x=\"{Margin + 380 + s * 110}\" y=\"16\" fill=\"{Series[s].Color}\">■ {Series[s].Impl}</text>\n"));
        for (var a = 0; a < activations.Length; a++)
        {
            var (ox, oy) = (Margin + a % Columns * (PanelW + Margin), 2 * Margin + a / Columns * (PanelH + Margin) - 10);
            double X(double n) => ox + (Math.Log2(n) - xMin) / (xMax - xMin) * PanelW;
            double Y(double v) => oy + PanelH - (Math.Log10(v) - Math.Log10(yMin)) / (Math.Log10(yMax) - Math.Log10(yMin)) * PanelH;
            svg.Append(Inv($"<rect x=\"{ox}\" y=\"{oy}\" width=\"{PanelW}\" height=\"{PanelH}\" fill=\"none\" stroke=\"#999\"/>\n"));
            svg.Append(Inv($"<text x=\"{ox + 4}\" y=\"{oy + 12}\">{activations[a]}</text>\n"));
            for (var d = Math.Log10(yMin); d <= Math.Log10(yMax) + 1e-9; d++)
                svg.Append(Inv($"<text x=\"{ox - 3}\" y=\"{Y(Math.Pow(10, d)) + 3:F1}\" text-anchor=\"end\">1e{d:F0}</text>\n"));
            foreach (var n in ns.Distinct())
                svg.Append(Inv($"<text x=\"{X(n):F1}\" y=\"{oy + PanelH + 12}\" text-anchor=\"middle\">2^{Math.Log2(n):F0}</text>\n"));
            var forActivation = mine.Where(r => r.Row.Activation == activations[a]).ToArray();
            foreach (var (impl, color) in Series)
            {
                var line = impl == "bound"
                    ? forActivation.Where(r => r.Row.Impl == ImplName.ActGen && r.BoundMs > 0).Select(r => (N: (double)r.Row.N, V: r.BoundMs * 1e6 / r.Row.N))
                    : forActivation.Where(r => r.Row.Impl == impl).Select(r => (N: (double)r.Row.N, V: r.NsPerElement));
                var pts = string.Join(" ", line.OrderBy(p => p.N).Select(p => Inv($"{X(p.N):F1},{Y(p.V):F1}")));
                if (pts.Length == 0) continue;
                var dash = impl == "bound" ? " stroke-dasharray=\"4 3\"" : "";
                svg.Append(Inv($"<polyline points=\"{pts}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"1.5\"{dash}/>\n"));
            }
        }

        return svg.Append("</svg>\n").ToString();
    }

    public static string FileName(string phase, string dtype) => $"plot-{phase.Replace('+', '-')}-{dtype}.svg";

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
