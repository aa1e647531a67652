using System.Net;
using AlbBuilder.LocalCloud.Protocol;

namespace AlbBuilder.LocalCloud.Tests.Hardening;

/// <summary>Defect 6: names checked over the whole string, one value per parameter, 1-based lists, idempotency tokens, ranges.</summary>
public sealed class ValidationGapTests : IAsyncLifetime
{
    private const string Run = "Action=RunInstances&ImageId=" + RawCloud.Al2023 + "&MinCount=1&MaxCount=1";
    private readonly RawCloud _raw = new();

    public Task InitializeAsync() => _raw.InitializeAsync();

    public Task DisposeAsync() => _raw.DisposeAsync();

    [Theory]
    [InlineData("Action=CreateLoadBalancer&Name=nl%0A&Subnets.member.1={subnet1}&Subnets.member.2={subnet2}")]
    [InlineData("Action=CreateTargetGroup&Name=tg%0A&Protocol=HTTP&Port=80&VpcId={vpc}")]
    public async Task Elbv2Name_WithTrailingNewline_ValidationError(string form)
    {
        var subnets = (await _raw.Ec2Async("Action=DescribeSubnets")).Values("subnetId").ToList();
        var vpcId = (await _raw.Ec2Async("Action=DescribeVpcs")).Values("vpcId").First();

        var answer = await _raw.Elbv2Async(form.Replace("{subnet1}", subnets[0]).Replace("{subnet2}", subnets[1]).Replace("{vpc}", vpcId));

        Assert.Equal("ValidationError", answer.Code);
        Assert.True(_raw.Cloud.GetInventory().IsEmpty);
    }

    [Fact]
    public async Task InstanceType_WithTrailingNewline_InvalidParameterValue()
    {
        var answer = await _raw.Ec2Async(Run + "&InstanceType=t3.micro%0A");

        Assert.Equal("InvalidParameterValue", answer.Code);
        Assert.True(_raw.Cloud.GetInventory().IsEmpty);
    }

    [Fact]
    public async Task DuplicateParameter_Rejected_NotJoined()
    {
        var answer = await _raw.Ec2Async("Action=CreateSecurityGroup&GroupName=dupA&GroupName=dupB&GroupDescription=d");
        var acrossQueryAndBody = await _raw.SendAsync(
            HttpMethod.Post,
            RawCloud.Ec2Version + "Action=CreateSecurityGroup&GroupName=dupC",
            new FormUrlEncodedContent([new("GroupName", "dupD"), new("GroupDescription", "d")]));

        Assert.Equal("InvalidParameterValue", answer.Code);
        Assert.Equal("InvalidParameterValue", acrossQueryAndBody.Code);
        var groups = await _raw.Ec2Async("Action=DescribeSecurityGroups");
        Assert.Equal(["default"], groups.Values("groupName"));
    }

    [Fact]
    public async Task DuplicateParameter_Elbv2_ValidationError()
    {
        var answer = await _raw.Elbv2Async("Action=DescribeLoadBalancers&Names.member.1=a&Names.member.1=b");

        Assert.True(answer.IsElbv2Error, answer.Text);
        Assert.Equal("ValidationError", answer.Code);
    }

    [Fact]
    public async Task ClientToken_ReusedWithOtherParameters_IdempotentParameterMismatch()
    {
        var first = await _raw.Ec2Async(Run + "&InstanceType=t3.micro&ClientToken=token-1");
        var retry = await _raw.Ec2Async(Run + "&InstanceType=t3.micro&ClientToken=token-1");
        var other = await _raw.Ec2Async(Run + "&InstanceType=t3.small&ClientToken=token-1");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(first.Values("reservationId"), retry.Values("reservationId"));
        Assert.Equal("IdempotentParameterMismatch", other.Code);
        Assert.Single((await _raw.Ec2Async("Action=DescribeInstances")).Values("instanceId"));
    }

