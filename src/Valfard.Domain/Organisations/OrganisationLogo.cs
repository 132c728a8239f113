using Valfard.Domain.Common;

namespace Valfard.Domain.Organisations;

/// <summary>The organisation's logo for the cover of its council documents: a PNG or JPEG of at most 512 kB.</summary>
public class OrganisationLogo : IOrganisationOwned
{
    public const int MaxBytes = 512 * 1024;
    public static readonly IReadOnlyList<string> ContentTypes = ["image/png", "image/jpeg"];

    private OrganisationLogo()
    {
        ContentType = string.Empty;
        Data = [];
    }

    public OrganisationLogo(Guid organisationId, string contentType, byte[] data, DateTimeOffset now) : this()
    {
        OrganisationId = organisationId;
        Replace(contentType, data, now);
    }

    public Guid OrganisationId { get; private set; }
    public string ContentType { get; private set; }
    public byte[] Data { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The logo as a data: URI, so a printed document carries it inside itself.</summary>
    public string DataUri => $"data:{ContentType};base64,{Convert.ToBase64String(Data)}";

    public void Replace(string contentType, byte[] data, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!ContentTypes.Contains(contentType))
        {
            throw new DomainException("Validation.LogoType");
        }
        if (data.Length == 0 || data.Length > MaxBytes)
        {
            throw new DomainException("Validation.LogoSize");
        }
        ContentType = contentType;
        Data = data;
        UpdatedAt = now;
    }
}
