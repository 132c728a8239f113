using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Valfard.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AssessmentBlocksAndArchive : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CopiedFromReportId",
                table: "SectionTexts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CopiedFromVersion",
                table: "SectionTexts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ListsAssessments",
                table: "ReportSections",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "SubjectId",
                table: "AuditEntries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ArchivedAssessmentDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArchivedAssessmentDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArchivedAssessmentDocuments_ImpactAssessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "ImpactAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_OrganisationId_SubjectId",
                table: "AuditEntries",
                columns: new[] { "OrganisationId", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_ArchivedAssessmentDocuments_AssessmentId_Language",
                table: "ArchivedAssessmentDocuments",
                columns: new[] { "AssessmentId", "Language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ArchivedAssessmentDocuments_OrganisationId",
                table: "ArchivedAssessmentDocuments",
                column: "OrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArchivedAssessmentDocuments");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_OrganisationId_SubjectId",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "CopiedFromReportId",
                table: "SectionTexts");

            migrationBuilder.DropColumn(
                name: "CopiedFromVersion",
                table: "SectionTexts");

            migrationBuilder.DropColumn(
                name: "ListsAssessments",
                table: "ReportSections");

            migrationBuilder.DropColumn(
                name: "SubjectId",
                table: "AuditEntries");
        }
    }
}
