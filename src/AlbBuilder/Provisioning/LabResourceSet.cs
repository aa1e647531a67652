using System.Collections;
using System.Runtime.CompilerServices;

namespace AlbBuilder;

/// <summary>
/// An immutable set of lab resources, in the order they were added (each once). Compare what a start created with what
/// its rollback removed: <c>created.Except(removed)</c> is what is still there.
/// </summary>
[CollectionBuilder(typeof(LabResourceSet), nameof(Create))]
public sealed class LabResourceSet : IReadOnlyCollection<LabResource>, IEquatable<LabResourceSet>
{
    private readonly LabResource[] _items;

    private LabResourceSet(LabResource[] items)
    {
        _items = items;
    }

    /// <summary>No resources.</summary>
    public static LabResourceSet Empty { get; } = new([]);

    /// <summary>How many resources the set holds.</summary>
    public int Count => _items.Length;

    /// <summary>Whether the set holds no resource.</summary>
    public bool IsEmpty => _items.Length == 0;

    /// <summary>Creates a set from resources; duplicates are dropped, the first occurrence keeps its place.</summary>
    /// <param name="resources">The resources.</param>
    /// <returns>The set.</returns>
    public static LabResourceSet Create(ReadOnlySpan<LabResource> resources) => From(resources.ToArray());

    /// <summary>Creates a set from resources; duplicates are dropped, the first occurrence keeps its place.</summary>
    /// <param name="resources">The resources.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="resources"/> is null.</exception>
    public static LabResourceSet From(IEnumerable<LabResource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var items = resources.Distinct().ToArray();
        return items.Length == 0 ? Empty : new LabResourceSet(items);
    }

    /// <summary>Whether the set holds <paramref name="resource"/>.</summary>
    /// <param name="resource">The resource.</param>
    /// <returns><see langword="true"/> when it is in the set.</returns>
    public bool Contains(LabResource resource) => Array.IndexOf(_items, resource) >= 0;

    /// <summary>This set's resources followed by those of <paramref name="other"/> it does not hold yet.</summary>
    /// <param name="other">The resources to add.</param>
    /// <returns>The union.</returns>
    public LabResourceSet Union(IEnumerable<LabResource> other) => From(_items.Concat(other));

    /// <summary>This set's resources that are not in <paramref name="other"/>.</summary>
    /// <param name="other">The resources to leave out.</param>
    /// <returns>The difference.</returns>
    public LabResourceSet Except(IEnumerable<LabResource> other)
    {
        var leave = other.ToHashSet();
        return From(_items.Where(r => !leave.Contains(r)));
    }

    /// <summary>The ids of the resources of one kind, in set order.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The ids.</returns>
    public IReadOnlyList<string> IdsOf(LabResourceKind kind) => [.. _items.Where(r => r.Kind == kind).Select(r => r.Id)];

    /// <inheritdoc />
    public IEnumerator<LabResource> GetEnumerator() => ((IEnumerable<LabResource>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Whether both sets hold the same resources, in any order.</summary>
    /// <param name="other">The other set.</param>
    /// <returns><see langword="true"/> when they hold the same resources.</returns>
    public bool Equals(LabResourceSet? other) => other is not null && other.Count == Count && _items.All(other.Contains);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LabResourceSet);

    /// <inheritdoc />
    public override int GetHashCode() => _items.Aggregate(0, (hash, r) => hash ^ r.GetHashCode());

    /// <summary>The resources in words, comma-separated (e.g. <c>instance i-1, listener arn:…</c>), or <c>nothing</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => _items.Length == 0 ? "nothing" : string.Join(", ", _items.Select(r => r.ToString()));
}
