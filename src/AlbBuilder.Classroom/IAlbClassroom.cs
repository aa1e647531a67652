namespace AlbBuilder.Classroom;

/// <summary>
/// A class's labs, one per learner, from one template: <see cref="StartAsync"/> starts them with bounded concurrency
/// over shared, rate-limited clients; one lab's failure neither fails nor rolls back the others. Disposing it tears
/// down what its starts created.
/// </summary>
public interface IAlbClassroom : IAsyncDisposable
{
    /// <summary>Gets the class's name; every resource of its labs carries it as <see cref="ClassroomTags.Class"/>.</summary>
    string Name { get; }

    /// <summary>Gets one lab per learner, in the learners' order.</summary>
    IReadOnlyList<ClassroomLab> Labs { get; }

    /// <summary>Compares what the class needs with the account's quotas, without creating anything.</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>Every quota checked, and whether the class fits.</returns>
    /// <exception cref="AlbLabException">The AWS clients could not be created (no region or credentials).</exception>
    Task<QuotaReport> CheckQuotasAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks the quotas (unless turned off), then starts every lab, at most <see cref="AlbClassroomBuilder.WithMaxConcurrency"/>
    /// at once. A lab that fails is rolled back on its own and reported with its error; the others go on. Labs already
    /// serving are left as they are, so calling it again starts only what failed.
    /// </summary>
    /// <param name="progress">Receives each lab's states (<see cref="ClassroomLabState.Queued"/>, Starting, Serving or Failed) and its steps.</param>
    /// <param name="cancellationToken">
    /// Cancels the start: labs still queued are not started, labs starting roll back what they created, labs already
    /// serving are torn down; then <see cref="OperationCanceledException"/> is thrown. What a rollback could not remove
    /// keeps its tags, for <see cref="DestroyAsync"/> or <see cref="AlbClassroom.SweepAsync(AlbLabBuilder, string, IProgress{ClassroomEvent}, CancellationToken)"/>.
    /// </param>
    /// <returns>One outcome per lab, with its URL or its error.</returns>
    /// <exception cref="ClassroomQuotaException">The class does not fit in the account's quotas; nothing was created.</exception>
    /// <exception cref="OperationCanceledException">The start was cancelled; everything it created was rolled back, as far as possible.</exception>
    Task<ClassroomResult> StartAsync(IProgress<ClassroomEvent>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Sends traffic through every serving lab's load balancer (labs that did not start are left out).</summary>
    /// <param name="options">How many requests and how to judge them, for every lab; each lab's handler and clock fill what is unset.</param>
    /// <param name="progress">Receives each lab's <see cref="ClassroomLabState.Verifying"/>, then Verified or Failed.</param>
    /// <param name="cancellationToken">Cancels the verification.</param>
    /// <returns>One outcome per serving lab with its <see cref="LabOutcome.Traffic"/>; a lab fails when a request failed or an instance never answered.</returns>
    Task<ClassroomResult> VerifyTrafficAsync(TrafficOptions? options = null, IProgress<ClassroomEvent>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Runs the failover drill on every serving lab (labs that did not start are left out).</summary>
    /// <param name="options">The drill's options, for every lab; leave <see cref="DrillOptions"/>' instance unset, as instances differ by lab.</param>
    /// <param name="progress">Receives each lab's <see cref="ClassroomLabState.Drilling"/>, then Drilled or Failed.</param>
    /// <param name="cancellationToken">Cancels the drills (each lab's stopped instance is still restored).</param>
    /// <returns>One outcome per serving lab with its <see cref="LabOutcome.Drill"/>.</returns>
    Task<ClassroomResult> RunFailoverDrillAsync(DrillOptions? options = null, IProgress<ClassroomEvent>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes every lab of the list (whatever its state: each lab finds its resources by their ownership tags), at most
    /// <see cref="AlbClassroomBuilder.WithMaxConcurrency"/> at once. A lab that fails is reported and never stops the others.
    /// </summary>
    /// <param name="progress">Receives each lab's <see cref="ClassroomLabState.Destroying"/>, its teardown steps, then Destroyed or Failed.</param>
    /// <param name="cancellationToken">Cancels the teardown; a later call resumes it.</param>
    /// <returns>One outcome per lab.</returns>
    Task<ClassroomResult> DestroyAsync(IProgress<ClassroomEvent>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Abandons the rollbacks of a cancelled start (the "second cancellation"): labs stop removing what they created and
    /// leave it, tagged with the class, for a later <see cref="AlbClassroom.SweepAsync(AlbLabBuilder, string, IProgress{ClassroomEvent}, CancellationToken)"/>.
    /// </summary>
    void AbandonRollback();

    /// <summary>
    /// Gets the API calls the class's labs made through the shared clients so far, per action: requested by the labs,
    /// sent to AWS (fewer when shared polling coalesced them), and throttled. Empty before the first call.
    /// </summary>
    ApiCallCounts ApiCalls { get; }
}
