using System.Net;
using System.Xml.Linq;
using AlbBuilder.LocalCloud.Protocol;
using Amazon.EC2.Model;

namespace AlbBuilder.LocalCloud.Tests.Hardening;

/// <summary>
/// Defect 1: a character XML cannot carry is never stored and never breaks an answer. Each write is rejected
/// with the service's validation error, changes nothing, and every describe afterwards is well-formed.
/// </summary>
public sealed class StoredStringTests : IAsyncLifetime
{
    private readonly RawCloud _raw = new();

    public Task InitializeAsync() => _raw.InitializeAsync();

    public Task DisposeAsync() => _raw.DisposeAsync();

    [Theory]
    [InlineData("Action=CreateSecurityGroup&GroupName=p1&GroupDescription=a%01b")]
    [InlineData("Action=CreateSecurityGroup&GroupName=a%01b&GroupDescription=d")]
    [InlineData("Action=CreateSecurityGroup&GroupName=p%EF%BF%BF&GroupDescription=d")]
    [InlineData("Action=CreateSecurityGroup&GroupName=p%EF%BF%BE&GroupDescription=d")]
    [InlineData("Action=CreateSecurityGroup&GroupName=p2&GroupDescription=d&TagSpecification.1.ResourceType=security-group&TagSpecification.1.Tag.1.Key=k&TagSpecification.1.Tag.1.Value=a%1Fb")]
    [InlineData("Action=RunInstances&ImageId=" + RawCloud.Al2023 + "&MinCount=1&MaxCount=1&KeyName=a%01b")]
    [InlineData("Action=RunInstances&ImageId=" + RawCloud.Al2023 + "&MinCount=1&MaxCount=1&ClientToken=a%01b")]
    [InlineData("Action=RunInstances&ImageId=" + RawCloud.Al2023 + "&MinCount=1&MaxCount=1&TagSpecification.1.ResourceType=instance&TagSpecification.1.Tag.1.Key=k&TagSpecification.1.Tag.1.Value=a%01b")]
    [InlineData("Action=RunInstances&ImageId=" + RawCloud.Al2023 + "&MinCount=1&MaxCount=1&TagSpecification.1.ResourceType=instance&TagSpecification.1.Tag.1.Key=k%08&TagSpecification.1.Tag.1.Value=v")]
    [InlineData("Action=RunInstances&ImageId=" + RawCloud.Al2023 + "&MinCount=%01&MaxCount=1")]
    public async Task Ec2Write_WithAnIllegalCharacter_InvalidParameterValueAndNothingStored(string form)
    {
        var answer = await _raw.Ec2Async(form);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.True(answer.IsEc2Error, answer.Text);
        Assert.Equal("InvalidParameterValue", answer.Code);
        Assert.True(_raw.Cloud.GetInventory().IsEmpty, _raw.Cloud.GetInventory().ToString());
        await AssertEc2DescribesAnswerAsync();
    }

    [Theory]
    [InlineData("vpc")]
    [InlineData("subnet")]
    [InlineData("sg")]
    public async Task CreateTags_IllegalKeyOrValue_RejectedOnEveryResourceKind(string kind)
    {
        using var ec2 = _raw.Cloud.CreateEc2Client();
        var id = kind switch
        {
            "vpc" => (await ec2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs[0].VpcId,
            "subnet" => (await ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest())).Subnets[0].SubnetId,
            _ => (await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest())).SecurityGroups[0].GroupId,
        };

        var badValue = await _raw.Ec2Async($"Action=CreateTags&ResourceId.1={id}&Tag.1.Key=k&Tag.1.Value=a%01b");
        var badKey = await _raw.Ec2Async($"Action=CreateTags&ResourceId.1={id}&Tag.1.Key=a%EF%BF%BEb&Tag.1.Value=v");

