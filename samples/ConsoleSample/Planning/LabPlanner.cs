using AlbBuilder.Sample.Cloud;
using AlbBuilder.Sample.Commands;

namespace AlbBuilder.Sample.Planning;

/// <summary>
/// Derives the plan from the code that makes the calls: runs the sample's lab through its whole life cycle against an
/// in-process LocalCloud with no latency and records each call the SDK clients make. A new call in the library shows up
/// here (and in the policy) without anyone updating a list.
/// </summary>
internal static class LabPlanner
{
    /// <param name="settings">The lab to record.</param>
    /// <param name="region">The region the policy is for: its partition goes into the ARNs (null: <c>aws</c>).</param>
    /// <param name="cancellationToken">Cancels the recording.</param>
    public static async Task<LabPlan> RecordAsync(LabSettings settings, string? region, CancellationToken cancellationToken)
    {
        await using var cloud = await LocalLabCloud.StartAsync(speed: 1, instant: true, cancellationToken);
        var recorder = new OperationRecorder();
        recorder.Attach(cloud.Ec2, "ec2");
        recorder.Attach(cloud.ElasticLoadBalancing, "elasticloadbalancing");

        await using (var lab = LabSession.BuildLab(cloud, settings.Name, settings))
        {
            recorder.Phase = "up";
            await lab.StartAsync(null, cancellationToken);
            recorder.Phase = "status";
            await lab.GetStatusAsync(cancellationToken);
            if (settings.Instances >= 2)
            {
                recorder.Phase = "drill";
                await lab.RunFailoverDrillAsync(new DrillOptions { Requests = 4 }, null, cancellationToken);
            }

            recorder.Phase = "list";
            await AlbLabDirectory.ListAsync(cloud.Ec2, cloud.ElasticLoadBalancing, cancellationToken);
            recorder.Phase = "attach (status, verify, drill, sweep on --aws)";
            await using (var attached = LabSession.BuildLab(cloud, settings.Name, settings))
            {
                await attached.AttachAsync(cancellationToken);
            }

            recorder.Phase = "down";
            await lab.DestroyAsync(null, cancellationToken);
        }

        var permissions = IamActionMap.Map(recorder.Operations, IamPartition.Of(region));
        return new LabPlan(recorder.Operations, permissions, IamPolicy.ToJson(permissions));
    }
}
