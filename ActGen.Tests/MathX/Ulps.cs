using System;
using Xunit;

namespace ActGen.Tests.MathXTests;

/// <summary>Distances between floating-point results and assertions on them.</summary>
internal static class Ulps
{
    public static double Relative(double expected, double actual) =>
        expected == actual ? 0 : Math.Abs(actual - expected) / Math.Abs(expected);

    /// <summary>Steps between two floats of the same sign on the float grid (ulps).</summary>
    public static long Distance(float a, float b) =>
        Math.Abs((long)BitConverter.SingleToInt32Bits(a) - BitConverter.SingleToInt32Bits(b));

    public static void Close(double expected, double actual, double relative, string what) =>
        Assert.True(expected.Equals(actual) || Relative(expected, actual) <= relative,
            $"{what}: expected {expected:R}, got {actual:R} (relative error {Relative(expected, actual):E2} > {relative:E2})");

    public static void Close(float expected, float actual, long ulps, string what) =>
        Assert.True(expected.Equals(actual) || (Math.Sign(expected) == Math.Sign(actual) && Distance(expected, actual) <= ulps),
            $"{what}: expected {expected:R}, got {actual:R} ({Distance(expected, actual)} ulps > {ulps})");

    /// <summary>x from −max to max in n equal steps, and ±10⁻ᵏ·1.2345 for k = 1..300 (the cancellation zone).</summary>
    public static double[] Grid(double max, int n, int tinyDecades = 300)
    {
        var xs = new double[n + 1 + 2 * tinyDecades];
        for (int i = 0; i <= n; i++) xs[i] = -max + 2 * max * i / n;
        for (int k = 1; k <= tinyDecades; k++)
        {
            xs[n + 2 * k - 1] = 1.2345 * Math.Pow(10, -k);
            xs[n + 2 * k] = -1.2345 * Math.Pow(10, -k);
        }
        return xs;
    }
}
