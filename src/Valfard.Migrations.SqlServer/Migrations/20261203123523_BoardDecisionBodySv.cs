using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Valfard.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class BoardDecisionBodySv : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BoardBodySv",
                table: "WelfareReports",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BoardBodySv",
                table: "ReportVersions",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            // The board's columns are nullable because its decision is optional; a decision recorded before this
            // migration reads an empty Swedish name (Finnish shown, said in words) rather than null.
            migrationBuilder.Sql("UPDATE WelfareReports SET BoardBodySv = '' WHERE BoardBody IS NOT NULL");
            migrationBuilder.Sql("UPDATE ReportVersions SET BoardBodySv = '' WHERE BoardBody IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BoardBodySv",
                table: "WelfareReports");

            migrationBuilder.DropColumn(
                name: "BoardBodySv",
                table: "ReportVersions");
        }
    }
}
