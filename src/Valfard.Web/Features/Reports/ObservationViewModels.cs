using Valfard.Domain.Reports;
using Valfard.Web.Features.Reports;

namespace Valfard.Web.Features.Reports;

public sealed record ObservationItem(Guid Id, ObservationKind Kind, LifeStage LifeStage, string TextFi, string TextSv, string Evidence, Guid Version);

public sealed class ObservationFormViewModel
{
    public Guid? Id { get; set; }
    public Guid ReportId { get; set; }
    public string ReportTitle { get; set; } = string.Empty;
    public bool Bilingual { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Field.ObservationKind")]
    public ObservationKind Kind { get; set; } = ObservationKind.Concern;

    [System.ComponentModel.DataAnnotations.Display(Name = "Field.LifeStage")]
    public LifeStage LifeStage { get; set; } = LifeStage.ChildrenAndFamilies;

    [System.ComponentModel.DataAnnotations.StringLength(Observation.TextMaxLength, ErrorMessage = "Validation.MaxLength")]
    [System.ComponentModel.DataAnnotations.Display(Name = "Field.TextFi")]
    public string? TextFi { get; set; }

    [System.ComponentModel.DataAnnotations.StringLength(Observation.TextMaxLength, ErrorMessage = "Validation.MaxLength")]
    [System.ComponentModel.DataAnnotations.Display(Name = "Field.TextSv")]
    public string? TextSv { get; set; }

    [System.ComponentModel.DataAnnotations.StringLength(Observation.EvidenceMaxLength, ErrorMessage = "Validation.MaxLength")]
    [System.ComponentModel.DataAnnotations.Display(Name = "Field.Evidence")]
    public string? Evidence { get; set; }

    public Guid? Version { get; set; }
}
