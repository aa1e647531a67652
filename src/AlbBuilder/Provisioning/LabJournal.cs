namespace AlbBuilder.Provisioning;

/// <summary>Every resource a start created, in the order it was created; what a rollback removes.</summary>
internal sealed class LabJournal
{
    private readonly Lock _lock = new();
    private readonly List<JournalEntry> _entries = [];

    public void Record(LabResourceKind kind, string id)
    {
        lock (_lock)
        {
            _entries.Add(new JournalEntry(kind, id));
        }
    }

    public IReadOnlyList<JournalEntry> Entries
    {
        get
        {
            lock (_lock)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>What to delete to undo the start: exactly the recorded resources.</summary>
    public TeardownPlan ToTeardownPlan()
    {
        var entries = Entries;
        string[] Ids(LabResourceKind kind) => [.. entries.Where(e => e.Kind == kind).Select(e => e.Id)];
        return new TeardownPlan(
            ListenerArns: Ids(LabResourceKind.Listener),
            LoadBalancerArn: Ids(LabResourceKind.LoadBalancer).FirstOrDefault(),
            TargetGroupArn: Ids(LabResourceKind.TargetGroup).FirstOrDefault(),
            InstanceIds: Ids(LabResourceKind.Instance),
            SecurityGroupIds: [.. Ids(LabResourceKind.InstanceSecurityGroup), .. Ids(LabResourceKind.LoadBalancerSecurityGroup)]);
    }
}
