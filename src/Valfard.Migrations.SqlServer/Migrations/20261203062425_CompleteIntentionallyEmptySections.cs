using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Valfard.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CompleteIntentionallyEmptySections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EmptyReasonFi",
                table: "ReportSections",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "EmptyReasonSv",
                table: "ReportSections",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "IsIntentionallyEmpty",
                table: "ReportSections",
                type: "bit",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EmptyReasonFi",
                table: "ReportSections");

            migrationBuilder.DropColumn(
                name: "EmptyReasonSv",
                table: "ReportSections");

            migrationBuilder.DropColumn(
                name: "IsIntentionallyEmpty",
                table: "ReportSections");
        }
    }
}
