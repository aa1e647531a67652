using AlbBuilder.LocalCloud.DataPlane;

namespace AlbBuilder.LocalCloud.Elbv2;

internal sealed class TargetGroup
{
    public required string Arn { get; init; }

    public required string Name { get; init; }

    public required string Protocol { get; init; }

    public required int Port { get; init; }

    public required string VpcId { get; init; }

    public string TargetType { get; init; } = "instance";

    public string ProtocolVersion { get; init; } = "HTTP1";

    public string IpAddressType { get; init; } = "ipv4";

    public required TargetGroupHealthCheck HealthCheck { get; init; }

    public Dictionary<string, string> Attributes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    public Dictionary<TargetKey, RegisteredTarget> Targets { get; } = [];
}
