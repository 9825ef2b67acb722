using Xunit;

namespace ActGen.Tests;

public class SmokeTests
{
    [Fact]
    public void ActivationAttributeLivesInTheActGenNamespace() =>
        Assert.Equal("ActGen.ActivationAttribute", typeof(ActivationAttribute).FullName);
}
