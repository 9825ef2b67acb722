using System;
using ActGen;

namespace UserActivations;

public static partial class MyActivations
{
    [Activation]
    public static double Squareplus(double x, double b = 4.0) => 0.5 * (x + Math.Sqrt(x * x + b));

    [Activation]
    public static double Snake(double x, [Learnable(1.0)] double a) => x + Math.Sin(a * x) * Math.Sin(a * x) / a;

    [Activation]
    public static double SoftClip(double x, double c = 2.0) => c * Math.Tanh(x / c);

    [Activation]
    public static double Bent(double x, double k = 0.5)
    {
        var smooth = Math.Sqrt(x * x + 1) - 1;
        return x > 0 ? x + 0.5 * smooth : k * (Math.Exp(x) - 1);
    }

    [Activation]
    public static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    [Activation]
    public static double SelfGated(double x, double beta = 1.5) => x * Logistic(beta * x);

    [Activation]   // composition across assemblies: the catalog's Sigmoid is inlined and differentiated through
    public static double CatalogGated(double x) => x * Activations.Sigmoid(2 * x) + 0.1 * Activations.Elu(x, alpha: 0.5);
}
