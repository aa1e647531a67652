namespace AlbBuilder.LocalCloud.DataPlane;

/// <summary>ELBv2 <c>TargetHealth.Reason</c> codes and the descriptions an ALB shows with them.</summary>
internal static class TargetHealthReasons
{
    /// <summary><c>initial</c>: the target is being registered.</summary>
    public const string RegistrationInProgress = "Elb.RegistrationInProgress";

    /// <summary><c>initial</c>: health checks are running, none has passed yet.</summary>
    public const string InitialHealthChecking = "Elb.InitialHealthChecking";

    /// <summary><c>unhealthy</c>: the check got an HTTP status the matcher does not accept.</summary>
    public const string ResponseCodeMismatch = "Target.ResponseCodeMismatch";

    /// <summary><c>unhealthy</c>: the check got no response within the timeout.</summary>
    public const string Timeout = "Target.Timeout";

    /// <summary><c>unhealthy</c>: connection error (e.g. refused) or malformed response.</summary>
    public const string FailedHealthChecks = "Target.FailedHealthChecks";

    /// <summary><c>unused</c>: the target is not registered.</summary>
    public const string NotRegistered = "Target.NotRegistered";

    /// <summary><c>unused</c>: the target group is not used by any listener rule.</summary>
    public const string NotInUse = "Target.NotInUse";

    /// <summary><c>unused</c>: the instance is stopped or terminated.</summary>
    public const string InvalidState = "Target.InvalidState";

    /// <summary><c>draining</c>: deregistered, connections draining.</summary>
    public const string DeregistrationInProgress = "Target.DeregistrationInProgress";

    /// <summary>Description for <see cref="RegistrationInProgress"/>.</summary>
    public const string RegistrationInProgressDescription = "Target registration is in progress";

    /// <summary>Description for <see cref="InitialHealthChecking"/>.</summary>
    public const string InitialHealthCheckingDescription = "Initial health checks in progress";

    /// <summary>Description for <see cref="Timeout"/>.</summary>
    public const string TimeoutDescription = "Request timed out";

    /// <summary>Description for <see cref="FailedHealthChecks"/>.</summary>
    public const string FailedHealthChecksDescription = "Health checks failed";

    /// <summary>Description for <see cref="NotRegistered"/>.</summary>
    public const string NotRegisteredDescription = "Target is not registered to the target group";

    /// <summary>Description for <see cref="NotInUse"/>.</summary>
    public const string NotInUseDescription = "Target group is not configured to receive traffic from the load balancer";

    /// <summary>Description for <see cref="DeregistrationInProgress"/>.</summary>
    public const string DeregistrationInProgressDescription = "Target deregistration is in progress";

    /// <summary>Description for <see cref="ResponseCodeMismatch"/>, e.g. <c>Health checks failed with these codes: [404]</c>.</summary>
    /// <param name="statusCode">The HTTP status the check received.</param>
    /// <returns>The description.</returns>
    public static string ResponseCodeMismatchDescription(int statusCode) =>
        $"Health checks failed with these codes: [{statusCode}]";

    /// <summary>Description for <see cref="InvalidState"/>, e.g. <c>Target is in the stopped state</c>.</summary>
    /// <param name="instanceState">The EC2 instance state name.</param>
    /// <returns>The description.</returns>
    public static string InvalidStateDescription(string instanceState) => $"Target is in the {instanceState} state";
}
