namespace AlbBuilder;

/// <summary>The life-cycle state of an <see cref="IAlbLab"/>.</summary>
public enum LabState
{
    /// <summary>Built, nothing created on AWS yet.</summary>
    NotStarted,

    /// <summary><see cref="IAlbLab.StartAsync(IProgress{LabEvent}, CancellationToken)"/> is creating resources.</summary>
    Starting,

    /// <summary>The load balancer is active and the targets are healthy.</summary>
    Running,

    /// <summary>Attached to an existing lab's resources found by tag.</summary>
    Attached,

    /// <summary>Start failed (what it created was rolled back unless clean-up is off).</summary>
    Failed,

    /// <summary>Teardown is in progress.</summary>
    Destroying,

    /// <summary>Every resource has been deleted.</summary>
    Destroyed,
}
