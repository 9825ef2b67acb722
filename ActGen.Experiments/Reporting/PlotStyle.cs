using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ScottPlot;

namespace ActGen.Experiments.Reporting;

/// <summary>What every plot shares: one colour per activation, the log-scale axis and the PNG size.</summary>
public static class PlotStyle
{
    public const int Width = 900;
    public const int Height = 560;

    private static readonly IPalette Palette = new ScottPlot.Palettes.Category10();

    /// <summary>The colour of the activation at <paramref name="index"/> in the sweep's sorted list.</summary>
    public static Color ColorOf(int index) => Palette.GetColor(index);

    /// <summary>Makes the left axis read as a log10 scale: the data are log10 values, ticks read 1e-3 and so on.</summary>
    public static void LogLeftAxis(Plot plot)
    {
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = y => $"1e{y:0}",
        };
    }

    /// <summary>Ticks on whole numbers only (layers, depths).</summary>
    public static void IntegerAxis(IAxis axis) =>
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };

    /// <summary>log10 of a positive finite value; NaN otherwise (ScottPlot leaves such points out).</summary>
    public static double Log10(double v) => v > 0 && double.IsFinite(v) ? Math.Log10(v) : double.NaN;

    public static bool AnyFinite(IEnumerable<double> values) => values.Any(double.IsFinite);

    /// <summary>Saves as PNG under <paramref name="dir"/> and returns the file name.</summary>
    public static string Save(Plot plot, string dir, string name)
    {
        Directory.CreateDirectory(dir);
        plot.SavePng(Path.Combine(dir, name), Width, Height);
        return name;
    }

    /// <summary>A file-name-safe form of an init or activation name.</summary>
    public static string Slug(string name)
    {
        var chars = new List<char>();
        foreach (var c in name.ToLowerInvariant()) chars.Add(char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_');
        return new string(chars.ToArray());
    }
}
