using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;

namespace Valfard.Web.Localization;

/// <summary>Translates the messages MVC writes when a value cannot be bound (wrong type, missing value).</summary>
public static class ModelBindingMessages
{
    public static void Localize(DefaultModelBindingMessageProvider provider, IStringLocalizer localizer)
    {
        provider.SetAttemptedValueIsInvalidAccessor((value, field) => localizer["Validation.ValueInvalid", value, field]);
        provider.SetMissingBindRequiredValueAccessor(field => localizer["Validation.Required", field]);
        provider.SetMissingKeyOrValueAccessor(() => localizer["Validation.RequiredNoName"]);
        provider.SetMissingRequestBodyRequiredValueAccessor(() => localizer["Validation.RequiredNoName"]);
        provider.SetNonPropertyAttemptedValueIsInvalidAccessor(value => localizer["Validation.ValueInvalidNoName", value]);
        provider.SetNonPropertyUnknownValueIsInvalidAccessor(() => localizer["Validation.ValueInvalidNoValue"]);
        provider.SetNonPropertyValueMustBeANumberAccessor(() => localizer["Validation.MustBeNumberNoName"]);
        provider.SetUnknownValueIsInvalidAccessor(field => localizer["Validation.ValueInvalidField", field]);
        provider.SetValueIsInvalidAccessor(value => localizer["Validation.ValueInvalidNoName", value]);
        provider.SetValueMustBeANumberAccessor(field => localizer["Validation.MustBeNumber", field]);
        provider.SetValueMustNotBeNullAccessor(value => localizer["Validation.RequiredNoName"]);
    }
}
