using AlbBuilder.ElasticLoadBalancingV2.Model;
using AlbBuilder.Sample.Planning;
using Amazon.EC2.Model;
using Ec2Tag = Amazon.EC2.Model.Tag;
using ElbTag = AlbBuilder.ElasticLoadBalancingV2.Model.Tag;

namespace AlbBuilder.Sample.Tests.Planning;

public sealed class IamActionMapTests
{
    [Fact]
    public void Map_RunInstancesWithTagsAndSsmImage_NeedsCreateTagsAndThatParameter()
    {
        var run = new RunInstancesRequest
        {
            ImageId = "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
            TagSpecifications = [new TagSpecification { ResourceType = "instance", Tags = [new Ec2Tag("k", "v")] }],
        };

        var permissions = IamActionMap.Map([new RecordedOperation("up", "ec2", "RunInstances", run)]);

        Assert.Equal(["ec2:CreateTags", "ec2:RunInstances", "ssm:GetParameters"], permissions.Select(p => p.Action));
        var ssm = Assert.Single(permissions, p => p.Action == "ssm:GetParameters");
        Assert.Equal("arn:aws:ssm:*::parameter/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64", ssm.Resource);
    }

    [Fact]
    public void Map_RunInstancesWithAnAmiIdAndNoTags_NeedsOnlyRunInstances()
    {
        var permissions = IamActionMap.Map([new RecordedOperation("up", "ec2", "RunInstances", new RunInstancesRequest { ImageId = "ami-0123456789abcdef0" })]);

        Assert.Equal(["ec2:RunInstances"], permissions.Select(p => p.Action));
    }

    [Fact]
    public void Map_ElbCreateWithTags_NeedsAddTags_WithoutTagsDoesNot()
    {
        var tagged = IamActionMap.Map([new RecordedOperation("up", "elasticloadbalancing", "CreateTargetGroup", new CreateTargetGroupRequest { Tags = [new ElbTag { Key = "k", Value = "v" }] })]);
        var untagged = IamActionMap.Map([new RecordedOperation("up", "elasticloadbalancing", "CreateTargetGroup", new CreateTargetGroupRequest())]);

        Assert.Equal(["elasticloadbalancing:AddTags", "elasticloadbalancing:CreateTargetGroup"], tagged.Select(p => p.Action));
        Assert.Equal(["elasticloadbalancing:CreateTargetGroup"], untagged.Select(p => p.Action));
    }

    [Fact]
    public void Map_RepeatedCalls_GiveOneActionWithEveryReason()
    {
        var permissions = IamActionMap.Map(
        [
            new RecordedOperation("up", "ec2", "DescribeInstances", new DescribeInstancesRequest()),
            new RecordedOperation("down", "ec2", "DescribeInstances", new DescribeInstancesRequest()),
            new RecordedOperation("up", "ec2", "CreateSecurityGroup", new CreateSecurityGroupRequest { TagSpecifications = [new TagSpecification()] }),
        ]);

        Assert.Equal(["ec2:CreateSecurityGroup", "ec2:CreateTags", "ec2:DescribeInstances"], permissions.Select(p => p.Action));
        Assert.Equal(["CreateSecurityGroup (TagSpecifications)"], Assert.Single(permissions, p => p.Action == "ec2:CreateTags").Reasons);
    }

    [Fact]
    public void Policy_PutsTheServiceLinkedRoleInItsOwnConditionedStatement()
    {
        var permissions = IamActionMap.Map([new RecordedOperation("up", "elasticloadbalancing", "CreateLoadBalancer", new CreateLoadBalancerRequest())]);

        var json = IamPolicy.ToJson(permissions);

        using var policy = System.Text.Json.JsonDocument.Parse(json);
        var statements = policy.RootElement.GetProperty("Statement").EnumerateArray().ToList();
        Assert.Equal(2, statements.Count);
        var role = Assert.Single(statements, s => s.GetProperty("Sid").GetString() == "ElbServiceLinkedRole");
        Assert.Equal("elasticloadbalancing.amazonaws.com", role.GetProperty("Condition").GetProperty("StringEquals").GetProperty("iam:AWSServiceName").GetString());
    }
}
