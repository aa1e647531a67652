using System.Net;
using AlbBuilder.LocalCloud.Ec2;
using AlbBuilder.LocalCloud.Elbv2;
using AlbBuilder.LocalCloud.Offerings;
using AlbBuilder.LocalCloud.Quotas;

namespace AlbBuilder.LocalCloud.State;

/// <summary>Every resource of the emulated account; all access goes through <see cref="Gate"/>.</summary>
internal sealed partial class CloudState
{
    public const string AccountId = "123456789012";
    public const string AmazonLinuxImageId = "ami-0a1b2c3d4e5f60718";
    public const string AmazonLinuxSsmParameter = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";

    private int _nextPublicHost = 1;

    public CloudState(string region, TimeProvider timeProvider, LatencyProfile profile, LifeCycleScheduler scheduler)
    {
        Region = region;
        Time = timeProvider;
        Profile = profile;
        Scheduler = scheduler;
        CreateDefaultNetwork();
    }

    public Lock Gate { get; } = new();

    /// <summary>Gets the service quotas the APIs enforce.</summary>
    public AccountQuotas Quotas { get; init; } = AccountQuotas.Default;

    public string Region { get; }

    public TimeProvider Time { get; }

    public LatencyProfile Profile { get; }

    public LifeCycleScheduler Scheduler { get; }

    public Dictionary<string, Vpc> Vpcs { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Subnet> Subnets { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SecurityGroup> SecurityGroups { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Ec2Instance> Instances { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Reservation> Reservations { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, LoadBalancer> LoadBalancers { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, TargetGroup> TargetGroups { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Listener> Listeners { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets, per security group, until when a deleted load balancer's network interfaces still use it.</summary>
    public Dictionary<string, DateTimeOffset> LingeringNetworkInterfaces { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets what happens (inside the lock) when an instance starts shutting down: ELBv2 deregisters it.</summary>
    public Action<string>? InstanceTerminating { get; set; }

    /// <summary>Gets or sets the callback told (outside the lock) that the data plane should reconcile.</summary>
    public Action? Changed { get; set; }

    public string[] AvailabilityZones => RegionZones.For(Region);

    public string AvailabilityZoneId(string zone) =>
        $"{RegionShortName()}-az{Array.IndexOf(AvailabilityZones, zone) + 1}";

    public Vpc DefaultVpc => Vpcs.Values.First(v => v.IsDefault);

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>Hands out a "public" address in 127.0.100.0–127.0.199.255, so even a stray direct connection stays on loopback.</summary>
    public IPAddress AllocatePublicIp()
    {
        var n = _nextPublicHost++ - 1;
        return new IPAddress([127, 0, (byte)(100 + ((n / 254) % 100)), (byte)(1 + (n % 254))]);
    }

    public string PrivateDnsName(IPAddress ip) => $"ip-{ip.ToString().Replace('.', '-')}.{Region}.compute.internal";

    public void NotifyChanged() => Changed?.Invoke();

    private string RegionShortName()
    {
        // us-east-1 → use1, eu-west-2 → euw2: the shape of AWS's zone ids.
        var parts = Region.Split('-');
        return parts.Length == 3 ? parts[0] + parts[1][0] + parts[2] : Region;
    }

    private void CreateDefaultNetwork()
    {
        var vpc = new Vpc { Id = ResourceIds.New("vpc"), CidrBlock = "172.31.0.0/16", IsDefault = true };
        Vpcs[vpc.Id] = vpc;
        var zones = AvailabilityZones;
        for (var i = 0; i < zones.Length; i++)
        {
            var zone = zones[i];
            var subnet = new Subnet
            {
                Id = ResourceIds.New("subnet"),
                VpcId = vpc.Id,
                AvailabilityZone = zone,
                AvailabilityZoneId = AvailabilityZoneId(zone),
                Network = new IPAddress([172, 31, (byte)(16 * i), 0]),
                DefaultForAz = true,
            };
            Subnets[subnet.Id] = subnet;
        }

        var defaultGroup = new SecurityGroup
        {
            Id = ResourceIds.New("sg"),
            Name = "default",
            Description = "default VPC security group",
            VpcId = vpc.Id,
            IsDefault = true,
        };
        defaultGroup.Ingress.Add(new SecurityGroupRule("-1", null, null, null, defaultGroup.Id, null) { RuleId = ResourceIds.New("sgr") });
        defaultGroup.Egress.Add(new SecurityGroupRule("-1", null, null, "0.0.0.0/0", null, null) { RuleId = ResourceIds.New("sgr") });
        SecurityGroups[defaultGroup.Id] = defaultGroup;
    }
}
