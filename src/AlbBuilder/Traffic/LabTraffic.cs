using AlbBuilder.Building;
using AlbBuilder.Provisioning;
using AlbBuilder.Traffic;
using Amazon.EC2;

namespace AlbBuilder;

/// <summary>The lab's traffic verification and failover drill: fills in what the lab knows (URL, handler, clock, backends).</summary>
internal static class LabTraffic
{
    public static async Task<TrafficReport> VerifyAsync(IAlbLab lab, LabServices services, TrafficOptions? options, CancellationToken cancellationToken)
    {
        var url = lab.Url ?? throw new InvalidOperationException(
            $"Lab '{lab.Name}' has no load balancer yet: call StartAsync (or AttachAsync for an existing lab) first.");
        options = await CompleteAsync(lab, services, options ?? new TrafficOptions(), cancellationToken).ConfigureAwait(false);
        return await TrafficVerifier.VerifyAsync(url, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the drill as one activity (its waits are children), over the lab's clients and clock.</summary>
    public static async Task<DrillReport> RunDrillAsync(
        IAlbLab lab,
        LabContext context,
        DrillOptions? options,
        IProgress<DrillEvent>? progress,
        CancellationToken cancellationToken)
    {
        // The drill's window must follow the lab's health checks, and its clock must be the lab's.
        options ??= new DrillOptions
        {
            TransitionWindow = DrillOptions.SuggestedTransitionWindow(context.Definition.HealthCheck),
            TransitionSampling = TimeSpan.FromMilliseconds(250),
        };
        var time = options.TimeProvider ?? context.Time;
        options = options with { TimeProvider = time };

        using var activity = LabActivities.Start(lab.Name, "Drill");
        try
        {
            var report = await FailoverDrill.RunAsync(new LabDrillSubject(lab, context, time), options, progress, cancellationToken).ConfigureAwait(false);
            LabActivities.Succeeded(activity);
            return report;
        }
        catch (Exception ex)
        {
            LabActivities.Failed(activity, ex);
            throw;
        }
    }

    /// <summary>Uses the lab's handler and clock unless the caller chose, and expects every running instance to answer.</summary>
    internal static async Task<TrafficOptions> CompleteAsync(IAlbLab lab, LabServices services, TrafficOptions options, CancellationToken cancellationToken)
    {
        if (options.Handler is null && services.TrafficHandler is not null)
        {
            options = options with { Handler = services.TrafficHandler };
        }

        if (options.TimeProvider is null)
        {
            options = options with { TimeProvider = services.TimeProvider };
        }

        if (options.ExpectedBackends is null && options.BackendExtractor is null)
        {
            var status = await lab.GetStatusAsync(cancellationToken).ConfigureAwait(false);
            var running = status.Instances
                .Where(i => i.State == InstanceStateName.Running && !string.IsNullOrEmpty(i.PrivateDnsName))
                .Select(i => i.PrivateDnsName!)
                .ToArray();
            if (running.Length > 0)
            {
                options = options with { ExpectedBackends = running };
            }
        }

        return options;
    }
}
