namespace AlbBuilder.LocalCloud.Faults;

/// <summary>A fault for one call of an operation, counted from when it was set: it fires when <see cref="CallsLeft"/> reaches 0.</summary>
internal sealed class CountedFault(string operation, int callNumber, InjectedFault fault)
{
    public string Operation { get; } = operation;

    public InjectedFault Fault { get; } = fault;

    public int CallsLeft { get; set; } = callNumber;
}
