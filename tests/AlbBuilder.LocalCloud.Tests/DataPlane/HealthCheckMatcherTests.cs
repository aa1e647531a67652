using AlbBuilder.LocalCloud.DataPlane;

namespace AlbBuilder.LocalCloud.Tests.DataPlane;

public sealed class HealthCheckMatcherTests
{
    [Theory]
    [InlineData("200", 200, true)]
    [InlineData("200", 201, false)]
    [InlineData("200", 404, false)]
    [InlineData("200,202", 200, true)]
    [InlineData("200,202", 202, true)]
    [InlineData("200,202", 201, false)]
    [InlineData("200-299", 200, true)]
    [InlineData("200-299", 250, true)]
    [InlineData("200-299", 299, true)]
    [InlineData("200-299", 300, false)]
    [InlineData("200, 301-302", 302, true)]
    [InlineData("200, 301-302", 303, false)]
    public void Matches_ParsedMatcher_AcceptsOnlyItsCodes(string text, int code, bool expected)
    {
        var matcher = HealthCheckMatcher.Parse(text);

        Assert.Equal(expected, matcher.Matches(code));
        Assert.Equal(text, matcher.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("ok")]
    [InlineData("199")]
    [InlineData("500")]
    [InlineData("300-200")]
    [InlineData("200-")]
    [InlineData("200,,202")]
    [InlineData("+200")]
    public void TryParse_Invalid_FailsWithReason(string text)
    {
        Assert.False(HealthCheckMatcher.TryParse(text, out var matcher, out var error));
        Assert.Null(matcher);
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.Throws<FormatException>(() => HealthCheckMatcher.Parse(text));
    }

    [Fact]
    public void Validate_SeveralBadSettings_ListsEveryProblem()
    {
        var settings = new TargetHealthCheckSettings("health", TimeSpan.Zero, TimeSpan.FromSeconds(1), 0, 2, "600", "HTTPS");

        var ex = Assert.Throws<ArgumentException>(() => settings.Validate());

        Assert.Contains("Path", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Interval", ex.Message, StringComparison.Ordinal);
        Assert.Contains("HealthyThreshold", ex.Message, StringComparison.Ordinal);
        Assert.Contains("HTTPS", ex.Message, StringComparison.Ordinal);
        Assert.Contains("600", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AwsDefaults_ParsesMatcher()
    {
        var matcher = TargetHealthCheckSettings.AwsDefaults.Validate();

        Assert.True(matcher.Matches(200));
        Assert.False(matcher.Matches(204));
    }
}
