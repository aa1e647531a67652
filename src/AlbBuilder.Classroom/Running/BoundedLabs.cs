namespace AlbBuilder.Classroom.Running;

/// <summary>Runs one piece of work per lab, at most a given number at once, and keeps the labs' order in the results.</summary>
internal static class BoundedLabs
{
    /// <summary>
    /// Runs <paramref name="work"/> for every lab. The work reports its own failures in its outcome and never throws, so
    /// that one lab's failure neither stops nor fails the others.
    /// </summary>
    public static async Task<IReadOnlyList<LabOutcome>> RunAsync(
        IReadOnlyList<ClassroomLab> labs, int maxConcurrency, Func<ClassroomLab, Task<LabOutcome>> work)
    {
        using var slots = new SemaphoreSlim(maxConcurrency, maxConcurrency);
        var tasks = labs.Select(async lab =>
        {
            await slots.WaitAsync().ConfigureAwait(false);
            try
            {
                return await work(lab).ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
            }
        }).ToList();
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }
}
