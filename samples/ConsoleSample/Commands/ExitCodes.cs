namespace AlbBuilder.Sample.Commands;

/// <summary>The sample's exit codes.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The lab, a proof or the cloud failed, or the user declined.</summary>
    public const int Failure = 1;

    /// <summary>Bad arguments: a usage message was printed.</summary>
    public const int Usage = 2;

    /// <summary>Ctrl+C (128 + SIGINT).</summary>
    public const int Cancelled = 130;
}
