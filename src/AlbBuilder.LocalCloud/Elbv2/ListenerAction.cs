namespace AlbBuilder.LocalCloud.Elbv2;

/// <summary>A listener's default action; LocalCloud serves <c>forward</c> (to one or more weighted groups).</summary>
internal sealed record ListenerAction(string Type, IReadOnlyList<(string TargetGroupArn, int Weight)> TargetGroups, int? Order)
{
    public bool SameAs(ListenerAction other) =>
        Type == other.Type && Order == other.Order && TargetGroups.SequenceEqual(other.TargetGroups);
}
