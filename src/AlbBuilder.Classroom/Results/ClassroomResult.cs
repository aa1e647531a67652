namespace AlbBuilder.Classroom;

/// <summary>One classroom operation's result: one <see cref="LabOutcome"/> per lab it concerned, in the learners' order.</summary>
public sealed class ClassroomResult
{
    /// <summary>Creates a result (for your own tests' fakes; a classroom makes its own).</summary>
    /// <param name="operation">The operation reported on.</param>
    /// <param name="outcomes">One outcome per lab.</param>
    /// <param name="duration">How long the whole operation took.</param>
    /// <exception cref="ArgumentNullException"><paramref name="outcomes"/> is null.</exception>
    public ClassroomResult(ClassroomOperation operation, IEnumerable<LabOutcome> outcomes, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        Operation = operation;
        Outcomes = [.. outcomes];
        Duration = duration;
    }

    /// <summary>Gets the operation reported on.</summary>
    public ClassroomOperation Operation { get; }

    /// <summary>Gets one outcome per lab, in the learners' order.</summary>
    public IReadOnlyList<LabOutcome> Outcomes { get; }

    /// <summary>Gets how long the whole operation took.</summary>
    public TimeSpan Duration { get; }

    /// <summary>Gets how many labs it succeeded for.</summary>
    public int SucceededCount => Outcomes.Count(o => o.Succeeded);

    /// <summary>Gets how many labs it failed for.</summary>
    public int FailedCount => Outcomes.Count - SucceededCount;

    /// <summary>Gets whether it succeeded for every lab (true for none).</summary>
    public bool AllSucceeded => FailedCount == 0;

    /// <summary>Gets the outcomes of the labs it failed for.</summary>
    public IReadOnlyList<LabOutcome> Failures => [.. Outcomes.Where(o => !o.Succeeded)];

    /// <summary>Returns a one-line summary, e.g. <c>Start: 29 of 30 labs succeeded in 41.2 s; failed: learner-07</c>.</summary>
    /// <returns>The summary.</returns>
    public override string ToString()
    {
        var seconds = Duration.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        var line = $"{Operation}: {SucceededCount} of {Outcomes.Count} labs succeeded in {seconds} s";
        return FailedCount == 0 ? line : $"{line}; failed: {string.Join(", ", Failures.Select(f => f.Learner))}";
    }
}
