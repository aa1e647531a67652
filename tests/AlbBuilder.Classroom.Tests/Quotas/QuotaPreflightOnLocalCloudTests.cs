using AlbBuilder.Classroom.Quotas;
using AlbBuilder.Classroom.Throttling;

namespace AlbBuilder.Classroom.Tests.Quotas;

/// <summary>
/// The pre-flight with real SDK clients over HTTP to LocalCloud (Instant). Correct whether or not LocalCloud serves
/// DescribeAccountLimits (the pre-flight falls back to AWS's documented defaults and says so); rerun after merging the
/// LocalCloud account-limits branch.
/// </summary>
public sealed class QuotaPreflightOnLocalCloudTests
{
    private static readonly ClassroomNeeds ThreeLabs = new(3, 2, "t3.micro", VpcId: null);

    [Fact]
    public async Task Fits_OnAnEmptyAccount()
    {
        await using var cloud = await LocalCloud.LocalCloud.StartAsync();
        using var ec2 = cloud.CreateEc2Client();
        using var elb = cloud.CreateElasticLoadBalancingV2Client();
        var shared = ClassroomClients.Wrap(ec2, elb, AwsRequestRates.Default, TimeProvider.System);

        var report = await QuotaPreflight.CheckAsync(shared.Ec2, shared.ElasticLoadBalancing, ThreeLabs, CancellationToken.None);

        Assert.True(report.Fits, report.ToString());
        Assert.Contains(report.Checks, c => c.Quota == "application-load-balancers" && c.InUse == 0 && c.Needed == 3);
        Assert.Contains(report.Checks, c => c.Quota.StartsWith("security-groups-per-vpc (vpc-", StringComparison.Ordinal));
        Assert.Contains(report.Checks, c => c.Quota.StartsWith("on-demand-standard-vcpus", StringComparison.Ordinal) && c.Needed == 12);
        Assert.DoesNotContain(shared.Calls.ByAction.Keys, action => !action.Contains(":Describe", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refuses_BeforeAnyCreate()
    {
        await using var cloud = await LocalCloud.LocalCloud.StartAsync();
        using var ec2 = cloud.CreateEc2Client();
        using var elb = cloud.CreateElasticLoadBalancingV2Client();
        var before = cloud.GetInventory().ToString();

        var report = await QuotaPreflight.CheckAsync(ec2, elb, ThreeLabs, new QuotaLimits { OnDemandStandardVcpus = 8 }, CancellationToken.None);

        Assert.False(report.Fits);
        Assert.StartsWith("on-demand-standard-vcpus", Assert.Single(report.Shortfalls).Quota, StringComparison.Ordinal);
        Assert.Equal(before, cloud.GetInventory().ToString());
    }
}
