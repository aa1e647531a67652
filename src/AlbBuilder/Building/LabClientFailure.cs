namespace AlbBuilder.Building;

/// <summary>The message of a start that failed before any AWS call, because the lab's clients could not be created.</summary>
internal static class LabClientFailure
{
    public static string Describe(string labName, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is LabRegionMissingException)
        {
            return $"Lab {labName}: no AWS region is configured, so the lab created no AWS clients. Nothing had been created. " +
                "Set one with WithRegion(RegionEndpoint.EUWest1) on the builder, with the AWS_REGION environment variable " +
                "(or a region in your AWS profile), or call WithLocalCloud(cloud) to run on LocalCloud instead of AWS.";
        }

        return $"Lab {labName}: could not create the AWS clients: {Sentence(exception.Message)} Nothing had been created. " +
            "Configure credentials (environment, profile, SSO or instance role) or pass clients with WithAwsClients.";
    }

    /// <summary>The SDK's messages end with or without a full stop; ours go on after it, so exactly one is needed.</summary>
    private static string Sentence(string message)
    {
        var text = message.Trim().TrimEnd('.').TrimEnd();
        return text.Length == 0 ? "(no details)." : text + ".";
    }
}
