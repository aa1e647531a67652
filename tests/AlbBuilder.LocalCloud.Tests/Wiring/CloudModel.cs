using System.Net;
using AlbBuilder.LocalCloud.DataPlane;
using AlbBuilder.LocalCloud.Ec2;
using AlbBuilder.LocalCloud.Elbv2;
using AlbBuilder.LocalCloud.State;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AlbBuilder.LocalCloud.Tests.Wiring;

/// <summary>Builds cloud state directly (no API, no sockets) for the pure data-plane models.</summary>
internal sealed class CloudModel : IDisposable
{
    private int _next;

    public CloudModel()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Scheduler = new LifeCycleScheduler(time, NullLogger.Instance);
        State = new CloudState("us-east-1", time, LatencyProfile.Instant, Scheduler);
    }

    public CloudState State { get; }

    private LifeCycleScheduler Scheduler { get; }

    private Subnet Subnet => State.Subnets.Values.OrderBy(s => s.AvailabilityZone, StringComparer.Ordinal).First();

    public SecurityGroup Group(params SecurityGroupRule[] ingress)
    {
        var group = new SecurityGroup { Id = $"sg-{++_next:x17}", Name = $"g{_next}", Description = "test", VpcId = State.DefaultVpc.Id };
        group.Ingress.AddRange(ingress);
        group.Egress.Add(new SecurityGroupRule("-1", null, null, "0.0.0.0/0", null, null));
        State.SecurityGroups[group.Id] = group;
        return group;
    }

    public static SecurityGroupRule TcpFromCidr(int port, string cidr) => new("tcp", port, port, cidr, null, null);

    public static SecurityGroupRule TcpFromGroup(int port, SecurityGroup group) => new("tcp", port, port, null, group.Id, null);

    public Ec2Instance Instance(SecurityGroup group, InstanceState? state = null)
    {
        var ip = State.AllocatePrivateIp(Subnet);
        var instance = new Ec2Instance
        {
            Id = $"i-{++_next:x17}",
            ReservationId = "r-1",
            ImageId = CloudState.AmazonLinuxImageId,
            InstanceType = "t3.micro",
            Subnet = Subnet,
            PrivateIp = ip,
            PublicIp = State.AllocatePublicIp(),
            PrivateDnsName = State.PrivateDnsName(ip),
            SecurityGroupIds = [group.Id],
            LaunchTime = State.Now,
            State = state ?? InstanceState.Running,
        };
        State.Instances[instance.Id] = instance;
        return instance;
    }

    public LoadBalancer LoadBalancer(SecurityGroup group, LoadBalancerState? state = null)
    {
        var n = ++_next;
        var loadBalancer = new LoadBalancer
        {
            Arn = $"arn:aws:elasticloadbalancing:us-east-1:{CloudState.AccountId}:loadbalancer/app/lb{n}/{n:x16}",
            Name = $"lb{n}",
            DnsName = $"lb{n}-1.us-east-1.elb.amazonaws.com",
            VpcId = State.DefaultVpc.Id,
            Scheme = "internet-facing",
            CreatedTime = State.Now,
            Subnets = [new LoadBalancerSubnet(Subnet.Id, Subnet.AvailabilityZone, State.AllocatePrivateIp(Subnet))],
            SecurityGroups = [group.Id],
            State = state ?? LoadBalancerState.Active,
        };
        State.LoadBalancers[loadBalancer.Arn] = loadBalancer;
        return loadBalancer;
    }

    public TargetGroup TargetGroup(params Ec2Instance[] targets)
    {
        var n = ++_next;
        var targetGroup = new TargetGroup
        {
            Arn = $"arn:aws:elasticloadbalancing:us-east-1:{CloudState.AccountId}:targetgroup/tg{n}/{n:x16}",
            Name = $"tg{n}",
            Protocol = "HTTP",
            Port = 80,
            VpcId = State.DefaultVpc.Id,
            HealthCheck = new TargetGroupHealthCheck("HTTP", "traffic-port", true, "/", 30, 5, 5, 2, "200"),
        };
        foreach (var instance in targets)
        {
            var key = new TargetKey(instance.Id, 80);
            targetGroup.Targets[key] = new RegisteredTarget { Key = key, RegisteredAt = State.Now };
        }

        State.TargetGroups[targetGroup.Arn] = targetGroup;
        return targetGroup;
    }

    public Listener Listener(LoadBalancer loadBalancer, int port, params (TargetGroup Group, int Weight)[] forwards)
    {
        var listener = new Listener
        {
            Arn = $"{loadBalancer.Arn.Replace(":loadbalancer/", ":listener/", StringComparison.Ordinal)}/{++_next:x16}",
            LoadBalancerArn = loadBalancer.Arn,
            Port = port,
            Protocol = "HTTP",
            DefaultActions = [new ListenerAction("forward", [.. forwards.Select(f => (f.Group.Arn, f.Weight))], 1)],
        };
        State.Listeners[listener.Arn] = listener;
        return listener;
    }

    public void Dispose() => Scheduler.Dispose();

    public static IPAddress Loopback => IPAddress.Loopback;
}
