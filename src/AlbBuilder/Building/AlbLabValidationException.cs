namespace AlbBuilder;

/// <summary>Thrown by <c>Build()</c> before any AWS call: lists every problem with the lab's definition at once.</summary>
public sealed class AlbLabValidationException : ArgumentException
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="problems">Every problem, at least one.</param>
    public AlbLabValidationException(IReadOnlyList<LabValidationProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<LabValidationProblem> Problems { get; }

    private static string Describe(IReadOnlyList<LabValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var lines = problems.Select(p => "  - " + p);
        return $"The lab definition has {problems.Count} problem(s):{Environment.NewLine}{string.Join(Environment.NewLine, lines)}";
    }
}
