using System.Diagnostics;
using System.Net;
using AlbBuilder.LocalCloud.Ec2;

namespace AlbBuilder.LocalCloud.Tests.Hardening;

/// <summary>Issue 14 defect 2: wildcard filters match without a backtracking regex and without holding the lock.</summary>
public sealed class WildcardTests : IAsyncLifetime
{
    private const string Hostile = "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b";
    private LocalCloud _cloud = null!;
    private SignedQuery _query = null!;

    public async Task InitializeAsync()
    {
        _cloud = await LocalCloud.StartAsync();
        _query = new SignedQuery(_cloud);
    }

    public async Task DisposeAsync()
    {
        _query.Dispose();
        await _cloud.DisposeAsync();
    }

    [Theory]
    [InlineData("*", "", true)]
    [InlineData("*", "anything", true)]
    [InlineData("", "", true)]
    [InlineData("", "a", false)]
    [InlineData("?", "a", true)]
    [InlineData("?", "", false)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "ac", false)]
    [InlineData("web-*", "web-1", true)]
    [InlineData("*-1", "web-1", true)]
    [InlineData("*-1", "web-12", false)]
    [InlineData("a*b*c", "aXXbYYc", true)]
    [InlineData("a*b*c", "aXXcYYb", false)]
    [InlineData("**a", "ba", true)]
    [InlineData("a.b", "axb", false)]
    [InlineData("[ab]", "a", false)]
    [InlineData("[ab]", "[ab]", true)]
    public void Matches_AwsWildcards_LiteralOtherwise(string pattern, string value, bool expected) =>
        Assert.Equal(expected, Ec2Filter.Matches(pattern, value));

    [Fact]
    public void Matches_HostilePattern_AgainstLongValue_Quick()
    {
        var watch = Stopwatch.StartNew();
        var matched = Ec2Filter.Matches(string.Concat(Enumerable.Repeat("*a", 5000)) + "*b", new string('a', 100_000));

        Assert.False(matched);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task HostileTagFilter_AnswersQuickly_AndDoesNotBlockOtherCalls()
    {
        var vpcId = (await _query.Ec2Async("Action=DescribeVpcs")).Body.Descendants().First(e => e.Name.LocalName == "vpcId").Value;
        var (tagged, _) = await _query.Ec2Async($"Action=CreateTags&ResourceId.1={vpcId}&Tag.1.Key=long&Tag.1.Value={new string('a', 256)}");
        Assert.Equal(HttpStatusCode.OK, tagged);

        var watch = Stopwatch.StartNew();
        var hostile = Enumerable.Range(0, 8)
            .Select(_ => _query.Ec2Async($"Action=DescribeVpcs&Filter.1.Name=tag:long&Filter.1.Value.1={Uri.EscapeDataString(Hostile)}"))
            .ToList();
        var unrelated = await _query.Ec2Async("Action=DescribeAvailabilityZones");
        var unrelatedAfter = watch.Elapsed;
        var answers = await Task.WhenAll(hostile);

        Assert.Equal(HttpStatusCode.OK, unrelated.Status);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.All(answers, a => Assert.DoesNotContain(a.Body.Descendants(), e => e.Name.LocalName == "vpcId"));
        // Before: 1 s per request (a regex timeout → 500), 8 in a row behind the lock.
        Assert.True(unrelatedAfter < TimeSpan.FromSeconds(3), $"the unrelated call waited {unrelatedAfter}");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"the hostile calls took {watch.Elapsed}");
    }

    [Fact]
    public async Task WildcardTagFilter_StillMatches()
    {
        var vpcId = (await _query.Ec2Async("Action=DescribeVpcs")).Body.Descendants().First(e => e.Name.LocalName == "vpcId").Value;
        await _query.Ec2Async($"Action=CreateTags&ResourceId.1={vpcId}&Tag.1.Key=Name&Tag.1.Value=lab-vpc-1");

        var (status, body) = await _query.Ec2Async("Action=DescribeVpcs&Filter.1.Name=tag:Name&Filter.1.Value.1=lab-*-%3F");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(body.Descendants(), e => e.Name.LocalName == "vpcId" && e.Value == vpcId);
    }
}
