namespace AlbBuilder.Reliability.Tests.Infrastructure;

/// <summary>
/// The lab's own plan, recorded: runs StartAsync once on a fresh LocalCloud and keeps every mutating call it made
/// (in order, with the steps running at the time). A new step in the library appears here without a list to update.
/// </summary>
internal static class LabPlan
{
    public static async Task<IReadOnlyList<PlannedCall>> RecordAsync(Func<CloudRig, AlbLabBuilder> configure)
    {
        await using var rig = await CloudRig.StartAsync();
        var active = new HashSet<string>(StringComparer.Ordinal);
        var planned = new List<PlannedCall>();
        var events = new EventLog
        {
            OnEvent = e =>
            {
                lock (active)
                {
                    if (e.Kind == LabEventKind.Started)
                    {
                        active.Add(e.Step.ToString());
                    }
                    else if (e.Kind is LabEventKind.Completed or LabEventKind.Failed)
                    {
                        active.Remove(e.Step.ToString());
                    }
                }
            },
        };
        rig.Recorder.BeforeSend = call =>
        {
            if (call.IsMutating)
            {
                lock (active)
                {
                    planned.Add(new PlannedCall(call, new HashSet<string>(active, StringComparer.Ordinal)));
                }
            }
        };

        var lab = configure(rig).Build();
        await lab.StartAsync(events);
        rig.Recorder.BeforeSend = null;
        await lab.DestroyAsync();
        if (!rig.Inventory.IsEmpty)
        {
            throw new InvalidOperationException("The recording run left resources: " + rig.Inventory);
        }

        return planned;
    }
}
