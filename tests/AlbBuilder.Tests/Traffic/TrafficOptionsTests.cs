using Microsoft.Extensions.Options;

namespace AlbBuilder.Tests.Traffic;

public sealed class TrafficOptionsTests
{
    [Theory]
    [InlineData("<h1>Hello World from ip-172-31-1-10.us-east-1.compute.internal</h1>", "ip-172-31-1-10.us-east-1.compute.internal")]
    [InlineData("<html><body><h1>Hello World from ip-10-0-0-5.ec2.internal</h1>\n</body></html>", "ip-10-0-0-5.ec2.internal")]
    [InlineData("hello world from   host-b\n", "host-b")]
    public void ReadHelloWorldHost_SeedPage_ReturnsHost(string body, string expected)
    {
        Assert.Equal(expected, TrafficOptions.ReadHelloWorldHost(body));
    }

    [Theory]
    [InlineData("<h1>It works!</h1>")]
    [InlineData("")]
    [InlineData("<h1>Hello World from </h1>")]
    public void ReadHelloWorldHost_NoHost_ReturnsNull(string body)
    {
        Assert.Null(TrafficOptions.ReadHelloWorldHost(body));
    }

    [Fact]
    public void Validate_Defaults_Pass()
    {
        var options = new TrafficOptions();

        options.Validate();

        Assert.Equal(20, options.Requests);
        Assert.Equal(4, options.MaxConcurrency);
        Assert.Equal(TimeSpan.FromSeconds(5), options.PerRequestTimeout);
        Assert.Equal(0.25, options.BalanceTolerance);
        Assert.Equal("/", options.Path);
    }

    [Fact]
    public void Validate_EveryBadValue_ListedInOneException()
    {
        var options = new TrafficOptions
        {
            Requests = 0,
            MaxConcurrency = 2000,
            PerRequestTimeout = TimeSpan.Zero,
            BalanceTolerance = double.NaN,
            Path = "health",
            ExpectedBackends = ["a", " "],
        };

        var ex = Assert.Throws<OptionsValidationException>(options.Validate);

        Assert.Equal(6, ex.Failures.Count());
        foreach (var name in new[] { "Requests = 0", "MaxConcurrency = 2000", "PerRequestTimeout = 00:00:00", "BalanceTolerance = NaN", "Path = health", "ExpectedBackends" })
        {
            Assert.Contains(ex.Failures, f => f.Contains(name, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void TimeProvider_UnsetByDefault_ValidAndTheSystemClockIsUsed()
    {
        var options = new TrafficOptions();

        options.Validate();

        Assert.Null(options.TimeProvider);
        Assert.Same(TimeProvider.System, options.Clock);
        Assert.Same(TimeProvider.System, (options with { TimeProvider = TimeProvider.System }).TimeProvider);
    }

    [Fact]
    public void DrillOptions_TimeProvider_UnsetByDefault_AndTheSystemClockIsUsed()
    {
        var options = new DrillOptions();

        options.Validate();

        Assert.Null(options.TimeProvider);
        Assert.Same(TimeProvider.System, options.Clock);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    public void Validate_ToleranceOutOfRange_Throws(double tolerance)
    {
        var ex = Assert.Throws<OptionsValidationException>(new TrafficOptions { BalanceTolerance = tolerance }.Validate);

        Assert.Single(ex.Failures);
    }
}
