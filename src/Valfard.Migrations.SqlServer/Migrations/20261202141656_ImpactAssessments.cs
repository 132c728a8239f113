using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Valfard.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ImpactAssessments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssessmentAreas",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    TitleFi = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    TitleSv = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    QuestionsFi = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    QuestionsSv = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    ForChildren = table.Column<bool>(type: "bit", nullable: false),
                    IsRetired = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentAreas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentAreas_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ImpactAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DecisionTitle = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    PreparingBody = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    PlannedDecisionDate = table.Column<DateOnly>(type: "date", nullable: true),
                    AgendaLink = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    PreparerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    IsChildImpact = table.Column<bool>(type: "bit", nullable: false),
                    Language = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Conclusion = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    ChildrenHeard = table.Column<bool>(type: "bit", nullable: true),
                    ChildrenHeardHow = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    CreatedById = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ChosenAlternativeId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DecisionParagraph = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    IsPublished = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImpactAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImpactAssessments_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ImpactAssessments_AspNetUsers_PreparerId",
                        column: x => x.PreparerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ImpactAssessments_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentAlternatives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    IsDoNothing = table.Column<bool>(type: "bit", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentAlternatives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentAlternatives_ImpactAssessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "ImpactAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentFollowUps",
                columns: table => new
                {
                    AssessmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    IndicatorId = table.Column<int>(type: "int", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentFollowUps", x => new { x.AssessmentId, x.IndicatorId });
                    table.ForeignKey(
                        name: "FK_AssessmentFollowUps_ImpactAssessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "ImpactAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AssessmentFollowUps_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentImpacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AlternativeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AreaId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    Direction = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Size = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Certainty = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Groups = table.Column<int>(type: "int", nullable: false),
                    Districts = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Evidence = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Mitigations = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentImpacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentImpacts_AssessmentAlternatives_AlternativeId",
                        column: x => x.AlternativeId,
                        principalTable: "AssessmentAlternatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AssessmentImpacts_AssessmentAreas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "AssessmentAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessmentImpacts_ImpactAssessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "ImpactAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentImpactGoals",
                columns: table => new
                {
                    ImpactId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    GoalId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentImpactGoals", x => new { x.ImpactId, x.GoalId });
                    table.ForeignKey(
                        name: "FK_AssessmentImpactGoals_AssessmentImpacts_ImpactId",
                        column: x => x.ImpactId,
                        principalTable: "AssessmentImpacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AssessmentImpactGoals_PlanGoals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "PlanGoals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentImpactIndicators",
                columns: table => new
                {
                    ImpactId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    IndicatorId = table.Column<int>(type: "int", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentImpactIndicators", x => new { x.ImpactId, x.IndicatorId });
                    table.ForeignKey(
                        name: "FK_AssessmentImpactIndicators_AssessmentImpacts_ImpactId",
                        column: x => x.ImpactId,
                        principalTable: "AssessmentImpacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AssessmentImpactIndicators_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentAlternatives_AssessmentId",
                table: "AssessmentAlternatives",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentAlternatives_OrganisationId",
                table: "AssessmentAlternatives",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentAreas_OrganisationId",
                table: "AssessmentAreas",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentFollowUps_IndicatorId",
                table: "AssessmentFollowUps",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentFollowUps_OrganisationId",
                table: "AssessmentFollowUps",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentImpactGoals_GoalId",
                table: "AssessmentImpactGoals",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentImpactGoals_OrganisationId",
                table: "AssessmentImpactGoals",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentImpactIndicators_IndicatorId",
                table: "AssessmentImpactIndicators",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentImpactIndicators_OrganisationId",
                table: "AssessmentImpactIndicators",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentImpacts_AlternativeId_AreaId",
                table: "AssessmentImpacts",
                columns: new[] { "AlternativeId", "AreaId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentImpacts_AreaId",
                table: "AssessmentImpacts",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentImpacts_AssessmentId",
                table: "AssessmentImpacts",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentImpacts_OrganisationId",
                table: "AssessmentImpacts",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ImpactAssessments_CreatedById",
                table: "ImpactAssessments",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_ImpactAssessments_OrganisationId_Status",
                table: "ImpactAssessments",
                columns: new[] { "OrganisationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ImpactAssessments_PreparerId",
                table: "ImpactAssessments",
                column: "PreparerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentFollowUps");

            migrationBuilder.DropTable(
                name: "AssessmentImpactGoals");

            migrationBuilder.DropTable(
                name: "AssessmentImpactIndicators");

            migrationBuilder.DropTable(
                name: "AssessmentImpacts");

            migrationBuilder.DropTable(
                name: "AssessmentAlternatives");

            migrationBuilder.DropTable(
                name: "AssessmentAreas");

            migrationBuilder.DropTable(
                name: "ImpactAssessments");
        }
    }
}
