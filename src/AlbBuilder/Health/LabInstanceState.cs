namespace AlbBuilder;

/// <summary>
/// An EC2 instance's state, as EC2 names it (e.g. <c>running</c>): an extensible enum, so a state EC2 adds later still reads, as its own text.
/// Compares case-insensitively; <see cref="ToString"/> gives the text.
/// </summary>
public readonly struct LabInstanceState : IEquatable<LabInstanceState>
{
    private readonly string? _value;

    /// <summary>Wraps a state as EC2 spells it.</summary>
    /// <param name="value">The state, e.g. <c>running</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public LabInstanceState(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary><c>pending</c>: Launching or starting.</summary>
    public static LabInstanceState Pending { get; } = new("pending");

    /// <summary><c>running</c>: Running; it can serve once it passes health checks.</summary>
    public static LabInstanceState Running { get; } = new("running");

    /// <summary><c>shutting-down</c>: Being terminated.</summary>
    public static LabInstanceState ShuttingDown { get; } = new("shutting-down");

    /// <summary><c>terminated</c>: Terminated; it cannot be started again.</summary>
    public static LabInstanceState Terminated { get; } = new("terminated");

    /// <summary><c>stopping</c>: Being stopped.</summary>
    public static LabInstanceState Stopping { get; } = new("stopping");

    /// <summary><c>stopped</c>: Stopped; it can be started again.</summary>
    public static LabInstanceState Stopped { get; } = new("stopped");

    /// <summary>Whether two states are the same (case-insensitive).</summary>
    /// <param name="left">A state.</param>
    /// <param name="right">Another state.</param>
    /// <returns>True when they name the same state.</returns>
    public static bool operator ==(LabInstanceState left, LabInstanceState right) => left.Equals(right);

    /// <summary>Whether two states differ (case-insensitive).</summary>
    /// <param name="left">A state.</param>
    /// <param name="right">Another state.</param>
    /// <returns>True when they name different states.</returns>
    public static bool operator !=(LabInstanceState left, LabInstanceState right) => !left.Equals(right);

    /// <summary>Wraps a state as EC2 spells it, e.g. <c>"running"</c>.</summary>
    /// <param name="value">The state.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static implicit operator LabInstanceState(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(LabInstanceState other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is LabInstanceState other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>The state as EC2 spells it, e.g. <c>running</c>.</summary>
    /// <returns>The text; empty for <see langword="default"/>.</returns>
    public override string ToString() => _value ?? string.Empty;
}
