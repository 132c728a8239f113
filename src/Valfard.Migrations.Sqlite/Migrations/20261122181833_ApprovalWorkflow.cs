using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Valfard.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ApprovalWorkflow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReturnReason",
                table: "WelfareReports",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "VersionNumber",
                table: "WelfareReports",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "OrganisationLogos",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganisationLogos", x => x.OrganisationId);
                    table.ForeignKey(
                        name: "FK_OrganisationLogos_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    DecisionBody = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DecisionMeetingDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DecisionParagraph = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecisionMinutesUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DecisionAmendment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SnapshotJson = table.Column<string>(type: "TEXT", nullable: false),
                    SnapshotSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ApprovedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    PublishedById = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportVersions_AspNetUsers_ApprovedById",
                        column: x => x.ApprovedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReportVersions_AspNetUsers_PublishedById",
                        column: x => x.PublishedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReportVersions_WelfareReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "WelfareReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ArchivedDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArchivedDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArchivedDocuments_ReportVersions_ReportVersionId",
                        column: x => x.ReportVersionId,
                        principalTable: "ReportVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ArchivedDocuments_OrganisationId",
                table: "ArchivedDocuments",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ArchivedDocuments_ReportVersionId_Language",
                table: "ArchivedDocuments",
                columns: new[] { "ReportVersionId", "Language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportVersions_ApprovedById",
                table: "ReportVersions",
                column: "ApprovedById");

            migrationBuilder.CreateIndex(
                name: "IX_ReportVersions_OrganisationId",
                table: "ReportVersions",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportVersions_PublishedById",
                table: "ReportVersions",
                column: "PublishedById");

            migrationBuilder.CreateIndex(
                name: "IX_ReportVersions_ReportId_Number",
                table: "ReportVersions",
                columns: new[] { "ReportId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArchivedDocuments");

            migrationBuilder.DropTable(
                name: "OrganisationLogos");

            migrationBuilder.DropTable(
                name: "ReportVersions");

            migrationBuilder.DropColumn(
                name: "ReturnReason",
                table: "WelfareReports");

            migrationBuilder.DropColumn(
                name: "VersionNumber",
                table: "WelfareReports");
        }
    }
}
