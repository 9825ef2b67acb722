using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ActGen.Generator.Diagnostics;
using ActGen.Generator.Ir;
using ActGen.Generator.Model;

namespace ActGen.Generator.Calculus;

/// <summary>The pipeline of the small compiler: resolve calls, inline lets, simplify, differentiate, simplify.</summary>
internal static class Lowering
{
    /// <summary>Turns every parse result into a generation unit; activations see each other for composition.</summary>
    public static IEnumerable<GenerationUnit> LowerAll(IReadOnlyList<ParseResult> parsed, CancellationToken cancellationToken)
    {
        var known = parsed.Where(p => p.Model is not null)
            .GroupBy(p => p.Key)
            .ToDictionary(g => g.Key, g => g.First().Model!);
        foreach (var result in parsed.OrderBy(p => p.Key, System.StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (result.Model is null)
            {
                yield return new GenerationUnit(result.Key, null, result.Diagnostics);
                continue;
            }

            yield return LowerOne(result.Model, known);
        }
    }

    private static GenerationUnit LowerOne(ActivationModel model, IReadOnlyDictionary<string, ActivationModel> known)
    {
        try
        {
            var (body, error) = Inliner.Inline(model, known);
            return error is null
                ? new GenerationUnit(model.Key, Lower(model, body!), EquatableArray<DiagnosticInfo>.Empty)
                : new GenerationUnit(model.Key, null, EquatableArray.Of(error));
        }
        catch (System.Exception e) when (e is not System.OperationCanceledException)
        {
            return new GenerationUnit(model.Key, null, EquatableArray.Of(InternalError.Of(model.Name, model.Location, e)));
        }
    }

    public static LoweredActivation Lower(ActivationModel model, Expr callFreeBody)
    {
        var forward = Simplifier.Simplify(Substitution.InlineLets(callFreeBody));
        Expr Derivative(string wrt) => Simplifier.Simplify(Differentiation.Differentiate(forward, wrt));
        var parameterDerivatives = model.Parameters
            .Where(p => p.Kind == ParameterKind.Learnable)
            .Select(p => new ParameterDerivative(p.Name, Derivative(p.Name)))
            .ToEquatableArray();
        var derivative = Derivative(model.Input);
        return new LoweredActivation(model, forward, derivative, parameterDerivatives, OutputForm.Derivative(forward, derivative, model.Input, model.Parameters));
    }
}
