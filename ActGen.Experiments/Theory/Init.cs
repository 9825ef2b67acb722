using System;
using System.Globalization;

namespace ActGen.Experiments.Theory;

/// <summary>How an initialiser draws a weight matrix.</summary>
public enum WeightDistribution { Uniform, Normal, Orthogonal }

/// <summary>
/// A weight initialisation for a dense layer with <c>fanIn</c> inputs and <c>fanOut</c> outputs.
/// Mean-field theory needs σ_w² = fan_in·Var(W) and σ_b² = Var(b).
/// </summary>
public abstract record Init
{
    /// <summary>The name as the command line spells it, e.g. <c>he-normal</c> or <c>uniform(0.05)</c>.</summary>
    public abstract string Name { get; }

    public abstract WeightDistribution Distribution { get; }

    /// <summary>The variance of one weight entry.</summary>
    public abstract double WeightVariance(int fanIn, int fanOut);

    /// <summary>The variance of one bias entry (biases start at zero unless overridden).</summary>
    public virtual double BiasVariance(int fanIn) => 0.0;

    /// <summary>σ_w² = fan_in·Var(W).</summary>
    public double SigmaW2(int fanIn, int fanOut) => fanIn * WeightVariance(fanIn, fanOut);

    /// <summary>The half-width of the uniform distribution with the weight variance: √(3·Var).</summary>
    public double UniformBound(int fanIn, int fanOut) => Math.Sqrt(3 * WeightVariance(fanIn, fanOut));

    public sealed override string ToString() => Name;

    internal static string Number(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}

/// <summary>PyTorch's nn.Linear default: W and b ~ U(−1/√fan_in, 1/√fan_in), so σ_w² = 1/3.</summary>
public sealed record PytorchDefaultInit : Init
{
    public override string Name => "pytorch-default";
    public override WeightDistribution Distribution => WeightDistribution.Uniform;
    public override double WeightVariance(int fanIn, int fanOut) => 1.0 / (3.0 * fanIn);
    public override double BiasVariance(int fanIn) => 1.0 / (3.0 * fanIn);
}

/// <summary>W ~ U(−a, a).</summary>
public sealed record UniformInit(double A) : Init
{
    public override string Name => $"uniform({Number(A)})";
    public override WeightDistribution Distribution => WeightDistribution.Uniform;
    public override double WeightVariance(int fanIn, int fanOut) => A * A / 3.0;
}

/// <summary>W ~ N(0, σ²).</summary>
public sealed record NormalInit(double Sigma) : Init
{
    public override string Name => $"normal({Number(Sigma)})";
    public override WeightDistribution Distribution => WeightDistribution.Normal;
    public override double WeightVariance(int fanIn, int fanOut) => Sigma * Sigma;
}

/// <summary>Glorot/Xavier: Var(W) = 2/(fan_in + fan_out), uniform or normal.</summary>
public sealed record GlorotInit(WeightDistribution Kind) : Init
{
    public override string Name => Kind == WeightDistribution.Uniform ? "glorot-uniform" : "glorot-normal";
    public override WeightDistribution Distribution => Kind;
    public override double WeightVariance(int fanIn, int fanOut) => 2.0 / (fanIn + fanOut);
}

/// <summary>He/Kaiming for ReLU: Var(W) = 2/fan_in, uniform or normal.</summary>
public sealed record HeInit(WeightDistribution Kind) : Init
{
    public override string Name => Kind == WeightDistribution.Uniform ? "he-uniform" : "he-normal";
    public override WeightDistribution Distribution => Kind;
    public override double WeightVariance(int fanIn, int fanOut) => 2.0 / fanIn;
}

/// <summary>LeCun normal (SELU's init): Var(W) = 1/fan_in.</summary>
public sealed record LecunNormalInit : Init
{
    public override string Name => "lecun-normal";
    public override WeightDistribution Distribution => WeightDistribution.Normal;
    public override double WeightVariance(int fanIn, int fanOut) => 1.0 / fanIn;
}

/// <summary>A (semi-)orthogonal matrix with gain 1: each entry has variance 1/max(fan_in, fan_out).</summary>
public sealed record OrthogonalInit : Init
{
    public override string Name => "orthogonal";
    public override WeightDistribution Distribution => WeightDistribution.Orthogonal;
    public override double WeightVariance(int fanIn, int fanOut) => 1.0 / Math.Max(fanIn, fanOut);
}
