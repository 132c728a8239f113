using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Valfard.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Negotiations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Negotiations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    MeetingDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IsOnline = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    HeldAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ApprovedById = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Negotiations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Negotiations_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Negotiations_Organisations_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Negotiations_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NegotiationAgendaItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NegotiationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Side = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NegotiationAgendaItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NegotiationAgendaItems_Negotiations_NegotiationId",
                        column: x => x.NegotiationId,
                        principalTable: "Negotiations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NegotiationAgreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NegotiationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TitleFi = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleSv = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Responsible = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MunicipalityGoalId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MunicipalityGoalCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CountyGoalId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CountyGoalCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NegotiationAgreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NegotiationAgreements_Negotiations_NegotiationId",
                        column: x => x.NegotiationId,
                        principalTable: "Negotiations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NegotiationParticipants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NegotiationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Side = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NegotiationParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NegotiationParticipants_Negotiations_NegotiationId",
                        column: x => x.NegotiationId,
                        principalTable: "Negotiations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NegotiationFollowUps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NegotiationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Progress = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NegotiationFollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NegotiationFollowUps_NegotiationAgreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "NegotiationAgreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NegotiationFollowUps_Negotiations_NegotiationId",
                        column: x => x.NegotiationId,
                        principalTable: "Negotiations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NegotiationAgendaItems_NegotiationId",
                table: "NegotiationAgendaItems",
                column: "NegotiationId");

            migrationBuilder.CreateIndex(
                name: "IX_NegotiationAgreements_CountyGoalId",
                table: "NegotiationAgreements",
                column: "CountyGoalId");

            migrationBuilder.CreateIndex(
                name: "IX_NegotiationAgreements_MunicipalityGoalId",
                table: "NegotiationAgreements",
                column: "MunicipalityGoalId");

            migrationBuilder.CreateIndex(
                name: "IX_NegotiationAgreements_NegotiationId",
                table: "NegotiationAgreements",
                column: "NegotiationId");

            migrationBuilder.CreateIndex(
                name: "IX_NegotiationFollowUps_AgreementId",
                table: "NegotiationFollowUps",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_NegotiationFollowUps_NegotiationId_AgreementId",
                table: "NegotiationFollowUps",
                columns: new[] { "NegotiationId", "AgreementId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NegotiationParticipants_NegotiationId",
                table: "NegotiationParticipants",
                column: "NegotiationId");

            migrationBuilder.CreateIndex(
                name: "IX_Negotiations_CreatedById",
                table: "Negotiations",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_Negotiations_MunicipalityId",
                table: "Negotiations",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_Negotiations_OrganisationId_MunicipalityId_Year",
                table: "Negotiations",
                columns: new[] { "OrganisationId", "MunicipalityId", "Year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NegotiationAgendaItems");

            migrationBuilder.DropTable(
                name: "NegotiationFollowUps");

            migrationBuilder.DropTable(
                name: "NegotiationParticipants");

            migrationBuilder.DropTable(
                name: "NegotiationAgreements");

            migrationBuilder.DropTable(
                name: "Negotiations");
        }
    }
}
