namespace AlbBuilder.Provisioning;

/// <summary>Every resource a start created, in the order it was created; what a rollback removes.</summary>
internal sealed class LabJournal
{
    private readonly Lock _lock = new();
    private LabResourceSet _created = LabResourceSet.Empty;

    public void Record(LabResource resource)
    {
        lock (_lock)
        {
            _created = _created.Union([resource]);
        }
    }

    /// <summary>What to delete to undo the start: exactly the recorded resources.</summary>
    public LabResourceSet Created
    {
        get
        {
            lock (_lock)
            {
                return _created;
            }
        }
    }
}
