using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Valfard.Infrastructure.Persistence;

namespace Valfard.Web.Tests.Infrastructure;

/// <summary>Reads the database directly, past the tenant filter, to learn ids and check what was saved.</summary>
public static class TestData
{
    public static async Task<T> QueryAsync<T>(this ValfardFactory factory, Func<ValfardDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ValfardDbContext>();
        return await query(db);
    }

    public static Task<Valfard.Infrastructure.Identity.ApplicationUser> UserAsync(this ValfardFactory factory, string email) =>
        factory.QueryAsync(db => db.Users.IgnoreQueryFilters().AsNoTracking().SingleAsync(u => u.Email == email));
}
