using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Valfard.Migrations.SqlServer.Migrations
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
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BoardBody",
                table: "WelfareReports",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "BoardMeetingDate",
                table: "WelfareReports",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BoardMinutesUrl",
                table: "WelfareReports",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BoardParagraph",
                table: "WelfareReports",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BoardProposal",
                table: "WelfareReports",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SentToBoardAt",
                table: "WelfareReports",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SentToCouncilAt",
                table: "WelfareReports",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BoardAmendment",
                table: "ReportVersions",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BoardBody",
                table: "ReportVersions",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "BoardMeetingDate",
                table: "ReportVersions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BoardMinutesUrl",
                table: "ReportVersions",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BoardParagraph",
                table: "ReportVersions",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BoardProposal",
                table: "ReportVersions",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SubmittedDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReportId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    VersionNumber = table.Column<int>(type: "int", nullable: false),
                    Stage = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Language = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    Content = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
