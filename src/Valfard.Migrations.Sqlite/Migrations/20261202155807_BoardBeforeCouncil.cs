using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Valfard.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BoardBeforeCouncil : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BoardAmendment",
                table: "WelfareReports",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BoardBody",
                table: "WelfareReports",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "BoardMeetingDate",
                table: "WelfareReports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BoardMinutesUrl",
                table: "WelfareReports",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BoardParagraph",
                table: "WelfareReports",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BoardProposal",
                table: "WelfareReports",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SentToBoardAt",
                table: "WelfareReports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SentToCouncilAt",
                table: "WelfareReports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BoardAmendment",
                table: "ReportVersions",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BoardBody",
                table: "ReportVersions",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "BoardMeetingDate",
                table: "ReportVersions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BoardMinutesUrl",
                table: "ReportVersions",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BoardParagraph",
                table: "ReportVersions",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BoardProposal",
                table: "ReportVersions",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SubmittedDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubmittedDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubmittedDocuments_WelfareReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "WelfareReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SubmittedDocuments_OrganisationId",
                table: "SubmittedDocuments",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_SubmittedDocuments_ReportId_VersionNumber_Stage",
                table: "SubmittedDocuments",
                columns: new[] { "ReportId", "VersionNumber", "Stage" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SubmittedDocuments");

            migrationBuilder.DropColumn(
                name: "BoardAmendment",
                table: "WelfareReports");

            migrationBuilder.DropColumn(
                name: "BoardBody",
                table: "WelfareReports");

            migrationBuilder.DropColumn(
                name: "BoardMeetingDate",
                table: "WelfareReports");

            migrationBuilder.DropColumn(
                name: "BoardMinutesUrl",
                table: "WelfareReports");

            migrationBuilder.DropColumn(
                name: "BoardParagraph",
                table: "WelfareReports");

            migrationBuilder.DropColumn(
                name: "BoardProposal",
                table: "WelfareReports");

            migrationBuilder.DropColumn(
                name: "SentToBoardAt",
                table: "WelfareReports");

            migrationBuilder.DropColumn(
                name: "SentToCouncilAt",
                table: "WelfareReports");

            migrationBuilder.DropColumn(
                name: "BoardAmendment",
                table: "ReportVersions");

            migrationBuilder.DropColumn(
                name: "BoardBody",
                table: "ReportVersions");

            migrationBuilder.DropColumn(
                name: "BoardMeetingDate",
                table: "ReportVersions");

            migrationBuilder.DropColumn(
                name: "BoardMinutesUrl",
                table: "ReportVersions");

            migrationBuilder.DropColumn(
                name: "BoardParagraph",
                table: "ReportVersions");

            migrationBuilder.DropColumn(
                name: "BoardProposal",
                table: "ReportVersions");
        }
    }
}
