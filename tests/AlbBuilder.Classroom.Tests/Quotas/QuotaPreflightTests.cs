using AlbBuilder.Classroom.Quotas;
using Amazon.EC2.Model;
using NSubstitute;
using Elb = AlbBuilder.ElasticLoadBalancingV2.Model;

namespace AlbBuilder.Classroom.Tests.Quotas;

public sealed class QuotaPreflightTests
{
    private static readonly ClassroomNeeds TenLabs = new(10, 2, "t3.micro", VpcId: null);

    [Fact]
    public async Task Fits_EveryLimitCheckedWithItsSource_NoWriteCall()
    {
        var account = new AccountStub();

        var report = await QuotaPreflight.CheckAsync(account.Ec2, account.Elb, TenLabs, CancellationToken.None);

        Assert.True(report.Fits, report.ToString());
        Assert.Equal(
            ["application-load-balancers", "target-groups", "listeners-per-application-load-balancer", "security-groups-per-vpc (vpc-default)", "rules-per-security-group", "vpc-max-security-groups-per-interface", "on-demand-standard-vcpus (t3.micro: 2 each)"],
            report.Checks.Select(c => c.Quota));
        var loadBalancers = report.Checks[0];
        Assert.Equal((50, 3, 10, "ELBv2 DescribeAccountLimits"), (loadBalancers.Limit, loadBalancers.InUse, loadBalancers.Needed, loadBalancers.Source));
        var groups = report.Checks[3];
        Assert.Equal((2500, 10, 20), (groups.Limit, groups.InUse, groups.Needed));
        Assert.Contains("QuotaLimits", groups.Source, StringComparison.Ordinal);
        Assert.Equal((60, 0, 2), (report.Checks[4].Limit, report.Checks[4].InUse, report.Checks[4].Needed));
        Assert.Equal((5, "EC2 DescribeAccountAttributes"), (report.Checks[5].Limit, report.Checks[5].Source));
        var vcpus = report.Checks[6];
        Assert.Equal((1152, 4, 40), (vcpus.Limit, vcpus.InUse, vcpus.Needed));
        Assert.Contains("L-1216C47A", vcpus.Source, StringComparison.Ordinal);
        Assert.Empty(account.Writes());
    }

    [Fact]
    public async Task Refuses_NamingEachShortfall()
    {
        var account = new AccountStub(loadBalancerLimit: 20, loadBalancers: 15);

        var report = await QuotaPreflight.CheckAsync(account.Ec2, account.Elb, TenLabs, new QuotaLimits { OnDemandStandardVcpus = 32 }, CancellationToken.None);

        Assert.False(report.Fits);
        Assert.Equal(["application-load-balancers", "on-demand-standard-vcpus (t3.micro: 2 each)"], report.Shortfalls.Select(s => s.Quota));
        var message = new ClassroomQuotaException(report).Message;
        Assert.Contains("application-load-balancers: need 10, 15 of 20 in use — short by 5", message, StringComparison.Ordinal);
        Assert.Contains("on-demand-standard-vcpus (t3.micro: 2 each): need 40, 4 of 32 in use — short by 12", message, StringComparison.Ordinal);
        Assert.Empty(account.Writes());
    }

    [Fact]
    public async Task RulesBeyondTheGroupLimit_AreAShortfall()
    {
        var account = new AccountStub();

        var report = await QuotaPreflight.CheckAsync(account.Ec2, account.Elb, TenLabs with { RulesPerSecurityGroup = 3 }, new QuotaLimits { RulesPerSecurityGroup = 2 }, CancellationToken.None);

        Assert.Equal("rules-per-security-group", Assert.Single(report.Shortfalls).Quota);
    }

