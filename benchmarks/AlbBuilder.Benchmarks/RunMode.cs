namespace AlbBuilder.Benchmarks;

/// <summary>How the lab's start orders its steps.</summary>
internal enum RunMode
{
    /// <summary>The library as shipped: the dependency graph, branches in parallel.</summary>
    Overlapped,

    /// <summary>The baseline: the same steps one after another (<see cref="SequentialStartOrder"/>).</summary>
    Sequential,
}
