using AlbBuilder.Classroom.Throttling;
using Amazon.EC2.Model;

namespace AlbBuilder.Classroom.Tests.Throttling;

public sealed class RequestClassifierTests
{
    [Fact]
    public void Describe_WithAFilter_IsNonMutating() =>
        Assert.Equal([(RequestBucket.Ec2NonMutating, 1.0)], RequestClassifier.Ec2("DescribeInstances", new DescribeInstancesRequest { Filters = [new Filter("tag:lab", ["a"])] }));

    [Fact]
    public void Describe_Paginated_IsNonMutating() =>
        Assert.Equal([(RequestBucket.Ec2NonMutating, 1.0)], RequestClassifier.Ec2("DescribeSecurityGroups", new DescribeSecurityGroupsRequest { MaxResults = 5 }));

    [Fact]
    public void Describe_ByIdsOnly_IsTheUnfilteredBucket() =>
        Assert.Equal([(RequestBucket.Ec2UnfilteredNonMutating, 1.0)], RequestClassifier.Ec2("DescribeInstances", new DescribeInstancesRequest { InstanceIds = ["i-1"] }));

    [Fact]
    public void Describe_WithoutRequest_IsTheUnfilteredBucket() =>
        Assert.Equal([(RequestBucket.Ec2UnfilteredNonMutating, 1.0)], RequestClassifier.Ec2("DescribeVpcs", null));

    [Fact]
    public void RunInstances_AlsoTakesOneResourceTokenPerInstance() =>
        Assert.Equal(
            [(RequestBucket.Ec2Mutating, 1.0), (RequestBucket.Ec2RunInstancesResources, 3.0)],
            RequestClassifier.Ec2("RunInstances", new RunInstancesRequest { MinCount = 1, MaxCount = 3 }));

    [Fact]
    public void TerminateInstances_AlsoTakesOneResourceTokenPerInstance() =>
        Assert.Equal(
            [(RequestBucket.Ec2Mutating, 1.0), (RequestBucket.Ec2TerminateInstancesResources, 2.0)],
            RequestClassifier.Ec2("TerminateInstances", new TerminateInstancesRequest { InstanceIds = ["i-1", "i-2"] }));

    [Theory]
    [InlineData("CreateSecurityGroup")]
    [InlineData("AuthorizeSecurityGroupIngress")]
    [InlineData("CreateTags")]
    public void Mutating_IsMutating(string action) =>
        Assert.Equal([(RequestBucket.Ec2Mutating, 1.0)], RequestClassifier.Ec2(action, null));

    [Fact]
    public void OtherVerbs_AreUncategorized() =>
        Assert.Equal([(RequestBucket.Ec2Uncategorized, 1.0)], RequestClassifier.Ec2("BundleInstance", null));

    [Theory]
    [InlineData("DescribeTargetHealth", "describe")]
    [InlineData("DescribeLoadBalancers", "describe")]
    [InlineData("RegisterTargets", "mutating")]
    [InlineData("CreateLoadBalancer", "mutating")]
    public void ElasticLoadBalancing_DescribeOrMutating(string action, string actionClass) =>
        Assert.Equal([(new RequestBucket("ELBv2", actionClass), 1.0)], RequestClassifier.ElasticLoadBalancing(action));
}
