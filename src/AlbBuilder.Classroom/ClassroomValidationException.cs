using AlbBuilder.Building;

namespace AlbBuilder.Classroom;

/// <summary>
/// Thrown by <see cref="AlbClassroomBuilder.Build"/> before any AWS call: lists every problem with the class at once —
/// its name, its learners, each lab's name, and the template's own problems.
/// </summary>
/// <remarks><see cref="ArgumentException.ParamName"/> is the first problem's <see cref="LabValidationProblem.Field"/>.</remarks>
public sealed class ClassroomValidationException : ArgumentException
{
    private readonly string _message;

    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="problems">Every problem, at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="problems"/> is null.</exception>
    public ClassroomValidationException(IReadOnlyList<LabValidationProblem> problems)
        : base(Describe(problems), problems.Count > 0 ? problems[0].Field : null)
    {
        Problems = problems;
        _message = Describe(problems);
    }

    /// <summary>Gets every problem found.</summary>
    public IReadOnlyList<LabValidationProblem> Problems { get; }

    /// <summary>Gets one line per problem: its field, value and fix.</summary>
    public override string Message => _message;

    private static string Describe(IReadOnlyList<LabValidationProblem> problems) => ValidationMessage.For("classroom", problems);
}
