namespace AlbBuilder;

/// <summary>
/// One ALB lab: EC2 instances behind an Application Load Balancer. <c>AlbLab.Create(name)</c> describes it,
/// <see cref="StartAsync(IProgress{LabEvent}, CancellationToken)"/> builds it on AWS and returns when it serves, and disposing it tears everything down
/// (when clean-up is on).
/// </summary>
public interface IAlbLab : IAsyncDisposable
{
    /// <summary>The lab's name; every resource it creates carries it in its ownership tags.</summary>
    string Name { get; }

    /// <summary>Where the lab is in its life cycle.</summary>
    LabState State { get; }

    /// <summary>The AWS resources the lab created or adopted so far (empty before <see cref="StartAsync(IProgress{LabEvent}, CancellationToken)"/>).</summary>
    LabResources Resources { get; }

    /// <summary>The load balancer's URL (<c>http://&lt;dns-name&gt;:&lt;port&gt;/</c>), once the load balancer exists.</summary>
    Uri? Url { get; }

    /// <summary>
    /// Creates the lab (or completes one with the same name whose tagged resources already exist) and waits until
    /// the load balancer is active and every instance is a healthy target.
    /// </summary>
    /// <param name="progress">Receives a <see cref="LabEvent"/> for each step.</param>
    /// <param name="cancellationToken">Cancels the start; what was created is rolled back.</param>
    /// <returns>A task that completes when the lab serves traffic.</returns>
    /// <exception cref="AlbLabException">A step failed; the message says which, what was created and what was removed.</exception>
    Task StartAsync(IProgress<LabEvent>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Creates the lab, as <see cref="StartAsync(IProgress{LabEvent}, CancellationToken)"/> without progress reports.</summary>
    /// <param name="cancellationToken">Cancels the start; what was created is rolled back.</param>
    /// <returns>A task that completes when the lab serves traffic.</returns>
    /// <exception cref="AlbLabException">A step failed; the message says which, what was created and what was removed.</exception>
    Task StartAsync(CancellationToken cancellationToken) => StartAsync(null, cancellationToken);

    /// <summary>
    /// Abandons the rollback of the start in progress — the "second cancellation": a cancelled (or failed) start stops
    /// removing what it created, and throws at once with what is still there (<c>Created.Except(Removed)</c>), tagged with
    /// the lab's name, so that <see cref="DestroyAsync(IProgress{LabEvent}, CancellationToken)"/> or a sweep removes it later.
    /// Applies to the current start only, also when called before its rollback began; without a start, nothing happens.
    /// </summary>
    void AbandonRollback();

    /// <summary>Finds the resources of an existing lab with this name by their ownership tags, without creating anything.</summary>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns><see langword="true"/> when resources of the lab were found.</returns>
    Task<bool> AttachAsync(CancellationToken cancellationToken = default);

    /// <summary>Takes a snapshot of the load balancer, the instances and their target health.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The snapshot.</returns>
    Task<LabStatus> GetStatusAsync(CancellationToken cancellationToken = default);

    /// <summary>Waits until every registered instance is a healthy target.</summary>
    /// <param name="timeout">How long to wait; the lab's configured targets-healthy timeout when null.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The status once healthy.</returns>
    Task<LabStatus> WaitForHealthyAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Browses the load balancer: sends requests and reports which instance answered each, failures and latencies, and
    /// whether the split is balanced. By default every running instance is expected to answer.
    /// </summary>
    /// <param name="options">How many requests and how to judge them; the lab's traffic handler and clock fill what is unset.</param>
    /// <param name="cancellationToken">Cancels the verification.</param>
    /// <returns>The report; failed requests are in it, not thrown.</returns>
    /// <exception cref="InvalidOperationException">The lab has no load balancer yet.</exception>
    Task<TrafficReport> VerifyTrafficAsync(TrafficOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Browses the load balancer with the default <see cref="TrafficOptions"/>.</summary>
    /// <param name="cancellationToken">Cancels the verification.</param>
    /// <returns>The report; failed requests are in it, not thrown.</returns>
    /// <exception cref="InvalidOperationException">The lab has no load balancer yet.</exception>
    Task<TrafficReport> VerifyTrafficAsync(CancellationToken cancellationToken) => VerifyTrafficAsync(null, cancellationToken);

    /// <summary>
    /// Runs the failover drill: stops one instance, proves only the survivors serve, starts it again and proves all serve.
    /// The stopped instance is started again even if the drill fails or is cancelled.
    /// </summary>
    /// <param name="options">Which instance, how many requests, the transition window; the window follows the lab's health check when null.</param>
    /// <param name="progress">Receives each step of the drill's timeline.</param>
    /// <param name="cancellationToken">Cancels the drill (the instance is still restored).</param>
    /// <returns>The drill's report with its timeline and verdicts.</returns>
    /// <exception cref="FailoverDrillException">A step failed or timed out, or the lab has fewer than 2 instances (e.g. not started yet); the report so far is attached.</exception>
    Task<DrillReport> RunFailoverDrillAsync(DrillOptions? options = null, IProgress<DrillEvent>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Runs the failover drill with the default <see cref="DrillOptions"/> and no progress reports.</summary>
    /// <param name="cancellationToken">Cancels the drill (the instance is still restored).</param>
    /// <returns>The drill's report with its timeline and verdicts.</returns>
    /// <exception cref="FailoverDrillException">A step failed or timed out; the report so far is attached.</exception>
    Task<DrillReport> RunFailoverDrillAsync(CancellationToken cancellationToken) => RunFailoverDrillAsync(null, null, cancellationToken);

    /// <summary>Deletes every resource of this lab (only those carrying its ownership tags). Idempotent.</summary>
    /// <param name="progress">Receives a <see cref="LabEvent"/> for each step.</param>
    /// <param name="cancellationToken">Cancels the teardown; a later call resumes it.</param>
    /// <returns>A task that completes when nothing of the lab is left.</returns>
    Task DestroyAsync(IProgress<LabEvent>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes every resource of this lab, as <see cref="DestroyAsync(IProgress{LabEvent}, CancellationToken)"/> without progress reports.</summary>
    /// <param name="cancellationToken">Cancels the teardown; a later call resumes it.</param>
    /// <returns>A task that completes when nothing of the lab is left.</returns>
    Task DestroyAsync(CancellationToken cancellationToken) => DestroyAsync(null, cancellationToken);
}
