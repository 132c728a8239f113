using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Valfard.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorCatalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Indicators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    TitleFi = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    TitleSv = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    TitleEn = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    DescriptionFi = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    DescriptionSv = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    InterpretationFi = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    InterpretationSv = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    Organization = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    PrimaryValueType = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Decimals = table.Column<int>(type: "int", nullable: false),
                    RangeStart = table.Column<int>(type: "int", nullable: true),
                    RangeEnd = table.Column<int>(type: "int", nullable: true),
                    HasGenders = table.Column<bool>(type: "bit", nullable: false),
                    Direction = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Regions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    TitleFi = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    TitleSv = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Code = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Category = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    MemberOf = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Regions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorValues",
                columns: table => new
                {
                    IndicatorId = table.Column<int>(type: "int", nullable: false),
                    RegionId = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Gender = table.Column<int>(type: "int", nullable: false),
                    Value = table.Column<double>(type: "float", nullable: true),
                    AbsValue = table.Column<double>(type: "float", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorValues", x => new { x.IndicatorId, x.RegionId, x.Year, x.Gender });
                    table.ForeignKey(
                        name: "FK_IndicatorValues_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IndicatorValues_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_RegionId_IndicatorId",
                table: "IndicatorValues",
                columns: new[] { "RegionId", "IndicatorId" });

            migrationBuilder.CreateIndex(
                name: "IX_Regions_Category_Code",
                table: "Regions",
                columns: new[] { "Category", "Code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndicatorValues");

            migrationBuilder.DropTable(
                name: "Indicators");

            migrationBuilder.DropTable(
                name: "Regions");
        }
    }
}
