using System.Text.Json;
using AlbBuilder.Sample.Planning;
using Amazon.EC2.Model;
using Ec2Tag = Amazon.EC2.Model.Tag;

namespace AlbBuilder.Sample.Tests.Planning;

/// <summary>
/// The IAM policy on real AWS: tag-on-create of security-group rules needs <c>ec2:CreateTags</c>, ARNs are in the
/// region's partition, and the narrowing advice uses <c>aws:RequestTag</c> for creates.
/// </summary>
public sealed class IamPolicyFidelityTests
{
    private const string Al2023 = "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";

    [Fact]
    public void Map_AuthorizeIngressWithTagSpecifications_NeedsCreateTags()
    {
        var tagged = new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = "sg-1",
            TagSpecifications = [new TagSpecification { ResourceType = "security-group-rule", Tags = [new Ec2Tag("k", "v")] }],
        };

        var permissions = IamActionMap.Map([new RecordedOperation("up", "ec2", "AuthorizeSecurityGroupIngress", tagged)]);
        var untagged = IamActionMap.Map([new RecordedOperation("up", "ec2", "AuthorizeSecurityGroupIngress", new AuthorizeSecurityGroupIngressRequest { GroupId = "sg-1" })]);

        Assert.Equal(["ec2:AuthorizeSecurityGroupIngress", "ec2:CreateTags"], permissions.Select(p => p.Action));
        Assert.Equal(["AuthorizeSecurityGroupIngress (TagSpecifications)"], permissions.Single(p => p.Action == "ec2:CreateTags").Reasons);
        Assert.Equal(["ec2:AuthorizeSecurityGroupIngress"], untagged.Select(p => p.Action));
    }

    [Theory]
    [InlineData(null, "aws")]
    [InlineData("eu-west-1", "aws")]
    [InlineData("cn-north-1", "aws-cn")]
    [InlineData("cn-northwest-1", "aws-cn")]
    [InlineData("us-gov-west-1", "aws-us-gov")]
    [InlineData("us-iso-east-1", "aws-iso")]
    [InlineData("us-isob-east-1", "aws-iso-b")]
    public void Of_Region_ItsPartition(string? region, string partition) => Assert.Equal(partition, IamPartition.Of(region));

    [Fact]
    public void Map_SsmParameterArn_UsesThePartition()
    {
        var run = new RecordedOperation("up", "ec2", "RunInstances", new RunInstancesRequest { ImageId = Al2023 });

        var china = IamActionMap.Map([run], IamPartition.Of("cn-north-1")).Single(p => p.Action == "ssm:GetParameters");
        var gov = IamActionMap.Map([run], IamPartition.Of("us-gov-west-1")).Single(p => p.Action == "ssm:GetParameters");

        Assert.Equal("arn:aws-cn:ssm:*::parameter/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64", china.Resource);
        Assert.StartsWith("arn:aws-us-gov:ssm:", gov.Resource, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanJson_ChinaRegion_EveryArnInTheAwsCnPartition()
    {
        var run = await SampleRun.RunAsync(["plan", "--json", "--region", "cn-north-1"]);

        Assert.True(run.ExitCode == 0, run.Output);
        using var policy = JsonDocument.Parse(run.Output);
        var arns = policy.RootElement.GetProperty("Statement").EnumerateArray()
            .Select(s => s.GetProperty("Resource").GetString()!)
            .Where(r => r.StartsWith("arn:", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(arns);
        Assert.All(arns, arn => Assert.StartsWith("arn:aws-cn:", arn, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PlanMarkdown_RecordsTheRuleTagsAndAdvisesRequestTagForCreates()
    {
        var run = await SampleRun.RunAsync(["plan", "--markdown"]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("AuthorizeSecurityGroupIngress (TagSpecifications)", run.Output, StringComparison.Ordinal);
        Assert.Contains("aws:RequestTag/albbuilder:created-by", run.Output, StringComparison.Ordinal);
        Assert.Contains("`aws:ResourceTag` cannot apply to a resource that does not exist yet", run.Output, StringComparison.Ordinal);
    }
}
