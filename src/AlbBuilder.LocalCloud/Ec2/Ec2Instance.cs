using System.Net;

namespace AlbBuilder.LocalCloud.Ec2;

/// <summary>An emulated EC2 instance: what DescribeInstances shows, and what the data plane serves while it runs.</summary>
internal sealed class Ec2Instance
{
    /// <summary>Gets the instance id (<c>i-</c> and 17 hex digits).</summary>
    public required string Id { get; init; }

    /// <summary>Gets or sets the life-cycle state; <see cref="InstanceLifeCycle"/> moves it on.</summary>
    public InstanceState State { get; set; } = InstanceState.Pending;

    /// <summary>Gets the reservation of the RunInstances call that launched it.</summary>
    public required string ReservationId { get; init; }

    public required string ImageId { get; init; }

    public required string InstanceType { get; init; }

    /// <summary>Gets the subnet; its VPC and zone are the instance's.</summary>
    public required Subnet Subnet { get; init; }

    /// <summary>Gets the private address; security-group rules and the load balancer see this one.</summary>
    public required IPAddress PrivateIp { get; init; }

    public IPAddress? PublicIp { get; set; }

    public required string PrivateDnsName { get; init; }

    public string? PublicDnsName { get; set; }

    public required List<string> SecurityGroupIds { get; init; }

    public required DateTimeOffset LaunchTime { get; set; }

    public int LaunchIndex { get; init; }

    public string? ClientToken { get; init; }

    public string? KeyName { get; init; }

    public string HttpTokens { get; init; } = "required";

    public int HttpPutResponseHopLimit { get; init; } = 2;

    public byte[] UserData { get; init; } = [];

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    public string StateTransitionReason { get; set; } = string.Empty;

    public (string Code, string Message)? StateReason { get; set; }

    public DateTimeOffset? TerminatedAt { get; set; }

    /// <summary>Gets or sets a counter bumped on every boot, so timers of an earlier boot can tell they are stale.</summary>
    public int BootGeneration { get; set; }

    /// <summary>Gets or sets the loopback port the instance's web server listens on (kept across stop/start).</summary>
    public int? WebServerPort { get; set; }

    /// <summary>Gets or sets a value indicating whether the web server is up and answering.</summary>
    public bool WebServerReady { get; set; }

    public string VpcId => Subnet.VpcId;

    /// <summary>Gets or sets when the instance last turned <c>running</c> (ELB's registration lag counts from it).</summary>
    public DateTimeOffset? RunningSince { get; set; }
}
