using System.Net;
using System.Text;
using System.Xml.Linq;

namespace AlbBuilder.LocalCloud.Tests.Cloud;

/// <summary>The wire format itself: unsigned POST and GET Query requests and AWS's XML shapes.</summary>
public sealed class RawQueryTests : IAsyncLifetime
{
    private static readonly XNamespace _ec2Ns = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private static readonly XNamespace _elbNs = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
    private LocalCloud _cloud = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _cloud = await LocalCloud.StartAsync(new LocalCloudOptions { VerifySignatures = false }); // unsigned on purpose
        _http = new HttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _cloud.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, XDocument Body)> PostAsync(string form)
    {
        using var content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await _http.PostAsync(_cloud.ServiceUrl, content);
        return (response.StatusCode, XDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Ec2Post_ResponseInEc2NamespaceWithRequestIdAndItems()
    {
        var (status, body) = await PostAsync("Action=DescribeAvailabilityZones&Version=2016-11-15");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(_ec2Ns + "DescribeAvailabilityZonesResponse", body.Root!.Name);
        Assert.False(string.IsNullOrEmpty(body.Root.Element(_ec2Ns + "requestId")?.Value));
        Assert.Equal(6, body.Root.Element(_ec2Ns + "availabilityZoneInfo")!.Elements(_ec2Ns + "item").Count());
    }

    [Fact]
    public async Task Ec2Error_ResponseErrorsErrorShape()
    {
        var (status, body) = await PostAsync("Action=DescribeInstances&Version=2016-11-15&InstanceId.1=i-0123456789abcdef0");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Response", body.Root!.Name.LocalName);
        Assert.Equal("InvalidInstanceID.NotFound", body.Root.Element("Errors")!.Element("Error")!.Element("Code")!.Value);
        Assert.NotNull(body.Root.Element("RequestID"));
    }

    [Fact]
    public async Task Elbv2Get_ResultAndResponseMetadata()
    {
        using var response = await _http.GetAsync(new Uri(_cloud.ServiceUrl, "?Action=DescribeLoadBalancers&Version=2015-12-01"));
        var body = XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(_elbNs + "DescribeLoadBalancersResponse", body.Root!.Name);
        Assert.NotNull(body.Root.Element(_elbNs + "DescribeLoadBalancersResult")!.Element(_elbNs + "LoadBalancers"));
        Assert.False(string.IsNullOrEmpty(body.Root.Element(_elbNs + "ResponseMetadata")!.Element(_elbNs + "RequestId")!.Value));
    }

    [Fact]
    public async Task Elbv2Error_ErrorResponseWithSenderType()
    {
        var (status, body) = await PostAsync("Action=DescribeLoadBalancers&Version=2015-12-01&Names.member.1=missing");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(_elbNs + "ErrorResponse", body.Root!.Name);
        var error = body.Root.Element(_elbNs + "Error")!;
        Assert.Equal("Sender", error.Element(_elbNs + "Type")!.Value);
        Assert.Equal("LoadBalancerNotFound", error.Element(_elbNs + "Code")!.Value);
    }

    [Fact]
    public async Task UnknownAction_InvalidAction()
    {
        var (status, body) = await PostAsync("Action=CreateVpc&Version=2016-11-15");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("InvalidAction", body.Root!.Element("Errors")!.Element("Error")!.Element("Code")!.Value);
    }
}
