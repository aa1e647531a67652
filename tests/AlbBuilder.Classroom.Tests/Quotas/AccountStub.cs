using System.Net;
using AlbBuilder.ElasticLoadBalancingV2;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Elb = AlbBuilder.ElasticLoadBalancingV2.Model;

namespace AlbBuilder.Classroom.Tests.Quotas;

/// <summary>An account's describe answers, on substitute clients: limits, what is in use, and instance types.</summary>
internal sealed class AccountStub
{
    public IAmazonEC2 Ec2 { get; } = Substitute.For<IAmazonEC2>();

    public IAmazonElasticLoadBalancingV2 Elb { get; } = Substitute.For<IAmazonElasticLoadBalancingV2>();

    public AccountStub(int loadBalancerLimit = 50, int loadBalancers = 3, int targetGroups = 3, int securityGroups = 10, int runningMicros = 2)
    {
        Elb.DescribeAccountLimitsAsync(Arg.Any<Elb.DescribeAccountLimitsRequest>(), Arg.Any<CancellationToken>()).Returns(new Elb.DescribeAccountLimitsResponse
        {
            Limits =
            [
                new Elb.Limit { Name = "application-load-balancers", Max = loadBalancerLimit.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                new Elb.Limit { Name = "target-groups", Max = "3000" },
                new Elb.Limit { Name = "listeners-per-application-load-balancer", Max = "50" },
                new Elb.Limit { Name = "network-load-balancers", Max = "50" },
            ],
        });
        Elb.DescribeLoadBalancersAsync(Arg.Any<Elb.DescribeLoadBalancersRequest>(), Arg.Any<CancellationToken>()).Returns(new Elb.DescribeLoadBalancersResponse
        {
            LoadBalancers = [.. Enumerable.Range(0, loadBalancers).Select(i => new Elb.LoadBalancer { LoadBalancerArn = $"arn:lb/{i}", Type = AlbBuilder.ElasticLoadBalancingV2.LoadBalancerTypeEnum.Application })],
        });
        Elb.DescribeTargetGroupsAsync(Arg.Any<Elb.DescribeTargetGroupsRequest>(), Arg.Any<CancellationToken>()).Returns(new Elb.DescribeTargetGroupsResponse
        {
            TargetGroups = [.. Enumerable.Range(0, targetGroups).Select(i => new Elb.TargetGroup { TargetGroupArn = $"arn:tg/{i}" })],
        });

        Ec2.DescribeAccountAttributesAsync(Arg.Any<DescribeAccountAttributesRequest>(), Arg.Any<CancellationToken>()).Returns(new DescribeAccountAttributesResponse
        {
            AccountAttributes =
            [
                new AccountAttribute { AttributeName = "default-vpc", AttributeValues = [new AccountAttributeValue { AttributeValue = "vpc-default" }] },
                new AccountAttribute { AttributeName = "vpc-max-security-groups-per-interface", AttributeValues = [new AccountAttributeValue { AttributeValue = "5" }] },
            ],
        });
        Ec2.DescribeSecurityGroupsAsync(Arg.Any<DescribeSecurityGroupsRequest>(), Arg.Any<CancellationToken>()).Returns(new DescribeSecurityGroupsResponse
        {
            SecurityGroups = [.. Enumerable.Range(0, securityGroups).Select(i => new SecurityGroup { GroupId = $"sg-{i}" })],
        });
        Ec2.DescribeInstancesAsync(Arg.Any<DescribeInstancesRequest>(), Arg.Any<CancellationToken>()).Returns(new DescribeInstancesResponse
        {
            Reservations = [new Reservation { Instances = [.. Enumerable.Range(0, runningMicros).Select(i => new Instance { InstanceId = $"i-{i}", InstanceType = InstanceType.T3Micro })] }],
        });
        Ec2.DescribeInstanceTypesAsync(Arg.Any<DescribeInstanceTypesRequest>(), Arg.Any<CancellationToken>()).Returns(new DescribeInstanceTypesResponse
        {
            InstanceTypes = [new InstanceTypeInfo { InstanceType = InstanceType.T3Micro, VCpuInfo = new VCpuInfo { DefaultVCpus = 2 } }],
        });
    }

    /// <summary>The endpoint serves neither DescribeAccountLimits, DescribeAccountAttributes nor DescribeInstanceTypes.</summary>
    public AccountStub WithoutOptionalCalls()
    {
        Elb.DescribeAccountLimitsAsync(Arg.Any<Elb.DescribeAccountLimitsRequest>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new AmazonElasticLoadBalancingV2Exception("Could not find operation", null, ErrorType.Sender, "InvalidAction", "r", HttpStatusCode.BadRequest));
        Ec2.DescribeAccountAttributesAsync(Arg.Any<DescribeAccountAttributesRequest>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new AmazonEC2Exception("not valid", ErrorType.Sender, "InvalidAction", "r", HttpStatusCode.BadRequest));
        Ec2.DescribeInstanceTypesAsync(Arg.Any<DescribeInstanceTypesRequest>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new AmazonEC2Exception("not valid", ErrorType.Sender, "InvalidAction", "r", HttpStatusCode.BadRequest));
        Ec2.DescribeVpcsAsync(Arg.Any<DescribeVpcsRequest>(), Arg.Any<CancellationToken>())
            .Returns(new DescribeVpcsResponse { Vpcs = [new Vpc { VpcId = "vpc-found", IsDefault = true }] });
        return this;
    }

    /// <summary>The names of every call the clients received that is not a read (Describe*, or the Config getter).</summary>
    public List<string> Writes() =>
        [.. Ec2.ReceivedCalls().Concat(Elb.ReceivedCalls()).Select(c => c.GetMethodInfo().Name).Where(name => !name.StartsWith("Describe", StringComparison.Ordinal) && name != "get_Config")];
}
