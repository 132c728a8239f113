using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Valfard.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class WelfarePlan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WelfarePlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CouncilTermId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReportId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    TitleFi = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    TitleSv = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    CreatedById = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WelfarePlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WelfarePlans_CouncilTerms_CouncilTermId",
                        column: x => x.CouncilTermId,
                        principalTable: "CouncilTerms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WelfarePlans_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WelfarePlans_WelfareReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "WelfareReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanFollowUpRounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PlanId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    OpenedById = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ReportId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanFollowUpRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanFollowUpRounds_WelfarePlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "WelfarePlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlanFollowUpRounds_WelfareReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "WelfareReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanGoals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PlanId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    TitleFi = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    TitleSv = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    DescriptionFi = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    DescriptionSv = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    LifeStage = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Strategy = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanGoals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanGoals_WelfarePlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "WelfarePlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanAssessmentOverrides",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RoundId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    GoalId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Assessment = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    ById = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanAssessmentOverrides", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanAssessmentOverrides_AspNetUsers_ById",
                        column: x => x.ById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanAssessmentOverrides_PlanFollowUpRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "PlanFollowUpRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlanAssessmentOverrides_PlanGoals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "PlanGoals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanGoalConcerns",
                columns: table => new
                {
                    GoalId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ObservationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanGoalConcerns", x => new { x.GoalId, x.ObservationId });
                    table.ForeignKey(
                        name: "FK_PlanGoalConcerns_Observations_ObservationId",
                        column: x => x.ObservationId,
                        principalTable: "Observations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlanGoalConcerns_PlanGoals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "PlanGoals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanMeasures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    GoalId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PlanId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    TitleFi = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    TitleSv = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    DescriptionFi = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    DescriptionSv = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    SectorId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ResponsibleUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Partners = table.Column<int>(type: "int", nullable: false),
                    PartnerNames = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    StartYear = table.Column<int>(type: "int", nullable: true),
                    EndYear = table.Column<int>(type: "int", nullable: true),
                    Resources = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    BudgetEuros = table.Column<decimal>(type: "decimal(12,2)", precision: 12, scale: 2, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanMeasures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanMeasures_AspNetUsers_ResponsibleUserId",
                        column: x => x.ResponsibleUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanMeasures_PlanGoals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "PlanGoals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlanMeasures_Sectors_SectorId",
                        column: x => x.SectorId,
                        principalTable: "Sectors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanMeasures_WelfarePlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "WelfarePlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanIndicators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PlanId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    GoalId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    MeasureId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Position = table.Column<int>(type: "int", nullable: false),
                    IndicatorId = table.Column<int>(type: "int", nullable: true),
                    LocalIndicatorId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Baseline = table.Column<double>(type: "float", nullable: true),
                    BaselineYear = table.Column<int>(type: "int", nullable: true),
                    Target = table.Column<double>(type: "float", nullable: true),
                    TargetYear = table.Column<int>(type: "int", nullable: true),
                    Direction = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanIndicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanIndicators_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanIndicators_LocalIndicators_LocalIndicatorId",
                        column: x => x.LocalIndicatorId,
                        principalTable: "LocalIndicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanIndicators_PlanGoals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "PlanGoals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlanIndicators_PlanMeasures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "PlanMeasures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanIndicators_WelfarePlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "WelfarePlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanMeasureFollowUps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RoundId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MeasureId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ProgressPercent = table.Column<int>(type: "int", nullable: true),
                    Account = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    UpdatedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanMeasureFollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanMeasureFollowUps_AspNetUsers_UpdatedById",
                        column: x => x.UpdatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanMeasureFollowUps_PlanFollowUpRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "PlanFollowUpRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlanMeasureFollowUps_PlanMeasures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "PlanMeasures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlanAssessmentOverrides_ById",
                table: "PlanAssessmentOverrides",
                column: "ById");

            migrationBuilder.CreateIndex(
                name: "IX_PlanAssessmentOverrides_GoalId",
                table: "PlanAssessmentOverrides",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanAssessmentOverrides_OrganisationId",
                table: "PlanAssessmentOverrides",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanAssessmentOverrides_RoundId_GoalId",
                table: "PlanAssessmentOverrides",
                columns: new[] { "RoundId", "GoalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanFollowUpRounds_OrganisationId",
                table: "PlanFollowUpRounds",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanFollowUpRounds_PlanId_Year",
                table: "PlanFollowUpRounds",
                columns: new[] { "PlanId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanFollowUpRounds_ReportId",
                table: "PlanFollowUpRounds",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanGoalConcerns_ObservationId",
                table: "PlanGoalConcerns",
                column: "ObservationId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanGoals_OrganisationId",
                table: "PlanGoals",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanGoals_PlanId_Code",
                table: "PlanGoals",
                columns: new[] { "PlanId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanIndicators_GoalId",
                table: "PlanIndicators",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanIndicators_IndicatorId",
                table: "PlanIndicators",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanIndicators_LocalIndicatorId",
                table: "PlanIndicators",
                column: "LocalIndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanIndicators_MeasureId",
                table: "PlanIndicators",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanIndicators_OrganisationId",
                table: "PlanIndicators",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanIndicators_PlanId",
                table: "PlanIndicators",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanMeasureFollowUps_MeasureId",
                table: "PlanMeasureFollowUps",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanMeasureFollowUps_OrganisationId",
                table: "PlanMeasureFollowUps",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanMeasureFollowUps_RoundId_MeasureId",
                table: "PlanMeasureFollowUps",
                columns: new[] { "RoundId", "MeasureId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanMeasureFollowUps_UpdatedById",
                table: "PlanMeasureFollowUps",
                column: "UpdatedById");

            migrationBuilder.CreateIndex(
                name: "IX_PlanMeasures_GoalId",
                table: "PlanMeasures",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanMeasures_OrganisationId",
                table: "PlanMeasures",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanMeasures_PlanId_Code",
                table: "PlanMeasures",
                columns: new[] { "PlanId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanMeasures_ResponsibleUserId",
                table: "PlanMeasures",
                column: "ResponsibleUserId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanMeasures_SectorId",
                table: "PlanMeasures",
                column: "SectorId");

            migrationBuilder.CreateIndex(
                name: "IX_WelfarePlans_CouncilTermId",
                table: "WelfarePlans",
                column: "CouncilTermId");

            migrationBuilder.CreateIndex(
                name: "IX_WelfarePlans_OrganisationId_CouncilTermId",
                table: "WelfarePlans",
                columns: new[] { "OrganisationId", "CouncilTermId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WelfarePlans_ReportId",
                table: "WelfarePlans",
                column: "ReportId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlanAssessmentOverrides");

            migrationBuilder.DropTable(
                name: "PlanGoalConcerns");

            migrationBuilder.DropTable(
                name: "PlanIndicators");

            migrationBuilder.DropTable(
                name: "PlanMeasureFollowUps");

            migrationBuilder.DropTable(
                name: "PlanFollowUpRounds");

            migrationBuilder.DropTable(
                name: "PlanMeasures");

            migrationBuilder.DropTable(
                name: "PlanGoals");

            migrationBuilder.DropTable(
                name: "WelfarePlans");
        }
    }
}
