namespace AlbBuilder;

/// <summary>The kind of a <see cref="LabEvent"/>.</summary>
public enum LabEventKind
{
    /// <summary>A step started.</summary>
    Started,

    /// <summary>A step is waiting or polling (e.g. a waiter attempt).</summary>
    Progress,

    /// <summary>A step completed.</summary>
    Completed,

    /// <summary>A step failed.</summary>
    Failed,

    /// <summary>A resource was removed while rolling back or tearing down.</summary>
    Removed,
}
