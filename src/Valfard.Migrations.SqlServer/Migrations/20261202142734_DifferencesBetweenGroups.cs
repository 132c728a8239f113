using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Valfard.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DifferencesBetweenGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_LocalIndicatorValues",
                table: "LocalIndicatorValues");

            migrationBuilder.AddColumn<int>(
                name: "Id",
                table: "LocalIndicatorValues",
                type: "int",
                nullable: false,
                defaultValue: 0)
                .Annotation("SqlServer:Identity", "1, 1");

            migrationBuilder.AddColumn<double>(
                name: "Count",
                table: "LocalIndicatorValues",
                type: "float",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Denominator",
                table: "LocalIndicatorValues",
                type: "float",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DistrictId",
                table: "LocalIndicatorValues",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_LocalIndicatorValues",
                table: "LocalIndicatorValues",
                column: "Id");

            migrationBuilder.CreateTable(
                name: "Districts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    NameFi = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    NameSv = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Districts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Districts_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LocalIndicatorValues_District",
                table: "LocalIndicatorValues",
                columns: new[] { "LocalIndicatorId", "Year", "DistrictId" },
                unique: true,
                filter: "[DistrictId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_LocalIndicatorValues_DistrictId",
                table: "LocalIndicatorValues",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_LocalIndicatorValues_Whole",
                table: "LocalIndicatorValues",
                columns: new[] { "LocalIndicatorId", "Year" },
                unique: true,
                filter: "[DistrictId] IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Districts_OrganisationId_NameFi",
                table: "Districts",
                columns: new[] { "OrganisationId", "NameFi" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_LocalIndicatorValues_Districts_DistrictId",
                table: "LocalIndicatorValues",
                column: "DistrictId",
                principalTable: "Districts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_LocalIndicatorValues_Districts_DistrictId",
                table: "LocalIndicatorValues");

            migrationBuilder.DropTable(
                name: "Districts");

            migrationBuilder.DropPrimaryKey(
                name: "PK_LocalIndicatorValues",
                table: "LocalIndicatorValues");

            migrationBuilder.DropIndex(
                name: "IX_LocalIndicatorValues_District",
                table: "LocalIndicatorValues");

            migrationBuilder.DropIndex(
                name: "IX_LocalIndicatorValues_DistrictId",
                table: "LocalIndicatorValues");

            migrationBuilder.DropIndex(
                name: "IX_LocalIndicatorValues_Whole",
                table: "LocalIndicatorValues");

            migrationBuilder.DropColumn(
                name: "Id",
                table: "LocalIndicatorValues");

            migrationBuilder.DropColumn(
                name: "Count",
                table: "LocalIndicatorValues");

            migrationBuilder.DropColumn(
                name: "Denominator",
                table: "LocalIndicatorValues");

            migrationBuilder.DropColumn(
                name: "DistrictId",
                table: "LocalIndicatorValues");

            migrationBuilder.AddPrimaryKey(
                name: "PK_LocalIndicatorValues",
                table: "LocalIndicatorValues",
                columns: new[] { "LocalIndicatorId", "Year" });
        }
    }
}
