using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Valfard.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorValuesCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IndicatorValues_IndicatorId_Year",
                table: "IndicatorValues");

            migrationBuilder.DropIndex(
                name: "IX_IndicatorValues_RegionId_IndicatorId",
                table: "IndicatorValues");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_IndicatorId_Year_Gender_RegionId_Value",
                table: "IndicatorValues",
                columns: new[] { "IndicatorId", "Year", "Gender", "RegionId", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_RegionId_IndicatorId_Year_Gender_Value_AbsValue",
                table: "IndicatorValues",
                columns: new[] { "RegionId", "IndicatorId", "Year", "Gender", "Value", "AbsValue" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IndicatorValues_IndicatorId_Year_Gender_RegionId_Value",
                table: "IndicatorValues");

            migrationBuilder.DropIndex(
                name: "IX_IndicatorValues_RegionId_IndicatorId_Year_Gender_Value_AbsValue",
                table: "IndicatorValues");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_IndicatorId_Year",
                table: "IndicatorValues",
                columns: new[] { "IndicatorId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_RegionId_IndicatorId",
                table: "IndicatorValues",
                columns: new[] { "RegionId", "IndicatorId" });
        }
    }
}
