using System.Diagnostics;
using System.Net;
using System.Text;

namespace AlbBuilder.LocalCloud.Tests.Hardening;

/// <summary>Issue 14 defect 3: nothing grows without bound: call counters, instances (vCPU quota), rules per group.</summary>
public sealed class QuotaTests : IAsyncLifetime
{
    private const string Image = "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";
    private LocalCloud _cloud = null!;
    private SignedQuery _query = null!;

    public async Task InitializeAsync()
    {
        // 8 vCPUs: four t3.micro (2 vCPUs each), or eight t2.micro (1 vCPU).
        _cloud = await LocalCloud.StartAsync(new LocalCloudOptions { OnDemandVcpuLimit = 8, RulesPerSecurityGroupLimit = 60 });
        _query = new SignedQuery(_cloud);
    }

    public async Task DisposeAsync()
    {
        _query.Dispose();
        await _cloud.DisposeAsync();
    }

    [Fact]
    public async Task UnknownActions_NotStoredByName_CountedUnderInvalidAction()
    {
        for (var i = 0; i < 20; i++)
        {
            var (status, body) = await _query.Ec2Async($"Action=Unknown{i}{new string('x', 2000)}");
            Assert.Equal((HttpStatusCode.BadRequest, "InvalidAction"), (status, SignedQuery.Code(body)));
        }

        await _query.Elbv2Async("Action=NoSuchElbAction");
        await _query.Ec2Async("Action=DescribeVpcs");

        var counters = _cloud.Calls.ToDictionary();
        Assert.DoesNotContain(counters.Keys, k => k.Contains("Unknown", StringComparison.Ordinal) || k.Contains("NoSuch", StringComparison.Ordinal));
        Assert.Equal(21, _cloud.Calls["InvalidAction"]);
        Assert.Equal(1, _cloud.Calls["DescribeVpcs"]);
        Assert.True(counters.Count <= 6, string.Join(", ", counters.Keys));
    }

    [Fact]
    public async Task RunInstances_BeyondVcpuQuota_VcpuLimitExceeded_NothingCreated()
    {
        var (first, _) = await _query.Ec2Async($"Action=RunInstances&ImageId={Image}&InstanceType=t3.micro&MinCount=3&MaxCount=3");
        var (status, body) = await _query.Ec2Async($"Action=RunInstances&ImageId={Image}&InstanceType=t3.micro&MinCount=2&MaxCount=2");

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal((HttpStatusCode.BadRequest, "VcpuLimitExceeded"), (status, SignedQuery.Code(body)));
        Assert.Contains("vCPU limit of 8", body.ToString(), StringComparison.Ordinal);
        Assert.Equal(3, await InstanceCountAsync());
    }

    [Fact]
    public async Task RunInstances_MaxCountBeyondQuota_LaunchesWhatFits_AtLeastMin()
    {
        var (status, body) = await _query.Ec2Async($"Action=RunInstances&ImageId={Image}&InstanceType=t2.micro&MinCount=2&MaxCount=50");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(8, body.Descendants().Count(e => e.Name.LocalName == "instanceId"));
    }

    [Fact]
    public async Task TerminatedInstances_FreeTheirVcpus()
    {
        var (_, body) = await _query.Ec2Async($"Action=RunInstances&ImageId={Image}&InstanceType=t3.micro&MinCount=4&MaxCount=4");
        var ids = body.Descendants().Where(e => e.Name.LocalName == "instanceId").Select(e => e.Value).ToList();
        var terminate = string.Join('&', ids.Select((id, i) => $"InstanceId.{i + 1}={id}"));
        await _query.Ec2Async("Action=TerminateInstances&" + terminate);
        await Cloud.Poll.UntilAsync(
            async () => (await _query.Ec2Async("Action=DescribeInstances&Filter.1.Name=instance-state-name&Filter.1.Value.1=terminated")).Body,
            b => b.Descendants().Count(e => e.Name.LocalName == "instanceId") == 4,
            "4 terminated");

        var (status, _) = await _query.Ec2Async($"Action=RunInstances&ImageId={Image}&InstanceType=t3.micro&MinCount=4&MaxCount=4");

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Rules_UpToSixtyEachWay_ThenRulesPerSecurityGroupLimitExceeded_GroupUnchanged()
    {
        var group = await CreateGroupAsync("rules");
        var (ok, _) = await _query.Ec2Async($"Action=AuthorizeSecurityGroupIngress&GroupId={group}&" + Rules(0, 60));
        var (egressOk, _) = await _query.Ec2Async($"Action=AuthorizeSecurityGroupEgress&GroupId={group}&" + Rules(0, 59));
        var (status, body) = await _query.Ec2Async($"Action=AuthorizeSecurityGroupIngress&GroupId={group}&" + Rules(60, 1));

        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal(HttpStatusCode.OK, egressOk); // 59 + the default allow-all egress rule = 60
        Assert.Equal((HttpStatusCode.BadRequest, "RulesPerSecurityGroupLimitExceeded"), (status, SignedQuery.Code(body)));
        Assert.Equal(60, await IngressCountAsync(group));
    }

    [Fact]
    public async Task HugeAuthorize_AnsweredQuickly_AddsNothing()
    {
        var group = await CreateGroupAsync("huge");

        var watch = Stopwatch.StartNew();
        var (status, body) = await _query.Ec2Async($"Action=AuthorizeSecurityGroupIngress&GroupId={group}&" + Rules(0, 5000));
        var elapsed = watch.Elapsed;

        Assert.Equal((HttpStatusCode.BadRequest, "RulesPerSecurityGroupLimitExceeded"), (status, SignedQuery.Code(body)));
        Assert.Equal(0, await IngressCountAsync(group));
        Assert.True(elapsed < TimeSpan.FromSeconds(3), $"took {elapsed}");
    }

    private static string Rules(int from, int count)
    {
        var form = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var n = i + 1;
            var host = from + i;
            form.Append($"IpPermissions.{n}.IpProtocol=tcp&IpPermissions.{n}.FromPort=80&IpPermissions.{n}.ToPort=80&IpPermissions.{n}.IpRanges.1.CidrIp=10.{host / 65536 % 256}.{host / 256 % 256}.{host % 256}%2F32&");
        }

        return form.ToString().TrimEnd('&');
    }

    private async Task<string> CreateGroupAsync(string name) =>
        (await _query.Ec2Async($"Action=CreateSecurityGroup&GroupName={name}&GroupDescription=x")).Body.Descendants().First(e => e.Name.LocalName == "groupId").Value;

    private async Task<int> IngressCountAsync(string group)
    {
        var (_, body) = await _query.Ec2Async($"Action=DescribeSecurityGroups&GroupId.1={group}");
        return body.Descendants().Single(e => e.Name.LocalName == "ipPermissions").Descendants().Count(e => e.Name.LocalName == "cidrIp");
    }

    private async Task<int> InstanceCountAsync() =>
        (await _query.Ec2Async("Action=DescribeInstances")).Body.Descendants().Count(e => e.Name.LocalName == "instanceId");
}
