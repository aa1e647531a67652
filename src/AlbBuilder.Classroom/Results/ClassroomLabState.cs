namespace AlbBuilder.Classroom;

/// <summary>Where one lab of a classroom stands, as a row of a live table shows it.</summary>
public enum ClassroomLabState
{
    /// <summary>Waiting for a free slot (at most <see cref="AlbClassroomBuilder.WithMaxConcurrency"/> labs work at once).</summary>
    Queued,

    /// <summary>The lab is being created; <see cref="ClassroomEvent.LabEvent"/> tells the step.</summary>
    Starting,

    /// <summary>The lab serves: its load balancer is active and its targets are healthy.</summary>
    Serving,

    /// <summary>The lab's operation failed; <see cref="ClassroomEvent.Error"/> says why (a failed start was rolled back on its own).</summary>
    Failed,

    /// <summary>The class's start was cancelled; this lab was never started or has been rolled back.</summary>
    Cancelled,

    /// <summary>Traffic is being sent through the lab's load balancer.</summary>
    Verifying,

    /// <summary>Every request sent through the lab's load balancer was answered.</summary>
    Verified,

    /// <summary>The failover drill is running on the lab.</summary>
    Drilling,

    /// <summary>The failover drill passed.</summary>
    Drilled,

    /// <summary>The lab's resources are being deleted.</summary>
    Destroying,

    /// <summary>Nothing of the lab is left.</summary>
    Destroyed,
}
