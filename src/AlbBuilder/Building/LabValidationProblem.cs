namespace AlbBuilder;

/// <summary>One problem with a lab's definition.</summary>
/// <param name="Field">The builder setting (e.g. <c>ListenOn</c>, <c>WithHealthCheck.Interval</c>).</param>
/// <param name="Value">The offending value, as text (user data is summarised by size, never shown).</param>
/// <param name="Fix">How to fix it.</param>
public sealed record LabValidationProblem(string Field, string Value, string Fix)
{
    /// <summary>The builder setting (e.g. <c>ListenOn</c>, <c>WithHealthCheck.Interval</c>).</summary>
    public string Field { get; } = Field;

    /// <summary>The offending value, as text (user data is summarised by size, never shown).</summary>
    public string Value { get; } = Value;

    /// <summary>How to fix it.</summary>
    public string Fix { get; } = Fix;

    /// <inheritdoc />
    public override string ToString() => $"{Field} = {Value}: {Fix}";
}
