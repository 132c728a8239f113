using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Valfard.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PartnerNamesSv",
                table: "PlanMeasures",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ResourcesSv",
                table: "PlanMeasures",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "AccountSv",
                table: "PlanMeasureFollowUps",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "StrategySv",
                table: "PlanGoals",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "EvidenceSv",
                table: "Observations",
                type: "TEXT",
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
