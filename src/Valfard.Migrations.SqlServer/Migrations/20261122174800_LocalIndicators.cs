using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Valfard.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class LocalIndicators : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LocalIndicators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TitleFi = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    TitleSv = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Unit = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Direction = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LocalIndicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LocalIndicators_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LocalIndicatorValues",
                columns: table => new
                {
                    LocalIndicatorId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Value = table.Column<double>(type: "float", nullable: false),
                    Source = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    EnteredById = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EnteredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LocalIndicatorValues", x => new { x.LocalIndicatorId, x.Year });
                    table.ForeignKey(
                        name: "FK_LocalIndicatorValues_LocalIndicators_LocalIndicatorId",
                        column: x => x.LocalIndicatorId,
                        principalTable: "LocalIndicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LocalIndicators_OrganisationId",
                table: "LocalIndicators",
                column: "OrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LocalIndicatorValues");

            migrationBuilder.DropTable(
                name: "LocalIndicators");
        }
    }
}
