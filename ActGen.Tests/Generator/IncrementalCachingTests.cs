using System;
using System.Collections.Generic;
using System.Linq;
using ActGen.Generator;
using ActGen.Generator.Model;
using ActGen.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ActGen.Tests.Generator;

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
        var result = RunTwice(c => c.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other { public class Unrelated { public int Y => 2; } }")));
        foreach (var step in Steps)
        {
            Assert.All(Reasons(result, step), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {r}"));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    // Models carry their source location, so the edited method is the last one: methods below an edit move.
    [Fact]
    public void EditingOneBodyModifiesThatActivationOnly()
    {
        var result = RunTwice(c =>
        {
            var tree = c.SyntaxTrees.Single();
            return c.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(Source.Replace("x * x", "x * x * x"))));
        });
        var lowered = result.TrackedSteps[ActivationGenerator.Steps.Lower].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(1, lowered.Count(o => o.Reason == IncrementalStepRunReason.Modified));
        Assert.Contains(lowered, o => o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void ModelsHoldNoCompilationSymbolOrSyntax()
    {
        Type[] forbidden = [typeof(Compilation), typeof(ISymbol), typeof(SyntaxNode), typeof(SemanticModel), typeof(Location), typeof(SyntaxTree)];
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
