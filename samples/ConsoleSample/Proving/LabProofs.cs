using AlbBuilder.Sample.Cloud;

namespace AlbBuilder.Sample.Proving;

/// <summary>
/// The one place the sample proves a lab serves (traffic) and fails over (drill), so that switching to the lab's own
/// <c>VerifyTrafficAsync</c> / <c>RunFailoverDrillAsync</c> (with the traffic handler given to the builder) is a change here only.
/// </summary>
internal static class LabProofs
{
    public static Task<TrafficReport> VerifyTrafficAsync(IAlbLab lab, ILabCloud cloud, TrafficOptions options, CancellationToken cancellationToken) =>
        TrafficVerifier.VerifyAsync(
            lab.Url ?? throw new InvalidOperationException($"Lab {lab.Name} has no load balancer yet."),
            options with { Handler = cloud.TrafficHandler },
            cancellationToken);

    public static Task<DrillReport> RunFailoverDrillAsync(
        IAlbLab lab,
        ILabCloud cloud,
        DrillOptions options,
        IProgress<DrillEvent>? progress,
        CancellationToken cancellationToken) =>
        new InterimFailoverDrill(lab, cloud, options, progress).RunAsync(cancellationToken);
}
