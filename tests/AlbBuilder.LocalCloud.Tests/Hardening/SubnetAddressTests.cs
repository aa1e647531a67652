using System.Net;
using System.Xml.Linq;
using AlbBuilder.LocalCloud.Ec2;

namespace AlbBuilder.LocalCloud.Tests.Hardening;

/// <summary>
/// Issue 14 defect 5: a full subnet answers <c>InsufficientFreeAddressesInSubnet</c> instead of spilling into its
/// neighbour; terminated instances' addresses are reused; no address is held twice. A /28 (11 usable addresses, as
/// AWS reserves 5) is added to the state directly: LocalCloud serves no CreateSubnet.
/// </summary>
public sealed class SubnetAddressTests : IAsyncLifetime
{
    private const string Image = "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";
    private LocalCloud _cloud = null!;
    private SignedQuery _query = null!;
    private Subnet _small = null!;

    public async Task InitializeAsync()
    {
        _cloud = await LocalCloud.StartAsync();
        _query = new SignedQuery(_cloud);
        lock (_cloud.State.Gate)
        {
            _small = new Subnet
            {
                Id = "subnet-0abcdef0123456789",
                VpcId = _cloud.State.DefaultVpc.Id,
                AvailabilityZone = _cloud.State.AvailabilityZones[0],
                AvailabilityZoneId = _cloud.State.AvailabilityZoneId(_cloud.State.AvailabilityZones[0]),
                Network = IPAddress.Parse("172.31.200.0"),
                PrefixLength = 28,
            };
            _cloud.State.Subnets[_small.Id] = _small;
        }
    }

    public async Task DisposeAsync()
    {
        _query.Dispose();
        await _cloud.DisposeAsync();
    }

    [Fact]
    public async Task FullSubnet_InsufficientFreeAddressesInSubnet_NothingCreated_CountNeverNegative()
    {
        var (filled, body) = await RunAsync(min: 1, max: 50);
        var (status, error) = await RunAsync(min: 1, max: 1);

        Assert.Equal(HttpStatusCode.OK, filled);
        Assert.Equal(11, Ids(body).Count);
        Assert.Equal((HttpStatusCode.BadRequest, "InsufficientFreeAddressesInSubnet"), (status, SignedQuery.Code(error)));
        Assert.Equal(0, await AvailableAsync());
        var addresses = Addresses(body);
        Assert.Equal(11, addresses.Distinct().Count());
        Assert.All(addresses, a => Assert.StartsWith("172.31.200.", a, StringComparison.Ordinal));
        Assert.Equal(11, (await DescribeAsync("Action=DescribeInstances")).Descendants().Count(e => e.Name.LocalName == "instanceId"));
    }

    [Fact]
    public async Task MinCountBeyondFreeAddresses_Rejected_NothingCreated()
    {
        var (status, body) = await RunAsync(min: 12, max: 12);

        Assert.Equal((HttpStatusCode.BadRequest, "InsufficientFreeAddressesInSubnet"), (status, SignedQuery.Code(body)));
        Assert.Equal(11, await AvailableAsync());
        Assert.DoesNotContain((await DescribeAsync("Action=DescribeInstances")).Descendants(), e => e.Name.LocalName == "instanceId");
    }

    [Fact]
    public async Task LaunchTerminateCycles_ReuseAddresses_InsideTheSubnet_NeverTwiceAmongLiveInstances()
    {
        for (var cycle = 0; cycle < 6; cycle++)
        {
            var (status, body) = await RunAsync(min: 11, max: 11);
            Assert.True(status == HttpStatusCode.OK, $"cycle {cycle}: {body}");

            var live = await LiveAddressesAsync();
            Assert.Equal(live.Count, live.Distinct().Count());
            Assert.All(live, a => Assert.StartsWith("172.31.200.", a, StringComparison.Ordinal));
            Assert.True(await AvailableAsync() >= 0);

            var ids = Ids(body);
            await _query.Ec2Async("Action=TerminateInstances&" + string.Join('&', ids.Select((id, i) => $"InstanceId.{i + 1}={id}")));
            await Cloud.Poll.UntilAsync(async () => await AvailableAsync(), free => free == 11, "addresses freed");
        }
    }

    private Task<(HttpStatusCode Status, XDocument Body)> RunAsync(int min, int max) =>
        _query.Ec2Async($"Action=RunInstances&ImageId={Image}&InstanceType=t3.micro&MinCount={min}&MaxCount={max}&SubnetId={_small.Id}");

    private async Task<XDocument> DescribeAsync(string form) => (await _query.Ec2Async(form)).Body;

    private async Task<int> AvailableAsync()
    {
        var body = await DescribeAsync($"Action=DescribeSubnets&SubnetId.1={_small.Id}");
        return int.Parse(body.Descendants().Single(e => e.Name.LocalName == "availableIpAddressCount").Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<List<string>> LiveAddressesAsync()
    {
        var body = await DescribeAsync("Action=DescribeInstances&Filter.1.Name=instance-state-name&Filter.1.Value.1=pending&Filter.1.Value.2=running&Filter.1.Value.3=shutting-down&Filter.1.Value.4=stopping&Filter.1.Value.5=stopped");
        return Addresses(body);
    }

    private static List<string> Ids(XDocument body) =>
        body.Descendants().Where(e => e.Name.LocalName == "instanceId").Select(e => e.Value).ToList();

    private static List<string> Addresses(XDocument body) =>
        body.Descendants().Where(e => e.Name.LocalName == "privateIpAddress" && e.Parent!.Name.LocalName == "item").Select(e => e.Value).ToList();
}
