namespace AlbBuilder.Provisioning;

/// <summary>
/// The order in which a start runs its creates, between network discovery and the final "targets healthy" wait. The
/// library's only order is <see cref="LabStartGraph"/>. This is the one seam the benchmark uses for its sequential
/// baseline (visible to it through InternalsVisibleTo; see docs/performance.md): same steps, different order.
/// </summary>
internal interface ILabStartOrder
{
    /// <summary>Runs every create of <paramref name="steps"/>; returns the target group and the registered instances.</summary>
    Task<LabTargets> RunAsync(LabStartSteps steps);
}

/// <summary>What the final wait needs: the target group and the instances registered with it.</summary>
internal sealed record LabTargets(string TargetGroupArn, IReadOnlyList<string> InstanceIds);
