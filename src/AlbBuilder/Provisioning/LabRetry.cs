using System.Globalization;
using System.Security.Cryptography;
using Amazon.Runtime;

namespace AlbBuilder.Provisioning;

/// <summary>Retries an AWS call on the errors a lab expects to be transient, waiting on the lab's <see cref="TimeProvider"/>.</summary>
internal static class LabRetry
{
    public static async Task<T> RunAsync<T>(
        LabStep step,
        Func<CancellationToken, Task<T>> action,
        Func<Exception, bool> isTransient,
        RetryPolicy policy,
        TimeProvider time,
        LabProgress progress,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (isTransient(ex) && (policy.MaxAttempts is not { } max || attempt < max) && !cancellationToken.IsCancellationRequested)
            {
                var delay = Backoff(policy, attempt);
                var reason = (ex as AmazonServiceException)?.ErrorCode ?? ex.GetType().Name;
                ProvisioningLog.Retrying(progress.Logger, progress.Lab, step.ToString(), delay, reason);
                progress.Progress(step, string.Create(CultureInfo.InvariantCulture, $"{reason} (attempt {attempt}); retrying in {delay.TotalSeconds:0.##} s"));
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public static Task RunAsync(
        LabStep step,
        Func<CancellationToken, Task> action,
        Func<Exception, bool> isTransient,
        RetryPolicy policy,
        TimeProvider time,
        LabProgress progress,
        CancellationToken cancellationToken) =>
        RunAsync<bool>(
            step,
            async ct =>
            {
                await action(ct).ConfigureAwait(false);
                return true;
            },
            isTransient,
            policy,
            time,
            progress,
            cancellationToken);

    /// <summary>Exponential from <see cref="RetryPolicy.BaseDelay"/>, capped, with "equal jitter" (half fixed, half random) so parallel labs spread out.</summary>
    internal static TimeSpan Backoff(RetryPolicy policy, int attempt)
    {
        var exponential = policy.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 16));
        var capped = Math.Min(exponential, policy.MaxDelay.TotalMilliseconds);
        var jitter = RandomNumberGenerator.GetInt32(0, 1001) / 1000.0;
        return TimeSpan.FromMilliseconds((capped / 2) + (capped / 2 * jitter));
    }
}
