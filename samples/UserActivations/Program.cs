using System;
using System.Linq;
using ActGen;
using UserActivations;
using static TorchSharp.torch;

// Checks every activation of this project against central finite differences on [-6, 6],
// and one of them through TorchSharp autograd. Exit code 0 and "OK" when all agree.
var failures = 0;
foreach (var activation in ActivationRegistry.All.Where(d => d.Owner == typeof(MyActivations).FullName))
{
    var worst = Enumerable.Range(-600, 1201).Select(i => i / 100.0 + 0.00123)
        .Max(x =>
        {
            const double h = 1e-5;
            var fd = (activation.Apply(x + h) - activation.Apply(x - h)) / (2 * h);
            return Math.Abs(activation.ApplyDerivative(x) - fd) / Math.Max(1, Math.Abs(fd));
        });
    var ok = worst < 1e-6;
    failures += ok ? 0 : 1;
    Console.WriteLine($"{activation.Name,-12} max relative error vs finite differences: {worst:E2} {(ok ? "ok" : "FAIL")}");
}

var input = linspace(-6, 6, 101, dtype: ScalarType.Float64).requires_grad_(true);
MyActivations.Squareplus(input).sum().backward();
var expected = input.detach().data<double>().Select(x => MyActivations.SquareplusDerivative(x)).ToArray();
var tensorError = input.grad!.data<double>().Zip(expected, (a, b) => Math.Abs(a - b)).Max();
failures += tensorError < 1e-12 ? 0 : 1;
Console.WriteLine($"Squareplus autograd vs SquareplusDerivative: max error {tensorError:E2}");

Console.WriteLine(failures == 0 ? "OK" : $"{failures} FAILED");
return failures == 0 ? 0 : 1;
