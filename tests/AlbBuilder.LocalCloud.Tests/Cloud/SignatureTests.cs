using System.Net;
using System.Text;
using AlbBuilder.ElasticLoadBalancingV2;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Elb = AlbBuilder.ElasticLoadBalancingV2.Model;

namespace AlbBuilder.LocalCloud.Tests.Cloud;

public sealed class SignatureTests : IAsyncLifetime
{
    private LocalCloud _cloud = null!;

    public async Task InitializeAsync() => _cloud = await LocalCloud.StartAsync(new LocalCloudOptions { VerifySignatures = true });

    public async Task DisposeAsync() => await _cloud.DisposeAsync();

    [Fact]
    public async Task Ec2_RightCredentials_Accepted()
    {
        using var ec2 = _cloud.CreateEc2Client();

        var response = await ec2.DescribeVpcsAsync(new DescribeVpcsRequest());

        Assert.Single(response.Vpcs);
    }

    [Fact]
    public async Task Ec2_WrongSecret_SignatureDoesNotMatch403()
    {
        using var ec2 = new AmazonEC2Client(new BasicAWSCredentials(LocalCloud.AccessKeyId, "wrong-secret"), _cloud.ConfigureEc2(new AmazonEC2Config()));

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeVpcsAsync(new DescribeVpcsRequest()));

        Assert.Equal("SignatureDoesNotMatch", error.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task Ec2_UnknownAccessKey_AuthFailure()
    {
        using var ec2 = new AmazonEC2Client(new BasicAWSCredentials("AKIAUNKNOWN000000000", LocalCloud.SecretAccessKey), _cloud.ConfigureEc2(new AmazonEC2Config()));

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeVpcsAsync(new DescribeVpcsRequest()));

        Assert.Equal("AuthFailure", error.ErrorCode);
    }

    [Fact]
    public async Task Elbv2_RightCredentials_Accepted_WrongSecret_SignatureDoesNotMatch_UnknownKey_InvalidClientTokenId()
    {
        using var good = _cloud.CreateElasticLoadBalancingV2Client();
        using var badSecret = new AmazonElasticLoadBalancingV2Client(
            new BasicAWSCredentials(LocalCloud.AccessKeyId, "wrong-secret"),
            _cloud.ConfigureElasticLoadBalancingV2(new AmazonElasticLoadBalancingV2Config()));
        using var badKey = new AmazonElasticLoadBalancingV2Client(
            new BasicAWSCredentials("AKIAUNKNOWN000000000", LocalCloud.SecretAccessKey),
            _cloud.ConfigureElasticLoadBalancingV2(new AmazonElasticLoadBalancingV2Config()));

        var ok = await good.DescribeLoadBalancersAsync(new Elb.DescribeLoadBalancersRequest());
        var signature = await Assert.ThrowsAsync<AmazonElasticLoadBalancingV2Exception>(() => badSecret.DescribeLoadBalancersAsync(new Elb.DescribeLoadBalancersRequest()));
        var key = await Assert.ThrowsAsync<AmazonElasticLoadBalancingV2Exception>(() => badKey.DescribeLoadBalancersAsync(new Elb.DescribeLoadBalancersRequest()));

        Assert.Empty(ok.LoadBalancers ?? []);
        Assert.Equal("SignatureDoesNotMatch", signature.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, signature.StatusCode);
        Assert.Equal("InvalidClientTokenId", key.ErrorCode);
    }

    [Fact]
    public async Task UnsignedRequest_Rejected()
    {
        using var http = new HttpClient();
        using var content = new StringContent("Action=DescribeVpcs&Version=2016-11-15", Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await http.PostAsync(_cloud.ServiceUrl, content);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("<Code>AuthFailure</Code>", body, StringComparison.Ordinal);
    }
}