    [Fact]
    public async Task ClientToken_LongerThan64_InvalidParameterValue()
    {
        var answer = await _raw.Ec2Async(Run + "&ClientToken=" + new string('t', 65));

        Assert.Equal("InvalidParameterValue", answer.Code);
        Assert.True(_raw.Cloud.GetInventory().IsEmpty);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("65")]
    [InlineData("2147483647")]
    public async Task HopLimit_Outside1To64_InvalidParameterValue(string hopLimit)
    {
        var answer = await _raw.Ec2Async(Run + "&MetadataOptions.HttpPutResponseHopLimit=" + hopLimit);

        Assert.Equal("InvalidParameterValue", answer.Code);
        Assert.True(_raw.Cloud.GetInventory().IsEmpty);
    }

    [Fact]
    public async Task HopLimit_64_Accepted()
    {
        var answer = await _raw.Ec2Async(Run + "&MetadataOptions.HttpPutResponseHopLimit=64");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(["64"], answer.Values("httpPutResponseHopLimit"));
    }

    [Fact]
    public async Task AvailabilityZone_Unknown_Rejected_Known_Used()
    {
        var vpcId = (await _raw.Ec2Async("Action=DescribeVpcs")).Values("vpcId").First();
        var group = await _raw.Elbv2Async($"Action=CreateTargetGroup&Name=tg&Protocol=HTTP&Port=80&VpcId={vpcId}");
        var arn = Uri.EscapeDataString(group.Values("TargetGroupArn").Single());

        var target = await _raw.Elbv2Async($"Action=RegisterTargets&TargetGroupArn={arn}&Targets.member.1.Id=i-0123456789abcdef0&Targets.member.1.AvailabilityZone=mars-1a");
        var placement = await _raw.Ec2Async(Run + "&Placement.AvailabilityZone=us-east-1z");
        var known = await _raw.Ec2Async(Run + "&Placement.AvailabilityZone=us-east-1b");

        Assert.Equal("ValidationError", target.Code);
        Assert.Equal("InvalidParameterValue", placement.Code);
        Assert.Equal(["us-east-1b"], known.Values("availabilityZone"));
    }

    [Theory]
    [InlineData("GroupId.0=sg-0123456789abcdef0")]
    [InlineData("GroupId.01=sg-0123456789abcdef0")]
    [InlineData("GroupId.1=sg-0123456789abcdef0&GroupId.3=sg-0123456789abcdef1")]
    [InlineData("GroupId.x=sg-0123456789abcdef0")]
    [InlineData("GroupId.99999999999=sg-0123456789abcdef0")]
    [InlineData("Filter.1.Name=group-name&Filter.1.Value.2=default")]
    public async Task ListIndex_NotOneToN_Ec2InvalidParameterValue(string list)
    {
        var answer = await _raw.Ec2Async("Action=DescribeSecurityGroups&" + list);

        Assert.True(answer.IsEc2Error, answer.Text);
        Assert.Equal("InvalidParameterValue", answer.Code);
    }

    [Theory]
    [InlineData("Names.member.0=a")]
    [InlineData("Names.member.01=a")]
    [InlineData("Names.member.2=a")]
    [InlineData("Names.member.one=a")]
    public async Task ListIndex_NotOneToN_Elbv2ValidationError(string list)
    {
        var answer = await _raw.Elbv2Async("Action=DescribeLoadBalancers&" + list);

        Assert.True(answer.IsElbv2Error, answer.Text);
        Assert.Equal("ValidationError", answer.Code);
    }

    [Fact]
    public async Task StructMember_WithoutField_Rejected()
    {
        var answer = await _raw.Ec2Async("Action=DescribeSecurityGroups&Filter.1=group-name");

        Assert.Equal("InvalidParameterValue", answer.Code);
    }

    [Fact]
    public void QueryParameters_ContiguousLists_ReadInNumericOrder()
    {
        var query = new QueryParameters([new("A.2", "b"), new("A.1", "a"), new("B.1.X", "x"), new("B.2.X", "y")]);

        Assert.Equal(["a", "b"], query.GetList("A"));
        Assert.Equal(["x", "y"], query.GetStructList("B").Select(b => b.Get("X")));
    }
}
