namespace AlbBuilder.Reliability.Tests.Infrastructure;

/// <summary>Runs independent cases (each on its own LocalCloud) a few at a time.</summary>
internal static class Bounded
{
    public static async Task<IReadOnlyList<TResult>> RunAsync<TCase, TResult>(IReadOnlyList<TCase> cases, Func<TCase, Task<TResult>> run, int? degree = null)
    {
        using var gate = new SemaphoreSlim(degree ?? Math.Max(4, Environment.ProcessorCount * 2));
        var tasks = cases.Select(async c =>
        {
            await gate.WaitAsync();
            try
            {
                return await run(c);
            }
            finally
            {
                gate.Release();
            }
        });
        return await Task.WhenAll(tasks);
    }
}
