namespace AlbBuilder;

/// <summary>Hands out lab builders wired to the container's AWS clients, <see cref="TimeProvider"/> and logging, with <see cref="AlbBuilderOptions"/> as defaults.</summary>
public interface IAlbLabFactory
{
    /// <summary>Starts describing a lab, like <see cref="AlbLab.Create(string)"/> but with the container's clients and defaults.</summary>
    /// <param name="name">The lab's name (rules in <see cref="AlbLab.Create(string)"/>).</param>
    /// <returns>A builder; the clients are resolved from the container only when the lab first needs them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The registered <see cref="AlbBuilderOptions"/> are invalid.</exception>
    AlbLabBuilder Create(string name);

    /// <summary>Starts describing a lab with a generated name, like <see cref="AlbLab.Create()"/> but with the container's clients and defaults.</summary>
    /// <returns>A builder; each <see cref="AlbLabBuilder.Build"/> names its lab <c>lab-</c> and 8 random hex digits.</returns>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The registered <see cref="AlbBuilderOptions"/> are invalid.</exception>
    AlbLabBuilder Create();
}
