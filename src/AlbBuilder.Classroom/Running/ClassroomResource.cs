using AlbBuilder.Building;
using AlbBuilder.Classroom.Quotas;

namespace AlbBuilder.Classroom.Running;

/// <summary>The classroom behind <see cref="IAlbClassroom"/>: the labs, their shared clients, and the operations on all of them.</summary>
internal sealed class ClassroomResource : IAlbClassroom
{
    private readonly ClassroomServices _services;
    private readonly int _maxConcurrency;
    private readonly bool _quotaPreflight;
    private volatile CancellationTokenSource _abandonRollback = new();
    private int _disposed;

    public ClassroomResource(string name, IReadOnlyList<ClassroomLab> labs, ClassroomNeeds needs, ClassroomServices services, int maxConcurrency, bool quotaPreflight)
    {
        Name = name;
        Labs = labs;
        Needs = needs;
        _services = services;
        _maxConcurrency = maxConcurrency;
        _quotaPreflight = quotaPreflight;
    }

    public string Name { get; }

    public IReadOnlyList<ClassroomLab> Labs { get; }

    public ApiCallCounts ApiCalls => _services.CreatedClients?.Calls ?? new ApiCallCounts(new Dictionary<string, ApiCallCount>());

    /// <summary>What the quota pre-flight checks.</summary>
    internal ClassroomNeeds Needs { get; }

    public async Task<QuotaReport> CheckQuotasAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        Throttling.ClassroomClients clients;
        try
        {
            clients = _services.Clients;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new AlbLabException(LabClientFailure.Describe($"{Name}-…", ex), ex);
        }

        return await QuotaPreflight.CheckAsync(clients.Ec2, clients.ElasticLoadBalancing, Needs, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ClassroomResult> StartAsync(IProgress<ClassroomEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        var started = _services.TimeProvider.GetTimestamp();
        if (_quotaPreflight)
        {
            // Before any create: a class that does not fit must not leave half its labs behind.
            var report = await CheckQuotasAsync(cancellationToken).ConfigureAwait(false);
            if (!report.Fits)
            {
                throw new ClassroomQuotaException(report);
            }
        }

        _abandonRollback = new CancellationTokenSource();
        var reporter = new ClassroomProgress(progress, _services.TimeProvider);
        foreach (var lab in Labs)
        {
            reporter.State(lab, ClassroomLabState.Queued);
        }

        var work = new LabWork(reporter, _services.TimeProvider);
        var outcomes = await BoundedLabs.RunAsync(Labs, _maxConcurrency, lab => work.StartAsync(lab, cancellationToken)).ConfigureAwait(false);
        if (cancellationToken.IsCancellationRequested)
        {
            await RollBackServingAsync(outcomes, reporter).ConfigureAwait(false);
            var result = new ClassroomResult(ClassroomOperation.Start, outcomes, _services.TimeProvider.GetElapsedTime(started));
            throw new OperationCanceledException(
                $"Classroom {Name}: the start was cancelled; every lab started or starting was rolled back ({result}).", cancellationToken);
        }

        return new ClassroomResult(ClassroomOperation.Start, outcomes, _services.TimeProvider.GetElapsedTime(started));
    }

    /// <summary>
    /// Labs that finished starting before the cancellation reached them are torn down as well: a cancelled class leaves
    /// nothing behind. Bounded by <see cref="AbandonRollback"/>, not by the cancelled token.
    /// </summary>
    private async Task RollBackServingAsync(IReadOnlyList<LabOutcome> outcomes, ClassroomProgress reporter)
    {
        var serving = Labs.Where((lab, i) => outcomes[i].Succeeded).ToList();
        var work = new LabWork(reporter, _services.TimeProvider);
        var token = _abandonRollback.Token;
        var destroyed = await BoundedLabs.RunAsync(serving, _maxConcurrency, lab => work.DestroyAsync(lab, token)).ConfigureAwait(false);
        foreach (var (lab, outcome) in serving.Zip(destroyed).Where(p => p.Second.Succeeded))
        {
            reporter.State(lab, ClassroomLabState.Cancelled);
        }
    }

    public async Task<ClassroomResult> VerifyTrafficAsync(TrafficOptions? options = null, IProgress<ClassroomEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        var work = new LabWork(new ClassroomProgress(progress, _services.TimeProvider), _services.TimeProvider);
        return await RunAsync(ClassroomOperation.VerifyTraffic, Serving(), lab => work.VerifyTrafficAsync(lab, options, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    public async Task<ClassroomResult> RunFailoverDrillAsync(DrillOptions? options = null, IProgress<ClassroomEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        var work = new LabWork(new ClassroomProgress(progress, _services.TimeProvider), _services.TimeProvider);
        return await RunAsync(ClassroomOperation.FailoverDrill, Serving(), lab => work.RunFailoverDrillAsync(lab, options, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    public async Task<ClassroomResult> DestroyAsync(IProgress<ClassroomEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        var work = new LabWork(new ClassroomProgress(progress, _services.TimeProvider), _services.TimeProvider);
        return await RunAsync(ClassroomOperation.Destroy, Labs, lab => work.DestroyAsync(lab, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    public void AbandonRollback()
    {
        _abandonRollback.Cancel();
        foreach (var lab in Labs)
        {
            lab.Lab.AbandonRollback();
        }
    }

    /// <summary>Disposes every lab (each tears down what its own start created, when clean-up is on), then the clients the classroom created.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        var errors = new List<Exception>();
        try
        {
            await BoundedLabs.RunAsync(Labs, _maxConcurrency, async lab =>
            {
                try
                {
                    await lab.Lab.DisposeAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    lock (errors)
                    {
                        errors.Add(ex);
                    }
                }

                return new LabOutcome(lab.Learner, lab.Lab.Name, null, TimeSpan.Zero);
            }).ConfigureAwait(false);
        }
        finally
        {
            _services.DisposeOwnedClients();
        }

        if (errors.Count > 0)
        {
            throw new AggregateException($"Classroom {Name}: {errors.Count} lab(s) could not be torn down; destroy them again or sweep the class.", errors);
        }
    }

    private IReadOnlyList<ClassroomLab> Serving() => [.. Labs.Where(l => l.Lab.State is LabState.Running or LabState.Attached)];

    private async Task<ClassroomResult> RunAsync(ClassroomOperation operation, IReadOnlyList<ClassroomLab> labs, Func<ClassroomLab, Task<LabOutcome>> work, CancellationToken cancellationToken)
    {
        var started = _services.TimeProvider.GetTimestamp();
        var outcomes = await BoundedLabs.RunAsync(labs, _maxConcurrency, work).ConfigureAwait(false);

        // Each lab's own cancellation was reported in its outcome; the caller still learns that it cancelled.
        cancellationToken.ThrowIfCancellationRequested();
        return new ClassroomResult(operation, outcomes, _services.TimeProvider.GetElapsedTime(started));
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
}
