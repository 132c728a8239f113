using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Valfard.Web.Localization;

/// <summary>
/// Every enum a form or an address binds must be one of its named values. Model binding alone takes any number
/// ("99") for an enum, which would reach the database as a value no page knows how to show; this adds a check to
/// each enum-typed property and parameter, with the app's own "value not valid" message.
/// </summary>
public sealed class DefinedEnumValues : IValidationMetadataProvider
{
    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var type = Nullable.GetUnderlyingType(context.Key.ModelType) ?? context.Key.ModelType;
        if (type.IsEnum)
        {
            context.ValidationMetadata.ValidatorMetadata.Add(new DefinedEnumAttribute(type));
        }
    }
}

/// <summary>
/// A named value of the enum, or a combination of named flags. Zero passes: it is what a display-only enum
/// property holds when the form does not post it, and the domain checks the values it acts on.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class DefinedEnumAttribute : ValidationAttribute
{
    private readonly Type _type;
    private readonly ulong _allFlags;
    private readonly bool _flags;

    public DefinedEnumAttribute(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        _type = type;
        _flags = type.IsDefined(typeof(FlagsAttribute), inherit: false);
        _allFlags = Enum.GetValues(type).Cast<object>().Aggregate(0UL, (all, v) => all | Bits(v));
        ErrorMessage = "Validation.ValueInvalidField";
    }

    public Type EnumType => _type;

    public override bool IsValid(object? value)
    {
        if (value is null || value.GetType() != _type)
        {
            return true;
        }
        var bits = Bits(value);
        return bits == 0 || Enum.IsDefined(_type, value) || (_flags && (bits & ~_allFlags) == 0);
    }

    /// <summary>The value's bits; negative values of signed enums too, which Convert.ToUInt64 would refuse.</summary>
    private static ulong Bits(object value) =>
        Type.GetTypeCode(Enum.GetUnderlyingType(value.GetType())) == TypeCode.UInt64
            ? Convert.ToUInt64(value, CultureInfo.InvariantCulture)
            : unchecked((ulong)Convert.ToInt64(value, CultureInfo.InvariantCulture));
}
