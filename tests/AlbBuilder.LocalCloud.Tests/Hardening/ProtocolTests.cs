using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Xml.Linq;

namespace AlbBuilder.LocalCloud.Tests.Hardening;

/// <summary>Defect 7: Version, HTTP methods, sizes and malformed HTTP answered in the service's XML.</summary>
public sealed class ProtocolTests : IAsyncLifetime
{
    private readonly RawCloud _raw = new();

    public Task InitializeAsync() => _raw.InitializeAsync();

    public Task DisposeAsync() => _raw.DisposeAsync();

    [Fact]
    public async Task MissingVersion_MissingParameter_InEachServicesShape()
    {
        var ec2 = await _raw.PostAsync("Action=DescribeVpcs");
        var elbv2 = await _raw.PostAsync("Action=DescribeLoadBalancers");

        Assert.True(ec2.IsEc2Error, ec2.Text);
        Assert.Equal("MissingParameter", ec2.Code);
        Assert.True(elbv2.IsElbv2Error, elbv2.Text);
        Assert.Equal("MissingParameter", elbv2.Code);
        Assert.Equal(0, _raw.Cloud.Calls["DescribeVpcs"]);
    }

    [Fact]
    public async Task WrongVersion_Ec2NoSuchVersion_Elbv2InvalidAction()
    {
        var ec2 = await _raw.PostAsync("Action=DescribeVpcs&Version=2099-01-01");
        var elbv2 = await _raw.PostAsync("Action=DescribeLoadBalancers&Version=2012-06-01");

        Assert.Equal(HttpStatusCode.BadRequest, ec2.Status);
        Assert.Equal("NoSuchVersion", ec2.Code);
        Assert.True(elbv2.IsElbv2Error, elbv2.Text);
        Assert.Equal("InvalidAction", elbv2.Code);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    [InlineData("OPTIONS")]
    [InlineData("FOO")]
    public async Task MethodOtherThanGetOrPost_405WithAllow_AndNothingRuns(string method)
    {
        var answer = await _raw.SendAsync(new HttpMethod(method), RawCloud.Ec2Version + "Action=CreateSecurityGroup&GroupName=m&GroupDescription=m");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, answer.Status);
        Assert.True(answer.IsEc2Error, answer.Text);
        Assert.Equal("MethodNotAllowed", answer.Code);
        Assert.Contains("POST", answer.Response.Content.Headers.Allow);
        Assert.True(_raw.Cloud.GetInventory().IsEmpty);
    }

    [Fact]
    public async Task TraceWithElbv2Action_405InElbv2Shape()
    {
        // HttpClient will not send a TRACE with a body; a query-only TRACE is what a scanner sends.
        var answer = await _raw.SendAsync(HttpMethod.Trace, RawCloud.Elbv2Version + "Action=DescribeLoadBalancers");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, answer.Status);
        Assert.True(answer.IsElbv2Error, answer.Text);
    }

    [Fact]
    public async Task BodyOverOneMegabyte_413_InElbv2ShapeForAnElbv2Request()
    {
        var elbv2 = await _raw.PostAsync(RawCloud.Elbv2Version + "Action=CreateTargetGroup&Name=" + new string('a', 1_100_000));
        var ec2 = await _raw.PostAsync(RawCloud.Ec2Version + "Action=CreateSecurityGroup&GroupName=" + new string('a', 1_100_000));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, elbv2.Status);
        Assert.True(elbv2.IsElbv2Error, elbv2.Text);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, ec2.Status);
        Assert.True(ec2.IsEc2Error, ec2.Text);
    }

    [Fact]
    public async Task LongRequestTarget_414_InAwsXml()
    {
        var answer = await _raw.SendAsync(HttpMethod.Get, RawCloud.Ec2Version + "Action=DescribeVpcs&Filter.1.Name=vpc-id&Filter.1.Value.1=" + new string('v', 20_000));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, answer.Status);
        Assert.True(answer.IsEc2Error, answer.Text);
    }

    [Fact]
    public async Task LargeHeaders_431_InAwsXml()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_raw.Cloud.ServiceUrl, "?" + RawCloud.Elbv2Version + "Action=DescribeLoadBalancers"));
        request.Headers.Add("X-Padding", new string('h', 40_000));
        using var response = await _raw.Http.SendAsync(request);
        var answer = await RawCloud.Answer.ReadAsync(response);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, answer.Status);
        Assert.True(answer.IsElbv2Error, answer.Text);
    }

    [Fact]
    public async Task MalformedChunkedBody_400_InAwsXml()
    {
        var (status, body) = await RawHttpAsync(
            "POST /?Version=2016-11-15&Action=DescribeVpcs HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\nConnection: close\r\n\r\nZZZ\r\nabc\r\n0\r\n\r\n");

        Assert.Equal(400, status);
        Assert.Equal("Response", XDocument.Parse(body).Root!.Name.LocalName);
    }

    [Fact]
    public async Task UnsignedMalformedRequest_WithVerifySignatures_AuthFailureBeforeValidation()
    {
        await using var cloud = await LocalCloud.StartAsync(new LocalCloudOptions { VerifySignatures = true });
        using var content = new StringContent(RawCloud.Ec2Version + "Action=DescribeVpcs&VpcId.0=vpc-1&VpcId.0=vpc-2", Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await _raw.Http.PostAsync(cloud.ServiceUrl, content);
        var answer = await RawCloud.Answer.ReadAsync(response);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("AuthFailure", answer.Code);
    }

    /// <summary>Sends bytes HttpClient would refuse to write, and reads the status line and body.</summary>
    private async Task<(int Status, string Body)> RawHttpAsync(string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _raw.Cloud.ServiceUrl.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        var status = int.Parse(text.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var body = text[(text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        if (text.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = string.Concat(body.Split("\r\n").Where((_, i) => i % 2 == 1));
        }

        return (status, body);
    }
}
