using AlbBuilder.LocalCloud.Ec2;
using AlbBuilder.LocalCloud.Elbv2;
using AlbBuilder.LocalCloud.Protocol;

namespace AlbBuilder.LocalCloud.Tests.Internals;

/// <summary>The shared dispatch (actions read from the APIs' attributes) and the shared paging helper.</summary>
public sealed class DispatchTests
{
    [Fact]
    public void Ec2Api_ServesExactlyItsActions()
    {
        string[] expected =
        [
            "DescribeVpcs", "DescribeSubnets", "DescribeAvailabilityZones", "DescribeImages", "DescribeInstanceTypeOfferings",
            "CreateSecurityGroup", "DescribeSecurityGroups", "DeleteSecurityGroup",
            "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress",
            "RunInstances", "DescribeInstances", "StopInstances", "StartInstances", "TerminateInstances", "DescribeInstanceAttribute",
            "CreateTags", "DescribeTags", "DeleteTags", "DescribeAccountAttributes", "DescribeInstanceTypes",
        ];

        Assert.Equal(expected.Order(StringComparer.Ordinal), Ec2Api.Operations.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Elbv2Api_ServesExactlyItsActions()
    {
        string[] expected =
        [
            "CreateLoadBalancer", "DescribeLoadBalancers", "DeleteLoadBalancer", "ModifyLoadBalancerAttributes", "DescribeLoadBalancerAttributes",
            "CreateTargetGroup", "DescribeTargetGroups", "ModifyTargetGroupAttributes", "DescribeTargetGroupAttributes", "DeleteTargetGroup",
            "RegisterTargets", "DeregisterTargets", "DescribeTargetHealth",
            "CreateListener", "DescribeListeners", "DeleteListener",
            "AddTags", "RemoveTags", "DescribeTags", "DescribeAccountLimits",
        ];

        Assert.Equal(expected.Order(StringComparer.Ordinal), Elbv2Api.Operations.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FromAttributes_WrongSignature_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ActionTable<BadApi>.FromAttributes());

        Assert.Contains("BadApi.Wrong", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Paging_WalksTheListWithOpaqueTokens()
    {
        int[] items = [1, 2, 3, 4, 5];
        static AwsServiceError Invalid() => new("Invalid", "bad token");

        var (first, token) = Paging.Take(items, null, 2, Invalid);
        var (second, token2) = Paging.Take(items, token, 2, Invalid);
        var (last, end) = Paging.Take(items, token2, 2, Invalid);
        var (all, none) = Paging.Take(items, null, null, Invalid);

        Assert.Equal([[1, 2], [3, 4], [5]], new[] { first, second, last });
        Assert.NotNull(token);
        Assert.Null(end);
        Assert.Equal(items, all);
        Assert.Null(none);
        Assert.Equal("bad token", Assert.Throws<AwsServiceError>(() => Paging.Take(items, "not base64!", 2, Invalid)).Message);
    }

    private sealed class BadApi
    {
        [AwsAction]
        public string Wrong(QueryParameters p) => p.ToString() ?? string.Empty;
    }
}
