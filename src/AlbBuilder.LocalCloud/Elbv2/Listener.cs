namespace AlbBuilder.LocalCloud.Elbv2;

internal sealed class Listener
{
    public required string Arn { get; init; }

    public required string LoadBalancerArn { get; init; }

    public required int Port { get; init; }

    public required string Protocol { get; init; }

    public required List<ListenerAction> DefaultActions { get; init; }

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the target groups the default actions forward to.</summary>
    public IEnumerable<string> TargetGroupArns => DefaultActions.SelectMany(a => a.TargetGroups.Select(t => t.TargetGroupArn));

    /// <summary>Whether a default action forwards to the target group.</summary>
    public bool ForwardsTo(string targetGroupArn) => TargetGroupArns.Contains(targetGroupArn, StringComparer.Ordinal);
}
