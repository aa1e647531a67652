using System.Globalization;
using AlbBuilder.Ec2;
using AlbBuilder.ElasticLoadBalancingV2.Model;

namespace AlbBuilder.Provisioning;

/// <summary>
/// RegisterTargets right after the instances run. ELB's view of a new instance lags behind EC2's: for a while after
/// EC2 reports <c>running</c>, RegisterTargets answers <c>InvalidTarget</c> ("not in a running state"). Retried with
/// backoff on the lab's clock for <see cref="Bound"/>, then a clear error naming the instances.
/// </summary>
internal static class LabTargetRegistration
{
    /// <summary>How long a start keeps retrying: the lag is seconds on AWS, so this is ample.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    private const string InvalidTarget = "InvalidTarget";

    public static async Task RegisterAsync(LabStart start, string targetGroupArn, IReadOnlyList<string> instanceIds, CancellationToken cancellationToken)
    {
        var time = start.Lab.Time;
        var deadline = time.GetUtcNow() + Bound;
        var policy = RetryPolicy.EventualConsistency(start.Definition.PollInterval);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await start.Lab.Elb.RegisterTargetsAsync(new RegisterTargetsRequest { TargetGroupArn = targetGroupArn, Targets = start.Lab.Targets(instanceIds) }, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (IsRegistrationLag(ex))
            {
                var delay = LabRetry.Backoff(policy, attempt);
                if (time.GetUtcNow() + delay > deadline)
                {
                    throw new InvalidOperationException(
                        string.Create(CultureInfo.InvariantCulture, $"RegisterTargets still rejects {string.Join(", ", instanceIds)} as not running {Bound.TotalMinutes:0.#} minutes after EC2 reported them running ({ex.Message}). ")
                        + "Check that nothing stops or terminates the instances, then start the lab again: it adopts what exists and registers them.",
                        ex);
                }

                ProvisioningLog.Retrying(start.Progress.Logger, start.Progress.Lab, LabStep.RegisterTargets.ToString(), delay, InvalidTarget);
                start.Progress.Progress(LabStep.RegisterTargets, string.Create(CultureInfo.InvariantCulture, $"{InvalidTarget}: the load balancer does not see the instances running yet (attempt {attempt}); retrying in {delay.TotalSeconds:0.##} s"));
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The lag's answer, not another InvalidTarget (an unknown instance, another VPC), which retrying cannot fix.</summary>
    private static bool IsRegistrationLag(Exception ex) =>
        ex.HasErrorCode(InvalidTarget) && ex.Message.Contains("not in a running state", StringComparison.OrdinalIgnoreCase);
}
