namespace AlbBuilder.LocalCloud.Protocol;

/// <summary>An AWS error the emulator answers with: wire code, message and HTTP status.</summary>
internal sealed class AwsServiceError : Exception
{
    public AwsServiceError(string code, string message, int httpStatus = 400)
        : base(message)
    {
        Code = code;
        HttpStatus = httpStatus;
    }

    public AwsServiceError()
        : this("InternalError", "An internal error has occurred.", 500)
    {
    }

    public AwsServiceError(string message)
        : this("InternalError", message, 500)
    {
    }

    public AwsServiceError(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "InternalError";
        HttpStatus = 500;
    }

    public string Code { get; }

    public int HttpStatus { get; }
}
