namespace AlbBuilder.Traffic;

/// <summary>The survivor verification's requests sorted by the transition window.</summary>
/// <param name="ServedBySurvivors">Served by a surviving instance (at any time).</param>
/// <param name="Tolerated">Started inside the window and not served by a survivor.</param>
/// <param name="StoppedServedAfterWindow">Started after the window and served by the stopped instance.</param>
/// <param name="FailedAfterWindow">Started after the window and failed or named an unknown backend.</param>
internal sealed record SurvivorVerdict(int ServedBySurvivors, int Tolerated, int StoppedServedAfterWindow, int FailedAfterWindow)
{
    public static SurvivorVerdict None { get; } = new(0, 0, 0, 0);

    /// <summary>Survivors served something and nothing after the window went elsewhere.</summary>
    public bool OnlySurvivorServed => ServedBySurvivors > 0 && StoppedServedAfterWindow == 0 && FailedAfterWindow == 0;
}
