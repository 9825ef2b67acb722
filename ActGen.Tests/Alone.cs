using Xunit;

namespace ActGen.Tests;

/// <summary>Test classes in this collection run after the parallel ones, one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Alone
{
    public const string Name = "alone";
}
