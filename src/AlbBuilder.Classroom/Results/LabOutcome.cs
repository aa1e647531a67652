using System.Globalization;

namespace AlbBuilder.Classroom;

/// <summary>What one classroom operation did to one lab: success or the lab's own error, and what it measured.</summary>
public sealed class LabOutcome
{
    /// <summary>Creates an outcome (for your own tests' fakes; a classroom makes its own).</summary>
    /// <param name="learner">The learner.</param>
    /// <param name="labName">The lab's name.</param>
    /// <param name="error">Why the operation failed for this lab; null when it succeeded.</param>
    /// <param name="duration">How long the operation took for this lab.</param>
    /// <param name="url">The lab's load balancer URL, once it exists.</param>
    /// <param name="traffic">The traffic report, for a verification.</param>
    /// <param name="drill">The drill report, for a failover drill (also when it failed, as far as it went).</param>
    /// <exception cref="ArgumentNullException"><paramref name="learner"/> or <paramref name="labName"/> is null.</exception>
    public LabOutcome(string learner, string labName, Exception? error, TimeSpan duration, Uri? url = null, TrafficReport? traffic = null, DrillReport? drill = null)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(labName);
        Learner = learner;
        LabName = labName;
        Error = error;
        Duration = duration;
        Url = url;
        Traffic = traffic;
        Drill = drill;
    }

    /// <summary>Gets the learner.</summary>
    public string Learner { get; }

    /// <summary>Gets the lab's name, <c>&lt;class&gt;-&lt;learner&gt;</c>.</summary>
    public string LabName { get; }

    /// <summary>Gets whether the operation succeeded for this lab.</summary>
    public bool Succeeded => Error is null;

    /// <summary>
    /// Gets why the operation failed for this lab: typically an <see cref="AlbLabException"/> (a failed start says what
    /// was created and removed), a <see cref="FailoverDrillException"/>, or an <see cref="AlbLabException"/> for traffic
    /// that was not all answered.
    /// </summary>
    public Exception? Error { get; }

    /// <summary>Gets how long the operation took for this lab (from when it left the queue).</summary>
    public TimeSpan Duration { get; }

    /// <summary>Gets the lab's load balancer URL, once it exists.</summary>
    public Uri? Url { get; }

    /// <summary>Gets the traffic report of a verification.</summary>
    public TrafficReport? Traffic { get; }

    /// <summary>Gets the drill report of a failover drill.</summary>
    public DrillReport? Drill { get; }

    /// <inheritdoc />
    public override string ToString()
    {
        var seconds = Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        return Succeeded
            ? $"{Learner} ({LabName}): ok in {seconds} s{(Url is null ? string.Empty : $", {Url}")}"
            : $"{Learner} ({LabName}): failed after {seconds} s: {Error!.Message}";
    }
}
