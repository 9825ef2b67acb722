using System;
using System.Globalization;

namespace ActGen.Generator.Emit;

/// <summary>The element type a piece of code is emitted for, with its C# spellings.</summary>
internal sealed record NumericType(string Keyword, string MathClass, string Suffix)
{
    public static readonly NumericType Double = new("double", "global::System.Math", "");
    public static readonly NumericType Float = new("float", "global::System.MathF", "f");

    public string VectorType => $"global::System.Numerics.Vector<{Keyword}>";

    /// <summary>
    /// A literal that round-trips and is of this type (never an int literal). A double beyond float's range is
    /// float's infinity, as the cast gives it.
    /// </summary>
    public string Literal(double value)
    {
        if (this == Float)
        {
            value = (float)value;
        }

        if (double.IsNaN(value))
        {
            return $"{Keyword}.NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? $"{Keyword}.PositiveInfinity" : $"{Keyword}.NegativeInfinity";
        }

        var text = this == Float
            ? ((float)value).ToString("R", CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);
        var isIntegral = text.IndexOfAny(['.', 'E', 'e']) < 0;
        return this == Float ? text + "f" : isIntegral ? text + ".0" : text;
    }
}
