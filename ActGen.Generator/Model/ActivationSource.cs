using System;
using System.Globalization;
using System.Linq;
using ActGen.Generator.Ir;

namespace ActGen.Generator.Model;

/// <summary>
/// An activation's definition as one string (input, parameter names, lowered body), stored by the generator in
/// an assembly attribute so that activations in other assemblies can inline it: <c>x|alpha|(…)</c>.
/// </summary>
internal sealed record ActivationSource(string Input, EquatableArray<string> Parameters, Expr Body)
{
    public const string AttributeType = "ActGen.ActivationSourceAttribute";

    public string Encode() => $"{Input}|{string.Join(",", Parameters)}|{ExprCodec.Encode(Body)}";

    public static ActivationSource? TryDecode(string text)
    {
        var parts = text.Split(['|'], 3);
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            var parameters = parts[1].Length == 0 ? [] : parts[1].Split(',');
            return new ActivationSource(parts[0], parameters.ToEquatableArray(), ExprCodec.Decode(parts[2]));
        }
        catch (Exception e) when (e is FormatException or ArgumentException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
