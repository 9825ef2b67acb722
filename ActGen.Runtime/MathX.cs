namespace ActGen;

/// <summary>
/// Special functions that generated activation code calls: scalar (<see cref="double"/>, <see cref="float"/>)
/// and SIMD (<see cref="System.Numerics.Vector{T}"/>) forms. Every vector lane agrees with the scalar
/// function closely (double: ~1e-15 relative, float: a few ulp) and is finite wherever the scalar is.
/// Float scalars compute in double and round once.
/// </summary>
public static partial class MathX
{
}
