using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Valfard.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class BilingualSecondLanguageFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DecisionBodySv",
                table: "ReportVersions",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PartnerNamesSv",
                table: "PlanMeasures",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ResourcesSv",
                table: "PlanMeasures",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "AccountSv",
                table: "PlanMeasureFollowUps",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "StrategySv",
                table: "PlanGoals",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "EvidenceSv",
                table: "Observations",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DecisionBodySv",
                table: "ReportVersions");

            migrationBuilder.DropColumn(
                name: "PartnerNamesSv",
                table: "PlanMeasures");

            migrationBuilder.DropColumn(
                name: "ResourcesSv",
                table: "PlanMeasures");

            migrationBuilder.DropColumn(
                name: "AccountSv",
                table: "PlanMeasureFollowUps");

            migrationBuilder.DropColumn(
                name: "StrategySv",
                table: "PlanGoals");

            migrationBuilder.DropColumn(
                name: "EvidenceSv",
                table: "Observations");
        }
    }
}
