namespace Valfard.Web;

/// <summary>Marker for the shared UI strings in Resources/SharedResource.{fi,sv,en}.resx.</summary>
#pragma warning disable CA1052 // a type parameter for IStringLocalizer<T>, never instantiated
public sealed class SharedResource;
#pragma warning restore CA1052
