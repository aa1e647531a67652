namespace AlbBuilder.Building;

/// <summary>The message of a validation exception: one line per problem, the same for a lab and for a classroom.</summary>
internal static class ValidationMessage
{
    /// <param name="subject">What was described, e.g. <c>lab</c> or <c>classroom</c>.</param>
    /// <param name="problems">Every problem found.</param>
    public static string For(string subject, IReadOnlyList<LabValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var lines = problems.Select(p => "  - " + p);
        return $"The {subject} definition has {problems.Count} problem(s):{Environment.NewLine}{string.Join(Environment.NewLine, lines)}";
    }
}
