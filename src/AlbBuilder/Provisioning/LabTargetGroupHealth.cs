using System.Globalization;
using System.Text.RegularExpressions;
using AlbBuilder.Building;
using AlbBuilder.Waiters;

namespace AlbBuilder.Provisioning;

/// <summary>
/// Watches the targets-healthy wait and decides when its health check can never pass, so the wait ends early instead
/// of lasting its whole timeout. Definitive: every target that is not healthy is <c>unhealthy</c> with
/// <c>Target.ResponseCodeMismatch</c> for a code below 500 (the server answers, the path or matcher is wrong; 5xx may
/// be an application still warming up), or with <c>Target.FailedHealthChecks</c> (the connection to the traffic port
/// fails: nothing listens there). <c>Target.Timeout</c> never is (a security group or a slow boot).
/// </summary>
/// <remarks>
/// A mismatch must last several health-check intervals (at most a twentieth of the wait's timeout, so a scaled-down
/// LocalCloud lab ends early too). A refused connection is also what a booting instance answers while its user data
/// installs the web server, so it must last a third of the timeout (5 minutes of the default 15) before it counts.
/// Each needs at least <see cref="MinimumObservations"/> polls in a row; any other observation starts over.
/// </remarks>
internal sealed partial class LabTargetGroupHealth(AlbLabDefinition definition, TimeProvider time, TimeSpan timeout, Action hopeless) : IProgress<WaiterProgress>
{
    /// <summary>How many health-check intervals a mismatch must last.</summary>
    public const int Intervals = 4;

    /// <summary>Polls in a row that must agree.</summary>
    public const int MinimumObservations = 3;

    private const string ResponseCodeMismatch = "Target.ResponseCodeMismatch";
    private const string FailedHealthChecks = "Target.FailedHealthChecks";

    private Failure? _streak;
    private DateTimeOffset _since;
    private int _observations;

    private enum Failure
    {
        WrongAnswer,
        Refused,
    }

    /// <summary>Gets what to tell the user once the check was found hopeless; null until then.</summary>
    public string? Verdict { get; private set; }

    /// <summary>Gets how long every failing target must answer with a 4xx (or a 3xx) code.</summary>
    public TimeSpan MismatchWindow => Min(definition.HealthCheck.Interval * Intervals, timeout / 20);

    /// <summary>Gets how long every failing target must refuse connections (a boot allowance for the user data).</summary>
    public TimeSpan RefusedWindow => timeout / 3;

    /// <summary>Passes <paramref name="inner"/>'s reports on and watches them.</summary>
    public IProgress<WaiterProgress> Watching(IProgress<WaiterProgress>? inner) =>
        inner is null ? this : new Both(inner, this);

    public void Report(WaiterProgress value)
    {
        if (Verdict is not null)
        {
            return;
        }

        var failing = value.ObservedStates.Where(s => s.State != "healthy").ToList();
        var kinds = failing.Select(Classify).Distinct().ToList();
        if (failing.Count == 0 || kinds.Count != 1 || kinds[0] is not { } kind)
        {
            _streak = null;
            return;
        }

        var now = time.GetUtcNow();
        if (_streak != kind)
        {
            (_streak, _since, _observations) = (kind, now, 0);
        }

        _observations++;
        var lasted = now - _since;
        if (_observations >= MinimumObservations && lasted >= (kind == Failure.Refused ? RefusedWindow : MismatchWindow))
        {
            Verdict = Explain(kind, failing, lasted);
            hopeless();
        }
    }

    private static Failure? Classify(ObservedState state) => (state.State, state.Reason) switch
    {
        ("unhealthy", ResponseCodeMismatch) when Codes(state.Description).All(code => code < 500) => Failure.WrongAnswer,
        ("unhealthy", FailedHealthChecks) => Failure.Refused,
        _ => null,
    };

    /// <summary>The codes of "Health checks failed with these codes: [404]"; none when the description has no list.</summary>
    private static IEnumerable<int> Codes(string? description) =>
        description is not null && CodeList().Match(description) is { Success: true } match
            ? match.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(c => int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : 0)
            : [];

    private string Explain(Failure kind, List<ObservedState> failing, TimeSpan lasted)
    {
        var check = definition.HealthCheck;
        var targets = string.Join(", ", failing);
        var seconds = ((int)lasted.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return kind == Failure.WrongAnswer
            ? $"The health check can never pass: for {seconds} s every failing target answered GET {check.Path} with a code the matcher ({check.Matcher}) does not accept ({targets}). " +
              $"Point the health check at a path the instances serve, e.g. WithHealthCheck(h => h with {{ Path = \"/\" }}) for the default page, " +
              $"make the user data serve {check.Path}, or widen the matcher (h with {{ Matcher = \"200-399\" }})."
            : $"The health check can never pass: for {seconds} s nothing accepted connections on port {definition.TargetPort} of the failing targets ({targets}). " +
              $"The instances' web server listens on another port: set WithTargetPort to its port (the default user data serves port 80), " +
              $"or make the user data serve port {definition.TargetPort}.";
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [GeneratedRegex(@"\[([0-9, ]+)\]")]
    private static partial Regex CodeList();

    private sealed class Both(IProgress<WaiterProgress> first, IProgress<WaiterProgress> second) : IProgress<WaiterProgress>
    {
        public void Report(WaiterProgress value)
        {
            first.Report(value);
            second.Report(value);
        }
    }
}
