namespace AlbBuilder.Classroom;

/// <summary>What a <see cref="ClassroomResult"/> reports on.</summary>
public enum ClassroomOperation
{
    /// <summary><see cref="IAlbClassroom.StartAsync"/>.</summary>
    Start,

    /// <summary><see cref="IAlbClassroom.VerifyTrafficAsync"/>.</summary>
    VerifyTraffic,

    /// <summary><see cref="IAlbClassroom.RunFailoverDrillAsync"/>.</summary>
    FailoverDrill,

    /// <summary><see cref="IAlbClassroom.DestroyAsync"/>.</summary>
    Destroy,

    /// <summary><see cref="AlbClassroom.SweepAsync"/>.</summary>
    Sweep,
}
