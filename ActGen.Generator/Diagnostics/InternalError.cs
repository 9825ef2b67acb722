using System;
using ActGen.Generator.Ir;

namespace ActGen.Generator.Diagnostics;

/// <summary>Turns an unexpected exception into ACTGEN099 on the method, so the generator never throws into the compiler.</summary>
internal static class InternalError
{
    public static DiagnosticInfo Of(string activation, LocationInfo? location, Exception error) =>
        new(Descriptors.InternalError, location, EquatableArray.Of(activation, $"{error.GetType().Name}: {error.Message}"));
}
