using System.Collections.Generic;
using System.Linq;

namespace ActGen.Generator.Model;

/// <summary>
/// The two orders parameters travel in, mapped in one place. Scalar forms and kernels take them as declared; the
/// tensor side (the autograd function, its TorchScript program, the module) takes the input, then the tensor
/// parameters (learnable and randomized, as declared), then the hyper-parameters (as declared). The runtime reads the
/// same split from each parameter's role in <c>ActivationDefinition.Parameters</c>.
/// </summary>
internal static class ParameterOrder
{
    public static IReadOnlyList<ParameterModel> Tensors(ActivationModel model) => model.Parameters.Where(IsTensor).ToList();

    public static IReadOnlyList<ParameterModel> Hyper(ActivationModel model) => model.Parameters.Where(p => !IsTensor(p)).ToList();

    /// <summary>Learnable parameters are Parameters and randomized ones are drawn: both reach the function as tensors.</summary>
    public static bool IsTensor(ParameterModel p) => p.Kind != ParameterKind.Hyper;
}
