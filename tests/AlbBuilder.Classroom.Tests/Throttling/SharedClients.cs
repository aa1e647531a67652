using AlbBuilder.Classroom.Throttling;
using AlbBuilder.ElasticLoadBalancingV2;
using Amazon.EC2;
using Amazon.EC2.Model;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using Elb = AlbBuilder.ElasticLoadBalancingV2.Model;

namespace AlbBuilder.Classroom.Tests.Throttling;

/// <summary>Substitute clients wrapped as a classroom's, on a fake clock with a 100 ms batch window.</summary>
internal sealed class SharedClients
{
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(100);

    public SharedClients()
    {
        Shared = ClassroomClients.Wrap(Ec2, Elb, AwsRequestRates.Default, Time, Window);
    }

    public FakeTimeProvider Time { get; } = new();

    public IAmazonEC2 Ec2 { get; } = Substitute.For<IAmazonEC2>();

    public IAmazonElasticLoadBalancingV2 Elb { get; } = Substitute.For<IAmazonElasticLoadBalancingV2>();

    public ClassroomClients Shared { get; }

    /// <summary>EC2 answers DescribeInstances with the instances it was asked for, one reservation each.</summary>
    public void DescribeInstancesAnswersWhatItIsAsked() =>
        Ec2.DescribeInstancesAsync(Arg.Any<DescribeInstancesRequest>(), Arg.Any<CancellationToken>())
            .Returns(call => new DescribeInstancesResponse
            {
                Reservations = [.. call.Arg<DescribeInstancesRequest>().InstanceIds.Select(id => new Reservation
                {
                    ReservationId = "r-" + id,
                    Instances = [new Instance { InstanceId = id, State = new InstanceState { Name = InstanceStateName.Running } }],
                })],
            });

    /// <summary>ELBv2 answers DescribeLoadBalancers with the load balancers it was asked for.</summary>
    public void DescribeLoadBalancersAnswersWhatItIsAsked() =>
        Elb.DescribeLoadBalancersAsync(Arg.Any<Elb.DescribeLoadBalancersRequest>(), Arg.Any<CancellationToken>())
            .Returns(call => new Elb.DescribeLoadBalancersResponse
            {
                LoadBalancers = [.. call.Arg<Elb.DescribeLoadBalancersRequest>().LoadBalancerArns.Select(arn => new Elb.LoadBalancer { LoadBalancerArn = arn })],
            });

    /// <summary>The DescribeInstances requests EC2 received, as their instance IDs.</summary>
    public List<List<string>> DescribeInstancesCalls() =>
        [.. Ec2.ReceivedCalls().Where(c => c.GetMethodInfo().Name == "DescribeInstancesAsync").Select(c => ((DescribeInstancesRequest)c.GetArguments()[0]!).InstanceIds)];

    public static List<string> Ids(DescribeInstancesResponse response) =>
        [.. response.Reservations.SelectMany(r => r.Instances).Select(i => i.InstanceId)];
}
