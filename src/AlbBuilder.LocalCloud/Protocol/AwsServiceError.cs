using AlbBuilder.LocalCloud.Validation;

namespace AlbBuilder.LocalCloud.Protocol;

/// <summary>
/// An AWS error the emulator answers with: wire code, message and HTTP status. The message is made XML-safe and
/// bounded here (<see cref="AwsText.Message"/>), so an echoed value can neither break the answer nor make it huge.
/// </summary>
internal sealed class AwsServiceError : Exception
{
    public AwsServiceError(string code, string message, int httpStatus = 400)
        : base(AwsText.Message(message))
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
        : base(AwsText.Message(message), innerException)
    {
        Code = "InternalError";
        HttpStatus = 500;
    }

    public string Code { get; }

    public int HttpStatus { get; }
}
