namespace AlbBuilder.Sample.Rendering;

/// <summary>
/// Reports on the caller's thread, one report at a time. <see cref="Progress{T}"/> would post to the thread pool
/// (a console app has no synchronization context), so lines could print out of order.
/// </summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    private readonly Lock _gate = new();

    public void Report(T value)
    {
        lock (_gate)
        {
            report(value);
        }
    }
}
