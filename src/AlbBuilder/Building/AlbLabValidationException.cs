using AlbBuilder.Building;

namespace AlbBuilder;

/// <summary>Thrown by <c>Build()</c> before any AWS call: lists every problem with the lab's definition at once.</summary>
/// <remarks><see cref="ArgumentException.ParamName"/> is the first problem's <see cref="LabValidationProblem.Field"/>, e.g. <c>ListenOn</c>.</remarks>
public sealed class AlbLabValidationException : ArgumentException
{
    private readonly string _message;

    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="problems">Every problem, at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="problems"/> is null.</exception>
    public AlbLabValidationException(IReadOnlyList<LabValidationProblem> problems)
        : base(Describe(problems), problems.Count > 0 ? problems[0].Field : null)
    {
        Problems = problems;
        _message = Describe(problems);
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<LabValidationProblem> Problems { get; }

    /// <summary>One line per problem: its field, value and fix (without <see cref="ArgumentException"/>'s "(Parameter …)" suffix: the lines name each field).</summary>
    public override string Message => _message;

    private static string Describe(IReadOnlyList<LabValidationProblem> problems) => ValidationMessage.For("lab", problems);
}
