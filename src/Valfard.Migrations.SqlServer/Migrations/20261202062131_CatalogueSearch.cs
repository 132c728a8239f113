using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Valfard.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CatalogueSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Indicators",
                type: "nvarchar(1520)",
                maxLength: 1520,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_IndicatorId_Year",
                table: "IndicatorValues",
                columns: new[] { "IndicatorId", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IndicatorValues_IndicatorId_Year",
                table: "IndicatorValues");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Indicators");
        }
    }
}
