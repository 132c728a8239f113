using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Valfard.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SectionPurpose : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Purpose",
                table: "TemplateSections",
                type: "TEXT",
                maxLength: 30,
                nullable: false,
                defaultValue: "Text");

            migrationBuilder.AddColumn<string>(
                name: "Purpose",
                table: "ReportSections",
                type: "TEXT",
                maxLength: 30,
                nullable: false,
                defaultValue: "Text");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Purpose",
                table: "TemplateSections");

            migrationBuilder.DropColumn(
                name: "Purpose",
                table: "ReportSections");
        }
    }
}
