namespace AlbBuilder.LocalCloud.Faults;

/// <summary>Placeholder codes resolved per service and operation when the fault fires.</summary>
internal static class FaultCodes
{
    public const string Throttle = "<throttle>";
    public const string Internal = "<internal>";
    public const string NotFound = "<not-found>";
}
