using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace AlbBuilder.LocalCloud.Tests.Hardening;

/// <summary>
/// Issue 14 defect 8 / issue 12 item 8: the signature check rejects what AWS rejects, with each service's code and
/// status. LocalCloud's clock is a fake one, so "5 minutes off" is exact.
/// </summary>
public sealed class SignatureHardeningTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
    private LocalCloud _cloud = null!;
    private SignedQuery _query = null!;

    public async Task InitializeAsync()
    {
        _cloud = await LocalCloud.StartAsync(new LocalCloudOptions { TimeProvider = _clock });
        _query = new SignedQuery(_cloud, _clock);
    }

    public async Task DisposeAsync()
    {
        _query.Dispose();
        await _cloud.DisposeAsync();
    }

    [Fact]
    public async Task Default_VerifiesSignatures_UnsignedRejected()
    {
        await using var cloud = await LocalCloud.StartAsync();
        using var http = new HttpClient();
        using var content = new StringContent("Action=DescribeVpcs&Version=2016-11-15", Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await http.PostAsync(cloud.ServiceUrl, content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("<Code>AuthFailure</Code>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProperlySigned_BothServices_Accepted()
    {
        var (ec2, _) = await _query.Ec2Async("Action=DescribeVpcs");
        var (elb, _) = await _query.Elbv2Async("Action=DescribeLoadBalancers");

        Assert.Equal(HttpStatusCode.OK, ec2);
        Assert.Equal(HttpStatusCode.OK, elb);
    }

    [Theory]
    [InlineData(-4 * 60)]
    [InlineData(4 * 60)]
    public async Task WithinFiveMinutes_Accepted(int seconds)
    {
        var (status, _) = await _query.Ec2Async("Action=DescribeVpcs", new Signing { At = _clock.GetUtcNow().AddSeconds(seconds) });

        Assert.Equal(HttpStatusCode.OK, status);
    }

    public static TheoryData<DateTimeOffset> Skewed => new()
    {
        new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 11, 30, 12, 5, 1, TimeSpan.Zero),
        new DateTimeOffset(2026, 11, 30, 11, 54, 59, TimeSpan.Zero),
        new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero),
    };

    [Theory]
    [MemberData(nameof(Skewed))]
    public async Task MoreThanFiveMinutesOff_Ec2RequestExpired400_Elbv2SignatureDoesNotMatch403(DateTimeOffset at)
    {
        var (ec2, ec2Body) = await _query.Ec2Async("Action=DescribeVpcs", new Signing { At = at });
        var (elb, elbBody) = await _query.Elbv2Async("Action=DescribeLoadBalancers", new Signing { At = at });

        Assert.Equal((HttpStatusCode.BadRequest, "RequestExpired"), (ec2, SignedQuery.Code(ec2Body)));
        Assert.Equal((HttpStatusCode.Forbidden, "SignatureDoesNotMatch"), (elb, SignedQuery.Code(elbBody)));
        Assert.Contains(at < _clock.GetUtcNow() ? "Signature expired" : "Signature not yet current", elbBody.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoDate_IncompleteSignature()
    {
        var (ec2, ec2Body) = await _query.Ec2Async("Action=DescribeVpcs", new Signing { OmitDate = true, SignedHeaders = ["host"] });
        var (elb, elbBody) = await _query.Elbv2Async("Action=DescribeLoadBalancers", new Signing { OmitDate = true, SignedHeaders = ["host"] });

        Assert.Equal((HttpStatusCode.BadRequest, "IncompleteSignature"), (ec2, SignedQuery.Code(ec2Body)));
        Assert.Equal((HttpStatusCode.Forbidden, "IncompleteSignature"), (elb, SignedQuery.Code(elbBody)));
    }

    [Fact]
    public async Task ScopeDateOtherThanXAmzDate_SignatureDoesNotMatch()
    {
        var (status, body) = await _query.Ec2Async("Action=DescribeVpcs", new Signing { ScopeDate = "20261129" });

        Assert.Equal((HttpStatusCode.Forbidden, "SignatureDoesNotMatch"), (status, SignedQuery.Code(body)));
    }

    [Theory]
    [InlineData("region")]
    [InlineData("service")]
    [InlineData("terminator")]
    public async Task ScopeOfAnotherRegionServiceOrTerminator_SignatureDoesNotMatch403(string what)
    {
        var signing = what switch
        {
            "region" => new Signing { Region = "eu-west-1" },
            "service" => new Signing { Service = "s3" },
            _ => new Signing { Terminator = "aws5_request" },
        };

        var (ec2, ec2Body) = await _query.Ec2Async("Action=DescribeVpcs", signing);
        var (elb, elbBody) = await _query.Elbv2Async("Action=DescribeLoadBalancers", signing);

        Assert.True((HttpStatusCode.Forbidden, "SignatureDoesNotMatch") == (ec2, SignedQuery.Code(ec2Body)), what);
        Assert.True((HttpStatusCode.Forbidden, "SignatureDoesNotMatch") == (elb, SignedQuery.Code(elbBody)), what);
    }

    public static TheoryData<string[]> BadSignedHeaders => new() { Array.Empty<string>(), new[] { "x-amz-date" }, new[] { "host" } };

    [Theory]
    [MemberData(nameof(BadSignedHeaders))]
    public async Task SignedHeadersEmptyOrWithoutHostOrDate_IncompleteSignature(string[] signedHeaders)
    {
        var (status, body) = await _query.Ec2Async("Action=DescribeVpcs", new Signing { SignedHeaders = signedHeaders });

        Assert.Equal((HttpStatusCode.BadRequest, "IncompleteSignature"), (status, SignedQuery.Code(body)));
    }

    [Fact]
    public async Task UnsignedPayload_Rejected_AndNotExecuted()
    {
        var (status, body) = await _query.Ec2Async(
            "Action=CreateSecurityGroup&GroupName=unsigned-payload&GroupDescription=x",
            new Signing { ContentSha256 = "UNSIGNED-PAYLOAD", SignedHeaders = ["host", "x-amz-content-sha256", "x-amz-date"], SignedPayloadHash = "UNSIGNED-PAYLOAD" });

        Assert.Equal((HttpStatusCode.Forbidden, "SignatureDoesNotMatch"), (status, SignedQuery.Code(body)));
        await AssertNoGroupAsync("unsigned-payload");
    }

    [Fact]
    public async Task BodySwappedAfterSigning_WithDeclaredHashOfTheSignedBody_Rejected_AndNotExecuted()
    {
        var signed = $"Version={SignedQuery.Ec2Version}&Action=DescribeVpcs";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(signed)));
        var (status, body) = await _query.SendAsync(
            "ec2",
            signed,
            new Signing
            {
                ContentSha256 = hash,
                SignedHeaders = ["host", "x-amz-content-sha256", "x-amz-date"],
                BodyAfterSigning = $"Version={SignedQuery.Ec2Version}&Action=CreateSecurityGroup&GroupName=swapped&GroupDescription=x",
            });

        Assert.Equal((HttpStatusCode.Forbidden, "SignatureDoesNotMatch"), (status, SignedQuery.Code(body)));
        await AssertNoGroupAsync("swapped");
    }

    [Fact]
    public async Task TwoAuthorizationHeaders_Rejected_AndNeitherExecuted()
    {
        var (status, body) = await _query.SendWithTwoAuthorizationsAsync(
            "ec2",
            $"Version={SignedQuery.Ec2Version}&Action=DescribeVpcs",
            $"Version={SignedQuery.Ec2Version}&Action=CreateSecurityGroup&GroupName=second-auth&GroupDescription=x");

        Assert.Equal(400, status);
        Assert.Contains("<Code>IncompleteSignature</Code>", body, StringComparison.Ordinal);
        await AssertNoGroupAsync("second-auth");
    }

    private async Task AssertNoGroupAsync(string name)
    {
        var (status, body) = await _query.Ec2Async("Action=DescribeSecurityGroups&Filter.1.Name=group-name&Filter.1.Value.1=" + name);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain(body.Descendants(), e => e.Name.LocalName == "groupId");
    }
}
