namespace AlbBuilder.Testing;

/// <summary>Tests that set process environment variables (or read config the variables affect) run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentVariableCollection
{
    public const string Name = "Process environment variables";
}
