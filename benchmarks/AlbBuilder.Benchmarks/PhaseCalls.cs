namespace AlbBuilder.Benchmarks;

/// <summary>The API calls of one phase (start, verify, destroy), per operation, and how many were waiter polls.</summary>
internal sealed record PhaseCalls(IReadOnlyDictionary<string, int> ByOperation, int WaiterPolls)
{
    public int Total => ByOperation.Values.Sum();

    public int Other => Total - WaiterPolls;

    /// <summary>Counters without the service-qualified duplicates (<c>ec2:DescribeTags</c> is also counted as <c>DescribeTags</c>).</summary>
    public static PhaseCalls From(IReadOnlyDictionary<string, int> counters, int waiterPolls) =>
        new(counters.Where(p => !p.Key.Contains(':', StringComparison.Ordinal)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), waiterPolls);
}
