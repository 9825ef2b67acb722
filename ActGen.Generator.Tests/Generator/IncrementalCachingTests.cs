using System;
using System.Collections.Generic;
using System.Linq;
using ActGen.Generator;
using ActGen.Generator.Model;
using ActGen.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ActGen.Generator.Tests.Generator;

/// <summary>An unrelated edit regenerates nothing; a body edit regenerates that activation only; models hold no Roslyn objects.</summary>
public class IncrementalCachingTests
{
    private const string Source = """
        using System;
        using ActGen;
        namespace Demo;
        public static partial class Acts
        {
            [Activation] public static double Bent(double x, double k = 0.5) => x > 0 ? x : k * Math.Exp(x);
            [Activation] public static double Square(double x) => x * x;
        }
        """;

    private static readonly string[] Steps = [ActivationGenerator.Steps.Parse, ActivationGenerator.Steps.Lower];

    private static GeneratorRunResult RunTwice(Func<Compilation, Compilation> edit)
    {
        var compilation = GeneratorHarness.Compilation(Source);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        return driver.RunGenerators(edit(compilation)).GetRunResult().Results.Single();
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    [Fact]
    public void AnUnrelatedEditLeavesEveryStepCached()
    {
        var result = RunTwice(c => c.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText("namespace Other { public class Unrelated { public int Y => 2; } }")));
        foreach (var step in Steps)
        {
            Assert.All(
                Reasons(result, step),
                r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {r}"));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    /// <summary>How many times a step's transform ran (an output not served from the cache).</summary>
    private static int Ran(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(s => s.Outputs).Count(o => o.Reason != IncrementalStepRunReason.Cached);

    private static Compilation Edit(Compilation c, Func<string, string> change)
    {
        var tree = c.SyntaxTrees.Single();
        var (before, after) = (tree.GetText().ToString(), change(tree.GetText().ToString()));
        Assert.NotEqual(before, after);
        return c.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(after)));
    }

    [Fact]
    public void EditingOneBodyLowersThatActivationOnlyWhereverItIsInTheFile()
    {
        foreach (var (edited, expected) in new[] { ("x * x", "Square"), ("k * Math.Exp(x)", "Bent") })
        {
            var result = RunTwice(c => Edit(c, s => s.Replace(edited, $"({edited}) * 2.0")));
            Assert.Equal(1, Ran(result, ActivationGenerator.Steps.Lower));
            var lowered = result.TrackedSteps[ActivationGenerator.Steps.Lower].SelectMany(s => s.Outputs)
                .Where(o => o.Reason != IncrementalStepRunReason.Cached).Select(o => ((GenerationUnit)o.Value).Key);
            Assert.Equal([$"global::Demo.Acts.{expected}"], lowered);
        }
    }

    [Fact]
    public void MovingCodeLowersAndRendersNothingAgain()
    {
        var result = RunTwice(c => Edit(
            c,
            s => s.Replace(
                "public static partial class Acts\n{",
                "public static partial class Acts\n{\n    // a comment that moves every method\n")));
        Assert.Equal(0, Ran(result, ActivationGenerator.Steps.Lower));
        Assert.Equal(0, Ran(result, ActivationGenerator.Steps.Render));
    }

    [Fact]
    public void EditingACalleeLowersItsCallersToo()
    {
        const string composed = """
            using System;
            using ActGen;
            namespace Demo;
            public static partial class Acts
            {
                [Activation] public static double Inner(double x) => Math.Tanh(x);
                [Activation] public static double Outer(double x) => x * Inner(x);
                [Activation] public static double Alone(double x) => x * x;
            }
            """;
        var compilation = GeneratorHarness.Compilation(composed);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        var result = driver.RunGenerators(Edit(compilation, s => s.Replace("Math.Tanh(x)", "Math.Atan(x)")))
            .GetRunResult().Results.Single();
        Assert.Equal(2, Ran(result, ActivationGenerator.Steps.Lower));
    }

    [Fact]
    public void ModelsHoldNoCompilationSymbolOrSyntax()
    {
        Type[] forbidden =
        [
            typeof(Compilation), typeof(ISymbol), typeof(SyntaxNode), typeof(SemanticModel), typeof(Location), typeof(SyntaxTree),
        ];
        var offending = Reachable(typeof(ParseResult)).Concat(Reachable(typeof(GenerationUnit)))
            .Where(t => forbidden.Any(f => f.IsAssignableFrom(t)))
            .ToList();
        Assert.Empty(offending);
        Assert.Contains(typeof(ActivationModel), Reachable(typeof(ParseResult)));
    }

    /// <summary>Every type reachable through public properties and generic arguments, including IR subclasses.</summary>
    private static HashSet<Type> Reachable(Type root)
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>([root]);
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (!seen.Add(type) || type.IsPrimitive || type == typeof(string))
            {
                continue;
            }

            var next = type.GetProperties().Select(p => p.PropertyType)
                .Concat(type.IsGenericType ? type.GetGenericArguments() : [])
                .Concat(type.IsAbstract ? type.Assembly.GetTypes().Where(t => t.IsSubclassOf(type)) : []);
            foreach (var t in next.Where(t => t.Namespace?.StartsWith("ActGen", StringComparison.Ordinal) == true
                                              || t.Namespace?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true))
            {
                pending.Push(t);
            }
        }

        return seen;
    }
}
