using System.Collections.Generic;
using ActGen.Generator.Calculus;
using ActGen.Generator.Model;
using ActGen.Generator.Naming;

namespace ActGen.Generator.Emit;

/// <summary>How IR names read inside one kernel: the element locals of the scalar loop and the vectors of the SIMD loop.</summary>
internal sealed record KernelNames(
    ActivationModel Model,
    Namer Namer,
    ISet<string> Spans,
    string Source,
    string Output,
    string Index)
{
    /// <summary>
    /// In the scalar loop: the input's element is a local of the user's own name (kernels take the input as a span
    /// of another name), y and gy are element locals, span parameters are indexed, the rest as named.
    /// </summary>
    public string Scalar(string name) =>
        name == OutputForm.Output ? Namer.Fresh("y")
        : name == Lowering.GradOutput ? Namer.Fresh("gy")
        : name == SecondOrder.GradGrad ? Namer.Fresh("gg")
        : Spans.Contains(name) ? $"{Namer.User(name)}[{Index}]"
        : Namer.Ir(name);

    /// <summary>In the vector loop: every number is a vector local.</summary>
    public string Vector(string name) =>
        name == OutputForm.Output ? Namer.Fresh("yv")
        : name == Lowering.GradOutput ? Namer.Fresh("gyv")
        : name == SecondOrder.GradGrad ? Namer.Fresh("ggv")
        : Namer.UserNames.Contains(name) ? VectorOf(name)
        : Namer.Ir(name);

    /// <summary>The vector local of a parameter.</summary>
    public string VectorOf(string parameter) => Namer.Fresh(parameter + "V");

    /// <summary>The reference to a span's first element.</summary>
    public string Start(string span) => Namer.Fresh(span.TrimStart('@') + "Start");
}
