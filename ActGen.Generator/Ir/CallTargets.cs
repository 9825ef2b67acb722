namespace ActGen.Generator.Ir;

/// <summary>
/// What an <see cref="Apply"/> calls: an activation by its key (<c>global::Ns.Class.Name</c>), or the derivative
/// of one (the key with a prime), which only differentiation creates.
/// </summary>
internal static class CallTargets
{
    private const string Prime = "'";

    public static string Derivative(string target) => target + Prime;

    public static bool IsDerivative(string target) => target.EndsWith(Prime, System.StringComparison.Ordinal);

    /// <summary>The activation's key, for a call of it or of its derivative.</summary>
    public static string Activation(string target) => IsDerivative(target) ? target.Substring(0, target.Length - Prime.Length) : target;

    /// <summary><c>global::Ns.Class</c> and <c>Name</c> of a key.</summary>
    public static (string Type, string Name) Split(string key)
    {
        var dot = key.LastIndexOf('.');
        return (key.Substring(0, dot), key.Substring(dot + 1));
    }
}
