using System.Collections.Generic;
using System.Linq;
using ActGen.Generator.Diagnostics;
using ActGen.Generator.Ir;
using ActGen.Generator.Model;
using ActGen.Generator.Naming;
using static ActGen.Generator.Ir.E;

namespace ActGen.Generator.Calculus;

/// <summary>The pipeline of the small compiler: resolve calls, inline lets, simplify, differentiate, simplify.</summary>
internal static class Lowering
{
    /// <summary>The name the incoming gradient takes in backward bodies.</summary>
    public static readonly string GradOutput = Namer.InternalName("gy");

    /// <summary>
    /// The most nodes a forward may have with its lets and inlined calls written out. The passes work on the DAG (see
    /// <see cref="Sharing"/>), so nesting costs what the source does; but the body recorded for other assemblies
    /// (<see cref="ActivationSource"/>) is written out as a tree, and so are a few checks (structural hashing in some
    /// rewrites, the numeric probe at guards, the models' equality between runs): a local used twice per line doubles
    /// those per line, and past this (about twelve such lines) they would not finish.
    /// </summary>
    public const int MaxNodes = 5000;

    /// <summary>Lowers one activation with the activations it calls; failures become diagnostics (located later, by key).</summary>
    public static GenerationUnit LowerOne(LoweringInput input)
    {
        var model = input.Model;
        try
        {
            var models = input.Callees.Append(model).ToDictionary(c => c.Key, c => c);
            var inlined = Inliner.Inline(model, models);
            if (inlined.Error is not null)
            {
                return new GenerationUnit(model.Key, null, EquatableArray.Of(inlined.Error));
            }

            return Traversal.LargerThan(inlined.Body!, MaxNodes)
                ? new GenerationUnit(model.Key, null, EquatableArray.Of(TooLarge(model)))
                : GuardLimitWarnings.Attach(new GenerationUnit(model.Key, Lower(model, inlined.Body!, models, inlined.Resolved), default));
        }
        catch (System.Exception e) when (e is not System.OperationCanceledException)
        {
            return new GenerationUnit(model.Key, null, EquatableArray.Of(InternalError.Of(model.Name, null, e)));
        }
    }

    private static DiagnosticInfo TooLarge(ActivationModel model) =>
        new(Descriptors.TooLarge, null, EquatableArray.Of(model.Name, MaxNodes.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Lowers a call-free body (tests, and activations that call nothing).</summary>
    public static LoweredActivation Lower(ActivationModel model, Expr callFreeBody) =>
        Lower(model, callFreeBody, new Dictionary<string, ActivationModel>(), new Dictionary<string, Expr>());

    private static LoweredActivation Lower(
        ActivationModel model, Expr body, IReadOnlyDictionary<string, ActivationModel> models, IReadOnlyDictionary<string, Expr> resolved)
    {
        // Tensor parameters vary per element in the back ends, so a call taking one is inlined as well.
        var variables = ParameterOrder.Tensors(model).Select(p => p.Name).Append(model.Input).ToList();
        var forward = Simplifier.Simplify(CallExpansion.ExpandDependent(Substitution.InlineLets(body), variables, models, resolved));
        Expr Derivative(string wrt) => Simplifier.Simplify(Differentiation.Differentiate(forward, wrt));
        Expr Guarded(Expr e) => NanPropagation.Guard(e, model.Input);
        Expr TimesGy(Expr derivative) => Simplifier.Simplify(Mul(new Ref(GradOutput), derivative));
        var parameterDerivatives = model.Parameters
            .Where(p => p.Kind == ParameterKind.Learnable)
            .Select(p => Guarded(Derivative(p.Name)) is var d ? new ParameterDerivative(p.Name, d, TimesGy(d)) : null!)
            .ToEquatableArray();
        var derivative = Derivative(model.Input);
        var outputForm = OutputForm.Derivative(forward, derivative, model.Input, model.Parameters);
        var inOutput = outputForm is null ? null : NanPropagation.Guard(outputForm, OutputForm.Output);
        var guarded = Guarded(derivative);
        var secondOrder = SecondOrder.Lower(model, forward, outputForm, models, resolved);
        var lowered = new LoweredActivation(model, Guarded(forward), guarded, parameterDerivatives, inOutput, TimesGy(inOutput ?? guarded),
            secondOrder, EquatableArray<LoweredCallee>.Empty);
        return lowered with { Callees = Callees(lowered, models, resolved) };
    }

    /// <summary>
    /// Every activation still called (directly or through another callee), lowered once, callees before callers: the
    /// back ends that cannot call the generated C# members (TorchScript) define them as functions of their own.
    /// </summary>
    private static EquatableArray<LoweredCallee> Callees(
        LoweredActivation activation, IReadOnlyDictionary<string, ActivationModel> models, IReadOnlyDictionary<string, Expr> resolved)
    {
        var ordered = new List<LoweredCallee>();
        var seen = new HashSet<string>();

        void Visit(string key)
        {
            if (!seen.Add(key))
            {
                return;
            }

            var callee = models[key];
            var forward = Simplifier.Simplify(CallExpansion.ExpandDependent(resolved[key], [callee.Input], models, resolved));
            var derivative = Simplifier.Simplify(Differentiation.Differentiate(forward, callee.Input));
            foreach (var next in CallExpansion.Targets(forward).Concat(CallExpansion.Targets(derivative)))
            {
                Visit(next);
            }

            ordered.Add(new LoweredCallee(
                key,
                callee,
                NanPropagation.Guard(forward, callee.Input),
                NanPropagation.Guard(derivative, callee.Input)));
        }

        var roots = new[] { activation.Forward, activation.Derivative, activation.Backward }
            .Concat(activation.ParameterDerivatives.Select(d => d.Gradient));
        foreach (var key in roots.SelectMany(CallExpansion.Targets).Distinct().OrderBy(k => k, System.StringComparer.Ordinal))
        {
            Visit(key);
        }

        return ordered.ToEquatableArray();
    }
}
