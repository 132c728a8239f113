using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Valfard.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SectionMembersComparison : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MembersIndicatorId",
                table: "ReportSections",
                type: "int",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportSections_MembersIndicatorId",
                table: "ReportSections",
                column: "MembersIndicatorId");

            migrationBuilder.AddForeignKey(
                name: "FK_ReportSections_Indicators_MembersIndicatorId",
                table: "ReportSections",
                column: "MembersIndicatorId",
                principalTable: "Indicators",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ReportSections_Indicators_MembersIndicatorId",
                table: "ReportSections");

            migrationBuilder.DropIndex(
                name: "IX_ReportSections_MembersIndicatorId",
                table: "ReportSections");

            migrationBuilder.DropColumn(
                name: "MembersIndicatorId",
                table: "ReportSections");
        }
    }
}
