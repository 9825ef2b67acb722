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

    /// <summary>Lowers one activation with the activations it calls; failures become diagnostics (located later, by key).</summary>
    public static GenerationUnit LowerOne(LoweringInput input)
    {
        var model = input.Model;
        try
        {
            var (body, error) = Inliner.Inline(model, input.Callees.ToDictionary(c => c.Key, c => c));
            return error is null
                ? new GenerationUnit(model.Key, Lower(model, body!), EquatableArray<DiagnosticInfo>.Empty)
                : new GenerationUnit(model.Key, null, EquatableArray.Of(error));
        }
        catch (System.Exception e) when (e is not System.OperationCanceledException)
        {
            return new GenerationUnit(model.Key, null, EquatableArray.Of(InternalError.Of(model.Name, null, e)));
        }
    }

    public static LoweredActivation Lower(ActivationModel model, Expr callFreeBody)
    {
        var forward = Simplifier.Simplify(Substitution.InlineLets(callFreeBody));
        Expr Derivative(string wrt) => Simplifier.Simplify(Differentiation.Differentiate(forward, wrt));
        Expr Guarded(Expr e) => NanPropagation.Guard(e, model.Input);
        Expr TimesGy(Expr derivative) => Simplifier.Simplify(Mul(new Ref(GradOutput), derivative));
        var parameterDerivatives = model.Parameters
            .Where(p => p.Kind == ParameterKind.Learnable)
            .Select(p => Guarded(Derivative(p.Name)) is var d ? new ParameterDerivative(p.Name, d, TimesGy(d)) : null!)
            .ToEquatableArray();
        var derivative = Derivative(model.Input);
        var inOutput = OutputForm.Derivative(forward, derivative, model.Input, model.Parameters) is { } y
            ? NanPropagation.Guard(y, OutputForm.Output)
            : null;
        var guarded = Guarded(derivative);
        return new LoweredActivation(model, Guarded(forward), guarded, parameterDerivatives, inOutput, TimesGy(inOutput ?? guarded));
    }
}
