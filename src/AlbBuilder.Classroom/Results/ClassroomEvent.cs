using System.Globalization;

namespace AlbBuilder.Classroom;

/// <summary>
/// A progress report from one lab of a classroom: its new state, or a step of its own (<see cref="LabEvent"/>). Events
/// arrive from every lab at once, in no particular order between labs; key a live table on <see cref="Learner"/>.
/// </summary>
/// <param name="timestamp">When it happened (from the template's <see cref="TimeProvider"/>).</param>
/// <param name="learner">The learner whose lab it concerns.</param>
/// <param name="labName">The lab's name, <c>&lt;class&gt;-&lt;learner&gt;</c>.</param>
/// <param name="state">The lab's state.</param>
/// <param name="labEvent">The lab's own step while it starts or is destroyed; null for a change of state.</param>
/// <param name="error">Why the lab failed, when <paramref name="state"/> is <see cref="ClassroomLabState.Failed"/>.</param>
public sealed class ClassroomEvent(DateTimeOffset timestamp, string learner, string labName, ClassroomLabState state, LabEvent? labEvent = null, Exception? error = null)
{
    /// <summary>Gets when it happened.</summary>
    public DateTimeOffset Timestamp { get; } = timestamp;

    /// <summary>Gets the learner whose lab it concerns.</summary>
    public string Learner { get; } = learner;

    /// <summary>Gets the lab's name.</summary>
    public string LabName { get; } = labName;

    /// <summary>Gets the lab's state.</summary>
    public ClassroomLabState State { get; } = state;

    /// <summary>Gets the lab's own step, or null for a change of state.</summary>
    public LabEvent? LabEvent { get; } = labEvent;

    /// <summary>Gets why the lab failed, when it did.</summary>
    public Exception? Error { get; } = error;

    /// <inheritdoc />
    public override string ToString()
    {
        var time = Timestamp.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
        var detail = LabEvent is { } e ? $"{e.Step} {e.Kind}: {e.Message}" : Error?.Message;
        return detail is null ? $"{time} {Learner} {State}" : $"{time} {Learner} {State} — {detail}";
    }
}
