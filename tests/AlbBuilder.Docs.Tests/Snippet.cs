namespace AlbBuilder.Docs.Tests;

/// <summary>A named piece of code and where it was found.</summary>
internal sealed record Snippet(string Name, string Code, string Location);
