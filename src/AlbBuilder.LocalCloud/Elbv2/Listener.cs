namespace AlbBuilder.LocalCloud.Elbv2;

internal sealed class Listener
{
    public required string Arn { get; init; }

    public required string LoadBalancerArn { get; init; }

    public required int Port { get; init; }

    public required string Protocol { get; init; }

    public required List<ListenerAction> DefaultActions { get; init; }

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
}
