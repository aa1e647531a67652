namespace AlbBuilder;

/// <summary>
/// A target's health state in the lab's target group, as ELBv2 names it (e.g. <c>healthy</c>): an extensible enum, so a state ELBv2 adds later still reads, as its own text.
/// Compares case-insensitively; <see cref="ToString"/> gives the text.
/// </summary>
public readonly struct LabTargetState : IEquatable<LabTargetState>
{
    private readonly string? _value;

    /// <summary>Wraps a state as ELBv2 spells it.</summary>
    /// <param name="value">The state, e.g. <c>healthy</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public LabTargetState(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary><c>initial</c>: Registered; the first health checks are still running.</summary>
    public static LabTargetState Initial { get; } = new("initial");

    /// <summary><c>healthy</c>: Passing health checks; receives traffic.</summary>
    public static LabTargetState Healthy { get; } = new("healthy");

    /// <summary><c>unhealthy</c>: Failing health checks.</summary>
    public static LabTargetState Unhealthy { get; } = new("unhealthy");

    /// <summary><c>unused</c>: Not used: e.g. the instance is stopped, or its Availability Zone is not enabled.</summary>
    public static LabTargetState Unused { get; } = new("unused");

    /// <summary><c>draining</c>: Being deregistered; in-flight requests finish.</summary>
    public static LabTargetState Draining { get; } = new("draining");

    /// <summary><c>unavailable</c>: Health checks are disabled.</summary>
    public static LabTargetState Unavailable { get; } = new("unavailable");

    /// <summary><c>unhealthy.draining</c>: Unhealthy and not accepting new connections, but still serving existing ones.</summary>
    public static LabTargetState UnhealthyDraining { get; } = new("unhealthy.draining");

    /// <summary>Whether two states are the same (case-insensitive).</summary>
    /// <param name="left">A state.</param>
    /// <param name="right">Another state.</param>
    /// <returns>True when they name the same state.</returns>
    public static bool operator ==(LabTargetState left, LabTargetState right) => left.Equals(right);

    /// <summary>Whether two states differ (case-insensitive).</summary>
    /// <param name="left">A state.</param>
    /// <param name="right">Another state.</param>
    /// <returns>True when they name different states.</returns>
    public static bool operator !=(LabTargetState left, LabTargetState right) => !left.Equals(right);

    /// <summary>Wraps a state as ELBv2 spells it, e.g. <c>"healthy"</c>.</summary>
    /// <param name="value">The state.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static implicit operator LabTargetState(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(LabTargetState other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is LabTargetState other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>The state as ELBv2 spells it, e.g. <c>healthy</c>.</summary>
    /// <returns>The text; empty for <see langword="default"/>.</returns>
    public override string ToString() => _value ?? string.Empty;
}