    [Fact]
    public async Task SecurityGroups_CountedInTheGivenVpc()
    {
        var account = new AccountStub(securityGroups: 2499);

        var report = await QuotaPreflight.CheckAsync(account.Ec2, account.Elb, TenLabs with { VpcId = "vpc-lab" }, CancellationToken.None);

        Assert.Equal("security-groups-per-vpc (vpc-lab)", Assert.Single(report.Shortfalls).Quota);
        await account.Ec2.Received().DescribeSecurityGroupsAsync(
            Arg.Is<DescribeSecurityGroupsRequest>(r => r.Filters.Single().Name == "vpc-id" && r.Filters.Single().Values.Single() == "vpc-lab"), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task VcpusInUse_CountOnlyPendingAndRunningInstances()
    {
        var account = new AccountStub();

        await QuotaPreflight.CheckAsync(account.Ec2, account.Elb, TenLabs, CancellationToken.None);

        await account.Ec2.Received().DescribeInstancesAsync(
            Arg.Is<DescribeInstancesRequest>(r => r.Filters.Single().Name == "instance-state-name" && r.Filters.Single().Values.SequenceEqual(new[] { "pending", "running" })),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task InUse_CountsEveryPage()
    {
        var account = new AccountStub();
        account.Elb.DescribeLoadBalancersAsync(Arg.Any<Elb.DescribeLoadBalancersRequest>(), Arg.Any<CancellationToken>()).Returns(
            call => call.Arg<Elb.DescribeLoadBalancersRequest>().Marker is null
                ? new Elb.DescribeLoadBalancersResponse { LoadBalancers = [new() { LoadBalancerArn = "a" }, new() { LoadBalancerArn = "b" }], NextMarker = "next" }
                : new Elb.DescribeLoadBalancersResponse { LoadBalancers = [new() { LoadBalancerArn = "c" }, new() { LoadBalancerArn = "n", Type = AlbBuilder.ElasticLoadBalancingV2.LoadBalancerTypeEnum.Network }] });

        var report = await QuotaPreflight.CheckAsync(account.Ec2, account.Elb, TenLabs, CancellationToken.None);

        Assert.Equal(3, report.Checks.Single(c => c.Quota == "application-load-balancers").InUse);
    }

    [Fact]
    public async Task EndpointWithoutTheOptionalCalls_FallsBackToDocumentedDefaults_AndSaysSo()
    {
        var account = new AccountStub().WithoutOptionalCalls();

        var report = await QuotaPreflight.CheckAsync(account.Ec2, account.Elb, TenLabs, CancellationToken.None);

        Assert.True(report.Fits, report.ToString());
        Assert.Equal(50, report.Checks[0].Limit);
        Assert.Contains("does not serve DescribeAccountLimits", report.Checks[0].Source, StringComparison.Ordinal);
        Assert.Equal("security-groups-per-vpc (vpc-found)", report.Checks[3].Quota);
        Assert.Contains("not served", report.Checks[5].Source, StringComparison.Ordinal);
        Assert.Contains("DescribeInstanceTypes not served", report.Checks[6].Source, StringComparison.Ordinal);
        Assert.Equal(40, report.Checks[6].Needed);
    }

    [Fact]
    public async Task OtherErrors_Propagate()
    {
        var account = new AccountStub();
        account.Ec2.DescribeSecurityGroupsAsync(Arg.Any<DescribeSecurityGroupsRequest>(), Arg.Any<CancellationToken>())
            .Returns<DescribeSecurityGroupsResponse>(_ => throw new Amazon.EC2.AmazonEC2Exception("denied") { ErrorCode = "UnauthorizedOperation" });

        await Assert.ThrowsAsync<Amazon.EC2.AmazonEC2Exception>(() => QuotaPreflight.CheckAsync(account.Ec2, account.Elb, TenLabs, CancellationToken.None));
    }

    [Fact]
    public async Task Cancelled_Throws() =>
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            QuotaPreflight.CheckAsync(new AccountStub().Ec2, new AccountStub().Elb, TenLabs, new CancellationToken(canceled: true)));

    [Theory]
    [InlineData("t3.micro", 2)]
    [InlineData("t2.micro", 1)]
    [InlineData("m5.xlarge", 4)]
    [InlineData("c5.4xlarge", 16)]
    [InlineData("m5.metal", 96)]
    public void VcpusFromSize_WhenAwsCannotBeAsked(string instanceType, int vcpus) =>
        Assert.Equal(vcpus, VcpuQuota.FromSize(instanceType));
}
