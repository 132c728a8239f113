namespace Valfard.Web.Tests.Infrastructure;

/// <summary>Tests in this collection share one started app and database; they must not depend on each other's changes.</summary>
[CollectionDefinition(Name)]
public sealed class SharedAppCollection : ICollectionFixture<ValfardFactory>
{
    public const string Name = "shared app";
}
