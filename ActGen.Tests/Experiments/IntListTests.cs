using ActGen.Experiments.Cli;
using Xunit;

namespace ActGen.Tests.Experiments;

public class IntListTests
{
    [Theory]
    [InlineData("1,2,4", new[] { 1, 2, 4 })]
    [InlineData("3", new[] { 3 })]
    [InlineData("1-5", new[] { 1, 2, 3, 4, 5 })]
    [InlineData("1-32:8", new[] { 1, 9, 17, 25 })]
    [InlineData("1, 2-4, 4, 10-12:2", new[] { 1, 2, 3, 4, 10, 12 })]
    [InlineData("0", new[] { 0 })]
    public void ParsesListsAndRanges(string text, int[] expected) => Assert.Equal(expected, IntList.TryParse(text));

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("5-1")]
    [InlineData("1-4:0")]
    [InlineData("3:2")]
    [InlineData("-2")]
    [InlineData("1-2-3")]
    [InlineData("1,,x")]
    public void RejectsMalformedText(string text) => Assert.Null(IntList.TryParse(text));
}
