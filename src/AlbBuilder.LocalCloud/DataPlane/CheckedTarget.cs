namespace AlbBuilder.LocalCloud.DataPlane;

/// <summary>A registered target inside <see cref="TargetHealthChecker"/>: its record, its check loop and its drain timer.</summary>
internal sealed class CheckedTarget(TargetHealthRecord record)
{
    private CancellationTokenSource? _loopCts;
    private CancellationTokenSource? _drainCts;

    public TargetHealthRecord Record { get; } = record;

    public Task? Loop { get; private set; }

    public void SetLoop(CancellationTokenSource cts, Task loop)
    {
        _loopCts = cts;
        Loop = loop;
    }

    public void StopLoop()
    {
        _loopCts?.Cancel();
        _loopCts?.Dispose();
        _loopCts = null;
    }

    public CancellationToken StartDrain(CancellationToken disposeToken)
    {
        _drainCts = CancellationTokenSource.CreateLinkedTokenSource(disposeToken);
        return _drainCts.Token;
    }

    public void CancelDrain()
    {
        _drainCts?.Cancel();
        _drainCts?.Dispose();
        _drainCts = null;
    }
}
