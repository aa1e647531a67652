using System.Text.RegularExpressions;
using AlbBuilder.Classroom;

namespace AlbBuilder.Sample.Rendering;

/// <summary>
/// One row per lab of a class, kept up to date from the classroom's events. Events of different labs arrive at once
/// from many threads: every change happens under a lock, and readers get copies.
/// </summary>
internal sealed partial class ClassroomBoard
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Row> _rows;
    private IReadOnlyList<string> _order;
    private readonly int _instances;
    private readonly Func<string, Uri?> _urlOf;

    /// <param name="labs">The class's labs, in the learners' order.</param>
    /// <param name="instances">Instances per lab (the healthy targets a serving lab has).</param>
    /// <param name="urlOf">A learner's load balancer URL, once it exists.</param>
    public ClassroomBoard(IEnumerable<ClassroomLab> labs, int instances, Func<string, Uri?> urlOf)
    {
        var list = labs.ToList();
        _order = [.. list.Select(l => l.Learner)];
        _rows = list.ToDictionary(l => l.Learner, l => new Row(l.Learner, l.Lab.Name, ClassroomLabState.Queued, null, null, null, null), StringComparer.Ordinal);
        _instances = instances;
        _urlOf = urlOf;
    }

    /// <summary>A lab as the table shows it.</summary>
    /// <param name="Step">The lab's current step while it starts or is destroyed.</param>
    /// <param name="Healthy">Healthy targets, when known.</param>
    /// <param name="Error">Why the lab failed, when it did.</param>
    /// <param name="Started">Whether the lab left the queue (so a cancelled start rolled it back).</param>
    public sealed record Row(string Learner, string LabName, ClassroomLabState State, string? Step, int? Healthy, Uri? Url, string? Error, bool Started = false);

    public int Instances => _instances;

    /// <summary>The rows, in the learners' order.</summary>
    public IReadOnlyList<Row> Rows
    {
        get
        {
            lock (_gate)
            {
                return [.. _order.Select(l => _rows[l])];
            }
        }
    }

    /// <summary>Applies an event; returns the row when the lab's state changed (a line to print), null for a step.</summary>
    public Row? Apply(ClassroomEvent e)
    {
        lock (_gate)
        {
            if (!_rows.TryGetValue(e.Learner, out var row))
            {
                // A lab found by a sweep: its row is added as it comes.
                row = new Row(e.Learner, e.LabName, e.State, null, null, null, null);
                _rows[e.Learner] = row;
                _order = [.. _order, e.Learner];
            }

            if (e.LabEvent is { } step)
            {
                _rows[e.Learner] = row with { Step = step.Step.ToString(), Healthy = HealthyIn(step) ?? row.Healthy };
                return null;
            }

            var changed = row with
            {
                State = e.State,
                Step = null,
                Started = row.Started || e.State == ClassroomLabState.Starting,
                Error = e.Error is null ? row.Error : Arns.Shorten(e.Error.Message),
                Healthy = e.State switch
                {
                    ClassroomLabState.Serving => _instances,
                    ClassroomLabState.Destroyed or ClassroomLabState.Cancelled => null,
                    _ => row.Healthy,
                },
                Url = row.Url ?? _urlOf(e.Learner),
            };
            _rows[e.Learner] = changed;
            return changed;
        }
    }

    /// <summary>Healthy targets in a target-health waiter's attempt (<c>i-1: healthy, i-2: initial (Elb.RegistrationInProgress)</c>).</summary>
    private static int? HealthyIn(LabEvent step) =>
        step.Step == LabStep.WaitTargetsHealthy && step.Kind == LabEventKind.Progress ? HealthyState().Count(step.Message) : null;

    [GeneratedRegex(@": healthy\b")]
    private static partial Regex HealthyState();
}