        Assert.Equal("InvalidParameterValue", badValue.Code);
        Assert.Equal("InvalidParameterValue", badKey.Code);
        var tags = await _raw.Ec2Async("Action=DescribeTags");
        Assert.Equal(HttpStatusCode.OK, tags.Status);
        Assert.Empty(tags.Values("key"));
        await AssertEc2DescribesAnswerAsync();
    }

    [Fact]
    public async Task RuleDescriptions_IllegalCharacter_RejectedAndGroupStillDescribed()
    {
        var created = await _raw.Ec2Async("Action=CreateSecurityGroup&GroupName=web&GroupDescription=web");
        var groupId = created.Values("groupId").Single();
        var rule = $"Action=AuthorizeSecurityGroupIngress&GroupId={groupId}&IpPermissions.1.IpProtocol=tcp&IpPermissions.1.FromPort=80&IpPermissions.1.ToPort=80";

        var cidr = await _raw.Ec2Async(rule + "&IpPermissions.1.IpRanges.1.CidrIp=0.0.0.0/0&IpPermissions.1.IpRanges.1.Description=a%01b");
        var pair = await _raw.Ec2Async(rule + $"&IpPermissions.1.Groups.1.GroupId={groupId}&IpPermissions.1.Groups.1.Description=a%0Bb");
        var angle = await _raw.Ec2Async(rule + "&IpPermissions.1.IpRanges.1.CidrIp=0.0.0.0/0&IpPermissions.1.IpRanges.1.Description=a%3Cb");
        var fine = await _raw.Ec2Async(rule + "&IpPermissions.1.IpRanges.1.CidrIp=0.0.0.0/0&IpPermissions.1.IpRanges.1.Description=From%20anywhere%20%26%20more%20(HTTP)");

        Assert.Equal("InvalidParameterValue", cidr.Code);
        Assert.Equal("InvalidParameterValue", pair.Code);
        Assert.Equal("InvalidParameterValue", angle.Code);
        Assert.Equal(HttpStatusCode.OK, fine.Status);
        var groups = await _raw.Ec2Async("Action=DescribeSecurityGroups&GroupId.1=" + groupId);
        Assert.Equal(["From anywhere & more (HTTP)"], groups.Values("description"));
    }

    [Fact]
    public async Task Elbv2Writes_WithAnIllegalCharacter_ValidationErrorAndEverythingStillDescribed()
    {
        var vpcId = (await _raw.Ec2Async("Action=DescribeVpcs")).Values("vpcId").First();
        var created = await _raw.Elbv2Async($"Action=CreateTargetGroup&Name=tg&Protocol=HTTP&Port=80&VpcId={vpcId}");
        var arn = Uri.EscapeDataString(created.Values("TargetGroupArn").Single());

        string[] forms =
        [
            $"Action=CreateTargetGroup&Name=tg2&Protocol=HTTP&Port=80&VpcId={vpcId}&HealthCheckProtocol=HT%01TP",
            $"Action=CreateTargetGroup&Name=tg3&Protocol=HTTP&Port=80&VpcId={vpcId}&HealthCheckProtocol=TCP",
            $"Action=CreateTargetGroup&Name=tg4&Protocol=HTTP&Port=80&VpcId={vpcId}&ProtocolVersion=HTTP1%01",
            $"Action=CreateTargetGroup&Name=tg5&Protocol=HTTP&Port=80&VpcId={vpcId}&HealthCheckPath=/a%01b",
            $"Action=CreateTargetGroup&Name=tg6&Protocol=HTTP&Port=80&VpcId={vpcId}&Tags.member.1.Key=k&Tags.member.1.Value=a%01b",
            $"Action=AddTags&ResourceArns.member.1={arn}&Tags.member.1.Key=k&Tags.member.1.Value=a%01b",
            $"Action=AddTags&ResourceArns.member.1={arn}&Tags.member.1.Key=a%EF%BF%BF&Tags.member.1.Value=v",
            $"Action=ModifyTargetGroupAttributes&TargetGroupArn={arn}&Attributes.member.1.Key=stickiness.app_cookie.cookie_name&Attributes.member.1.Value=a%01b",
            $"Action=RegisterTargets&TargetGroupArn={arn}&Targets.member.1.Id=i-0123456789abcdef0&Targets.member.1.AvailabilityZone=a%01b",
        ];

        foreach (var form in forms)
        {
            var answer = await _raw.Elbv2Async(form);
            Assert.True(answer.IsElbv2Error, form + " → " + answer.Text);
            Assert.Equal("ValidationError", answer.Code);
        }

        var groups = await _raw.Elbv2Async("Action=DescribeTargetGroups");
        Assert.Equal(["tg"], groups.Values("TargetGroupName"));
        Assert.Equal(["HTTP"], groups.Values("HealthCheckProtocol"));
        Assert.Equal(HttpStatusCode.OK, (await _raw.Elbv2Async($"Action=DescribeTags&ResourceArns.member.1={arn}")).Status);
        var attributes = await _raw.Elbv2Async($"Action=DescribeTargetGroupAttributes&TargetGroupArn={arn}");
        Assert.Contains(string.Empty, attributes.Values("Value"));
        Assert.Equal(HttpStatusCode.OK, (await _raw.Elbv2Async($"Action=DeleteTargetGroup&TargetGroupArn={arn}")).Status);
    }

    [Fact]
    public async Task LoadBalancerAttributes_IllegalOrMalformedValues_Rejected()
    {
        using var ec2 = _raw.Cloud.CreateEc2Client();
        var subnets = (await ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest())).Subnets;
        var created = await _raw.Elbv2Async($"Action=CreateLoadBalancer&Name=lb&Subnets.member.1={subnets[0].SubnetId}&Subnets.member.2={subnets[1].SubnetId}");
        var arn = Uri.EscapeDataString(created.Values("LoadBalancerArn").Single());
        var modify = $"Action=ModifyLoadBalancerAttributes&LoadBalancerArn={arn}&Attributes.member.1.Key=";

        var illegal = await _raw.Elbv2Async(modify + "access_logs.s3.bucket&Attributes.member.1.Value=a%01b");
        var tooLong = await _raw.Elbv2Async(modify + "access_logs.s3.prefix&Attributes.member.1.Value=" + new string('p', 1025));
        var notABucket = await _raw.Elbv2Async(modify + "access_logs.s3.bucket&Attributes.member.1.Value=Not_A_Bucket");
        var bucket = await _raw.Elbv2Async(modify + "access_logs.s3.bucket&Attributes.member.1.Value=my-log-bucket");

        Assert.Equal("ValidationError", illegal.Code);
        Assert.Equal("ValidationError", tooLong.Code);
        Assert.Equal("InvalidConfigurationRequest", notABucket.Code);
        Assert.Equal(HttpStatusCode.OK, bucket.Status);
        var attributes = await _raw.Elbv2Async($"Action=DescribeLoadBalancerAttributes&LoadBalancerArn={arn}");
        Assert.Contains("my-log-bucket", attributes.Values("Value"));
    }

    [Fact]
    public async Task ErrorMessage_EchoingAnIllegalCharacter_IsEscapedXml()
    {
        var answer = await _raw.Ec2Async("Action=RunInstances&ImageId=" + RawCloud.Al2023 + "&MinCount=%01&MaxCount=1");

        Assert.Equal("InvalidParameterValue", answer.Code);
        Assert.Contains("\\u0001", answer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorMessage_EchoingAMegabyteValue_IsBounded()
    {
        var answer = await _raw.Ec2Async("Action=RunInstances&ImageId=" + RawCloud.Al2023 + "&MaxCount=1&MinCount=%01" + new string('9', 900_000));

        Assert.Equal("InvalidParameterValue", answer.Code);
        Assert.True(answer.Text.Length < 4096, $"{answer.Text.Length} characters");
    }

    [Fact]
    public async Task LastLineOfDefence_AnAnswerThatCannotBeXml_IsAnAwsInternalError()
    {
        // Validation keeps illegal characters out of the state; an injected fault's code is the one way left in.
        _raw.Cloud.Faults.FailNext("DescribeVpcs", 1, "Bad\u0001Code", 400, "m");

        var answer = await _raw.Ec2Async("Action=DescribeVpcs");

        Assert.Equal(HttpStatusCode.InternalServerError, answer.Status);
        Assert.True(answer.IsEc2Error, answer.Text);
        Assert.Equal("InternalError", answer.Code);
        Assert.Equal(HttpStatusCode.OK, (await _raw.Ec2Async("Action=DescribeVpcs")).Status);
    }

    [Fact]
    public void Render_DocumentWithAnIllegalCharacter_Elbv2InternalFailure()
    {
        var document = ResponseWriter.Elbv2Success("DescribeTags", "r-1", [new XElement("Value", "a\u0001b")]);

        var (status, text) = ResponseWriter.Render(document, 200, AwsService.ElasticLoadBalancingV2, "r-1");

        Assert.Equal(500, status);
        var error = XDocument.Parse(text).Root!;
        Assert.Equal("ErrorResponse", error.Name.LocalName);
        Assert.Equal("InternalFailure", error.Descendants().Single(e => e.Name.LocalName == "Code").Value);
        Assert.Equal("Receiver", error.Descendants().Single(e => e.Name.LocalName == "Type").Value);
    }

    private async Task AssertEc2DescribesAnswerAsync()
    {
        foreach (var action in new[] { "DescribeSecurityGroups", "DescribeInstances", "DescribeTags", "DescribeVpcs", "DescribeSubnets" })
        {
            var answer = await _raw.Ec2Async("Action=" + action);
            Assert.Equal(HttpStatusCode.OK, answer.Status);
        }
    }
}
