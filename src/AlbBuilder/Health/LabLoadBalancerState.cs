namespace AlbBuilder;

/// <summary>
/// The load balancer's state, as ELBv2 names it (e.g. <c>active</c>): an extensible enum, so a state ELBv2 adds later still reads, as its own text.
/// Compares case-insensitively; <see cref="ToString"/> gives the text.
/// </summary>
public readonly struct LabLoadBalancerState : IEquatable<LabLoadBalancerState>
{
    private readonly string? _value;

    /// <summary>Wraps a state as ELBv2 spells it.</summary>
    /// <param name="value">The state, e.g. <c>active</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public LabLoadBalancerState(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary><c>provisioning</c>: Being set up.</summary>
    public static LabLoadBalancerState Provisioning { get; } = new("provisioning");

    /// <summary><c>active</c>: Routing traffic.</summary>
    public static LabLoadBalancerState Active { get; } = new("active");

    /// <summary><c>active_impaired</c>: Routing traffic, but without the resources to scale.</summary>
    public static LabLoadBalancerState ActiveImpaired { get; } = new("active_impaired");

    /// <summary><c>failed</c>: Could not be set up.</summary>
    public static LabLoadBalancerState Failed { get; } = new("failed");

    /// <summary>Whether two states are the same (case-insensitive).</summary>
    /// <param name="left">A state.</param>
    /// <param name="right">Another state.</param>
    /// <returns>True when they name the same state.</returns>
    public static bool operator ==(LabLoadBalancerState left, LabLoadBalancerState right) => left.Equals(right);

    /// <summary>Whether two states differ (case-insensitive).</summary>
    /// <param name="left">A state.</param>
    /// <param name="right">Another state.</param>
    /// <returns>True when they name different states.</returns>
    public static bool operator !=(LabLoadBalancerState left, LabLoadBalancerState right) => !left.Equals(right);

    /// <summary>Wraps a state as ELBv2 spells it, e.g. <c>"active"</c>.</summary>
    /// <param name="value">The state.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static implicit operator LabLoadBalancerState(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(LabLoadBalancerState other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is LabLoadBalancerState other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>The state as ELBv2 spells it, e.g. <c>active</c>.</summary>
    /// <returns>The text; empty for <see langword="default"/>.</returns>
    public override string ToString() => _value ?? string.Empty;
}
