using AlbBuilder.LocalCloud.Protocol;
using AlbBuilder.LocalCloud.Validation;

namespace AlbBuilder.LocalCloud.Tests.Hardening;

/// <summary>
/// The character rules below the HTTP tests: a lone surrogate cannot be sent as UTF-8 (it decodes to U+FFFD), so
/// it is checked here, on the functions every stored string and echoed value goes through.
/// </summary>
public sealed class AwsTextTests
{
    [Theory]
    [InlineData("plain text", true)]
    [InlineData("tab\tlf\ncr\r", true)]
    [InlineData("emoji \U0001F600", true)]
    [InlineData("\uFFFD replacement", true)]
    [InlineData("a\u0000b", false)]
    [InlineData("a\u001Fb", false)]
    [InlineData("a\uFFFEb", false)]
    [InlineData("a\uFFFFb", false)]
    public void IsXmlLegal_Xml10CharProduction(string value, bool legal) => Assert.Equal(legal, AwsText.IsXmlLegal(value));

    [Fact]
    public void IsXmlLegal_UnpairedSurrogates_Illegal()
    {
        // Built in code: xunit's theory data would turn a lone surrogate into U+FFFD.
        const char High = '\uD83D', Low = '\uDE00';

        Assert.False(AwsText.IsXmlLegal("lone high " + High));
        Assert.False(AwsText.IsXmlLegal(Low + " lone low"));
        Assert.False(AwsText.IsXmlLegal("reversed " + Low + High));
        Assert.True(AwsText.IsXmlLegal("paired " + High + Low));
    }

    [Fact]
    public void Echo_EscapesIllegalCharacters_KeepsPairs()
    {
        Assert.Equal("a\\u0001b\\uD83D \U0001F600", AwsText.Echo("a\u0001b\uD83D \U0001F600"));
        Assert.True(AwsText.IsXmlLegal(AwsText.Echo("\uFFFF\u0000\uDC00")));
    }

    [Fact]
    public void Echo_LongValue_BoundedWithEllipsis()
    {
        var echoed = AwsText.Echo(new string('x', 1_000_000));

        Assert.Equal(AwsText.EchoLength + 3, echoed.Length);
        Assert.EndsWith("...", echoed, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsServiceError_MessageIsXmlSafeAndBounded()
    {
        var error = new AwsServiceError("Code", "bad \u0002 " + new string('m', 10_000));

        Assert.True(AwsText.IsXmlLegal(error.Message));
        Assert.True(error.Message.Length <= AwsText.MessageLength + 3);
        Assert.Contains("\\u0002", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CodePoints_SurrogatePairCountsOnce()
    {
        Assert.Equal(3, AwsText.CodePoints("a\U0001F600b"));
        Assert.Equal(128, AwsText.CodePoints(string.Concat(Enumerable.Repeat("\U0001F600", 128))));
    }

    [Fact]
    public void Ec2Tag_128Emoji_Accepted_LoneSurrogate_Rejected()
    {
        Ec2Rules.Tag(string.Concat(Enumerable.Repeat("\U0001F600", 128)), "v");

        var error = Assert.Throws<AwsServiceError>(() => Ec2Rules.Tag("k", "lone \uD83D"));
        Assert.Equal("InvalidParameterValue", error.Code);
    }

    [Fact]
    public void Elbv2Tag_LoneSurrogate_ValidationError()
    {
        var error = Assert.Throws<AwsServiceError>(() => Elbv2Rules.Tag("k", "lone \uDE00"));

        Assert.Equal("ValidationError", error.Code);
    }
}
