using System;

namespace ActGen.Tests.Support;

/// <summary>Central finite differences, with a check that the function is smooth enough around the point to trust them.</summary>
internal static class FiniteDifference
{
    public static double Central(Func<double, double> f, double x, double h) => (f(x + h) - f(x - h)) / (2 * h);

    /// <summary>
    /// The derivative by central differences, or null near a kink or jump: there two step sizes, or the
    /// one-sided differences from the left and from the right, disagree.
    /// </summary>
    public static double? Trusted(Func<double, double> f, double x)
    {
        var h = 1e-5 * Math.Max(1, Math.Abs(x));
        var coarse = Central(f, x, 4 * h);
        var fine = Central(f, x, h);
        var left = (f(x) - f(x - h)) / h;
        var right = (f(x + h) - f(x)) / h;
        var scale = Math.Max(1, Math.Abs(fine));
        var smooth = Math.Abs(coarse - fine) < 1e-4 * scale && Math.Abs(left - right) < 1e-3 * scale;
        return double.IsFinite(coarse) && double.IsFinite(fine) && smooth ? fine : null;
    }
}
