using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Valfard.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ImportRunsAndStaging : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ImportRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    FilePath = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IndicatorIds = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Years = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    StartedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    QueuedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Processed = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: true),
                    Added = table.Column<int>(type: "INTEGER", nullable: false),
                    Updated = table.Column<int>(type: "INTEGER", nullable: false),
                    Unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    Skipped = table.Column<int>(type: "INTEGER", nullable: false),
                    UnknownRegions = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ErrorRow = table.Column<int>(type: "INTEGER", nullable: true),
                    ErrorField = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ErrorProblem = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ErrorValue = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Applying = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorValueStaging",
                columns: table => new
                {
                    RunKey = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Gender = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: true),
                    AbsValue = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorValueStaging", x => new { x.RunKey, x.IndicatorId, x.RegionId, x.Year, x.Gender });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ImportRuns_OneRunning",
                table: "ImportRuns",
                column: "State",
                unique: true,
                filter: "State = 'Running'");

            migrationBuilder.CreateIndex(
                name: "IX_ImportRuns_Sequence",
                table: "ImportRuns",
                column: "Sequence");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImportRuns");

            migrationBuilder.DropTable(
                name: "IndicatorValueStaging");
        }
    }
}
