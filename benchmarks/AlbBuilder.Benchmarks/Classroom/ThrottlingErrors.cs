using Amazon.Runtime;

namespace AlbBuilder.Benchmarks.Classroom;

/// <summary>Tells whether an error was caused by throttling: AWS's error codes anywhere in its chain of causes.</summary>
internal static class ThrottlingErrors
{
    // EC2 answers RequestLimitExceeded (HTTP 503), ELBv2 Throttling (HTTP 400); ThrottlingException is the generic code.
    private static readonly HashSet<string> Codes = new(StringComparer.Ordinal) { "RequestLimitExceeded", "Throttling", "ThrottlingException" };

    public static bool IsThrottling(Exception? error)
    {
        for (var depth = 0; error is not null && depth < 32; depth++)
        {
            if (error is AmazonServiceException { ErrorCode: { } code } && Codes.Contains(code))
            {
                return true;
            }

            if (error is AggregateException aggregate && aggregate.InnerExceptions.Any(IsThrottling))
            {
                return true;
            }

            // Our own exceptions may carry the cause only in their message (e.g. a rollback summary).
            if (error.Message.Contains("Request limit exceeded", StringComparison.OrdinalIgnoreCase)
                || error.Message.Contains("Rate exceeded", StringComparison.OrdinalIgnoreCase)
                || error.Message.Contains("RequestLimitExceeded", StringComparison.Ordinal))
            {
                return true;
            }

            error = error.InnerException;
        }

        return false;
    }
}
