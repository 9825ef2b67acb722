using System;

namespace ActGen.Experiments.Theory;

/// <summary>A way to compute E[f(z)] for z ~ N(0, 1).</summary>
public interface IGaussianExpectation
{
    double Expect(Func<double, double> f);
}
