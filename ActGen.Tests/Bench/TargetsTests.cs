using System.Linq;
using ActGen.Benchmarks;
using Xunit;

namespace ActGen.Tests.Bench;

/// <summary>The report judges issue #12's targets from the numbers it prints: synthetic runs with known answers.</summary>
public sealed class TargetsTests
{
    private static readonly RunInfo Info = new("cpu", true, 2, 2, 0.04, 0, 0, 1, "on", "", "test cpu");

    private static DetailRow Row(string activation, long n, string impl, string phase, double ms, double boundMs = double.NaN) =>
        new(new BenchRow(activation, n, "float32", impl, phase, ms, 1), ms, 1, 5, 0, 1, 0, boundMs);

    private static StepRow Step(string activation, string impl, double ms) => new(activation, impl, 16, 64, 64, ms, ms, 5, 0, 1, 0);

    private static BenchResult Result(DetailRow[] rows, StepRow[] steps, MemoryRow[] memory) =>
        new(rows, [], memory, [], [], Info) { Steps = steps };

    [Fact]
    public void StepIsMetOnlyWhenEveryActGenModuleIsAtMostTheBuiltin()
    {
        var verdicts = Targets.Evaluate(Result([], [
            Step("relu", ImplName.ActGen, 1.2), Step("relu", StepCase.Fused, 0.9), Step("relu", ImplName.Builtin, 1.0), Step("relu", ImplName.Composed, 2.0),
            Step("elu", ImplName.ActGen, 0.95), Step("elu", StepCase.Fused, 0.9), Step("elu", ImplName.Builtin, 1.0),
            Step("swish", ImplName.ActGen, 0.4), Step("swish", StepCase.Fused, 0.6), Step("swish", ImplName.Composed, 1.0)], []));

        var relu = Assert.Single(verdicts, v => v.Activation == "relu");
        Assert.Equal((Targets.StepVsBuiltin, false, 2, 1, "actgen"), (relu.Target, relu.Met, relu.Cases, relu.MetCases, relu.WorstAt));
        Assert.Equal(1.2, relu.Worst, 12);
        Assert.True(Assert.Single(verdicts, v => v.Activation == "elu").Met);
        // A user activation has no builtin: judged against its composed formula at 0.5×.
        var swish = Assert.Single(verdicts, v => v.Activation == "swish");
        Assert.Equal((Targets.StepUserVsComposed, false, 1, StepCase.Fused), (swish.Target, swish.Met, swish.MetCases, swish.WorstAt));
    }

    [Fact]
    public void KernelsAreJudgedFrom2To16UpAndTheBoundAt2To24ForTheMemoryBoundOnes()
    {
        const string fb = "forward+backward";
        var verdicts = Targets.Evaluate(Result([
            // Below 2^16 a call is overhead: out of scope, however slow.
            Row("relu", 1L << 12, ImplName.ActGen, fb, 10), Row("relu", 1L << 12, ImplName.Builtin, fb, 1), Row("relu", 1L << 12, ImplName.Composed, fb, 1),
            Row("relu", 1L << 16, ImplName.ActGen, fb, 1), Row("relu", 1L << 16, ImplName.Builtin, fb, 2), Row("relu", 1L << 16, ImplName.Composed, fb, 4),
            Row("relu", 1L << 24, ImplName.ActGen, fb, 10, boundMs: 6), Row("relu", 1L << 24, ImplName.Builtin, fb, 9), Row("relu", 1L << 24, ImplName.Composed, fb, 50),
            Row("gelu", 1L << 24, ImplName.ActGen, fb, 10, boundMs: 1), Row("gelu", 1L << 24, ImplName.Builtin, fb, 12), Row("gelu", 1L << 24, ImplName.Composed, fb, 20)],
            [], [new MemoryRow("relu", ImplName.ActGen, 1 << 24, "float32", 0.1, 0.025), new MemoryRow("relu", ImplName.Composed, 1 << 24, "float32", 8, 2)]));

        var builtin = Assert.Single(verdicts, v => v.Activation == "relu" && v.Target == Targets.KernelVsBuiltin);
        Assert.Equal((false, 2, 1, "float32 forward+backward 2^24"), (builtin.Met, builtin.Cases, builtin.MetCases, builtin.WorstAt));
        Assert.Equal(10.0 / 9, builtin.Worst, 12);
        Assert.True(Assert.Single(verdicts, v => v.Activation == "relu" && v.Target == Targets.KernelVsComposed).Met);
        var bound = Assert.Single(verdicts, v => v.Activation == "relu" && v.Target == Targets.Bound);
        Assert.Equal((false, 0.6), (bound.Met, bound.Worst));
        // gelu is not memory-bound: no bound verdict; 2.0× faster than composed misses the 3× target.
        Assert.DoesNotContain(verdicts, v => v.Activation == "gelu" && v.Target == Targets.Bound);
        Assert.False(Assert.Single(verdicts, v => v.Activation == "gelu" && v.Target == Targets.KernelVsComposed).Met);
        Assert.True(Assert.Single(verdicts, v => v.Activation == "gelu" && v.Target == Targets.KernelVsBuiltin).Met);
        // Memory: actgen's rows only.
        Assert.True(Assert.Single(verdicts, v => v.Target == Targets.SavedTensors).Met);

        var markdown = Targets.Render(verdicts);
        Assert.Contains("| ≥ 70 % of the copy bound at 2^24 | relu | **missed** | 0/1 | 60 % | float32 forward+backward 2^24 |", markdown);
        Assert.Equal(verdicts.Count + 1, Targets.Csv(verdicts).Split('\n', System.StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
