using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Valfard.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "EmptyReasonSv",
                table: "ReportSections",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "IsIntentionallyEmpty",
                table: "ReportSections",
                type: "INTEGER",
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
